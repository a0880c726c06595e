// `npm start`: the production server; `npm run worker` (`start.mjs mail-worker`): the mail queue
// in a process of its own. Both on the runtime packages alone: `npm run build` bundles their
// TypeScript (scripts/serve-production.ts, scripts/mail-worker.ts) into the build folder; this
// file only finds and runs one.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const bundle = process.argv[2] === "mail-worker" ? "mail-worker" : "serve-production";
const launcher = path.resolve(process.env.NEXT_DIST_DIR || ".next", `${bundle}.mjs`);
if (!existsSync(launcher)) {
  console.error(
    `No ${launcher}: build with \`npm run build\` (with all packages installed; plain \`next build\` does not write it).`,
  );
  process.exit(1);
}
await import(pathToFileURL(launcher).href);
