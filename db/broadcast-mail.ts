import "server-only";
import { deliverBroadcast } from "./broadcasts";
import { appLink, mailEach } from "./notify";

/** The worker task: sends a broadcast to each recipient once, in their language's frame. */
export async function sendBroadcastMail(job: { broadcastId: string }): Promise<void> {
  await deliverBroadcast(job.broadcastId, (to, m) =>
    mailEach([to], (t) => ({ subject: m.subject, lines: [m.body, t("broadcast.mail.footer", { event: m.eventName }), appLink(`/events/${m.slug}`)] })),
  );
}
