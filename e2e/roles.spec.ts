import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { bootstrapTeam, client } from "./api-client";
import { e2eAdminUrl, e2eDatabaseUrl } from "./environment";
import { actionIds, callAction, isRefusal, serverActions, signIn } from "./server-actions";

// Viewers change nothing; developers do not manage members, keys or team settings. Every
// team-scoped server action in the file tree is tried as each role on their own team.

const S = "app/(dashboard)/[team]/settings";
type Call = { args: (slug: string, ids: Ids) => unknown[]; form?: Record<string, string> };
type Ids = {
  ownerId: string;
  apiKeyId: string;
  invitationId: string;
  endpointId: string;
  sourceId: string;
};
const E = "app/(dashboard)/[team]/endpoints/actions.ts";
const endpointForm = { url: "http://127.0.0.1:9/sneaky", timeoutSeconds: "5" };
const SRC = "app/(dashboard)/[team]/sources/actions.ts";
const sourceForm = { name: "Sneaky", kind: "none", eventTypeFrom: "fixed" };

/** Each mutating team action, with the minimum role it needs. */
const D = "app/(dashboard)/[team]/deliveries/actions.ts";
const MUTATING: Record<string, Call & { minimum: "developer" | "admin" | "owner" }> = {
  // The role is checked before the delivery is looked up, so any id shows the refusal.
  [`${D}#resendDeliveryAction`]: { minimum: "developer", args: (slug) => [slug, "dlv_roles"] },
  [`${D}#bulkResendAction`]: { minimum: "developer", args: (slug) => [slug, ["dlv_roles"]] },
  [`${SRC}#createSourceAction`]: {
    minimum: "developer",
    args: (slug) => [slug, {}],
    form: sourceForm,
  },
  [`${SRC}#updateSourceAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.sourceId, {}],
    form: sourceForm,
  },
  [`${SRC}#setSourcePausedAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.sourceId, true],
  },
  [`${SRC}#deleteSourceAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.sourceId],
  },
  [`${S}/actions.ts#renameTeamAction`]: {
    minimum: "admin",
    args: (slug) => [slug, {}],
    form: { name: "Renamed" },
  },
  [`${S}/api-keys/actions.ts#createApiKeyAction`]: {
    minimum: "admin",
    args: (slug) => [slug, {}],
    form: { name: "Sneaky" },
  },
  [`${S}/api-keys/actions.ts#revokeApiKeyAction`]: {
    minimum: "admin",
    args: (slug, ids) => [slug, ids.apiKeyId],
  },
  [`${S}/members/actions.ts#inviteAction`]: {
    minimum: "admin",
    args: (slug) => [slug, {}],
    form: { role: "admin", expiresInDays: "7" },
  },
  [`${S}/members/actions.ts#revokeInvitationAction`]: {
    minimum: "admin",
    args: (slug, ids) => [slug, ids.invitationId],
  },
  [`${S}/members/actions.ts#changeRoleAction`]: {
    minimum: "admin",
    args: (slug, ids) => [slug, ids.ownerId, "viewer"],
  },
  [`${S}/members/actions.ts#removeMemberAction`]: {
    minimum: "admin",
    args: (slug, ids) => [slug, ids.ownerId],
  },
  [`${E}#createEndpointAction`]: {
    minimum: "developer",
    args: (slug) => [slug, {}],
    form: endpointForm,
  },
  [`${E}#updateEndpointAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId, {}],
    form: endpointForm,
  },
  [`${E}#setEndpointStateAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId, "disabled"],
  },
  // Not a change, but it hands out the signing secret: viewers are refused too.
  [`${E}#revealEndpointSecretAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId],
  },
  [`${E}#rotateEndpointSecretAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId],
  },
  [`${E}#sendTestEventAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId],
  },
  [`${E}#recoverDeliveriesAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId, new Date(0).toISOString(), false],
  },
  [`${E}#skipStuckKeyAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId, "k"],
  },
  [`${E}#retryStuckKeyNowAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId, "k"],
  },
  [`${E}#deleteEndpointAction`]: {
    minimum: "developer",
    args: (slug, ids) => [slug, ids.endpointId],
  },
  [`${S}/actions.ts#deleteTeamAction`]: {
    minimum: "owner",
    args: (slug) => [slug, {}],
    form: { confirmation: "anything" },
  },
};
const NOT_MUTATING_A_TEAM = new Set([
  "app/(auth)/actions.ts#signOutAction",
  "app/teams/actions.ts#createTeamAction",
  "app/invite/actions.ts#acceptInviteAction",
]);

for (const role of ["viewer", "developer"] as const) {
  test(`a ${role} is refused on every action that needs a higher role, and nothing changes`, async ({
    page,
    request,
  }) => {
    expect(
      serverActions().filter((name) => !(name in MUTATING) && !NOT_MUTATING_A_TEAM.has(name)),
    ).toEqual([]);
    const [owner, member] = await Promise.all([bootstrapTeam(), bootstrapTeam()]);
    const sql = postgres(e2eDatabaseUrl(e2eAdminUrl()), { max: 1 });
    await sql`insert into memberships (team_id, user_id, role) values (${owner.teamId}, ${member.userId}, ${role})`;
    const [invitation] =
      await sql`insert into invitations (id, team_id, role, token_hash, expires_at)
      values (${`inv_roles_${role}_${Date.now()}`}, ${owner.teamId}, 'viewer', ${`hash-${role}-${Date.now()}`}, now() + interval '1 day') returning id`;
    const endpoint = await (
      await client(request, owner.apiKey).post("/endpoints", { url: "http://127.0.0.1:9/roles" })
    ).json();
    const source = await (
      await request.post("/api/v1/sources", {
        headers: { Authorization: `Bearer ${owner.apiKey}` },
        data: { name: "Owner's source", verification: { kind: "github", secret: "owner-secret" } },
      })
    ).json();
    const ids: Ids = {
      ownerId: owner.userId,
      apiKeyId: owner.apiKeyId,
      invitationId: invitation!.id,
      endpointId: endpoint.id,
      sourceId: source.id,
    };
    const snapshot = async () =>
      JSON.stringify(
        await sql`select (select row_to_json(t) from teams t where id = ${owner.teamId}) as team,
          (select json_agg(m order by user_id) from memberships m where team_id = ${owner.teamId}) as members,
          (select json_agg(k order by id) from api_keys k where team_id = ${owner.teamId}) as keys,
          (select json_agg(i order by id) from invitations i where team_id = ${owner.teamId}) as invitations,
          (select json_agg(e order by id) from endpoints e where team_id = ${owner.teamId}) as endpoints,
          (select count(*) from events where team_id = ${owner.teamId}) as events,
          (select json_agg(s order by id) from sources s where team_id = ${owner.teamId}) as sources`,
      );
    const before = await snapshot();

    await signIn(page, member.email, member.password);
    const actionsById = actionIds();
    for (const [name, call] of Object.entries(MUTATING)) {
      if (role === "developer" && call.minimum === "developer") continue;
      const answer = await callAction(
        page.request,
        actionsById.get(name)!,
        call.args(owner.teamSlug, ids),
        call.form,
      );
      expect(
        await isRefusal(answer, { allowErrorResult: true }),
        `${role} calling ${name}: ${await answer.text()}`,
      ).toBe(true);
      expect(await answer.text()).not.toContain("whsec_");
    }
    expect(await snapshot()).toEqual(before);

    // What a member may always do: leave the team themselves.
    const leave = await callAction(
      page.request,
      actionsById.get(`${S}/members/actions.ts#removeMemberAction`)!,
      [owner.teamSlug, member.userId],
    );
    expect(leave.status()).toBeLessThan(400);
    expect(
      (
        await sql`select count(*)::int as n from memberships where team_id = ${owner.teamId} and user_id = ${member.userId}`
      )[0]!.n,
    ).toBe(0);
    await sql.end();
  });
}
