import type { Sql } from "../fixtures/db";
import { insertCar } from "../fixtures/garage";
import { register, type SeededEvent } from "./scene-rows";

/**
 * A scene's money (scene.ts): the event costs €45 entry; the owner has paid €10 of it; the other
 * owner paid €90 from a known account (a refund is due); a cancelled registration of the filler
 * kept a €10 cancellation fee; a previewed statement waits to be confirmed; a place is offered to
 * the owner's waiting car.
 */
export async function seedFees(
  sql: Sql,
  event: SeededEvent,
  clubId: string,
  tag: string,
  regs: { registration: string; otherRegistration: string; filler: string },
) {
  await sql`insert into event_fees (event_id, entry_cents, account_holder, iban, bic, transfers_until)
    values (${event.id}, 4500, ${`Club ${tag}`}, 'DE89370400440532013000', 'COBADEFFXXX', now() + interval '7 days')`;
  const fillerCar = await insertCar(sql, regs.filler);
  const cancelledPaid = await register(sql, event.id, regs.filler, fillerCar!.id, [], null);
  await sql`update registrations set status = 'cancelled', cancelled_at = now() where id = ${cancelledPaid}`;
  const row = (id: string, kind: string, item: string, cents: number) =>
    sql`insert into ledger_entries (event_id, registration_id, kind, item, cents, source_key)
      values (${event.id}, ${id}, ${kind}, ${item}, ${cents}, ${`matrix:${id}:${kind}:${item}`})`;
  await row(regs.registration, "charge", "entry", 4500);
  await row(regs.registration, "payment", "manual", 1000);
  await row(regs.otherRegistration, "charge", "entry", 4500);
  await row(regs.otherRegistration, "payment", "bank", 9000);
  await row(cancelledPaid, "charge", "cancellation", 1000);
  await row(cancelledPaid, "payment", "bank", 1000);
  await sql`insert into bank_lines (club_id, key, registration_id, booked_on, cents, name, iban)
    values (${clubId}, ${`matrix-${tag}`}, ${regs.otherRegistration}, current_date, 9000, 'Other Owner', 'DE02120300000000202051')`;
  const line = {
    key: `matrix-line-${tag}`,
    bookedOn: "2031-05-02",
    cents: 3500,
    currency: "EUR",
    remittance: "x",
    name: "Owner",
    iban: null,
  };
  const preview = [
    {
      line,
      status: "matched",
      by: "reference",
      registrationId: regs.registration,
      candidates: [],
      fit: "exact",
      booked: false,
    },
  ];
  const [kept] = await sql<{ id: string }[]>`insert into statement_imports (event_id, file_name, lines)
    values (${event.id}, 'matrix.xml', ${sql.json(preview)}) returning id`;
  const [offer] = await sql<{ id: string }[]>`insert into place_offers (registration_id, session_id, expires_at)
    values (${regs.registration}, ${event.sessions[1]!}, now() + interval '1 day') returning id`;
  return { statementImport: kept!.id, cancelledPaid, offer: offer!.id };
}
