import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilter } from "@/components/settings/audit-filter";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireTeam } from "@/lib/auth/require-team";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ action?: string; cursor?: string }>;
}) {
  const { db, team } = await requireTeam((await params).team, "admin");
  const query = await searchParams;
  const page = await listAuditLog(db, { teamId: team.id, query });
  const base = `/${team.slug}/settings/audit-log`;

  return (
    <>
      <PageHeader
        title="Settings"
        description="Every change to keys, secrets, endpoints, sources, members and team settings: who, what and when."
      />
      <SettingsTabs teamSlug={team.slug} current="/audit-log" />
      <AuditFilter current={query.action ?? ""} />
      {page.data.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={query.action ? "Nothing matches this filter" : "No changes recorded yet"}
        >
          <p>
            Entries appear here as soon as anyone creates, changes or deletes something in this
            team.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Audit log"
          rows={page.data}
          columns={[
            {
              header: "When",
              cell: (e) => <Timestamp value={e.createdAt} />,
              className: "whitespace-nowrap",
            },
            {
              header: "Who",
              cell: (e) =>
                e.actorType === "user"
                  ? (e.actorEmail ?? "deleted user")
                  : e.actorType === "api_key"
                    ? `API key ${e.actorId}`
                    : "Hookyard",
            },
            {
              header: "Action",
              cell: (e) => <code className="font-mono text-xs">{e.action}</code>,
            },
            {
              header: "Target",
              cell: (e) => <span className="font-mono text-xs">{e.targetId ?? e.targetType}</span>,
            },
            {
              header: "Details",
              cell: (e) => (
                <span className="font-mono text-xs break-all">{JSON.stringify(e.details)}</span>
              ),
            },
          ]}
        />
      )}
      {page.nextCursor ? (
        <Link
          className="mt-4 inline-block text-sm font-medium text-indigo-600 underline dark:text-indigo-400"
          href={`${base}?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), cursor: page.nextCursor })}`}
        >
          Older entries
        </Link>
      ) : null}
    </>
  );
}
