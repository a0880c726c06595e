import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleCamt053, type SampleCredit } from "@/lib/payments/statement/sample";
import { paidMeet, ENTRY_CENTS, SESSION_CENTS } from "@/test/payments";
import { form, ownersWithCars } from "@/test/registration";
import { db } from "../client";
import { sqlRows } from "../query";
import { registerCar } from "../registrations/writes";
import { paymentRows } from "./event-payments";
import { confirmStatement, getStatementImport, previewStatement } from "./statements";

// A realistic statement: 300 credits for an event of 200 paid places. Most carry the reference
// (some spaced out, lower case, inside longer text); some have a typo in it but the right amount
// and name; some are the club's other income; one transfer was sent twice; one pays only part.

const FEE = ENTRY_CENTS + SESSION_CENTS;
let meet: Awaited<ReturnType<typeof paidMeet>>;
let regs: { id: string; reference: string; name: string }[];

const typo = (ref: string) => ref.slice(0, -1) + (ref.endsWith("Z") ? "Y" : "Z");

function credits(): SampleCredit[] {
  const day = "2031-05-02";
  const out: SampleCredit[] = regs.slice(0, 170).map((r, i) => ({
    bookedOn: day,
    cents: FEE,
    name: r.name,
    remittance:
      i % 3 === 0
        ? `Startgeld 1M Treffen ${r.reference.toLowerCase()}`
        : i % 3 === 1
          ? r.reference.replace(/(.{4})/g, "$1 ")
          : r.reference,
  }));
  regs
    .slice(170, 180)
    .forEach((r) => out.push({ bookedOn: day, cents: FEE, name: r.name, remittance: typo(r.reference) }));
  regs
    .slice(180, 185)
    .forEach((r) => out.push({ bookedOn: day, cents: FEE, name: "Someone Else", remittance: typo(r.reference) }));
  out.push({ bookedOn: day, cents: 10000, name: regs[185]!.name, remittance: regs[185]!.reference });
  out.push({ ...out[0]! }); // the same transfer sent twice
  for (let i = 0; out.length < 300; i++)
    out.push({ bookedOn: day, cents: 2500 + i, name: `Member ${i}`, remittance: `Mitgliedsbeitrag 2031 Nr ${i}` });
  return out;
}

beforeAll(async () => {
  meet = await paidMeet([{ start: "09:00", end: "10:00", capacity: 250 }], [SESSION_CENTS]);
  const owners = await ownersWithCars(200);
  for (const o of owners) {
    const made = await registerCar(o.ownerId, form(meet.event.id, o.carIds[0]!, [meet.sessions[0]!.id]));
    if (!made.ok) throw new Error(made.error);
  }
  regs = await sqlRows<{ id: string; reference: string; name: string }>(
    db(),
    sql`select r.id, r.payment_reference as reference, u.full_name as name from registrations r
      join users u on u.id = r.owner_id where r.event_id = ${meet.event.id} order by r.created_at`,
  );
}, 60_000);

const file = () => ({
  name: "statement.xml",
  text: sampleCamt053({
    account: { iban: "DE89370400440532013000", bic: "COBADEFFXXX", holder: "1M Owners Club e.V." },
    credits: credits(),
    statementId: "STMT-2031-05",
    createdAt: new Date("2031-05-03T06:00:00Z"),
  }),
});

describe("a bank statement import", () => {
  it("matches by reference, then amount and name; books once; the same file again changes nothing", async () => {
    const admin = meet.admin.id;
    const previewed = await previewStatement(admin, meet.event.slug, file());
    if (!previewed?.ok) throw new Error(JSON.stringify(previewed));
    const kept = (await getStatementImport(admin, meet.event.slug, previewed.importId))!;
    const count = (f: (l: (typeof kept.lines)[number]) => boolean) => kept.lines.filter(f).length;
    expect(kept.lines).toHaveLength(300);
    expect(count((l) => l.status === "matched" && l.by === "reference")).toBe(172);
    expect(count((l) => l.status === "matched" && l.by === "amount-name")).toBe(10);
    expect(count((l) => l.status === "matched" && l.fit === "partial")).toBe(1);
    expect(count((l) => l.status === "matched" && l.fit === "over")).toBe(1);
    expect(count((l) => l.status === "unmatched")).toBe(118);

    expect(await confirmStatement(meet.gate.id, meet.event.slug, previewed.importId, {})).toBeNull();
    expect(await confirmStatement(admin, meet.event.slug, previewed.importId, {})).toEqual({ ok: true, booked: 182 });
    expect(await confirmStatement(admin, meet.event.slug, previewed.importId, {})).toMatchObject({ ok: false });

    const rows = await paymentRows(db(), meet.event.id);
    const status = (id: string) => rows.find((r) => r.registrationId === id)!;
    expect(status(regs[1]!.id)).toMatchObject({ status: "paid", balance: { owed: 0 } });
    expect(status(regs[175]!.id)).toMatchObject({ status: "paid" });
    expect(status(regs[182]!.id)).toMatchObject({ status: "unpaid", balance: { owed: FEE } });
    expect(status(regs[185]!.id)).toMatchObject({ status: "unpaid", balance: { owed: FEE - 10000 } });
    expect(status(regs[0]!.id)).toMatchObject({ status: "refundDue", balance: { owed: -FEE } });

    const again = await previewStatement(admin, meet.event.slug, file());
    if (!again?.ok) throw new Error(JSON.stringify(again));
    const second = (await getStatementImport(admin, meet.event.slug, again.importId))!;
    expect(second.lines.filter((l) => l.booked)).toHaveLength(182);
    const paymentsBefore = await sqlRows(
      db(),
      sql`select id from ledger_entries where event_id = ${meet.event.id} and kind = 'payment'`,
    );
    expect(await confirmStatement(admin, meet.event.slug, again.importId, {})).toEqual({ ok: true, booked: 0 });
    const paymentsAfter = await sqlRows(
      db(),
      sql`select id from ledger_entries where event_id = ${meet.event.id} and kind = 'payment'`,
    );
    expect(paymentsAfter).toHaveLength(paymentsBefore.length);
  }, 60_000);

  it("refuses a file that is not a statement beside the file field, and a gate member; neither keeps anything", async () => {
    const kept = () => sqlRows(db(), sql`select id from statement_imports where event_id = ${meet.event.id}`);
    const before = (await kept()).length;
    expect(await previewStatement(meet.admin.id, meet.event.slug, { name: "x.pdf", text: "%PDF-1.4" })).toMatchObject({
      ok: false,
      field: "statement",
    });
    expect(await previewStatement(meet.gate.id, meet.event.slug, file())).toBeNull();
    expect(await kept()).toHaveLength(before);
  });
});
