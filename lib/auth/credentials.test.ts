import { describe, expect, it } from "vitest";
import { InputError } from "@/lib/errors";
import { setupTestDatabase } from "@/test/database";
import { checkCredentials, signUp, ThrottledError } from "./credentials";
import { createSession, deleteSession, findSessionUser } from "./session-store";

const t = setupTestDatabase();
const password = "correct horse battery";

async function failureOf(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("password sign-in", () => {
  it("signs up once per email, stores no plaintext, and signs in with the right password", async () => {
    const { userId } = await signUp(t.db, { email: "Ada@Example.com", password });
    await expect(signUp(t.db, { email: "ada@example.com", password })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(signUp(t.db, { email: "short@example.com", password: "short" })).rejects.toThrow(
      /10 characters/,
    );
    expect(
      await checkCredentials(t.db, { email: "ada@example.com", password }, "10.0.0.1"),
    ).toEqual({ userId });
  });

  it("answers the same for a wrong password and an unknown account", async () => {
    await signUp(t.db, { email: "grace@example.com", password });
    const wrong = await failureOf(
      checkCredentials(t.db, { email: "grace@example.com", password: "nope nope nope" }, null),
    );
    const unknown = await failureOf(
      checkCredentials(t.db, { email: "nobody@example.com", password: "nope nope nope" }, null),
    );
    expect(wrong).toBeInstanceOf(InputError);
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });

  const limits = { signInFailuresPerAddress: 8, signInFailuresPerAccount: 3, signUpsPerAddress: 3 };

  it("throttles an account per address: the sprayer is paused, the owner's address is not", async () => {
    await signUp(t.db, { email: "linus@example.com", password });
    const wrong = { email: "linus@example.com", password: "wrong password" };
    const outcomes: unknown[] = [];
    for (let i = 0; i < 6; i++)
      outcomes.push(await failureOf(checkCredentials(t.db, wrong, "10.9.9.9", limits)));
    expect(outcomes.slice(0, 3).every((e) => e instanceof InputError)).toBe(true);
    expect(outcomes.slice(3).every((e) => e instanceof ThrottledError)).toBe(true);
    // Even the right password is refused from the sprayed address until the window ends...
    expect(
      await failureOf(
        checkCredentials(t.db, { email: "linus@example.com", password }, "10.9.9.9", limits),
      ),
    ).toBeInstanceOf(ThrottledError);
    // ...while the owner signs in from their own.
    expect(
      await checkCredentials(t.db, { email: "linus@example.com", password }, "10.1.1.1", limits),
    ).toHaveProperty("userId");
  });

  it("caps an address across every account it tries, and unknown addresses share one counter", async () => {
    for (let i = 0; i < 8; i++) {
      const error = await failureOf(
        checkCredentials(t.db, { email: `user${i}@example.com`, password }, "10.7.7.7", limits),
      );
      expect(error).toBeInstanceOf(InputError);
    }
    const ninth = await failureOf(
      checkCredentials(t.db, { email: "user9@example.com", password }, "10.7.7.7", limits),
    );
    expect(ninth).toBeInstanceOf(ThrottledError);
    expect((ninth as ThrottledError).retryAfterSeconds).toBeGreaterThan(800);
    for (let i = 0; i < 3; i++)
      await failureOf(
        checkCredentials(t.db, { email: "ghost@example.com", password }, null, limits),
      );
    expect(
      await failureOf(
        checkCredentials(t.db, { email: "ghost@example.com", password }, null, limits),
      ),
    ).toBeInstanceOf(ThrottledError);
  });

  it("counts parallel attempts before any is checked: 50 at once check at most the limit", async () => {
    await signUp(t.db, { email: "racer@example.com", password });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        failureOf(
          checkCredentials(
            t.db,
            { email: "racer@example.com", password: "wrong password" },
            "10.5.5.5",
            limits,
          ),
        ),
      ),
    );
    expect(outcomes.filter((e) => e instanceof InputError)).toHaveLength(3);
    expect(outcomes.filter((e) => e instanceof ThrottledError)).toHaveLength(47);
  });

  it("a successful sign-in gives its attempt back", async () => {
    await signUp(t.db, { email: "ok@example.com", password });
    for (let i = 0; i < 10; i++)
      await checkCredentials(t.db, { email: "ok@example.com", password }, "10.4.4.4", limits);
  });

  it("throttles sign-ups per address", async () => {
    const outcomes: unknown[] = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(
        await failureOf(
          signUp(t.db, { email: `new${i}@example.com`, password }, "10.3.3.3", limits),
        ),
      );
    expect(outcomes.slice(0, 3)).toEqual([null, null, null]);
    expect(outcomes.slice(3).every((e) => e instanceof ThrottledError)).toBe(true);
    expect(
      await failureOf(
        signUp(t.db, { email: "elsewhere@example.com", password }, "10.3.3.4", limits),
      ),
    ).toBeNull();
  });

  it("keeps sessions in the database, where they can be ended", async () => {
    const { userId } = await signUp(t.db, { email: "barbara@example.com", password });
    const { token } = await createSession(t.db, userId);
    expect(await findSessionUser(t.db, token)).toMatchObject({
      id: userId,
      email: "barbara@example.com",
    });
    await deleteSession(t.db, token);
    expect(await findSessionUser(t.db, token)).toBeNull();
    expect(await findSessionUser(t.db, "forged")).toBeNull();
  });
});
