import os from "node:os";
import { expect, test } from "../fixtures";
import { uniqueEmail } from "../fixtures/db";
import { SignInPage } from "../pages/sign-in-page";

// The development mailbox holds working sign-in links: it answers the machine itself only.
// `npm test` serves the app on every interface, so this machine's own network address reaches
// it the way another computer on the network would.

function networkAddress(): string | undefined {
  const all = Object.values(os.networkInterfaces()).flat();
  const external = all.filter((a) => a && !a.internal);
  return (external.find((a) => a!.family === "IPv4") ?? external[0])?.address;
}

const PATHS = ["/api/dev/mail", "/api/dev/mail?to=someone@ringmeet.test", "/dev/mail"];

test("the mailbox answers the loopback address and nobody else", async ({ page, request, playwright }) => {
  const address = uniqueEmail("mailbox");
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.requestLink(address);

  for (const path of PATHS) expect((await request.get(path)).status(), `${path} from loopback`).toBe(200);

  // Every machine this runs on (here, CI) has one; without it this test could prove nothing.
  const network = networkAddress();
  expect(network, "a network address besides loopback, to ask from as another computer would").toBeTruthy();
  const base = new URL(process.env.E2E_BASE_URL!);
  const host = network!.includes(":") ? `[${network}]` : network!;
  const outsider = await playwright.request.newContext({ baseURL: `http://${host}:${base.port}` });
  try {
    expect((await outsider.get("/events")).status(), "the app itself answers on that address").toBe(200);
    for (const path of PATHS) {
      const spoofs: Record<string, string>[] = [
        {},
        { "X-Forwarded-For": "127.0.0.1" },
        { "X-Forwarded-For": "::1", Forwarded: "for=127.0.0.1" },
      ];
      for (const headers of spoofs) {
        const response = await outsider.get(path, { headers });
        expect(response.status(), `${path} from ${network} with ${JSON.stringify(headers)}`).toBe(404);
        expect(await response.text()).not.toContain(address);
      }
    }
  } finally {
    await outsider.dispose();
  }
});
