import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { pdfImageRows, pdfToText } from "@/test/poppler";
import { markdownToPlain, waiverPdf } from "./paperwork-pdf";
import { isReadablePng, pngOfDataUrl } from "./png";

// A real PNG data URL, as a signature pad's toDataURL gives one.
const pngUrl = () => QRCode.toDataURL("signature", { type: "image/png" });

const waiver = (signature: string | null) =>
  waiverPdf({
    title: "Haftungsverzicht · 1M Treffen",
    subtitle: "Version 2",
    text: "## Risiko\nIch fahre **auf eigene Gefahr** über die Nordschleife.\n- Helm tragen\n- Tempo halten",
    signature,
    recordTitle: "Nachweis",
    record: [
      ["Unterschrieben von", "Jürgen Müßig"],
      ["SHA-256", "a".repeat(64)],
      ["Beifahrer", "Łukasz Dvořák"],
      ["Browser", "Mozilla/5.0 (Pixel 7)"],
    ],
  });

describe("the signed waiver PDF read back", () => {
  it("shows the text as signed, the record and the drawn signature", async () => {
    const pdf = await waiver(await pngUrl());
    const text = pdfToText(pdf);
    expect(text).toContain("Ich fahre auf eigene Gefahr über die Nordschleife.");
    expect(text).toContain("• Helm tragen");
    expect(text).toContain("Unterschrieben von: Jürgen Müßig");
    expect(text).toContain(`SHA-256: ${"a".repeat(64)}`);
    // A name beyond the font's letters is printed as its nearest, and the line after it survives.
    expect(text).toContain("Beifahrer: Lukasz Dvorák");
    expect(text).toContain("Browser: Mozilla/5.0 (Pixel 7)");
    expect(pdfImageRows(pdf)).toHaveLength(1);
  });

  it("has no image when the typed name signed alone", async () => {
    const pdf = await waiver(null);
    expect(pdfToText(pdf)).toContain("Jürgen Müßig");
    expect(pdfImageRows(pdf)).toHaveLength(0);
  });
});

describe("markdownToPlain", () => {
  it("drops heading and emphasis marks, bullets list items and keeps a link's address", () => {
    expect(markdownToPlain("# Title\n**bold** and _it_\n* item\n[rules](https://club.de/rules)")).toBe(
      "Title\nbold and it\n• item\nrules (https://club.de/rules)",
    );
  });
});

describe("isReadablePng", () => {
  it("accepts a real PNG and refuses a broken one, which the PDF writer would choke on later", async () => {
    const good = pngOfDataUrl(await pngUrl());
    expect(isReadablePng(good)).toBe(true);
    const broken = Buffer.from(good);
    broken.fill(0x41, 60, 80);
    expect(isReadablePng(broken)).toBe(false);
    expect(isReadablePng(good.subarray(0, 40))).toBe(false);
    expect(isReadablePng(Buffer.from("GIF89a not a png at all, but long enough to be read as one"))).toBe(false);
  });
});
