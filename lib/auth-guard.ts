import { safeCallbackPath } from "./safe-path";

/** Where a signed-out visitor is sent: the sign-in page, with the way back. */
export function signInPath(returnTo: string): string {
  // A way back longer than any link of ours (a pasted or forged query) would make a redirect too
  // long to follow: keep the page without its query, or no way back at all.
  for (const back of [returnTo, returnTo.split("?")[0]!]) {
    const query = new URLSearchParams({ callbackUrl: back }).toString();
    if (query.length <= 2000) return `/signin?${query}`;
  }
  return "/signin";
}

type Search = Record<string, string | string[] | undefined>;

/** A page's path and query string from a route's segments and searchParams (as Next hands them over). */
export function pathWithQuery(segments: readonly string[], search: Search = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, one);
  }
  const path = `/${segments.map(encodeURIComponent).join("/")}`;
  return query.size > 0 ? `${path}?${query}` : path;
}

/**
 * The header's "Sign in" link on the page at `here` (path and query string): it comes back there
 * afterwards. On the sign-in pages themselves it keeps the way back they already carry.
 */
export function signInLinkFrom(here: string): string {
  let url: URL;
  try {
    url = new URL(here, "http://site.invalid");
  } catch {
    return "/signin"; // not even a URL ("/\\" reads as a host-less "//"): no way back to offer
  }
  const onSignIn = url.pathname === "/signin" || url.pathname.startsWith("/signin/");
  const back = safeCallbackPath(onSignIn ? url.searchParams.get("callbackUrl") : here, "");
  return back ? signInPath(back) : "/signin";
}
