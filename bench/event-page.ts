import { writeFileSync } from "node:fs";
import { DEMO_EVENT_SLUG } from "../db/seed/demo";
import { measure, printTable } from "./load";
import { STATIC_FILE, type Stack } from "./stack";

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// The target: the cached event page at four fifths of a static file's rate, or better.
const TARGET_RATIO = 0.8;

/**
 * The public event page (served from Next's cache) against a static file of the same size from
 * the same server, one after the other, at 100 connections each.
 */
export async function benchEventPage(stack: Stack): Promise<{ ratio: number }> {
  const pageUrl = `${stack.url}/events/${DEMO_EVENT_SLUG}`;
  const html = Buffer.from(await (await fetch(pageUrl)).arrayBuffer());
  if (html.byteLength < 1000) throw new Error(`${pageUrl} answered only ${html.byteLength} bytes`);
  // Same bytes, so the two runs differ only in how the server produces them.
  writeFileSync(STATIC_FILE.path, html);
  const page = await measure("event page (Next cache)", pageUrl, { connections: CONNECTIONS, seconds: SECONDS });
  const file = await measure("static file, same size", `${stack.url}${STATIC_FILE.urlPath}`, {
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  printTable([page, file]);
  const ratio = page.reqPerSec / file.reqPerSec;
  console.log(
    `\nevent page / static file: ${(ratio * 100).toFixed(0)} % (target ≥ ${TARGET_RATIO * 100} %) ${ratio >= TARGET_RATIO ? "✔" : "✘"}`,
  );
  return { ratio };
}
