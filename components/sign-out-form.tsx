"use client";

import { useRef, type FormEvent } from "react";
import { CHECK_IN_DB, CHECK_IN_PAGE_CACHE } from "@/lib/check-in/storage";

/** Deletes what the gate page kept on this device (the drivers list, the ticket key, the queue). */
async function wipeCheckInCopies(): Promise<void> {
  const database = new Promise<void>((resolve) => {
    if (typeof indexedDB === "undefined") return resolve();
    const request = indexedDB.deleteDatabase(CHECK_IN_DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  const pages =
    typeof caches === "undefined" ? Promise.resolve() : caches.delete(CHECK_IN_PAGE_CACHE).then(() => undefined);
  // Signing out must never hang on storage: give up waiting after two seconds.
  await Promise.race([Promise.allSettled([database, pages]), new Promise((r) => setTimeout(r, 2000))]);
}

/**
 * "Sign out". With JavaScript it first wipes the gate page's offline copy, then submits; without
 * JavaScript the form just posts (a page without scripts cannot reach the device's storage).
 */
export function SignOutForm({
  action,
  label,
  className,
}: {
  action: () => Promise<void>;
  label: string;
  className: string;
}) {
  const wiped = useRef(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (wiped.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    void wipeCheckInCopies().finally(() => {
      wiped.current = true;
      form.requestSubmit();
    });
  };
  return (
    <form action={action} onSubmit={submit}>
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
