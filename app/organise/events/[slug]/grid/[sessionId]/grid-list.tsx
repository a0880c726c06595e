"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";

export type GridListRow = {
  registrationId: string;
  plaque: number | null;
  driver: string;
  car: string;
  colourName: string;
  plate: string;
};
type FormAction = () => Promise<void>;
// Actions are bound on the server (page.tsx), one per row and direction: see BoundFormAction (components/form/use-form.ts).
type Props = {
  rows: GridListRow[];
  up: (FormAction | null)[];
  down: (FormAction | null)[];
  saveOrder: (order: string[]) => Promise<{ ok: boolean }>;
  editable: boolean;
};

/** One step up or down the grid; disabled at either end, where there is no action. */
function MoveButton({ action, label, arrow }: { action: FormAction | null | undefined; label: string; arrow: string }) {
  return (
    <form action={action ?? undefined}>
      <button
        type="submit"
        disabled={!action}
        aria-label={label}
        className="inline-flex h-11 w-11 items-center justify-center rounded-lg border border-line bg-white text-xl font-bold hover:bg-accent-soft disabled:opacity-40"
      >
        {arrow}
      </button>
    </form>
  );
}

/**
 * The cars behind the pace car, first to last. Drag a row to move it (mouse); the ↑ and ↓
 * buttons do the same by keyboard and touch, and work without JavaScript.
 */
export function GridList({ rows: initial, up, down, saveOrder, editable }: Props) {
  const t = useTranslations("grid");
  const [rows, setRows] = useState(initial);
  const [dragged, setDragged] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  const drop = (to: number) => {
    if (dragged === null || dragged === to) return;
    const next = [...rows];
    const [moved] = next.splice(dragged, 1);
    next.splice(to, 0, moved!);
    setRows(next);
    setDragged(null);
    startTransition(async () => setFailed(!(await saveOrder(next.map((r) => r.registrationId))).ok));
  };
  return (
    <>
      <p role="status" className="min-h-6 text-base font-semibold text-danger">
        {failed ? t("stale") : pending ? t("saving") : ""}
      </p>
      <ol className="flex flex-col divide-y divide-line rounded-xl border border-line bg-white" aria-label={t("order")}>
        <li className="flex items-center gap-3 px-3 py-3">
          <span className="w-10 text-2xl font-extrabold tabular-nums">1</span>
          <span className="text-base font-bold">{t("paceCar")}</span>
        </li>
        {rows.map((r, i) => (
          <li
            key={r.registrationId}
            id={`pos-${i + 2}`}
            draggable={editable}
            onDragStart={() => setDragged(i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => drop(i)}
            className={`flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 ${dragged === i ? "bg-accent-soft" : ""} ${editable ? "cursor-grab" : ""}`}
          >
            <span className="w-10 text-2xl font-extrabold tabular-nums">{i + 2}</span>
            <span className="min-w-12 rounded border-2 border-ink px-1 text-center font-mono text-base font-bold">
              {r.plaque ?? "–"}
            </span>
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="truncate text-base font-semibold">{r.driver}</span>
              <span className="truncate text-sm text-muted">
                {r.car} · {r.colourName} · {r.plate}
              </span>
            </span>
            {editable ? (
              <span className="flex gap-2">
                <MoveButton action={up[i]} label={t("moveUp", { plate: r.plate, position: i + 2 })} arrow="↑" />
                <MoveButton action={down[i]} label={t("moveDown", { plate: r.plate, position: i + 2 })} arrow="↓" />
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
