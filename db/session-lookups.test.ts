import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Adapter } from "next-auth/adapters";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { freePort } from "@/scripts/embedded-postgres";
import { db } from "./client";
import { accounts, authenticators, sessions, users, verificationTokens } from "./schema";
import { reportingOutages, sessionOrOutage } from "./session-lookups";
import { isDatabaseUnavailable } from "./unavailable";

const tables = {
  usersTable: users,
  accountsTable: accounts,
  sessionsTable: sessions,
  verificationTokensTable: verificationTokens,
  authenticatorsTable: authenticators,
};

/** What Auth.js does with the adapter (@auth/core lib/actions/session.js): any error is logged and means "no session". */
const authLike = (adapter: Adapter, token: string) => async () => {
  try {
    return (await adapter.getSessionAndUser!(token)) ?? null;
  } catch {
    return null;
  }
};

describe("sessionOrOutage", () => {
  it("answers 'signed out' for a token that names no session", async () => {
    const adapter = reportingOutages(DrizzleAdapter(db(), tables));
    expect(await sessionOrOutage(authLike(adapter, "no-such-token"))).toBeNull();
  });

  // Without the report, Auth.js's "no session" was all a page saw: the person was sent to sign in.
  it("throws the database's error when the session could not be read", async () => {
    const port = await freePort();
    const down = postgres(`postgres://postgres@127.0.0.1:${port}/none`, {
      max: 1,
      connect_timeout: 2,
      onnotice: () => {},
    });
    try {
      const adapter = reportingOutages(DrizzleAdapter(drizzle(down), tables));
      const error = await sessionOrOutage(authLike(adapter, "some-token")).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      // Outside sessionOrOutage nothing changes: Auth.js still gets the error to log.
      await expect(adapter.getSessionAndUser!("some-token")).rejects.toBeTruthy();
    } finally {
      await down.end();
    }
  });

  it("leaves any other failure to Auth.js ('signed out')", async () => {
    const broken = reportingOutages({
      getSessionAndUser: async () => {
        throw new TypeError("a bug");
      },
    });
    expect(await sessionOrOutage(authLike(broken, "token"))).toBeNull();
  });
});
