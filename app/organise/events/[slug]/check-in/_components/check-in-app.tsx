"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { answerForCar, answerForTicket, earliestPending, type Answer, type Refusal } from "@/lib/check-in/answer";
import { countCheckIns } from "@/lib/check-in/counts";
import { searchCars } from "@/lib/check-in/search";
import type { CheckInCar, CheckInCopy, PendingCheckIn } from "@/lib/check-in/types";
import { AnswerPanel } from "./answer-panel";
import { CheckInForm } from "./check-in-form";
import { checkInPath } from "./check-in-queries";
import { CountStatus } from "./count-status";
import { decodeImage } from "./decode";
import { useOnline, useServiceWorker } from "./device";
import { Scanner } from "./scanner";
import { SearchPanel } from "./search-panel";
import { SyncNotices } from "./sync-notices";
import { useOfflineCopy } from "./use-offline-copy";
import { usePendingQueue } from "./use-pending-queue";

/** What the page said after a check-in without JavaScript (?r=…&done=1 or &refused=…). */
export type Flash = { registrationId: string; done: boolean; refused: Refusal | null } | null;

/**
 * Shown: a car (its answer is worked out again on every render, so it follows the live list and
 * this phone's queue) or a ticket that names no car here. `mine`: this phone just checked it in.
 */
type Shown = { registrationId: string; mine: string | null; refused: Refusal | null } | { answer: Answer };

type Props = { slug: string; initialQuery: string; flash: Flash; action: (formData: FormData) => Promise<void> };

export function CheckInApp({ slug, initialQuery, flash, action }: Props) {
  const t = useTranslations("checkIn");
  const { copy, counts: liveCounts, learn, fromPhone, reachable } = useOfflineCopy(slug);
  const { pending, add, notices, dismiss } = usePendingQueue(slug, learn);
  // Signal bars are not a connection: a failing poll counts as offline too.
  const online = useOnline() && reachable;
  useServiceWorker();
  const [query, setQuery] = useState(initialQuery);
  const [scanning, setScanning] = useState(false);
  const [shown, setShown] = useState<Shown | null>(() => fromFlash(flash));
  if (!copy) return null; // the server always prefetches the copy; only a broken page gets here

  const answerOf = (car: CheckInCar) => answerForCar(car, earliestPending(pending, car.registrationId));
  const counts = (online && liveCounts) || countCheckIns(copy.cars, copy.sessions);
  const read = async (text: string) => {
    setScanning(false);
    const answer = await answerForTicket(text, copy, pending, new Date());
    setShown(answer.car ? { registrationId: answer.car.registrationId, mine: null, refused: null } : { answer });
  };
  const checkIn = (registrationId: string, ticks: string[], override?: string) => {
    const item = add(registrationId, ticks, override);
    setShown({ registrationId, mine: item.scannedAt, refused: null });
  };
  const form = (registrationId: string, large = false) => (
    <CheckInForm
      registrationId={registrationId}
      query={query}
      checklist={copy.checklist}
      paperwork={copy.cars.find((c) => c.registrationId === registrationId)?.paperwork}
      mayOverride={copy.mayOverride}
      action={action}
      onCheckIn={checkIn}
      large={large}
    />
  );
  const current = shown ? answerFor(shown, copy, pending) : null;

  // The answer comes first: it is what the gate looks at after every scan.
  return (
    <div className="flex flex-col gap-4">
      {current ? (
        <AnswerPanel
          answer={current.answer}
          fresh={current.fresh}
          copy={copy}
          form={(id) => form(id, true)}
          onClose={() => setShown(null)}
          onScanNext={() => {
            setShown(null);
            setScanning(true);
          }}
        />
      ) : null}
      {scanning ? (
        <Scanner onText={(text) => void read(text)} onClose={() => setScanning(false)} />
      ) : (
        <div className="grid grid-cols-[2fr_1fr] gap-3">
          <button
            type="button"
            onClick={() => {
              setShown(null);
              setScanning(true);
            }}
            className={buttonClass("primary", "min-h-16 text-2xl")}
          >
            <span aria-hidden>▣</span> {t("scan")}
          </button>
          <label
            className={buttonClass(
              "secondary",
              "min-h-16 cursor-pointer text-center text-base focus-within:outline focus-within:outline-3",
            )}
          >
            {t("scanFromImage")}
            <input
              type="file"
              accept="image/*"
              className="sr-only"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) await read((await decodeImage(file)) ?? "");
              }}
            />
          </label>
        </div>
      )}
      <CountStatus
        counts={counts}
        online={online}
        pendingPlaques={pending.map(
          (p) => copy.cars.find((c) => c.registrationId === p.registrationId)?.plaque ?? null,
        )}
        copyFrom={fromPhone || !online ? copy.fetchedAt : null}
      />
      <SyncNotices notices={notices} copy={copy} onDismiss={dismiss} />
      <SearchPanel
        action={checkInPath(slug)}
        query={query}
        onQuery={setQuery}
        hits={searchCars(copy.cars, query)}
        copy={copy}
        answerOf={answerOf}
        form={form}
      />
    </div>
  );
}

/**
 * Whether the check-in that stands is the one this phone just made: "server" after the no-script
 * form said so; else the standing time is this phone's tap, give or take the server recording
 * a scan time from the future, or from before the gate opened, as its own now
 * (lib/check-in/scan-time.ts). (When another phone's earlier check-in stands, the sync notice
 * says so in words.)
 */
function isMine(mine: string | null, checkedInAt: string | null): boolean {
  if (mine === "server") return true;
  return !!mine && !!checkedInAt && Math.abs(Date.parse(checkedInAt) - Date.parse(mine)) < 120_000;
}

function fromFlash(flash: Flash): Shown | null {
  if (!flash) return null;
  return { registrationId: flash.registrationId, mine: flash.done ? "server" : null, refused: flash.refused };
}

/** The answer to show now, and whether it is this phone's own fresh check-in. */
function answerFor(
  shown: Shown,
  copy: CheckInCopy,
  pending: PendingCheckIn[],
): { answer: Answer; fresh: boolean } | null {
  if ("answer" in shown) return { answer: shown.answer, fresh: false };
  const car = copy.cars.find((c) => c.registrationId === shown.registrationId);
  if (!car) return null;
  if (shown.refused) return { answer: { kind: "refused", reason: shown.refused, car }, fresh: false };
  const answer = answerForCar(car, earliestPending(pending, car.registrationId));
  return { answer, fresh: answer.kind === "alreadyIn" && (answer.pending || isMine(shown.mine, car.checkedInAt)) };
}
