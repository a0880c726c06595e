import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

export type Received = { to: string; subject: string; messageId: string | null };
/** What the server does: take mail, refuse every connection with 421, or refuse some recipients. */
export type SmtpMode = {
  refuseConnections?: boolean;
  rejectRecipient?: (address: string) => { code: number; message: string } | null;
};

const header = (raw: string, name: string) =>
  raw
    .slice(0, raw.indexOf("\r\n\r\n"))
    .match(new RegExp(`^${name}: ?(.*(?:\\r\\n[ \\t].*)*)`, "im"))?.[1]
    ?.replace(/\r\n[ \t]/g, " ") ?? null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/**
 * A real SMTP server (smtp-server from npm) on a free loopback port, for fault tests: `mode` can
 * be changed while it runs, and every message it accepted is in `received`, one entry per recipient.
 */
export async function startSmtp() {
  const received: Received[] = [];
  const state: { mode: SmtpMode } = { mode: {} };
  /** Connections turned away, and recipients refused (each one a failed try of some mail). */
  const refused = { connections: 0, recipients: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 200, // the app keeps pooled connections open: do not wait 30 s for them on stop
    onConnect(_session, callback) {
      if (!state.mode.refuseConnections) return callback();
      refused.connections++;
      callback(Object.assign(new Error("Service not available, try again later"), { responseCode: 421 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = state.mode.rejectRecipient?.(address.address);
      if (refusal) refused.recipients++;
      callback(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        for (const rcpt of session.envelope.rcptTo)
          received.push({
            to: rcpt.address.toLowerCase(),
            subject: header(raw, "Subject") ?? "",
            messageId: header(raw, "Message-ID"),
          });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    /** A server going down also drops the connections a pooled client keeps open. */
    setMode(mode: SmtpMode) {
      state.mode = mode;
      if (mode.refuseConnections) for (const connection of server.connections) connection.close();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
