import { describe, expect, it } from "vitest";
import { broadcastSchema } from "./broadcast";

const message = { subject: "Gates open at 8", body: "See you there." };

describe("broadcastSchema", () => {
  it("keeps the session of a message to one session", () => {
    const id = "0b4c1d2e-0000-4000-8000-000000000001";
    expect(broadcastSchema.parse({ ...message, audience: "session", sessionId: id })).toMatchObject({
      audience: "session",
      sessionId: id,
    });
  });

  it("refuses a message to a session without a session id", () => {
    expect(broadcastSchema.safeParse({ ...message, audience: "session", sessionId: "not-an-id" }).success).toBe(false);
  });

  // Found by the fuzzer: a forged sessionId beside another audience reached a uuid column (a 500).
  it("drops a session id sent with another audience", () => {
    expect(broadcastSchema.parse({ ...message, audience: "confirmed", sessionId: "uWIV]s" })).toMatchObject({
      audience: "confirmed",
      sessionId: null,
    });
  });
});
