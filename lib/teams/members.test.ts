import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships } from "@/db/schema";
import { signUp } from "@/lib/auth/credentials";
import { ForbiddenError, InputError } from "@/lib/errors";
import { setupTestDatabase } from "@/test/database";
import { createTeam } from "./create-team";
import { acceptInvitation, createInvitation, describeInvitation } from "./invitations";
import { changeMemberRole, listMembers, removeMember } from "./members";

const t = setupTestDatabase();
let n = 0;
const newUser = async () =>
  (
    await signUp(t.db, {
      email: `member${++n}-${Date.now()}@example.com`,
      password: "correct horse battery",
    })
  ).userId;
const as = (id: string) => ({ type: "user" as const, id });

async function teamWithOwner() {
  const owner = await newUser();
  const team = await createTeam(t.db, { userId: owner, input: { name: "Members test" } });
  return { owner, team };
}

describe("invitations", () => {
  it("work once, with the invited role, and are audited", async () => {
    const { owner, team } = await teamWithOwner();
    const { token } = await createInvitation(t.db, {
      teamId: team.id,
      input: { role: "developer" },
      byRole: "owner",
      actor: as(owner),
    });
    expect(await describeInvitation(t.db, token)).toMatchObject({
      teamSlug: team.slug,
      role: "developer",
      usable: true,
    });
    const invitee = await newUser();
    expect(await acceptInvitation(t.db, { token, userId: invitee })).toEqual({
      teamSlug: team.slug,
    });
    expect(
      (await listMembers(t.db, { teamId: team.id })).find((m) => m.userId === invitee)?.role,
    ).toBe("developer");
    await expect(acceptInvitation(t.db, { token, userId: await newUser() })).rejects.toBeInstanceOf(
      InputError,
    );
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.teamId, team.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["member.invite", "member.join"]));
  });

  it("expire, and only owners invite owners", async () => {
    const { owner, team } = await teamWithOwner();
    await expect(
      createInvitation(t.db, {
        teamId: team.id,
        input: { role: "owner" },
        byRole: "admin",
        actor: as(owner),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { token } = await createInvitation(t.db, {
      teamId: team.id,
      input: { role: "viewer" },
      byRole: "admin",
      actor: as(owner),
    });
    await t.db.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where team_id = ${team.id}`,
    );
    expect((await describeInvitation(t.db, token))?.usable).toBe(false);
    await expect(acceptInvitation(t.db, { token, userId: await newUser() })).rejects.toThrow(
      /expired/,
    );
  });
});

describe("members", () => {
  it("a team always keeps an owner", async () => {
    const { owner, team } = await teamWithOwner();
    await expect(
      changeMemberRole(t.db, {
        teamId: team.id,
        userId: owner,
        role: "admin",
        byRole: "owner",
        actor: as(owner),
      }),
    ).rejects.toThrow(/at least one owner/);
    await expect(
      removeMember(t.db, { teamId: team.id, userId: owner, byRole: "owner", actor: as(owner) }),
    ).rejects.toThrow(/at least one owner/);

    const second = await newUser();
    await t.db.insert(memberships).values({ teamId: team.id, userId: second, role: "admin" });
    await expect(
      changeMemberRole(t.db, {
        teamId: team.id,
        userId: owner,
        role: "viewer",
        byRole: "admin",
        actor: as(second),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      changeMemberRole(t.db, {
        teamId: team.id,
        userId: second,
        role: "owner",
        byRole: "admin",
        actor: as(second),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await changeMemberRole(t.db, {
      teamId: team.id,
      userId: second,
      role: "owner",
      byRole: "owner",
      actor: as(owner),
    });
    await removeMember(t.db, { teamId: team.id, userId: owner, byRole: "owner", actor: as(owner) });
    expect((await listMembers(t.db, { teamId: team.id })).map((m) => [m.userId, m.role])).toEqual([
      [second, "owner"],
    ]);
  });

  it("a developer cannot remove others but may leave", async () => {
    const { team } = await teamWithOwner();
    const dev = await newUser();
    const viewer = await newUser();
    await t.db.insert(memberships).values([
      { teamId: team.id, userId: dev, role: "developer" },
      { teamId: team.id, userId: viewer, role: "viewer" },
    ]);
    await expect(
      removeMember(t.db, { teamId: team.id, userId: viewer, byRole: "developer", actor: as(dev) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await removeMember(t.db, { teamId: team.id, userId: dev, byRole: "developer", actor: as(dev) });
    expect((await listMembers(t.db, { teamId: team.id })).map((m) => m.userId)).not.toContain(dev);
  });
});
