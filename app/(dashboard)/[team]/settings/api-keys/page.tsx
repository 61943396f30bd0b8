import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { RoleNote } from "@/components/settings/role-note";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { hasRole } from "@/lib/auth/roles";
import { requireTeam } from "@/lib/auth/require-team";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ team: string }> }) {
  const {
    db,
    team,
    actor: { role },
  } = await requireTeam((await params).team);
  const keys = await listApiKeys(db, { teamId: team.id });
  const canManage = hasRole(role, "admin");

  return (
    <>
      <PageHeader
        title="Settings"
        description="API keys let your services publish events and manage this team through /api/v1."
      />
      <SettingsTabs teamSlug={team.slug} current="/api-keys" />
      <div className="space-y-6">
        {canManage ? (
          <Card>
            <h2 className="mb-4 text-base font-semibold">Create an API key</h2>
            <CreateApiKeyForm action={createApiKeyAction.bind(null, team.slug)} />
          </Card>
        ) : (
          <RoleNote role={role} needs="admin">
            create or revoke keys
          </RoleNote>
        )}
        {keys.length === 0 ? (
          <EmptyState icon={KeyRound} title="No API keys yet">
            <p>
              Create one for each service that publishes events, so you can revoke them one by one.
            </p>
          </EmptyState>
        ) : (
          <DataTable
            caption="API keys"
            rows={keys}
            columns={[
              { header: "Name", cell: (k) => k.name },
              {
                header: "Prefix",
                cell: (k) => <code className="font-mono text-xs">{k.prefix}…</code>,
              },
              {
                header: "Created",
                cell: (k) => <Timestamp value={k.createdAt} />,
                className: "whitespace-nowrap",
              },
              {
                header: "Last used",
                cell: (k) => (k.lastUsedAt ? <Timestamp value={k.lastUsedAt} /> : "never"),
                className: "whitespace-nowrap",
              },
              {
                header: "Status",
                cell: (k) =>
                  k.revokedAt ? (
                    <Badge tone="danger">revoked</Badge>
                  ) : canManage ? (
                    <ConfirmButton
                      label="Revoke"
                      confirmLabel={`Revoke “${k.name}”`}
                      action={revokeApiKeyAction.bind(null, team.slug, k.id)}
                    />
                  ) : (
                    <Badge tone="success">active</Badge>
                  ),
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
