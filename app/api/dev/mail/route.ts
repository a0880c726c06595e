import { mailboxAnswers } from "@/app/dev/local-only";
import { listDevMail } from "@/db/mail/deliver";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!(await mailboxAnswers())) return new Response("Not found", { status: 404 });
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  const mails = await listDevMail(to);
  return Response.json(
    mails.map((m) => ({
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      links: m.links,
      createdAt: m.createdAt.toISOString(),
    })),
    { headers: { "cache-control": "no-store" } },
  );
}
