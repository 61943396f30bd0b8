import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { HttpProblem } from "./problem";
import { isRealInstant } from "./real-instant";

// Keyset pagination over (created_at, id), newest first: stable under inserts, and each page
// costs the same however deep it is. The timestamp travels as PostgreSQL's own microsecond text,
// because a JavaScript Date would round it to milliseconds and skip rows.
export type Cursor = { createdAt: string; id: string };

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: z.string().max(200).optional(),
});

/** Select this as `cursorTime` beside each row to build its cursor. */
export function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString("base64url");
}

// What encodeCursor writes: PostgreSQL's microsecond UTC text, and an id of ours.
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^[a-z]{2,5}_[0-9a-z_]{1,60}$/;

/** Decodes a cursor this API returned; anything else is a 400 before any query runs. */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const [createdAt, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (
    rest.length > 0 ||
    !createdAt ||
    !id ||
    !CURSOR_TIME.test(createdAt) ||
    !isRealInstant(createdAt) ||
    !CURSOR_ID.test(id)
  ) {
    throw new HttpProblem(
      400,
      "The cursor is not one this API returned. Pass back `nextCursor` unchanged.",
      { errors: [{ path: "cursor", message: "is not a cursor this API returned" }] },
    );
  }
  return { createdAt, id };
}

/** The where-condition for rows after the cursor, or undefined on the first page. */
export function afterCursor(
  cursor: Cursor | null,
  createdAt: AnyColumn,
  id: AnyColumn,
): SQL | undefined {
  return cursor
    ? sql`(${createdAt}, ${id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`
    : undefined;
}

/** Splits rows fetched with limit + 1 into the page and the next cursor. */
export function toPage<Row extends { id: string; cursorTime: string }>(rows: Row[], limit: number) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ createdAt: last.cursorTime, id: last.id })
        : null,
  };
}
