import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, memberships } from "@/db/schema";
import { signUp } from "@/lib/auth/credentials";
import type { Role } from "@/lib/auth/roles";
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
const as = (userId: string, role: Role) => ({ kind: "user" as const, userId, role });

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
      actor: as(owner, "owner"),
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
        actor: as(owner, "admin"),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { token } = await createInvitation(t.db, {
      teamId: team.id,
      input: { role: "viewer" },
      actor: as(owner, "admin"),
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
        actor: as(owner, "owner"),
      }),
    ).rejects.toThrow(/at least one owner/);
    await expect(
      removeMember(t.db, { teamId: team.id, userId: owner, actor: as(owner, "owner") }),
    ).rejects.toThrow(/at least one owner/);

    const second = await newUser();
    await t.db.insert(memberships).values({ teamId: team.id, userId: second, role: "admin" });
    await expect(
      changeMemberRole(t.db, {
        teamId: team.id,
        userId: owner,
        role: "viewer",
        actor: as(second, "admin"),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      changeMemberRole(t.db, {
        teamId: team.id,
        userId: second,
        role: "owner",
        actor: as(second, "admin"),
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await changeMemberRole(t.db, {
      teamId: team.id,
      userId: second,
      role: "owner",
      actor: as(owner, "owner"),
    });
    await removeMember(t.db, { teamId: team.id, userId: owner, actor: as(owner, "owner") });
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
      removeMember(t.db, { teamId: team.id, userId: viewer, actor: as(dev, "developer") }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await removeMember(t.db, { teamId: team.id, userId: dev, actor: as(dev, "developer") });
    expect((await listMembers(t.db, { teamId: team.id })).map((m) => m.userId)).not.toContain(dev);
  });
});
