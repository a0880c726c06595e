import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { parseStatement, StatementError, type StatementLine } from "@/lib/payments/statement";
import { matchStatement, type MatchedLine, type OpenItem } from "@/lib/payments/statement/match";
import { eventFor } from "../access";
import { db } from "../client";
import { sqlRows, type Tx } from "../query";
import { refuse, type Result } from "../result";
import { auditLog, bankLines, statementImports, type Event } from "../schema";
import { paymentRows } from "./event-payments";
import { recordPayments } from "./payments";

/** A line of a previewed import: how it matched, and whether the club booked it already. */
export type PreviewLine = MatchedLine & { booked: boolean };

/** The event's registrations with a reference, as the matcher sees them: what each still owes and by which names. */
async function openItems(tx: Tx, event: Event): Promise<OpenItem[]> {
  const [balances, names] = await Promise.all([
    paymentRows(tx, event.id),
    sqlRows<{ id: string; names: (string | null)[] }>(
      tx,
      sql`select r.id, array[u.full_name, u.display_name, r.second_driver_name] as names
        from registrations r left join users u on u.id = r.owner_id where r.event_id = ${event.id}`,
    ),
  ]);
  const byId = new Map(names.map((n) => [n.id, n.names.filter((x): x is string => !!x)]));
  return balances.flatMap((b) =>
    b.reference
      ? [
          {
            registrationId: b.registrationId,
            reference: b.reference,
            dueCents: Math.max(0, b.balance.owed),
            names: byId.get(b.registrationId) ?? [],
          },
        ]
      : [],
  );
}

/**
 * Reads and matches an uploaded statement and keeps it for the organiser's "Confirm import".
 * Nothing is booked yet. Lines the club booked before (the same file again) are marked.
 */
export async function previewStatement(
  userId: string,
  slug: string,
  file: { name: string; text: string },
): Promise<Result<{ importId: string }> | null> {
  let lines: StatementLine[];
  try {
    lines = parseStatement(file.name, file.text);
  } catch (error) {
    if (error instanceof StatementError) return refuse(`payments.errors.statement.${error.code}`, "statement");
    throw error;
  }
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "managePayments");
    if (!event) return null;
    const matched = matchStatement(lines, await openItems(tx, event));
    const keys = lines.map((l) => l.key);
    const booked = keys.length
      ? await tx
          .select({ key: bankLines.key })
          .from(bankLines)
          .where(and(eq(bankLines.clubId, event.clubId), inArray(bankLines.key, keys)))
      : [];
    const done = new Set(booked.map((b) => b.key));
    const preview: PreviewLine[] = matched.map((m) => ({ ...m, booked: done.has(m.line.key) }));
    const [made] = await tx
      .insert(statementImports)
      .values({ eventId: event.id, fileName: file.name.slice(0, 200), lines: preview, createdBy: userId })
      .returning({ id: statementImports.id });
    return { ok: true, importId: made!.id } as const;
  });
}

/** A kept preview of the organiser's event, for the page; null when not theirs or gone. */
export async function getStatementImport(userId: string, slug: string, importId: string) {
  const event = await eventFor(db(), userId, slug, "managePayments");
  if (!event) return null;
  const [found] = await db()
    .select()
    .from(statementImports)
    .where(and(eq(statementImports.id, importId), eq(statementImports.eventId, event.id)));
  return found ? { ...found, lines: found.lines as PreviewLine[] } : null;
}

/**
 * Books the preview's matched lines (and the ambiguous ones the organiser assigned to one of
 * their candidates) as bank payments, once each: a line whose key the club booked already is
 * skipped, so confirming the same file twice changes nothing.
 */
export async function confirmStatement(
  userId: string,
  slug: string,
  importId: string,
  assigned: Record<number, string>,
): Promise<Result<{ booked: number }> | null> {
  return db().transaction(async (tx) => {
    const event = await eventFor(tx, userId, slug, "managePayments");
    if (!event) return null;
    const [kept] = await tx
      .select()
      .from(statementImports)
      .where(
        and(
          eq(statementImports.id, importId),
          eq(statementImports.eventId, event.id),
          isNull(statementImports.confirmedAt),
        ),
      )
      .for("update");
    if (!kept) return refuse("payments.errors.importGone");
    const chosen = (kept.lines as PreviewLine[]).flatMap((l, i) => {
      const to =
        l.status === "matched" ? l.registrationId : l.candidates.includes(assigned[i] ?? "") ? assigned[i]! : null;
      return to && !l.booked ? [{ line: l.line, registrationId: to }] : [];
    });
    const booked = await recordPayments(tx, event, chosen, importId, userId);
    await tx.update(statementImports).set({ confirmedAt: new Date() }).where(eq(statementImports.id, kept.id));
    await tx.insert(auditLog).values({
      eventId: event.id,
      actorId: userId,
      action: "statement.import",
      detail: { file: kept.fileName, booked },
    });
    return { ok: true, booked } as const;
  });
}
