import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// A zone with a non-whole-hour offset, so code that forgets Europe/Berlin fails (see STYLE.md).
// `npm run test:unit` and scripts/test.ts set it too; this covers a bare `npx vitest`.
process.env.TZ ||= "Asia/Kathmandu";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
      { find: /^server-only$/, replacement: path.join(root, "test/server-only-stub.ts") },
    ],
  },
  test: {
    include: [
      "*.test.ts",
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "app/**/*.test.ts",
      "i18n/**/*.test.ts",
      "server/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    environment: "node",
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
