"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { stillPending } from "@/lib/check-in/merge";
import type { CheckInState, PendingCheckIn } from "@/lib/check-in/types";
import { checkInKeys, GateHttpError, postCheckIns, type SyncAnswer } from "./check-in-queries";
import { addPending, listPending, removePending } from "./offline-store";

/** What the server said about a check-in this phone sent, when the phone should be told. */
export type SyncNotice =
  | { kind: "later"; registrationId: string; state: CheckInState }
  | { kind: "refused"; registrationId: string; reason: string }
  | { kind: "error" }
  | { kind: "signedOut" };

const RETRY_MS = 5000;

/**
 * Check-ins made on this phone: queued in IndexedDB first (so a reload or a dead signal loses
 * none), shown as pending, and sent whenever the phone is online, each under its own client id so
 * a resend never counts twice.
 */
export function usePendingQueue(slug: string, learn: (states: CheckInState[], at: string) => void) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingCheckIn[]>([]);
  const [notices, setNotices] = useState<SyncNotice[]>([]);
  const sending = useRef(false);

  const apply = useCallback(
    (answer: SyncAnswer, sent: PendingCheckIn[]) => {
      learn(
        answer.results.flatMap((r) => (r.outcome.ok ? [r.outcome.state] : [])),
        answer.serverTime,
      );
      const told: SyncNotice[] = answer.results.flatMap(({ clientId, outcome }): SyncNotice[] => {
        const registrationId = sent.find((p) => p.clientId === clientId)?.registrationId ?? "";
        if (outcome.ok) return outcome.accepted ? [] : [{ kind: "later", registrationId, state: outcome.state }];
        return [{ kind: "refused", registrationId, reason: outcome.reason }];
      });
      setNotices((prev) => [...prev.filter((n) => n.kind === "later" || n.kind === "refused"), ...told]);
    },
    [learn],
  );

  // A ref, so `flush` stays the same function for the page's life (effects below depend on it).
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  const again = useRef(false);

  const flush = useCallback(
    async function send(): Promise<void> {
      if (sending.current) {
        again.current = true; // a check-in added while a batch is on its way goes right after it
        return;
      }
      if (!navigator.onLine) return;
      sending.current = true;
      try {
        const queued = await listPending(slug);
        if (queued.length === 0) return;
        const answer = await postCheckIns(slug, queued);
        const answered = new Set(answer.results.map((r) => r.clientId));
        await removePending([...answered]);
        setPending((prev) => stillPending(prev, answered));
        applyRef.current(answer, queued);
        await queryClient.invalidateQueries({ queryKey: [...checkInKeys.all, slug, "live"] });
      } catch (error) {
        const kind = error instanceof GateHttpError && error.status === 401 ? "signedOut" : "error";
        setNotices((prev) => [...prev.filter((n) => n.kind !== "error" && n.kind !== "signedOut"), { kind }]);
      } finally {
        sending.current = false;
        if (again.current) {
          again.current = false;
          void send();
        }
      }
    },
    [slug, queryClient],
  );

  useEffect(() => {
    void listPending(slug).then((queued) => {
      setPending(queued);
      if (queued.length) void flush();
    });
  }, [slug, flush]);

  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    const timer = pending.length ? window.setInterval(onOnline, RETRY_MS) : undefined;
    return () => {
      window.removeEventListener("online", onOnline);
      window.clearInterval(timer);
    };
  }, [flush, pending.length]);

  /** Queues a check-in made now and sends it if the phone is online; returns it at once. */
  const add = useCallback(
    (registrationId: string, ticks: string[], override?: string): PendingCheckIn => {
      const item: PendingCheckIn = {
        clientId: crypto.randomUUID(),
        registrationId,
        scannedAt: new Date().toISOString(),
        ticks,
        ...(override ? { override } : {}),
      };
      setPending((prev) => [...prev, item]);
      void addPending(slug, item).then(flush);
      return item;
    },
    [slug, flush],
  );

  const dismiss = useCallback((notice: SyncNotice) => setNotices((prev) => prev.filter((n) => n !== notice)), []);
  return { pending, add, notices, dismiss };
}
