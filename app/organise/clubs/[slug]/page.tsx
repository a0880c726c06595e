import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getMyClub, listMembers } from "@/db/clubs";
import { can } from "@/lib/roles";
import { requireUser } from "../../../session";
import { inviteAction, setRoleAction } from "../../actions";
import { InviteForm } from "./invite-form";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string }> };

export default async function ClubPage({ params, searchParams }: Props) {
  const [{ slug }, { error }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/organise/clubs/${slug}`);
  const club = await getMyClub(user.id, slug);
  if (!club) notFound();
  const t = await getTranslations("organise");
  const admin = can(club.role, "manageMembers");
  const members = admin ? await listMembers(user.id, club.id) : [];
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <PageHeader title={club.name}>
        {/* The next step after creating a club: its first event, with this club chosen. */}
        {can(club.role, "createEvent") ? (
          <Link href={`/organise/events/new?club=${encodeURIComponent(club.slug)}`} className={buttonClass("primary")}>
            {t("newEvent")}
          </Link>
        ) : null}
      </PageHeader>
      <p className="text-base">{t("yourRole", { role: t(`roles.${club.role}`) })}</p>
      {error === "lastAdmin" ? (
        <Notice tone="danger" role="alert">
          {t("lastAdmin")}
        </Notice>
      ) : null}
      {admin ? (
        <>
          <Card>
            <h2 className="mb-3 text-xl font-bold">{t("members")}</h2>
            <ul className="divide-y divide-line">
              {members.map((m) => (
                <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 text-base">
                    <span className="font-semibold">{m.fullName || m.email}</span>
                    <span className="block truncate text-sm text-muted">{m.email}</span>
                  </span>
                  <form action={setRoleAction.bind(null, club.slug)} className="flex items-center gap-2">
                    <input type="hidden" name="memberId" value={m.userId} />
                    <label className="sr-only" htmlFor={`role-${m.userId}`}>
                      {t("roleOf", { name: m.fullName || m.email || "" })}
                    </label>
                    <select
                      id={`role-${m.userId}`}
                      name="role"
                      defaultValue={m.role}
                      className="min-h-11 rounded-lg border border-line bg-white px-2 text-base"
                    >
                      <option value="admin">{t("roles.admin")}</option>
                      <option value="organiser">{t("roles.organiser")}</option>
                      <option value="gate">{t("roles.gate")}</option>
                      <option value="remove">{t("removeMember")}</option>
                    </select>
                    <button
                      type="submit"
                      className="min-h-11 rounded-lg border border-line px-3 text-base font-semibold hover:bg-accent-soft"
                    >
                      {t("apply")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2 className="mb-3 text-xl font-bold">{t("invite")}</h2>
            <InviteForm action={inviteAction.bind(null, club.slug)} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
