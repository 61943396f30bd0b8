import fs from "node:fs";
import path from "node:path";

// Each folder of lib/ is one concern; two that import each other (directly or round a longer
// loop) are one concern split in two, or a shared piece that wants a folder of its own. This
// rule sees the whole lib/ tree (tests left out: a test may use anything) and reports every
// import that closes such a loop, naming the way back.

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /\.test\.(ts|tsx)$/;
const SPECIFIER = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function folderOf(libRoot, fromFile, specifier) {
  let target;
  if (specifier.startsWith("@/lib/")) target = path.join(libRoot, specifier.slice("@/lib/".length));
  else if (specifier.startsWith(".")) target = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  const relative = path.relative(libRoot, target);
  if (relative.startsWith("..") || relative === "") return null;
  const [folder, rest] = relative.split(path.sep);
  // A file directly in lib/ (no folder) is not a folder of its own.
  return rest === undefined && SOURCE.test(folder) ? null : folder.replace(SOURCE, "");
}

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) yield full;
  }
}

/** folder → folder it imports → one file that does (for the message). */
function readGraph(libRoot) {
  const graph = new Map();
  for (const file of sourceFiles(libRoot)) {
    const from = path.relative(libRoot, file).split(path.sep)[0];
    if (from === path.basename(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      const to = folderOf(libRoot, file, specifier);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, path.relative(libRoot, file));
    }
  }
  return graph;
}

/** The folders from `start` back to `goal`, or null when there is no way. */
function wayBack(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    if (folder === goal) {
      const way = [];
      for (let at = goal; at !== null; at = previous.get(at)) way.unshift(at);
      return way;
    }
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, folder);
        queue.push(next);
      }
    }
  }
  return null;
}

// Read once per lint run; an editor's long-lived process re-reads after a few seconds.
let cached = { at: 0, root: "", graph: new Map() };
function graphFor(libRoot) {
  if (cached.root !== libRoot || Date.now() - cached.at > 5_000)
    cached = { at: Date.now(), root: libRoot, graph: readGraph(libRoot) };
  return cached.graph;
}

export const libFolderCycles = {
  meta: {
    type: "problem",
    docs: {
      description: "No two folders of lib/ may import each other, directly or round a loop.",
    },
    schema: [],
  },
  create(context) {
    const libRoot = path.join(context.cwd, "lib");
    const file = context.filename;
    const relative = path.relative(libRoot, file);
    if (relative.startsWith("..") || TEST.test(file)) return {};
    const from = relative.split(path.sep)[0];
    if (from === path.basename(file)) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== "string") return;
      const to = folderOf(libRoot, file, specifier);
      if (!to || to === from) return;
      const graph = graphFor(libRoot);
      const way = wayBack(graph, to, from);
      if (!way) return;
      const steps = way
        .slice(0, -1)
        .map(
          (folder, i) => `lib/${folder} → lib/${way[i + 1]} (${graph.get(folder).get(way[i + 1])})`,
        );
      context.report({
        node: node.source,
        message: `lib/${from} imports lib/${to}, and lib/${to} already reaches lib/${from}: ${steps.join(", ")}. Move what both need into a folder of its own, or turn one dependency around.`,
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
