import { createEvents, type EventAttributes } from "ics";
import { getMyRegistration } from "@/db/registrations/reads";
import { currentUser } from "../../../session";

export const dynamic = "force-dynamic";

const utc = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** The owner's confirmed sessions as calendar events; 404 for anyone else, once cancelled, and while no place is confirmed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  const ticket = user ? await getMyRegistration(user.id, id) : null;
  const confirmed =
    ticket?.registration.status === "active" ? ticket.places.filter((p) => p.status === "confirmed") : [];
  // Nothing to put in a calendar until a place is confirmed (a car that only waits has no session yet).
  if (!ticket || confirmed.length === 0) return new Response("Not found", { status: 404 });
  const items: EventAttributes[] = confirmed.map((p) => ({
    uid: `${ticket.registration.id}-${p.sessionId}@ringmeet`,
    title: p.name,
    description: ticket.event.name,
    location: ticket.event.venue,
    start: utc(p.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utc(p.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
  }));
  const { error, value } = createEvents(items);
  if (error || !value) throw error ?? new Error("calendar could not be made");
  return new Response(value, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${ticket.event.slug}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
