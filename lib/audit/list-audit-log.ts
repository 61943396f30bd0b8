import "server-only";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { keysetPage } from "@/lib/http/cursor";

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
});

/** The team's audit log, newest first, 50 a page, optionally one kind of action (or prefix: "endpoint."). */
export async function listAuditLog(db: Executor, params: { teamId: string; query: unknown }) {
  const query = auditQuerySchema.parse(params.query);
  return keysetPage(
    { cursor: query.cursor, limit: 50 },
    { time: auditLog.createdAt, id: auditLog.id },
    (keyset) =>
      db
        .select({
          ...getTableColumns(auditLog),
          actorEmail: users.email,
          cursorTime: keyset.cursorTime,
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
            keyset.after,
          ),
        )
        .$dynamic(),
  );
}
