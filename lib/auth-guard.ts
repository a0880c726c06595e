/** Where a signed-out visitor is sent: the sign-in page, with the way back. */
export function signInPath(returnTo: string): string {
  return `/signin?${new URLSearchParams({ callbackUrl: returnTo })}`;
}
