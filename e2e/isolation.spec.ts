import { createHash, randomBytes } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import postgres from "postgres";
import { bootstrapTeam, type Bootstrapped } from "./api-client";
import { e2eAdminUrl, e2eDatabaseUrl } from "./environment";
import {
  actionIds,
  callAction,
  isRefusal,
  routeOperations,
  serverActions,
  signIn,
} from "./server-actions";

// Team A's credentials against team B's objects, for every route handler and every server
// action found in the file tree: each must answer 404 or 403 (422 for B's ids in a body) and
// leave B exactly as it was. A new route or action that this table does not cover fails the test.

const PUBLIC_ROUTES: Record<string, string> = {
  "POST /api/ingest/{token}": "the token is the credential; a wrong one is 404 (api.spec)",
  "POST /api/account/sign-in": "acts on the caller's own account (auth.spec, security.spec)",
  "POST /api/account/sign-up": "creates the caller's own account (auth.spec, security.spec)",
  "GET /api/cron/sweep": "CRON_SECRET, not a team (api.spec)",
  "POST /api/cron/sweep": "CRON_SECRET, not a team (api.spec)",
  "GET /api/health": "no team data",
  "GET /api/auth/[...nextauth]":
    "next-auth's OAuth endpoints act on the caller's own session (oidc.spec)",
  "POST /api/auth/[...nextauth]":
    "next-auth's OAuth endpoints act on the caller's own session (oidc.spec)",
  "GET /api/v1/openapi.json": "no team data",
  "POST /api/bench/echo": "no data at all; 404 unless HOOKYARD_BENCH_ROUTES=true (api.spec)",
};
const NOT_TEAM_SCOPED_ACTIONS: Record<string, string> = {
  "app/(auth)/actions.ts#signOutAction": "acts on the caller's own session",
  "app/teams/actions.ts#createTeamAction": "creates a team owned by the caller",
  "app/invite/actions.ts#acceptInviteAction": "the link's token is the credential (team.spec)",
};

test("team A can neither read nor change team B's objects through any route or server action", async ({
  page,
  request,
}) => {
  const [a, b]: [Bootstrapped, Bootstrapped] = await Promise.all([
    bootstrapTeam(),
    bootstrapTeam(),
  ]);
  const asB = { Authorization: `Bearer ${b.apiKey}` };
  const asA = { Authorization: `Bearer ${a.apiKey}` };
  const createdB = async (path: string, data: unknown) =>
    (await request.post(`/api/v1${path}`, { headers: asB, data })).json();
  const createdA = async (path: string, data: unknown) =>
    (await request.post(`/api/v1${path}`, { headers: asA, data })).json();
  const endpoint = await createdB("/endpoints", { url: "http://127.0.0.1:9/b" });
  const source = await createdB("/sources", {
    name: "B's source",
    verification: { kind: "github", secret: "b-secret-value" },
  });
  const event = await createdB("/events", { type: "b.private", payload: { secret: "B only" } });
  // A refused request to B's source, which B's request inspector shows.
  expect((await request.post(source.ingestUrl, { data: { forged: true } })).status()).toBe(401);
  const delivery = event.deliveries[0] as string;
  const sql = postgres(e2eDatabaseUrl(e2eAdminUrl()), { max: 1 });
  const [invitation] = await sql`insert into invitations (id, team_id, role, token_hash, expires_at)
    values (${"inv_" + randomBytes(8).toString("hex")}, ${b.teamId}, 'viewer', ${createHash("sha256").update(randomBytes(8)).digest("hex")}, now() + interval '1 day') returning id`;

  const snapshotB = async () =>
    JSON.stringify(
      await sql`select
        (select row_to_json(t) from teams t where id = ${b.teamId}) as team,
        (select json_agg(m order by user_id) from memberships m where team_id = ${b.teamId}) as members,
        (select json_agg(k order by id) from api_keys k where team_id = ${b.teamId}) as keys,
        (select json_agg(i order by id) from invitations i where team_id = ${b.teamId}) as invitations,
        (select json_agg(e order by id) from endpoints e where team_id = ${b.teamId}) as endpoints,
        (select json_agg(s order by id) from sources s where team_id = ${b.teamId}) as sources,
        (select json_agg(d.id || d.status order by id) from deliveries d where team_id = ${b.teamId}) as deliveries,
        (select count(*) from events where team_id = ${b.teamId}) as events,
        (select count(*) from ingest_rejections where team_id = ${b.teamId}) as rejections,
        (select count(*) from attempts where team_id = ${b.teamId}) as attempts`,
    );
  await expect
    .poll(
      async () =>
        (await sql`select attempt_count from deliveries where id = ${delivery}`)[0]?.attempt_count,
    )
    .toBeGreaterThan(0);
  const before = await snapshotB();
  const refused = (answer: APIResponse, allowed = [403, 404]) =>
    expect(allowed, `${answer.url()} answered ${answer.status()}`).toContain(answer.status());
  // A server action answers over the RSC stream: notFound() arrives as this digest (HTTP 200).
  let currentAction = "";
  const actionRefused = async (answer: APIResponse) =>
    expect(
      await isRefusal(answer, { allowErrorResult: false }),
      `${currentAction} answered ${answer.status()}: ${(await answer.text()).slice(0, 300)}`,
    ).toBe(true);

  // Every route handler, from the file tree.
  const api = (method: string, p: string, data?: unknown) =>
    request.fetch(`/api/v1${p}`, { method, headers: asA, data });
  const routeChecks: Record<string, () => Promise<void>> = {
    "POST /api/v1/events": async () => {
      const created = await (await api("POST", "/events", { type: "a.event", payload: {} })).json();
      expect(created.deliveries).toEqual([]);
    },
    "GET /api/v1/events": async () =>
      expect(
        JSON.stringify(await (await api("GET", "/events?type=b.private")).json()),
      ).not.toContain(event.id),
    "GET /api/v1/events/{id}": async () => refused(await api("GET", `/events/${event.id}`)),
    "GET /api/v1/endpoints": async () =>
      expect(JSON.stringify(await (await api("GET", "/endpoints")).json())).not.toContain(
        endpoint.id,
      ),
    "POST /api/v1/endpoints": async () =>
      refused(
        await api("POST", "/endpoints", { url: "http://127.0.0.1:9/a", sourceIds: [source.id] }),
        [422],
      ),
    "GET /api/v1/endpoints/{id}": async () =>
      refused(await api("GET", `/endpoints/${endpoint.id}`)),
    "PATCH /api/v1/endpoints/{id}": async () =>
      refused(await api("PATCH", `/endpoints/${endpoint.id}`, { enabled: false })),
    "DELETE /api/v1/endpoints/{id}": async () =>
      refused(await api("DELETE", `/endpoints/${endpoint.id}`)),
    "POST /api/v1/endpoints/{id}/rotate-secret": async () =>
      refused(await api("POST", `/endpoints/${endpoint.id}/rotate-secret`)),
    "POST /api/v1/endpoints/{id}/recover": async () =>
      refused(
        await api("POST", `/endpoints/${endpoint.id}/recover`, {
          since: new Date(0).toISOString(),
        }),
      ),
    "GET /api/v1/endpoints/{id}/stuck": async () =>
      refused(await api("GET", `/endpoints/${endpoint.id}/stuck`)),
    "POST /api/v1/endpoints/{id}/stuck/{orderingKey}/skip": async () =>
      refused(await api("POST", `/endpoints/${endpoint.id}/stuck/k/skip`)),
    "GET /api/v1/sources": async () =>
      expect(JSON.stringify(await (await api("GET", "/sources")).json())).not.toContain(source.id),
    "POST /api/v1/sources": async () =>
      expect((await api("POST", "/sources", { name: "A's" })).status()).toBe(201),
    "GET /api/v1/sources/{id}": async () => refused(await api("GET", `/sources/${source.id}`)),
    "PATCH /api/v1/sources/{id}": async () =>
      refused(await api("PATCH", `/sources/${source.id}`, { paused: true })),
    "DELETE /api/v1/sources/{id}": async () =>
      refused(await api("DELETE", `/sources/${source.id}`)),
    "GET /api/v1/deliveries": async () =>
      expect(
        JSON.stringify(await (await api("GET", `/deliveries?endpointId=${endpoint.id}`)).json()),
      ).not.toContain(delivery),
    "GET /api/v1/deliveries/{id}": async () => refused(await api("GET", `/deliveries/${delivery}`)),
    "POST /api/v1/deliveries/{id}/resend": async () =>
      refused(await api("POST", `/deliveries/${delivery}/resend`)),
    "GET /api/v1/stats": async () => {
      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 3_600_000).toISOString();
      const stats = await (
        await api("GET", `/stats?endpointId=${endpoint.id}&from=${from}&to=${to}`)
      ).json();
      expect(stats.series).toEqual([]);
    },
  };
  // The dashboard's own JSON routes, signed in as A: B's slug, and A's slug with B's ids.
  const asSignedInA = (p: string) => page.request.get(`/api/teams${p}`);
  const sessionRouteChecks: Record<string, () => Promise<void>> = {
    "GET /api/teams/{team}/stats": async () => {
      refused(await asSignedInA(`/${b.teamSlug}/stats`));
      const own = await (
        await asSignedInA(`/${a.teamSlug}/stats?endpointId=${endpoint.id}`)
      ).json();
      expect(own.totals.attempts).toBe(0);
    },
    "GET /api/teams/{team}/deliveries": async () => {
      refused(await asSignedInA(`/${b.teamSlug}/deliveries`));
      const own = await asSignedInA(`/${a.teamSlug}/deliveries?id=${delivery}`);
      expect(await own.json()).toEqual({ data: [], nextCursor: null });
    },
    "GET /api/teams/{team}/deliveries/{id}": async () => {
      refused(await asSignedInA(`/${b.teamSlug}/deliveries/${delivery}`));
      refused(await asSignedInA(`/${a.teamSlug}/deliveries/${delivery}`));
    },
    "GET /api/teams/{team}/sources/{id}/requests": async () => {
      const path = (slug: string) => `/api/teams/${slug}/sources/${source.id}/requests`;
      refused(await page.request.get(path(b.teamSlug)), [404]);
      refused(await page.request.get(path(a.teamSlug)), [404]);
      refused(await request.get(path(b.teamSlug)), [401]);
      const own = await createdA("/sources", { name: "A's own" });
      const mine = await page.request.get(`/api/teams/${a.teamSlug}/sources/${own.id}/requests`);
      expect(mine.status()).toBe(200);
      expect(await mine.json()).toEqual({ data: [] });
    },
  };
  const routes = routeOperations();
  expect(
    routes.filter(
      (op) => !(op in routeChecks) && !(op in sessionRouteChecks) && !(op in PUBLIC_ROUTES),
    ),
  ).toEqual([]);
  for (const op of routes) if (routeChecks[op]) await routeChecks[op]();

  // Every server action, from the file tree, called as A (signed in) with B's slug and ids.
  await signIn(page, a.email, a.password);
  for (const op of routes) if (sessionRouteChecks[op]) await sessionRouteChecks[op]();
  const ids = actionIds();
  const act = (name: string, args: unknown[], form?: Record<string, string>) =>
    callAction(page.request, ids.get(name)!, args, form);
  const S = "app/(dashboard)/[team]/settings";
  const D = "app/(dashboard)/[team]/deliveries/actions.ts";
  // Endpoint actions: B's slug, and A's own slug with B's endpoint id; neither may touch B.
  const E = "app/(dashboard)/[team]/endpoints/actions.ts";
  const endpointActionChecks = (): Record<string, () => Promise<void>> => {
    const both = (name: string, rest: unknown[], form?: Record<string, string>) => async () => {
      for (const slug of [b.teamSlug, a.teamSlug]) {
        const answer = await act(`${E}#${name}`, [slug, ...rest], form);
        expect(await answer.text()).not.toContain("whsec_");
        await actionRefused(answer);
      }
    };
    const form = { url: "http://127.0.0.1:9/taken-over", timeoutSeconds: "5" };
    return {
      [`${E}#createEndpointAction`]: async () => {
        await actionRefused(await act(`${E}#createEndpointAction`, [b.teamSlug, {}], form));
        // In A's own team, B's source cannot be a filter: the form says so next to Sources.
        const own = await act(`${E}#createEndpointAction`, [a.teamSlug, {}], {
          ...form,
          sourceIds: source.id,
        });
        expect(await own.text()).toContain(`"sourceIds":"Unknown source id(s): ${source.id}.`);
      },
      [`${E}#updateEndpointAction`]: both("updateEndpointAction", [endpoint.id, {}], form),
      [`${E}#setEndpointStateAction`]: both("setEndpointStateAction", [endpoint.id, "disabled"]),
      [`${E}#revealEndpointSecretAction`]: both("revealEndpointSecretAction", [endpoint.id]),
      [`${E}#rotateEndpointSecretAction`]: both("rotateEndpointSecretAction", [endpoint.id]),
      [`${E}#sendTestEventAction`]: both("sendTestEventAction", [endpoint.id]),
      [`${E}#recoverDeliveriesAction`]: both("recoverDeliveriesAction", [
        endpoint.id,
        new Date(0).toISOString(),
        false,
      ]),
      [`${E}#skipStuckKeyAction`]: both("skipStuckKeyAction", [endpoint.id, "k"]),
      [`${E}#retryStuckKeyNowAction`]: both("retryStuckKeyNowAction", [endpoint.id, "k"]),
      [`${E}#deleteEndpointAction`]: both("deleteEndpointAction", [endpoint.id]),
    };
  };
  const SRC = "app/(dashboard)/[team]/sources/actions.ts";
  const sourceForm = { name: "Taken over", kind: "none", eventTypeFrom: "fixed" };
  const actionChecks: Record<string, () => Promise<void>> = {
    [`${D}#resendDeliveryAction`]: async () => {
      await actionRefused(await act(`${D}#resendDeliveryAction`, [b.teamSlug, delivery]));
      await actionRefused(await act(`${D}#resendDeliveryAction`, [a.teamSlug, delivery]));
    },
    [`${D}#bulkResendAction`]: async () => {
      await actionRefused(await act(`${D}#bulkResendAction`, [b.teamSlug, [delivery]]));
      await actionRefused(await act(`${D}#bulkResendAction`, [a.teamSlug, [delivery]]));
    },
    [`${SRC}#createSourceAction`]: async () =>
      actionRefused(await act(`${SRC}#createSourceAction`, [b.teamSlug, {}], sourceForm)),
    [`${SRC}#updateSourceAction`]: async () => {
      for (const slug of [b.teamSlug, a.teamSlug])
        await actionRefused(
          await act(`${SRC}#updateSourceAction`, [slug, source.id, {}], sourceForm),
        );
    },
    [`${SRC}#setSourcePausedAction`]: async () => {
      for (const slug of [b.teamSlug, a.teamSlug])
        await actionRefused(await act(`${SRC}#setSourcePausedAction`, [slug, source.id, true]));
    },
    [`${SRC}#deleteSourceAction`]: async () => {
      for (const slug of [b.teamSlug, a.teamSlug])
        await actionRefused(await act(`${SRC}#deleteSourceAction`, [slug, source.id]));
    },
    [`${S}/actions.ts#renameTeamAction`]: async () =>
      await actionRefused(
        await act(`${S}/actions.ts#renameTeamAction`, [b.teamSlug, {}], { name: "Taken over" }),
      ),
    [`${S}/actions.ts#deleteTeamAction`]: async () =>
      actionRefused(
        await act(`${S}/actions.ts#deleteTeamAction`, [b.teamSlug, {}], {
          confirmation: b.teamSlug,
        }),
      ),
    [`${S}/api-keys/actions.ts#createApiKeyAction`]: async () =>
      await actionRefused(
        await act(`${S}/api-keys/actions.ts#createApiKeyAction`, [b.teamSlug, {}], {
          name: "A's key in B",
        }),
      ),
    [`${S}/api-keys/actions.ts#revokeApiKeyAction`]: async () => {
      await actionRefused(
        await act(`${S}/api-keys/actions.ts#revokeApiKeyAction`, [b.teamSlug, b.apiKeyId]),
      );
      await actionRefused(
        await act(`${S}/api-keys/actions.ts#revokeApiKeyAction`, [a.teamSlug, b.apiKeyId]),
      );
    },
    [`${S}/members/actions.ts#inviteAction`]: async () =>
      await actionRefused(
        await act(`${S}/members/actions.ts#inviteAction`, [b.teamSlug, {}], {
          role: "owner",
          expiresInDays: "7",
        }),
      ),
    [`${S}/members/actions.ts#revokeInvitationAction`]: async () => {
      await actionRefused(
        await act(`${S}/members/actions.ts#revokeInvitationAction`, [b.teamSlug, invitation!.id]),
      );
      await actionRefused(
        await act(`${S}/members/actions.ts#revokeInvitationAction`, [a.teamSlug, invitation!.id]),
      );
    },
    [`${S}/members/actions.ts#changeRoleAction`]: async () => {
      await actionRefused(
        await act(`${S}/members/actions.ts#changeRoleAction`, [b.teamSlug, b.userId, "viewer"]),
      );
      await actionRefused(
        await act(`${S}/members/actions.ts#changeRoleAction`, [a.teamSlug, b.userId, "viewer"]),
      );
    },
    [`${S}/members/actions.ts#removeMemberAction`]: async () => {
      await actionRefused(
        await act(`${S}/members/actions.ts#removeMemberAction`, [b.teamSlug, b.userId]),
      );
      await actionRefused(
        await act(`${S}/members/actions.ts#removeMemberAction`, [a.teamSlug, b.userId]),
      );
    },
    ...endpointActionChecks(),
  };
  const actions = serverActions();
  expect(actions.filter((name) => !ids.has(name))).toEqual([]);
  expect(
    actions.filter((name) => !(name in actionChecks) && !(name in NOT_TEAM_SCOPED_ACTIONS)),
  ).toEqual([]);
  for (const name of actions) {
    currentAction = name;
    if (actionChecks[name]) await actionChecks[name]();
  }

  expect(await snapshotB()).toEqual(before);
  await sql.end();
});
