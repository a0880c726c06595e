// `npm start`: the production server, on the runtime packages alone. `npm run build` bundles its
// TypeScript (scripts/serve-production.ts) into the build folder; this file only finds and runs it.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const launcher = path.resolve(process.env.NEXT_DIST_DIR || ".next", "serve-production.mjs");
if (!existsSync(launcher)) {
  console.error(
    `No ${launcher}: build with \`npm run build\` (with all packages installed; plain \`next build\` does not write it).`,
  );
  process.exit(1);
}
await import(pathToFileURL(launcher).href);
