"use client";
/* eslint-disable @next/next/no-html-link-for-pages -- on purpose: leaving a page cached per language must load the next page whole (see LocaleHtml) */

import { useEffect, useState, useSyncExternalStore } from "react";
import { signInLinkFrom } from "@/lib/auth-guard";
import { SignOutForm } from "./sign-out-form";

type Me = { signedIn: boolean; staff: boolean };
export type AccountNavLabels = { signIn: string; signOut: string; account: string; organise: string };

// One request per page view, shared by the account links and the Organise link.
let pending: Promise<Me> | undefined;
function loadMe(): Promise<Me> {
  pending ??= fetch("/api/me", { cache: "no-store" })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : { signedIn: false, staff: false }))
    .catch(() => ({ signedIn: false, staff: false }));
  return pending;
}

function useMe(): Me | undefined {
  const [me, setMe] = useState<Me>();
  useEffect(() => {
    let live = true;
    void loadMe().then((value) => live && setMe(value));
    return () => {
      live = false;
    };
  }, []);
  return me;
}

const unchanging = () => () => {};

/** The browser's own path and query string, once hydrated: the cached HTML knows only the path. */
function useHere(): string | undefined {
  return useSyncExternalStore(
    unchanging,
    () => window.location.pathname + window.location.search,
    () => undefined,
  );
}

/**
 * The signed-in part of the header on pages cached for everybody: the HTML says "Sign in"
 * (what a signed-out visitor, or one without JavaScript, needs), and this swaps in Account and
 * Sign out once /api/me says who is here. Plain links: see PublicSiteHeader.
 */
export function AccountNav({
  labels,
  linkClass,
  signInHref,
  signOutAction,
}: {
  labels: AccountNavLabels;
  linkClass: string;
  signInHref: string;
  signOutAction: () => Promise<void>;
}) {
  const me = useMe();
  const here = useHere();
  if (!me?.signedIn) {
    return (
      <a href={here ? signInLinkFrom(here) : signInHref} className={`${linkClass} text-accent`}>
        {labels.signIn}
      </a>
    );
  }
  return (
    <>
      <a href="/account" className={linkClass}>
        {labels.account}
      </a>
      <SignOutForm action={signOutAction} label={labels.signOut} className={linkClass} />
    </>
  );
}

/** "Organise" in the navigation, for club staff only. */
export function OrganiseNavItem({ label, linkClass }: { label: string; linkClass: string }) {
  const me = useMe();
  if (!me?.staff) return null;
  return (
    <li>
      <a className={linkClass} href="/organise">
        {label}
      </a>
    </li>
  );
}
