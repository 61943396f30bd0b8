import { describe, expect, it } from "vitest";
import { InputError } from "@/lib/errors";
import { setupTestDatabase } from "@/test/database";
import { checkCredentials, MAX_FAILURES, signUp, ThrottledError } from "./credentials";
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

  it("throttles after repeated failures, even the right password, and for unknown emails alike", async () => {
    await signUp(t.db, { email: "linus@example.com", password });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      outcomes.push(
        await failureOf(
          checkCredentials(
            t.db,
            { email: "linus@example.com", password: "wrong password" },
            "10.9.9.9",
          ),
        ),
      );
    }
    expect(outcomes.slice(0, MAX_FAILURES).every((e) => e instanceof InputError)).toBe(true);
    expect(outcomes.slice(MAX_FAILURES).every((e) => e instanceof ThrottledError)).toBe(true);
    expect(
      await failureOf(checkCredentials(t.db, { email: "linus@example.com", password }, "10.1.1.1")),
    ).toBeInstanceOf(ThrottledError);
    // The same client address guessing other accounts is paused too.
    expect(
      await failureOf(checkCredentials(t.db, { email: "other@example.com", password }, "10.9.9.9")),
    ).toBeInstanceOf(ThrottledError);
    for (let i = 0; i < MAX_FAILURES; i++)
      await failureOf(checkCredentials(t.db, { email: "ghost@example.com", password }, null));
    expect(
      await failureOf(checkCredentials(t.db, { email: "ghost@example.com", password }, null)),
    ).toBeInstanceOf(ThrottledError);
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
