import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkDraw } from "@/lib/lottery";
import { ballot, enterAll } from "@/test/lottery";
import { ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { publishDraw, runDraw } from "./writes";
import { getDrawFiles, getPublicDraw } from "./reads";
import { cancelRegistration } from "../registrations/writes";
import { draws } from "../schema";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("a run's public files", () => {
  it("are the exact texts of its hashes, name nobody, and draw again to the same result", async () => {
    const {
      admin,
      event,
      ids: [a, b, c],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(4);
    await enterAll(event.id, owners, [[a, b], [c, b], [b], [a]]);
    const run = await runDraw(admin.id, event.slug, afterClose);
    if (!run?.ok) throw new Error("the draw did not run");
    const files = await getDrawFiles(event.slug, run.drawId);
    const shown = (await getPublicDraw(event.slug, null))!.runs[0]!;
    expect(sha256(files!.input!)).toBe(shown.inputHash);
    expect(sha256(files!.result)).toBe(shown.resultHash);
    expect(checkDraw(files!.input!, files!.result)).toMatchObject({ inputMatchesResult: true, redrawMatches: true });
    for (const owner of owners) expect(files!.input + files!.result).not.toContain(owner.ownerId);
  });

  it("stay those of the run after it is published and entries are cancelled, and cannot be altered", async () => {
    const {
      admin,
      event,
      ids: [a, b],
      afterClose,
    } = await ballot();
    const owners = await ownersWithCars(3);
    const [first] = await enterAll(event.id, owners, [[a], [a, b], [b]]);
    const run = await runDraw(admin.id, event.slug, afterClose);
    if (!run?.ok) throw new Error("the draw did not run");
    expect(await publishDraw(admin.id, event.slug, run.drawId, afterClose)).toMatchObject({ ok: true });
    const before = await getDrawFiles(event.slug, run.drawId);
    await cancelRegistration(owners[0]!.ownerId, first!);
    expect(await getDrawFiles(event.slug, run.drawId)).toEqual(before);
    await expect(
      db()
        .update(draws)
        .set({ input: { entries: [], sessions: [] } })
        .where(eq(draws.id, run.drawId)),
    ).rejects.toThrow();
    expect(sha256((await getDrawFiles(event.slug, run.drawId))!.input!)).toBe(
      (await getPublicDraw(event.slug, null))!.runs[0]!.inputHash,
    );
  });

  it("are not found for an unknown run, a malformed id or another event's run", async () => {
    const one = await ballot();
    const other = await ballot();
    const owners = await ownersWithCars(1);
    await enterAll(one.event.id, owners, [[one.ids[0]]]);
    const run = await runDraw(one.admin.id, one.event.slug, one.afterClose);
    if (!run?.ok) throw new Error("the draw did not run");
    expect(await getDrawFiles(other.event.slug, run.drawId)).toBeNull();
    expect(await getDrawFiles(one.event.slug, crypto.randomUUID())).toBeNull();
    expect(await getDrawFiles(one.event.slug, "-".repeat(36))).toBeNull();
    expect((await db().execute(sql`select 1`)).length).toBe(1);
  });
});
