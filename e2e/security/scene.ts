import { createHash, randomBytes, randomUUID } from "node:crypto";
import { uniqueSuffix, type Sql } from "../fixtures/db";
import { insertCar } from "../fixtures/garage";
import { ticketFor } from "../fixtures/check-in";
import type { Actor } from "./actors";
import { seedFees } from "./scene-fees";
import { insertEvent, person, register, type Person, type SeededEvent } from "./scene-rows";

// One self-contained world per matrix cell or fuzz lane: its own clubs, events and people, so
// tests run in parallel and "did this request write anything?" can be answered per scene.

export type { Person };

export type Scene = {
  tag: string;
  club: { id: string; slug: string };
  otherClub: { id: string; slug: string };
  people: Record<Exclude<Actor, "anonymous">, Person>;
  /**
   * First come, first served, open: session 0 (capacity 10) holds both owners, session 1 (capacity
   * 1) is full and the owner waits for it, session 2 (capacity 10) is empty. The other owner's car
   * has no plaque yet.
   */
  event: SeededEvent;
  registration: string;
  otherRegistration: string;
  /** The owner's registered car, and a second car of theirs that is in no event. */
  car: string;
  spareCar: string;
  otherCar: string;
  checklistItem: string;
  /** The event's paperwork: its waiver in force and one optional question (yes or no). */
  waiverVersion: string;
  question: string;
  /** A second driver's unused link to sign the event's waiver for the owner's registration. */
  waiverLinkToken: string;
  /** The owner's entry in the closed lottery, whose waiver the owner has signed (its PDF). */
  signedEntry: string;
  /**
   * Fees: the event costs €45 entry. The owner has paid €10 of it (a receipt); the other owner
   * paid €90 from a known account (a refund is due); a cancelled registration of the filler kept
   * a €10 cancellation fee (a refund may be granted). A previewed bank statement waits to be
   * confirmed, its one line paying the owner's registration.
   */
  statementImport: string;
  cancelledPaid: string;
  /** A place of session 1 offered to the owner's waiting car, open for a day. */
  offer: string;
  /** The other owner's place, offered to the owner by transfer (the mailed token). */
  transferToken: string;
  /** A lottery open for entries, the owner entered; and one whose entries closed, ready for its draw. */
  lottery: SeededEvent & { entry: string };
  closedLottery: SeededEvent;
  /** An invitation to the club (as gate staff) addressed to the owner; a passkey of the owner's; the owner's ticket. */
  invitationToken: string;
  passkey: string;
  ticket: string;
  /** A lottery already drawn once (its run's public files): no entries, so no other row leans on it. */
  drawn: { slug: string; runId: string };
  /** A mail about the owner's registration that the mail server refused for good (a Mail problem). */
  failedMail: string;
  /** Everyone seeded, actors and the car filling session 1 alike (for dropScene). */
  userIds: string[];
};

/** The session cookie's value for `actor`, or null when signed out. */
export const tokenOf = (scene: Scene, actor: Actor): string | null =>
  actor === "anonymous" ? null : scene.people[actor].token;

export async function seedScene(sql: Sql): Promise<Scene> {
  const tag = uniqueSuffix();
  const [owner, otherOwner, gate, otherOrganiser, organiser, admin, filler] = await Promise.all(
    Array.from({ length: 7 }, () => person(sql)),
  );
  const [club, otherClub] = await sql<{ id: string; slug: string }[]>`
    insert into clubs (name, slug) values (${`Club ${tag}`}, ${`club-${tag}`}), (${`Other club ${tag}`}, ${`other-club-${tag}`}) returning id, slug`;
  await sql`insert into club_members (club_id, user_id, role) values
    (${club!.id}, ${admin!.id}, 'admin'), (${club!.id}, ${organiser!.id}, 'organiser'), (${club!.id}, ${gate!.id}, 'gate'),
    (${otherClub!.id}, ${otherOrganiser!.id}, 'organiser')`;
  const event = await insertEvent(sql, club!.id, `meet-${tag}`, "fcfs", false, [10, 1, 10]);
  const [car, spareCar, otherCar, fillerCar] = await Promise.all(
    [owner!, owner!, otherOwner!, filler!].map((p) => insertCar(sql, p.id)),
  );
  await register(sql, event.id, filler!.id, fillerCar!.id, [[event.sessions[1]!, "confirmed"]], 3);
  const registration = await register(
    sql,
    event.id,
    owner!.id,
    car!.id,
    [
      [event.sessions[0]!, "confirmed"],
      [event.sessions[1]!, "waiting"],
    ],
    1,
  );
  const otherRegistration = await register(
    sql,
    event.id,
    otherOwner!.id,
    otherCar!.id,
    [[event.sessions[0]!, "confirmed"]],
    null,
  );
  const [item] = await sql<
    { id: string }[]
  >`insert into checklist_items (event_id, label) values (${event.id}, 'Noise test passed') returning id`;
  const lottery = await insertEvent(sql, club!.id, `ballot-${tag}`, "lottery", false, [5, 5]);
  const entry = await register(sql, lottery.id, owner!.id, car!.id, [], null);
  await sql`insert into entry_choices (registration_id, session_id, rank) values (${entry}, ${lottery.sessions[0]!}, 1)`;
  const closedLottery = await insertEvent(sql, club!.id, `drawn-${tag}`, "lottery", true, [1, 1]);
  const closedEntry = await register(sql, closedLottery.id, owner!.id, car!.id, [], null);
  await sql`insert into entry_choices (registration_id, session_id, rank) values (${closedEntry}, ${closedLottery.sessions[0]!}, 1)`;
  const [waiver] = await sql<{ id: string }[]>`insert into waiver_versions (event_id, version, text_en, text_de, sha256)
    values (${event.id}, 1, 'At my own risk.', 'Auf eigene Gefahr.', 'matrix') returning id`;
  await sql`insert into waiver_signatures (registration_id, waiver_version_id, signer, full_name, text_sha256, language)
    values (${otherRegistration}, ${waiver!.id}, 'driver', 'Other Owner', 'matrix', 'en')`;
  const [question] = await sql<{ id: string }[]>`insert into event_questions (event_id, position, text, kind)
    values (${event.id}, 0, 'Dinner?', 'yes_no') returning id`;
  const [closedWaiver] = await sql<
    { id: string }[]
  >`insert into waiver_versions (event_id, version, text_en, text_de, sha256)
    values (${closedLottery.id}, 1, 'At my own risk.', 'Auf eigene Gefahr.', 'matrix') returning id`;
  await sql`insert into waiver_signatures (registration_id, waiver_version_id, signer, full_name, text_sha256, language)
    values (${closedEntry}, ${closedWaiver!.id}, 'driver', 'Matrix Owner', 'matrix', 'en')`;
  const waiverLinkToken = randomBytes(24).toString("base64url");
  await sql`insert into waiver_links (token_hash, registration_id, email)
    values (${createHash("sha256").update(waiverLinkToken).digest("hex")}, ${registration}, ${`second-${tag}@ringmeet.test`})`;
  const { statementImport, cancelledPaid, offer } = await seedFees(sql, event, club!.id, tag, {
    registration,
    otherRegistration,
    filler: filler!.id,
  });
  const transferToken = randomBytes(24).toString("base64url");
  await sql`insert into place_transfers (registration_id, email, token_hash)
    values (${otherRegistration}, ${owner!.email}, ${createHash("sha256").update(transferToken).digest("hex")})`;
  const invitationToken = randomBytes(24).toString("base64url");
  await sql`insert into club_invitations (club_id, email, role, token_hash, invited_by, expires_at)
    values (${club!.id}, ${owner!.email}, 'gate', ${createHash("sha256").update(invitationToken).digest("hex")}, ${admin!.id}, now() + interval '7 days')`;
  const passkey = randomUUID();
  await sql`insert into authenticators (credential_id, user_id, provider_account_id, credential_public_key, counter, credential_device_type, credential_backed_up)
    values (${passkey}, ${owner!.id}, ${passkey}, 'cHVibGlj', 0, 'singleDevice', false)`;
  const drawnEvent = await insertEvent(sql, club!.id, `results-${tag}`, "lottery", true, [1]);
  const [run] = await sql<{ id: string }[]>`
    insert into draws (event_id, seed, algorithm, input_hash, result_hash, stats, result)
    select ${drawnEvent.id}, seed, 'matrix', 'none', 'none', '{}'::jsonb, '{"positions": []}'::jsonb from draw_commitments where event_id = ${drawnEvent.id}
    returning id`;
  const [mail] = await sql<{ id: string }[]>`
    insert into mail_outbox (kind, payload, recipient, user_id, registration_id, event_id, status, attempts, subject, last_error, failed_at)
    values ('registrationReceived', ${sql.json({ kind: "registrationReceived", registrationId: registration, to: "owner" })}, ${owner!.email}, ${owner!.id},
      ${registration}, ${event.id}, 'failed', 1, 'Registration received', '550 5.1.1 Mailbox unavailable', now())
    returning id`;
  return {
    failedMail: mail!.id,
    drawn: { slug: drawnEvent.slug, runId: run!.id },
    tag,
    club: club!,
    otherClub: otherClub!,
    people: {
      owner: owner!,
      otherOwner: otherOwner!,
      gate: gate!,
      otherOrganiser: otherOrganiser!,
      organiser: organiser!,
      admin: admin!,
    },
    event,
    registration,
    otherRegistration,
    car: car!.id,
    spareCar: spareCar!.id,
    otherCar: otherCar!.id,
    checklistItem: item!.id,
    waiverVersion: waiver!.id,
    question: question!.id,
    signedEntry: closedEntry,
    statementImport,
    cancelledPaid,
    offer,
    transferToken,
    waiverLinkToken,
    lottery: { ...lottery, entry },
    closedLottery,
    invitationToken,
    passkey,
    ticket: ticketFor(registration, event.id),
    userIds: [owner, otherOwner, gate, otherOrganiser, organiser, admin, filler].map((p) => p!.id),
  };
}

/**
 * Deletes a scene: its clubs (and any its people created) with their events and everything under
 * them, then its people. Thousands of fuzzed scenes would otherwise fill the public events list
 * that other specs read.
 */
export async function dropScene(sql: Sql, s: Scene): Promise<void> {
  // The outbox keeps no foreign keys (its records outlive what they were about), so it goes by hand.
  await sql`delete from mail_outbox where recipient in (select email from users where id = any(${s.userIds}::text[]))`;
  await sql`delete from clubs where id in (${s.club.id}, ${s.otherClub.id}) or id in (select club_id from club_members where user_id = any(${s.userIds}::text[]))`;
  await sql`delete from users where id = any(${s.userIds}::text[])`;
}
