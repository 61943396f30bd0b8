import { parseStorableJson } from "./json-hygiene";
import { HttpProblem } from "./problem";

export const tooLarge = (maxBytes: number) =>
  new HttpProblem(413, `The body is larger than the ${maxBytes}-byte limit (INGEST_MAX_BYTES).`);

/**
 * Reads a request body up to `maxBytes`, refusing larger ones with 413 whether or not the
 * client sent Content-Length (chunked uploads are counted as they stream in).
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  // With a Content-Length the HTTP parser delivers exactly that many bytes, so a declared size
  // under the cap can be read in one go (the common case, and a cheaper one than the loop).
  if (Number.isFinite(declared)) return Buffer.from(await request.arrayBuffer());

  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Parses a JSON body: 400 with the parser's reason when it is not JSON, 422 naming the field
 * when it holds what cannot be stored (NUL, a lone surrogate, a number out of range, nesting
 * past MAX_JSON_DEPTH).
 */
export async function readJson(request: Request, maxBytes = 1024 * 1024): Promise<unknown> {
  const raw = await readBodyCapped(request, maxBytes);
  if (raw.length === 0) throw new HttpProblem(400, "The request needs a JSON body.");
  const parsed = parseStorableJson(raw.toString("utf8"));
  if (parsed.ok) return parsed.value;
  const { flaw } = parsed;
  if (parsed.syntax) throw new HttpProblem(400, `The body is not valid JSON: ${flaw.message}`);
  const where = flaw.path ? `${flaw.path} ${flaw.message}` : `The body ${flaw.message}`;
  throw new HttpProblem(422, `${where}.`, { errors: [flaw] });
}
