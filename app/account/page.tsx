import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { clubsLeftWithoutAdmin, getProfile } from "@/db/account";
import { db } from "@/db/client";
import { listPasskeys } from "@/db/passkeys";
import { safeCallbackPath } from "@/lib/schemas/sign-in";
import { requireUser } from "../session";
import { deleteAccountAction } from "./actions";
import { Passkeys } from "./_components/passkeys";
import { ProfileForm } from "./_components/profile-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

type Search = Promise<{ returnTo?: string; delete?: string }>;

export default async function AccountPage({ searchParams }: { searchParams: Search }) {
  const { returnTo, delete: confirmDelete } = await searchParams;
  const user = await requireUser("/account");
  const [t, profile, passkeys, stranded] = await Promise.all([
    getTranslations("account"),
    getProfile(user.id),
    listPasskeys(user.id),
    confirmDelete ? clubsLeftWithoutAdmin(db(), user.id) : [],
  ]);
  const initial = {
    fullName: profile?.fullName ?? "",
    displayName: profile?.displayName ?? "",
    country: profile?.country ?? "",
    phone: profile?.phone ?? "",
    locale: profile?.locale ?? "",
    licenceNumber: profile?.licenceNumber ?? "",
    licenceCountry: profile?.licenceCountry ?? "",
    licenceValidUntil: profile?.licenceValidUntil ?? "",
    emergencyName: profile?.emergencyName ?? "",
    emergencyPhone: profile?.emergencyPhone ?? "",
    experience: profile?.experience ?? "",
  };
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <PageHeader title={t("title")} />
      {returnTo && !profile?.fullName ? <p className="text-base font-semibold">{t("nameFirst")}</p> : null}
      <Card>
        <h2 className="mb-1 text-xl font-bold">{t("profile")}</h2>
        <p className="mb-4 text-sm text-muted">{user.email}</p>
        <ProfileForm initial={initial} returnTo={returnTo ? safeCallbackPath(returnTo, "/account") : undefined} />
      </Card>
      <Card>
        <h2 className="mb-3 text-xl font-bold">{t("passkeys")}</h2>
        <Passkeys passkeys={passkeys} />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-xl font-bold">{t("yourData")}</h2>
        <a href="/account/data.json" download className={buttonClass("secondary", "self-start")}>
          {t("download")}
        </a>
        {confirmDelete && stranded.length > 0 ? (
          <p role="alert" className="rounded-lg border border-danger/40 bg-danger-soft p-3 text-base">
            {t("deleteLastAdmin", { clubs: stranded.join(", ") })}{" "}
            <Link href="/organise" className="font-semibold underline underline-offset-4">
              {t("deleteLastAdminLink")}
            </Link>
          </p>
        ) : confirmDelete ? (
          <form
            action={deleteAccountAction}
            className="flex flex-col gap-3 rounded-lg border border-danger/40 bg-danger-soft p-3"
          >
            <p className="text-base">{t("deleteExplain")}</p>
            <Button type="submit" variant="danger">
              {t("deleteYes")}
            </Button>
          </form>
        ) : (
          <Link
            href="/account?delete=1"
            className="inline-flex min-h-11 items-center self-start font-semibold text-danger underline underline-offset-4"
          >
            {t("delete")}
          </Link>
        )}
      </Card>
    </div>
  );
}
