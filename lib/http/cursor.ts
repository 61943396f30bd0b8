import { desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { z } from "zod";
import { HttpProblem } from "./problem";
import { isRealInstant } from "./real-instant";

// Keyset pagination over (time, id), newest first: stable under inserts, and each page costs
// the same however deep it is. The timestamp travels as PostgreSQL's own microsecond text,
// because a JavaScript Date would round it to milliseconds and skip rows. Every cursor list goes
// through keysetPage() below; the rest of this file is its parts.
type Cursor = { time: string; id: string };

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: z.string().max(200).optional(),
});

/** Selected as `cursorTime` beside each row to build its cursor. */
function cursorTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.time}|${cursor.id}`).toString("base64url");
}

// What encodeCursor writes: PostgreSQL's microsecond UTC text, and an id of ours.
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^[a-z]{2,5}_[0-9a-z_]{1,60}$/;

/** Decodes a cursor this API returned; anything else is a 400 before any query runs. */
function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const [time, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (
    rest.length > 0 ||
    !time ||
    !id ||
    !CURSOR_TIME.test(time) ||
    !isRealInstant(time) ||
    !CURSOR_ID.test(id)
  ) {
    throw new HttpProblem(
      400,
      "The cursor is not one this API returned. Pass back `nextCursor` unchanged.",
      { errors: [{ path: "cursor", message: "is not a cursor this API returned" }] },
    );
  }
  return { time, id };
}

/** The where-condition for rows after the cursor, or undefined on the first page. */
function afterCursor(cursor: Cursor | null, time: AnyColumn, id: AnyColumn): SQL | undefined {
  return cursor ? sql`(${time}, ${id}) < (${cursor.time}::timestamptz, ${cursor.id})` : undefined;
}

/** Splits rows fetched with limit + 1 into the page and the next cursor. */
function toPage<Row extends { id: string; cursorTime: string }>(rows: Row[], limit: number) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ time: last.cursorTime, id: last.id }) : null,
  };
}

/** What a page asks for: at most `limit` rows after `cursor` (a `nextCursor` we returned). */
export type PageQuery = { cursor?: string | undefined; limit: number };

/**
 * One page of a list newest first by (`time`, `id`). `select` builds the query from the two
 * pieces the keyset needs: the row's cursor time (select it as `cursorTime`) and the condition
 * for rows after the cursor (and it into the where-clause), ending with `.$dynamic()`. This
 * decodes the cursor (a 400 before any query when it is not one we returned), orders, fetches
 * one row more than the page to know whether another follows, and answers the page with its
 * `nextCursor` (null on the last page).
 */
export async function keysetPage<
  Query extends PgSelect,
  Row extends { id: string; cursorTime: string },
>(
  query: PageQuery,
  key: { time: AnyColumn; id: AnyColumn },
  select: (keyset: {
    cursorTime: SQL<string>;
    after: SQL | undefined;
  }) => Query & PromiseLike<Row[]>,
): Promise<{ data: Row[]; nextCursor: string | null }> {
  const after = afterCursor(decodeCursor(query.cursor), key.time, key.id);
  const rows = (await select({ cursorTime: cursorTime(key.time), after })
    .orderBy(desc(key.time), desc(key.id))
    .limit(query.limit + 1)) as Row[];
  return toPage(rows, query.limit);
}
