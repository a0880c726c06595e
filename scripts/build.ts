import { build } from "./app-server";

// `npm run build`: the Next.js build and the `npm start` launcher beside it (needs every package).
try {
  build();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
