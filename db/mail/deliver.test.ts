import { describe, expect, it } from "vitest";
import { uniqueEmail } from "@/test/unique";
import { db } from "../client";
import { deliverMail, listDevMail } from "./deliver";
import { devMail } from "../schema";

const row = (to: string, subject: string, createdAt: Date) => ({
  to,
  subject,
  text: subject,
  html: `<p>${subject}</p>`,
  createdAt,
});

describe("listDevMail", () => {
  it("lists one address's mail newest first, matching the address case-insensitively", async () => {
    const address = uniqueEmail("Mailbox.Owner");
    const other = uniqueEmail("someone-else");
    const base = Date.now() - 60_000;
    await db()
      .insert(devMail)
      .values([
        row(address.toLowerCase(), "second", new Date(base + 2000)),
        row(other, "other person", new Date(base + 3000)),
        row(address.toUpperCase(), "first", new Date(base + 1000)),
        row(address.toLowerCase(), "third", new Date(base + 5000)),
      ]);
    for (const query of [address, address.toUpperCase(), `  ${address.toLowerCase()} `]) {
      const mail = await listDevMail(query);
      expect(mail.map((m) => m.subject)).toEqual(["third", "second", "first"]);
    }
    expect((await listDevMail(other)).map((m) => m.subject)).toEqual(["other person"]);
    expect(await listDevMail(uniqueEmail("nobody"))).toEqual([]);
  });

  it("lists everyone's mail newest first without an address, up to the limit", async () => {
    const address = uniqueEmail("newest");
    const future = Date.now() + 3_600_000; // newer than anything another test file writes now
    await db()
      .insert(devMail)
      .values([row(address, "older", new Date(future)), row(address, "newest", new Date(future + 1000))]);
    const all = await listDevMail(undefined, 2);
    expect(all.map((m) => m.subject)).toEqual(["newest", "older"]);
    const times = (await listDevMail()).map((m) => m.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("keeps a delivered message in the mailbox with its links, addressed in lower case", async () => {
    const address = uniqueEmail("Delivered.To");
    const link = `http://localhost:3999/signin/confirm?token=t0k3n&email=${encodeURIComponent(address)}`;
    await deliverMail({
      to: address,
      subject: "Sign in to Ringmeet",
      text: `Open ${link}.\nThanks`,
      html: "<p>Open</p>",
      links: [link],
    });
    const [mail] = await listDevMail(address);
    expect(mail).toMatchObject({ to: address.toLowerCase(), subject: "Sign in to Ringmeet", links: [link] });
  });
});
