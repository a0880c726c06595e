import postgres from "postgres";
import { inject } from "vitest";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Worst-case contention for a session's places, from connections of its own (outside the app's
 * busy pool). Until the session is full this holds the session row's lock (FOR UPDATE), lets a
 * batch of registering transactions queue behind it, and releases the batch at once.
 *
 * With the app's session lock a queued transaction waits before it counts the places, so a batch
 * is served one by one afterwards and a correct lock cannot oversell. Without it, every transaction
 * of a batch has already counted the places (the same number) and waits only at the foreign-key
 * check of its insert, which FOR UPDATE also blocks: released together, each finds room. Batches
 * are sized to stop a few places short of the capacity and then to cross it with a full pool, so
 * a missing lock oversells however fast or loaded the machine, unless a batch of the full pool
 * happens to end exactly on the capacity (a batch cannot be split once it has queued). The lock
 * only decides when transactions run, never what they do.
 */
export function gatedBatches(sessionId: string, capacity: number, poolSize = 10) {
  let stopped = false;
  const client = postgres(inject("databaseUrl"), { max: 3, onnotice: () => {} });
  const confirmed = async () =>
    (
      await client`select count(*)::int as n from registration_sessions where session_id = ${sessionId} and status = 'confirmed'`
    )[0]!.n as number;
  /** Backends waiting on `pid`, directly or queued behind another waiter. */
  const waitingBehind = async (pid: number) =>
    (
      await client`
    with recursive w(pid) as (
      select pid from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))
      union select a.pid from pg_stat_activity a join w on w.pid = any(pg_blocking_pids(a.pid)))
    select count(*)::int as n from w`
    )[0]!.n as number;
  /** A gate on a connection of its own: `locked` settles once it holds the session row. */
  async function newGate() {
    const conn = await client.reserve();
    await conn`begin`;
    const [{ pid }] = await conn<[{ pid: number }]>`select pg_backend_pid() as pid`;
    const locked = conn`select id from event_sessions where id = ${sessionId} for update`.then(() => undefined);
    let held = true;
    const open = async () => {
      if (!held) return;
      held = false;
      await locked;
      await conn`commit`;
      conn.release();
    };
    return { pid, locked, open };
  }
  const isWaiting = async (pid: number) =>
    (await client`select cardinality(pg_blocking_pids(${pid}::int)) > 0 as w`)[0]!.w as boolean;
  const batches: { confirmedBefore: number; released: number }[] = [];
  // Closed before the first registration arrives, so the first close cannot be starved.
  const ready = newGate().then(async (g) => (await g.locked, g));

  const done = (async () => {
    let gate = await ready;
    try {
      while (!stopped && batches.length < 40) {
        const before = await confirmed();
        if (before >= capacity) break;
        const crossing = before >= capacity + 1 - poolSize;
        const target = crossing ? poolSize : Math.max(1, Math.min(poolSize, capacity - 3 - before));
        let queued = 0;
        for (const until = Date.now() + 5000; !stopped && queued < target && Date.now() < until; await sleep(2))
          queued = await waitingBehind(gate.pid);
        // The next gate queues behind the batch before this one opens, so it closes right after it.
        const next = await newGate();
        for (const until = Date.now() + 2000; !(await isWaiting(next.pid)) && Date.now() < until; await sleep(2));
        await gate.open();
        await next.locked;
        gate = next;
        batches.push({ confirmedBefore: before, released: queued });
      }
    } finally {
      await gate.open();
      await client.end();
    }
  })();
  return {
    /** Waits until the gate is closed, before the stampede starts. */
    ready: ready.then(() => undefined),
    /** Stops batching (if the session never filled) and reports the batches let through. */
    async stop() {
      stopped = true;
      await done;
      return batches;
    },
  };
}
