import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateEndpointSecret, signatureHeaders, signMessage } from "./sign";

describe("Standard Webhooks signing", () => {
  it("reproduces the specification's test vector", () => {
    expect(
      signMessage({
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        messageId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
        timestamp: 1614265330,
        body: '{"test": 2432232314}',
      }),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("produces headers the official package verifies, with either secret during a rotation", () => {
    const current = generateEndpointSecret();
    const previous = generateEndpointSecret(24);
    const body = JSON.stringify({ hello: "world" });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders({
      secrets: [current, previous],
      messageId: "evt_1",
      timestamp,
      body,
    });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual({ hello: "world" });
    expect(new Webhook(previous).verify(body, headers)).toEqual({ hello: "world" });
    expect(() => new Webhook(generateEndpointSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(body + " ", headers)).toThrow();
  });

  it("makes whsec_ secrets of 24 to 64 random bytes", () => {
    expect(Buffer.from(generateEndpointSecret().slice(6), "base64")).toHaveLength(32);
    expect(() => generateEndpointSecret(16)).toThrow(RangeError);
    expect(generateEndpointSecret()).not.toBe(generateEndpointSecret());
  });
});
