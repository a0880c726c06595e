import { isPublicEvent } from "@/db/event-changes";
import { env } from "@/env";
import { programmeCalendar } from "@/lib/event-calendar";
import { getCachedPublicEvent } from "../event-data";

// The public programme for calendar apps: one VEVENT per session, in UTC. 404 for a draft or unknown event.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // Asked uncached first: an unknown slug leaves nothing in the data cache.
  const data = (await isPublicEvent(slug)) ? await getCachedPublicEvent(slug) : null;
  if (!data)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { event, sessions } = data;
  const body = programmeCalendar(
    {
      name: event.name,
      venue: event.venue,
      url: `${env().appUrl}/events/${event.slug}`,
      cancelled: event.status === "cancelled",
    },
    sessions,
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      // A cancellation or a new time must reach the next download: no copy kept without asking.
      "Cache-Control": "no-cache",
    },
  });
}
