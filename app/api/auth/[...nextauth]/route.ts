import { NextRequest } from "next/server";
import { auth, handlers } from "@/auth";
import { crossSiteRefusal, limitRefusal, requestAddress } from "@/app/route-guards";
import { passkeyCallbackVerdict, passkeyOptionsVerdict } from "@/lib/passkey-policy";

// Auth.js's WebAuthn endpoints would let a signed-out visitor register a passkey for any address
// (creating that account) and answer "register" or "authenticate" depending on whether the
// address is known. This wrapper narrows them to lib/passkey-policy; auth.ts's signIn callback
// refuses a passkey account without a user as well, in case a request slips past.

/** Auth.js's action and provider in a path, split as it splits them (empty segments dropped). */
function authRoute(request: NextRequest): [string | undefined, string | undefined] {
  const [action, provider] = request.nextUrl.pathname
    .replace(/^\/api\/auth/, "")
    .split("/")
    .filter(Boolean);
  return [action, provider];
}

const refused = () =>
  Response.json(
    { error: "Sign in first: passkeys are added on your account page." },
    { status: 403, headers: { "cache-control": "no-store" } },
  );

/**
 * Auth.js answers 500 ("server configuration") to a `callbackUrl` query parameter it cannot parse
 * as a URL (its InvalidCallbackUrl check). None of our links send one, so such a parameter is
 * dropped before Auth.js sees it; a valid one still goes through Auth.js's own same-site check.
 */
async function withParsableCallback(request: NextRequest): Promise<NextRequest> {
  const values = request.nextUrl.searchParams.getAll("callbackUrl");
  if (values.every((v) => parsableHttpUrl(v, request.nextUrl.origin))) return request;
  const url = new URL(request.nextUrl);
  url.searchParams.delete("callbackUrl");
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

function parsableHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

const signedIn = async () => Boolean((await auth())?.user?.id);

export async function GET(raw: NextRequest) {
  const request = await withParsableCallback(raw);
  // The passkey is the only WebAuthn provider; any other name is Auth.js's error to give.
  if (authRoute(request)[0] !== "webauthn-options") return handlers.GET(request);
  const limited = await limitRefusal("passkeyOptionsPerIp", await requestAddress());
  if (limited) return limited;
  const verdict = passkeyOptionsVerdict(await signedIn(), request.nextUrl.searchParams.getAll("action").at(-1) ?? null);
  if (verdict === "refuse") return refused();
  if (verdict === "as-asked") return handlers.GET(request);
  // Discoverable credentials only: the same options whoever is named, and no credential ids.
  const anonymous = new URL(request.nextUrl);
  anonymous.search = "?action=authenticate";
  return handlers.GET(new NextRequest(anonymous, { headers: request.headers }));
}

export async function POST(raw: NextRequest) {
  const request = await withParsableCallback(raw);
  const [action, provider] = authRoute(request);
  // Sign-in links are asked for through our own form (app/signin/actions.ts), which limits them;
  // Auth.js's own endpoint for it would mail past those limits, so it is not served.
  if (action === "signin" && provider === "nodemailer") return new Response("Not found", { status: 404 });
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return crossSite;
  if (action !== "callback" || provider !== "passkey") return handlers.POST(request);
  const verdict = passkeyCallbackVerdict(await signedIn(), await bodyAction(request));
  return verdict === "refuse" ? refused() : handlers.POST(request);
}

/**
 * The `action` Auth.js will read, parsed as it parses (@auth/core lib/utils/web.js getBody: JSON,
 * or a form where the last of repeated fields wins), from a copy so Auth.js still gets the body.
 */
async function bodyAction(request: NextRequest): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    let body: unknown;
    if (type.includes("application/json")) body = await request.clone().json();
    else if (type.includes("application/x-www-form-urlencoded"))
      body = Object.fromEntries(new URLSearchParams(await request.clone().text()));
    return typeof body === "object" && body && "action" in body ? String(body.action) : null;
  } catch {
    return null;
  }
}
