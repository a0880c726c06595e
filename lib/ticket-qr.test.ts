import { describe, expect, it } from "vitest";
import { ticketQrDataUrl } from "./ticket-qr";

describe("ticketQrDataUrl", () => {
  it("draws the token as an SVG QR code", async () => {
    const url = await ticketQrDataUrl("RM1.eyJyIjoiYSJ9.c2ln");
    expect(url.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(Buffer.from(url.split(",")[1]!, "base64").toString("utf8")).toContain("<svg");
  });
});
