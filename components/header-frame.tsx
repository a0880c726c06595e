import type { ReactNode } from "react";

export const navLink =
  "inline-flex min-h-11 items-center whitespace-nowrap rounded-lg px-2 text-[15px] font-semibold text-ink hover:bg-accent-soft hover:text-accent sm:px-3 sm:text-base";

export type NavText = { main: string; events: string; garage: string; registrations: string };

/** The server actions behind "Sign out" and the language switch: routes (app/) pass them in. */
export type HeaderActions = { signOut: () => Promise<void>; setLocale: (formData: FormData) => Promise<void> };

/** Who is signed in, as the header needs it: null when nobody is. */
export type HeaderViewer = { staff: boolean } | null;

export type AnchorProps = { href: string; className: string; children: ReactNode };
/** How the header links: next/link per request, a plain `<a>` on pages cached per language. */
export type Anchor = (props: AnchorProps) => ReactNode;

/** An ordinary link: leaving a page cached per language loads the next page whole (a client-side navigation would keep that page's request-less root layout). */
export function PlainAnchor({ href, className, children }: AnchorProps) {
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}

/** The header's frame: brand, account, navigation and language switch, linking with `Anchor`. */
export function HeaderFrame({
  text,
  account,
  organise,
  languageSwitch,
  Anchor,
}: {
  text: NavText;
  account: ReactNode;
  organise: ReactNode;
  languageSwitch: ReactNode;
  Anchor: Anchor;
}) {
  return (
    <header className="no-print border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 pt-2">
        <Anchor href="/" className="flex min-h-11 items-center gap-2 text-lg font-extrabold tracking-tight text-ink">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-[5px] border-accent" />
          Ringmeet
        </Anchor>
        <div className="flex items-center gap-1">{account}</div>
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-2 pb-1">
        <nav aria-label={text.main}>
          <ul className="flex flex-wrap">
            <li>
              <Anchor className={navLink} href="/events">
                {text.events}
              </Anchor>
            </li>
            <li>
              <Anchor className={navLink} href="/garage">
                {text.garage}
              </Anchor>
            </li>
            <li>
              <Anchor className={navLink} href="/registrations">
                {text.registrations}
              </Anchor>
            </li>
            {organise}
          </ul>
        </nav>
        {languageSwitch}
      </div>
    </header>
  );
}
