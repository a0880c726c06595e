import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { acceptInvitationAction } from "./actions";
import { requireUser } from "../../session";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ error?: string }> };

// Opening the link shows this page; only pressing the button uses the invitation.
export default async function InvitationPage({ params, searchParams }: Props) {
  const [{ token }, { error }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/invitations/${token}`);
  const t = await getTranslations("organise");
  return (
    <div className="mx-auto max-w-md">
      <Card className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("invitationTitle")}</h1>
        {error ? (
          <Notice tone="danger" role="alert">
            {error === "otherEmail"
              ? t("invitationOtherEmail", { email: user.email })
              : error === "lastAdmin"
                ? t("lastAdmin")
                : t("invitationInvalid")}
          </Notice>
        ) : null}
        <p className="text-base">{t("invitationAs", { email: user.email })}</p>
        <form action={acceptInvitationAction.bind(null, token)}>
          <Button type="submit" className="w-full">
            {t("acceptInvitation")}
          </Button>
        </form>
      </Card>
    </div>
  );
}
