import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { freePort } from "@/scripts/embedded-postgres";
import { holdRowLocks, openEvent } from "@/test/registration";
import { db, sqlClient } from "./client";
import { sqlRows, type Tx } from "./query";
import { eventSessions } from "./schema";
import { isDatabaseUnavailable } from "./unavailable";

const failure = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error("it did not fail");
    },
    (error: unknown) => error,
  );

describe("the app's pool", () => {
  it("carries the statement, lock and idle-in-transaction timeouts on every connection", async () => {
    const [row] =
      await sqlClient()`select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock,
      current_setting('idle_in_transaction_session_timeout') as idle`;
    expect(row).toEqual({ statement: "15s", lock: "10s", idle: "15s" });
  });

  it("fails a transaction whose connection is lost as unavailable, then serves the next ones", async () => {
    const one = (tx: Tx) => sqlRows(tx, sql`select 1 as one`).then((rows) => rows.length);
    const lost = db().transaction(async (tx) => {
      const [me] = await sqlRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
      await db().execute(sql`select pg_terminate_backend(${me!.pid})`);
      return one(tx);
    });
    expect(isDatabaseUnavailable(await failure(lost))).toBe(true);
    // More transactions than the pool has connections, in turn and then at once.
    for (let i = 0; i < 12; i++) expect(await db().transaction(one)).toBe(1);
    expect(await Promise.all(Array.from({ length: 12 }, () => db().transaction(one)))).toEqual(Array(12).fill(1));
  });
});

describe("isDatabaseUnavailable", () => {
  it("knows a server that is not there, also inside Drizzle's error", async () => {
    const sql = postgres(`postgres://postgres@127.0.0.1:${await freePort()}/none`, {
      max: 1,
      connect_timeout: 2,
      onnotice: () => {},
    });
    const error = await failure(sql`select 1`);
    await sql.end();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Failed query: select 1"), { cause: error }))).toBe(true);
  });

  it("knows a lock or statement that waited too long", async () => {
    const { sessions } = await openEvent();
    const holder = await holdRowLocks("event_sessions", [sessions[0]!.id]);
    const lockWait = await failure(
      sqlClient().begin(async (tx) => {
        await tx`set local lock_timeout = '50ms'`;
        await tx`select id from event_sessions where id = ${sessions[0]!.id} for update`;
      }),
    );
    await holder.release();
    expect(lockWait).toMatchObject({ code: "55P03" });
    expect(isDatabaseUnavailable(lockWait)).toBe(true);
    const slow = await failure(
      sqlClient().begin(async (tx) => {
        await tx`set local statement_timeout = '50ms'`;
        await tx`select pg_sleep(1)`;
      }),
    );
    expect(slow).toMatchObject({ code: "57014" });
    expect(isDatabaseUnavailable(slow)).toBe(true);
  });

  it("does not take a refused write or a bug for an outage", async () => {
    const { sessions } = await openEvent();
    const duplicate = await failure(
      db()
        .insert(eventSessions)
        .values({ ...sessions[0]! }),
    );
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
