import { Lock, ScrollText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilter } from "@/components/settings/audit-filter";
import { RoleNote } from "@/components/settings/role-note";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireTeam } from "@/lib/auth/require-team";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ action?: string; cursor?: string }>;
}) {
  // Any member may open the tab; only admins and owners read it. A lower role is told so
  // rather than refused with an error (requireTeam's minimum role throws).
  const {
    db,
    team,
    actor: { role },
  } = await requireTeam((await params).team);
  const header = (
    <>
      <PageHeader
        title="Settings"
        description="Every change to keys, secrets, endpoints, sources, members and team settings: who, what and when."
      />
      <SettingsTabs teamSlug={team.slug} current="/audit-log" />
    </>
  );
  if (!hasRole(role, "admin")) {
    return (
      <>
        {header}
        <EmptyState icon={Lock} title="The audit log is for admins and owners">
          <RoleNote role={role} needs="admin">
            read the audit log
          </RoleNote>
          <p>
            Ask one of them if you need to know who changed something;{" "}
            <Link
              className="font-medium text-indigo-600 underline dark:text-indigo-400"
              href={`/${team.slug}/settings/members`}
            >
              Members
            </Link>{" "}
            lists who they are.
          </p>
        </EmptyState>
      </>
    );
  }
  const query = await searchParams;
  const page = await listAuditLog(db, { teamId: team.id, query });
  const base = `/${team.slug}/settings/audit-log`;

  return (
    <>
      {header}
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
