import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverMail } from "./deliver";

// A server that takes the connection and never says a word: a hung mail relay.
let silent: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe("the SMTP transport", () => {
  it("gives up on a server that never greets within seconds, so the job fails and is retried instead of hanging", async () => {
    const started = Date.now();
    const sent = deliverMail({
      to: "someone@example.test",
      subject: "Hello",
      text: "Hello",
      html: "<p>Hello</p>",
      links: [],
    });
    await expect(sent).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
