import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";

// A client that keeps connections open (a load balancer, Playwright's own request context, any
// Node http.Agent with keepAlive) reuses an idle one without knowing the server is about to close
// it. Node closes an idle connection after 5 s; a request sent in that instant is reset
// (ECONNRESET), which a Node client does not retry. The app keeps idle connections for 65 s
// (scripts/next-process.ts), longer than such clients keep theirs, so the client is the one that
// closes. (Node's fetch reads the Keep-Alive header's timeout and closes two seconds early.)

const HEALTH = (host: string) => `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`;

/** Reads one response (headers, then a Content-Length or chunked body) from the socket. */
function readResponse(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length: *(\d+)/i.exec(text)?.[1];
      const complete = length ? text.length >= end + 4 + Number(length) : text.endsWith("\r\n0\r\n\r\n");
      if (end >= 0 && complete) done(() => resolve(text));
    };
    const onEnd = () => done(() => reject(new Error(`the server closed the connection; read: ${text.slice(0, 80)}`)));
    const done = (then: () => void) => {
      socket.off("data", onData).off("end", onEnd).off("error", reject);
      then();
    };
    socket.on("data", onData).once("end", onEnd).once("error", reject);
  });
}

test("an idle keep-alive connection stays open well past Node's 5 s, and a second request on it is answered", async ({
  baseURL,
}) => {
  const url = new URL(baseURL!);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let closedAt: number | undefined;
  socket.once("end", () => (closedAt = Date.now()));
  try {
    socket.write(HEALTH(url.host));
    const first = await readResponse(socket);
    expect(first).toMatch(/^HTTP\/1\.1 (200|503)/);
    expect(first).toMatch(/\r\nkeep-alive: timeout=65\r\n/i);
    const idleFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(closedAt, `closed after ${closedAt! - idleFrom} ms idle`).toBeUndefined();
    socket.write(HEALTH(url.host));
    expect(await readResponse(socket)).toMatch(/^HTTP\/1\.1 (200|503)/);
  } finally {
    socket.destroy();
  }
});
