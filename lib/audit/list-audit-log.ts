import "server-only";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { afterCursor, cursorTime, decodeCursor, toPage } from "@/lib/http/cursor";

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
});

/** The team's audit log, newest first, 50 a page, optionally one kind of action (or prefix: "endpoint."). */
export async function listAuditLog(db: Executor, params: { teamId: string; query: unknown }) {
  const query = auditQuerySchema.parse(params.query);
  const rows = await db
    .select({
      ...getTableColumns(auditLog),
      actorEmail: users.email,
      cursorTime: cursorTime(auditLog.createdAt),
    })
    .from(auditLog)
    .leftJoin(users, and(eq(auditLog.actorType, "user"), eq(users.id, auditLog.actorId)))
    .where(
      and(
        eq(auditLog.teamId, params.teamId),
        query.action
          ? query.action.endsWith(".")
            ? sql`${auditLog.action} like ${`${query.action}%`}`
            : eq(auditLog.action, query.action)
          : undefined,
        afterCursor(decodeCursor(query.cursor), auditLog.createdAt, auditLog.id),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(51);
  return toPage(rows, 50);
}
