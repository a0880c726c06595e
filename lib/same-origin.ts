/** What a request says about where it comes from (the headers a browser sets and a page cannot). */
export type OriginHeaders = { origin: string | null; secFetchSite: string | null; referer: string | null };

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Whether a state-changing request comes from one of our own pages. Browsers send Origin with
 * every POST; older ones at least Sec-Fetch-Site or Referer. A request with none of them gives no
 * evidence and is refused: route handlers are not protected by the checks Next gives server
 * actions, and a cross-site form or fetch must not reach them with the visitor's cookies.
 */
export function isSameOrigin(headers: OriginHeaders, appOrigin: string): boolean {
  const expected = originOf(appOrigin);
  if (!expected) return false;
  if (headers.origin !== null) return headers.origin === expected;
  if (headers.secFetchSite !== null) return headers.secFetchSite === "same-origin";
  return headers.referer !== null && originOf(headers.referer) === expected;
}

export const originHeaders = (headers: Headers): OriginHeaders => ({
  origin: headers.get("origin"),
  secFetchSite: headers.get("sec-fetch-site"),
  referer: headers.get("referer"),
});
