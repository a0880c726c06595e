// `npm run worker`: the mail queue worked by a process of its own, on the runtime packages alone
// (app instances started with RINGMEET_WORKER=0 then leave the mail to it). `npm run build`
// bundles its TypeScript (scripts/mail-worker.ts) into the build folder; this file only runs it.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const worker = path.resolve(process.env.NEXT_DIST_DIR || ".next", "mail-worker.mjs");
if (!existsSync(worker)) {
  console.error(`No ${worker}: build with \`npm run build\` (with all packages installed).`);
  process.exit(1);
}
await import(pathToFileURL(worker).href);
