import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signInPath } from "@/lib/auth-guard";
import { getSignedWaiver } from "@/db/paperwork/waivers";
import { waiverPdf } from "@/lib/paperwork-pdf";
import { formatMoment } from "@/lib/time";
import { currentUser } from "../../../session";

type Context = { params: Promise<{ id: string }> };

/** The owner's signed waiver as a PDF: the text as signed, the signature and its record (anyone else: 404). */
export async function GET(_request: Request, { params }: Context) {
  const [{ id }, user] = await Promise.all([params, currentUser()]);
  if (!user) redirect(signInPath(`/registrations/${id}/waiver.pdf`));
  const signed = await getSignedWaiver(user.id, id);
  if (!signed) return new Response("Not found", { status: 404 });
  const t = await getTranslations("paperwork.pdf");
  const { signature: s, version, event } = signed;
  const pdf = await waiverPdf({
    title: t("title", { event: event.name }),
    subtitle: t("subtitle", { version: version.version }),
    text: s.language === "de" ? version.textDe : version.textEn,
    signature: s.signature,
    recordTitle: t("record"),
    record: [
      [t("signedBy"), s.fullName],
      [t("email"), s.email ?? "—"],
      [t("signedAt"), `${formatMoment(s.signedAt)} (Europe/Berlin)`],
      [t("address"), s.ipAddress ?? "—"],
      [t("browser"), s.userAgent ?? "—"],
      [t("version"), String(version.version)],
      [t("language"), s.language],
      [t("sha256"), s.textSha256],
      [t("drawn"), s.signature ? t("yes") : t("typedOnly")],
    ],
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="waiver-${event.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
