import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";

// Finds every route handler and server action in the file tree and calls actions the way the
// browser does, so the isolation and role specs cover whatever exists, including new ones.

export function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesNamed(full, name) : entry === name ? [full] : [];
  });
}

/** Every "METHOD /api/..." a route.ts under app/api exports. */
export function routeOperations(): string[] {
  return filesNamed("app/api", "route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const methods = [
      ...source.matchAll(
        /export const (GET|POST|PATCH|DELETE|PUT)\b|export async function (GET|POST|PATCH|DELETE|PUT)\b|handler as (GET|POST|PATCH|DELETE|PUT)/g,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3]);
    const template =
      "/" +
      path
        .dirname(path.relative("app", file))
        .split(path.sep)
        .join("/")
        .replace(/\[(\w+)\]/g, "{$1}");
    return methods.map((method) => `${method} ${template}`);
  });
}

/** Every exported function of every actions.ts under app/ (built with action(), or not), as "file#name". */
export function serverActions(): string[] {
  return filesNamed("app", "actions.ts").flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(
        /export async function (\w+)|export const (\w+) = action\(/g,
      ),
    ].map((m) => `${file.split(path.sep).join("/")}#${m[1] ?? m[2]}`),
  );
}

/** The build's action ids by "file#name". */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, v]) => [`${v.filename}#${v.exportedName}`, id]),
  );
}

/** Calls a server action the way the browser does: plain arguments, or a form as the last one. */
export function callAction(
  request: APIRequestContext,
  id: string,
  args: unknown[],
  form?: Record<string, string>,
) {
  const headers = { "Next-Action": id, Accept: "text/x-component" };
  if (!form)
    return request.post("/", {
      headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(args),
    });
  // As the browser sends it: the form's fields as `_<part id>_<name>`, then the arguments as
  // part "0" last (the server decodes while the body streams in, so order matters).
  const multipart = new FormData();
  for (const [key, value] of Object.entries(form)) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify([...args, "$K1"]));
  return request.post("/", { headers, multipart });
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The password check is a deliberately slow hash: on a loaded machine it takes seconds.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
}

/** A server action's answer that refuses: 403/404, notFound()/forbidden() in the stream, or an error result. */
export async function isRefusal(
  answer: APIResponse,
  { allowErrorResult }: { allowErrorResult: boolean },
) {
  const body = await answer.text();
  if ([403, 404].includes(answer.status()) || /NEXT_HTTP_ERROR_FALLBACK;40[34]/.test(body))
    return true;
  return allowErrorResult && /^1:\{"error":"[^"]+"/m.test(body);
}
