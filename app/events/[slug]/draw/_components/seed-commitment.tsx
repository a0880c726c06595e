import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { PublicDraw } from "@/db/draws/reads";
import { formatMoment } from "@/lib/time";
import { Facts } from "./facts";

/**
 * The seed's SHA-256, public before the draw, and how to check a revealed seed against it; or,
 * for a draw published before commitments existed, that its seed was not committed in advance.
 */
export async function SeedCommitment({ commitment }: Pick<PublicDraw, "commitment">) {
  const t = await getTranslations("lottery.public");
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-bold">{t("commitmentTitle")}</h2>
      {commitment ? (
        <>
          <p className="text-base">
            {t(commitment.inAdvance ? "committed" : "committedLate", { when: formatMoment(commitment.committedAt) })}
          </p>
          <Facts
            facts={[
              [t("seedHash"), commitment.seedHash],
              [t("committedAt"), formatMoment(commitment.committedAt)],
            ]}
          />
          <p className="text-sm text-muted">
            {t("check")} <code className="break-all font-mono">printf &apos;%s&apos; SEED | sha256sum</code>
          </p>
        </>
      ) : (
        <p className="text-base">{t("notCommitted")}</p>
      )}
    </Card>
  );
}
