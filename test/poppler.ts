import { execFileSync } from "node:child_process";

// Tests read the PDFs the app makes with poppler, as a person's viewer would. The PDF goes in on
// standard input ("-"), so a run leaves no files behind in the temporary folder.
const poppler = (tool: string, args: string[], pdf: Buffer) =>
  execFileSync(tool, args, { input: pdf, encoding: "utf8" });

/** The PDF's text in content order (`pdftotext -raw`), whitespace collapsed to single spaces. */
export const pdfToText = (pdf: Buffer): string =>
  poppler("pdftotext", ["-raw", "-enc", "UTF-8", "-", "-"], pdf).replace(/\s+/g, " ");

/** How many pages `pdfinfo` counts. */
export const pdfPageCount = (pdf: Buffer): number => Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", ["-"], pdf))![1]);

/** The images `pdfimages -list` finds (its "image" rows; an alpha channel is listed apart as "smask"). */
export const pdfImageRows = (pdf: Buffer): string[] =>
  poppler("pdfimages", ["-list", "-"], pdf)
    .trim()
    .split("\n")
    .slice(2)
    .filter((row) => row.trim().split(/\s+/)[2] === "image");
