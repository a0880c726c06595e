import { makeWorkerUtils } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { DATABASE_TIMEOUTS } from "../client";
import { mailWorkerOptions, withTimeouts } from "./options";

// graphile-worker opens its own pool (node-postgres) from the connection string it is given;
// its utilities use the same pool, so a query through them shows what its jobs run with.
describe("the mail worker's connections", () => {
  it("carry the app pool's statement, lock and idle-in-transaction timeouts", async () => {
    const utils = await makeWorkerUtils({ connectionString: mailWorkerOptions(env().databaseUrl).connectionString });
    try {
      const settings = await utils.withPgClient(async (client) => {
        const { rows } = await client.query(`select current_setting('statement_timeout') as statement,
          current_setting('lock_timeout') as lock, current_setting('idle_in_transaction_session_timeout') as idle`);
        return rows[0];
      });
      expect(settings).toEqual({ statement: "15s", lock: "10s", idle: "15s" });
      expect(DATABASE_TIMEOUTS).toEqual({
        statement_timeout: 15_000,
        lock_timeout: 10_000,
        idle_in_transaction_session_timeout: 15_000,
      });
    } finally {
      await utils.release();
    }
  });

  it("add them beside other parameters, and leave an operator's own options alone", () => {
    expect(withTimeouts("postgres://u:p@db:5432/app?sslmode=require")).toMatch(
      /^postgres:\/\/u:p@db:5432\/app\?sslmode=require&options=-c%20statement_timeout%3D15000%20/,
    );
    const own = "postgres://u@db/app?options=-c%20work_mem%3D64MB";
    expect(withTimeouts(own)).toBe(own);
  });
});
