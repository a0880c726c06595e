import { describe, expect, it } from "vitest";
import { failureReason, isPermanentFailure } from "./smtp-failure";

describe("SMTP failures", () => {
  it("are permanent only when the server refused the recipient or the message with a 5xx", () => {
    expect(isPermanentFailure({ responseCode: 550, command: "RCPT TO" })).toBe(true);
    expect(isPermanentFailure({ responseCode: 554, command: "DATA" })).toBe(true);
    expect(isPermanentFailure({ responseCode: 450, command: "RCPT TO" })).toBe(false);
    expect(isPermanentFailure({ responseCode: 421, command: "CONN", code: "ECONNECTION" })).toBe(false);
    // Our own configuration (credentials, sender): retried, it may be fixed meanwhile.
    expect(isPermanentFailure({ responseCode: 535, command: "AUTH PLAIN" })).toBe(false);
    expect(isPermanentFailure({ responseCode: 550, command: "MAIL FROM" })).toBe(false);
    expect(isPermanentFailure({ code: "ETIMEDOUT", message: "Connection timeout" })).toBe(false);
  });

  it("are described by the server's reply, on one bounded line", () => {
    expect(
      failureReason({ message: "Can't send mail: 550 No such user", response: "550 5.1.1 No such\r\n user" }),
    ).toBe("550 5.1.1 No such user");
    expect(failureReason({ message: "Connection timeout", code: "ETIMEDOUT" })).toBe("Connection timeout");
    expect(failureReason({ response: "x".repeat(400) })).toHaveLength(300);
  });
});
