import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openEvent, ownersWithCars } from "@/test/registration";
import { db } from "./client";
import { pipelined } from "./query";
import { readRows, rowReader } from "./row-reader";
import { cars, eventSessions, events } from "./schema";

// The registration reads whole rows through rowReader: each must come back exactly as Drizzle's
// own select gives it (dates as Date, json parsed, nulls, enums, numbers), or a verdict would differ.
describe("rowReader", () => {
  it("reads an event, its sessions and a car exactly as Drizzle's select does", async () => {
    const { event, sessions } = await openEvent({
      sessions: [
        { start: "09:00", end: "12:00", capacity: 2 },
        { start: "13:00", end: "14:00", capacity: 5 },
      ],
    });
    const [garage] = await ownersWithCars(1);
    const carId = garage!.carIds[0]!;
    const cases = [
      [events, "e", event.id],
      [eventSessions, "s", sessions[0]!.id],
      [eventSessions, "s", sessions[1]!.id],
      [cars, "c", carId],
    ] as const;
    for (const [table, alias, id] of cases) {
      const reader = rowReader(table, alias);
      const byDrizzle = await db().select().from(table).where(eq(table.id, id));
      const byReader = await readRows(
        db(),
        sql`select ${reader.columns} from ${table} ${sql.raw(`"${alias}"`)} where ${sql.raw(`"${alias}"`)}.id = ${id}`,
        reader,
      );
      expect(byReader).toEqual(byDrizzle);
      expect(byReader).toHaveLength(1);
    }
  });

  it("is lazy: sent when awaited, so a statement built after it but piped ahead of it goes first", async () => {
    const { event } = await openEvent();
    const reader = rowReader(events, "e");
    const [read] = await db().transaction(async (tx) => {
      const rows = readRows(tx, sql`select ${reader.columns} from events e where e.id = ${event.id}`, reader);
      const rename = tx.update(events).set({ name: "Renamed first" }).where(eq(events.id, event.id));
      return (await pipelined(rename, rows))[1];
    });
    expect(read!.name).toBe("Renamed first"); // an eager read, sent when built, would say the old name
  });
});
