import { z } from "zod";
import { InputError } from "@/lib/errors";

// Keyset pagination over (created_at, id), newest first: stable under inserts, and each page
// costs the same however deep it is.
export type Cursor = { createdAt: Date; id: string };

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: z.string().max(200).optional(),
});

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const [iso, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()))
    throw new InputError("The cursor is not one this API returned.", "cursor");
  return { createdAt, id };
}

/** Splits a query result fetched with limit + 1 into the page and the next cursor. */
export function toPage<Row>(rows: Row[], limit: number, cursorOf: (row: Row) => Cursor) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
