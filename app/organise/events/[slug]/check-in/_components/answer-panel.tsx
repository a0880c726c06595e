"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import type { Answer } from "@/lib/check-in/answer";
import type { CheckInCopy } from "@/lib/check-in/types";
import { CarDetails, PlaqueLabel } from "./car-details";

type Verdict = "ok" | "checkedIn" | "alreadyIn" | "refused";

// Solid colours that stay apart in sunlight and for colour-blind eyes; each verdict also has its
// own symbol and word, so the colour is never the only signal.
const looks: Record<Verdict, { band: string; symbol: string }> = {
  ok: { band: "bg-[#0b4fb3] text-white", symbol: "→" },
  checkedIn: { band: "bg-[#067647] text-white", symbol: "✓" },
  alreadyIn: { band: "bg-[#fdb022] text-black", symbol: "!" },
  refused: { band: "bg-[#b42318] text-white", symbol: "✕" },
};

export type ShownAnswer = { answer: Answer; fresh: boolean };

type Props = ShownAnswer & {
  copy: CheckInCopy;
  form: (registrationId: string) => ReactNode;
  onClose: () => void;
  onScanNext: () => void;
};

function verdictOf({ answer, fresh }: ShownAnswer): Verdict {
  if (answer.kind === "alreadyIn") return fresh ? "checkedIn" : "alreadyIn";
  return answer.kind;
}

/** The line under the verdict: when and by whom, or why not. */
function Detail({ answer, fresh }: ShownAnswer) {
  const t = useTranslations("checkIn");
  if (answer.kind === "refused") return <>{t(`reasons.${answer.reason}`)}</>;
  if (answer.kind !== "alreadyIn") return null;
  if (fresh || answer.pending)
    return <>{answer.pending ? t("pendingIn", { time: answer.at }) : t("checkedInNow", { time: answer.at })}</>;
  return (
    <>{answer.by ? t("alreadyInBy", { time: answer.at, name: answer.by }) : t("alreadyIn", { time: answer.at })}</>
  );
}

/**
 * The answer to a scan or a chosen search hit, filling the phone's width: read at arm's length
 * in daylight. Announced (role alert) so a screen reader says it at once.
 */
export function AnswerPanel({ answer, fresh, copy, form, onClose, onScanNext }: Props) {
  const t = useTranslations("checkIn");
  const verdict = verdictOf({ answer, fresh });
  const look = looks[verdict];
  const car = answer.car;
  const panel = useRef<HTMLElement>(null);
  // Each new answer is brought to the top of the screen, whatever the gate had scrolled to.
  const identity = `${verdict}:${car?.registrationId ?? (answer.kind === "refused" ? answer.reason : "")}`;
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start", behavior: "instant" });
  }, [identity]);
  return (
    <section
      ref={panel}
      aria-labelledby="answer-verdict"
      className="scroll-mt-2 overflow-hidden rounded-2xl border-4 border-ink bg-white shadow-lg"
      data-verdict={verdict}
    >
      <div role="alert" id="answer-verdict" className={`flex flex-col gap-1 px-4 py-4 ${look.band}`}>
        <p className="flex items-center gap-3 text-4xl font-black uppercase tracking-tight">
          <span aria-hidden className="text-5xl leading-none">
            {look.symbol}
          </span>
          {t(`verdict.${verdict}`)}
        </p>
        {car ? <PlaqueLabel car={car} className="text-5xl font-black tabular-nums" /> : null}
        <p className="text-2xl font-bold">
          <Detail answer={answer} fresh={fresh} />
        </p>
      </div>
      <div className="flex flex-col gap-4 p-4">
        {car ? <CarDetails car={car} sessions={copy.sessions} large /> : null}
        {answer.kind === "ok" ? form(answer.car.registrationId) : null}
        <div className="grid grid-cols-2 gap-3">
          <button type="button" onClick={onScanNext} className={buttonClass("secondary", "min-h-14 text-lg")}>
            {t("scanNext")}
          </button>
          <button type="button" onClick={onClose} className={buttonClass("ghost", "min-h-14 text-lg")}>
            {t("close")}
          </button>
        </div>
      </div>
    </section>
  );
}
