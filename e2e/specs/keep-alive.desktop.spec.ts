import http from "node:http";
import { expect, test } from "@playwright/test";

// A client that keeps connections open (a load balancer, Playwright's own request context, any
// Node http.Agent with keepAlive) reuses an idle one without knowing the server is about to close
// it. Node closes an idle connection after 5 s; a request sent in that instant is reset
// (ECONNRESET), which a Node client does not retry. The app keeps idle connections for 65 s
// (scripts/next-process.ts), longer than such clients keep theirs, so the client is the one that
// closes. (Node's fetch reads the Keep-Alive header's timeout and closes two seconds early.)

type Answer = { status?: number; keepAlive?: string | string[]; reused: boolean };

/** GET /api/health through `agent`: the status, the Keep-Alive header, and whether the request went on an open connection. */
function health(origin: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${origin}/api/health`, { agent }, (response) =>
      response.resume().once("end", () =>
        resolve({
          status: response.statusCode,
          keepAlive: response.headers["keep-alive"],
          reused: request.reusedSocket,
        }),
      ),
    );
    request.once("error", reject);
  });
}

test("an idle keep-alive connection stays open well past Node's 5 s, and a second request on it is answered", async ({
  baseURL,
}) => {
  // One connection at most, as a balancer's pool to one instance: the agent drops it once the server closes it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await health(baseURL!, agent);
    expect(first).toMatchObject({ keepAlive: "timeout=65", reused: false });
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    const second = await health(baseURL!, agent);
    expect(second.reused, "the second request went on the first one's connection").toBe(true);
    for (const { status } of [first, second]) expect([200, 503]).toContain(status);
  } finally {
    agent.destroy();
  }
});
