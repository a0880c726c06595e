import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/embedded-postgres";
import { firstLoadJs } from "./first-load-js";
import { runLighthouse } from "./lighthouse";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// The smallest App Router page there is: one server component saying "Hello", no CSS, no font.
const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "framework-floor", private: true }),
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      jsx: "preserve",
      strict: true,
      module: "esnext",
      moduleResolution: "bundler",
      target: "es2022",
      lib: ["dom", "es2022"],
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      esModuleInterop: true,
    },
    include: ["**/*.tsx"],
  }),
  "app/layout.tsx":
    'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  "app/page.tsx": "export default function Page() {\n  return <p>Hello</p>;\n}\n",
};

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * A hello-world app on this repository's Next and React, built for production and started on a
 * free port: what the benches compare the event page with. Built with webpack (`next build
 * --webpack`) because Turbopack will not resolve a node_modules that is a symlink to outside its
 * project folder; the event page's own framework chunks under Turbopack come to about the same
 * (docs/PERFORMANCE.md). Its page is static, so `next start` serves it from Next's cache.
 */
export async function startFloorApp(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ringmeet-floor-"));
  let server: ChildProcess | undefined;
  const stop = () => {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    const built = spawnSync(process.execPath, [NEXT_BIN, "build", "--webpack"], { cwd: dir, env, stdio: "ignore" });
    if (built.status !== 0) throw new Error("the hello-world build failed");
    const port = await freePort();
    server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], { cwd: dir, env, stdio: "ignore" });
    const url = `http://localhost:${port}/`;
    await waitFor(url);
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** What Next itself costs a phone: the hello world measured exactly as the event page is (first-load JavaScript and Lighthouse mobile). */
export async function benchFrameworkFloor(): Promise<void> {
  const floor = await startFloorApp();
  try {
    const js = await firstLoadJs(floor.url);
    console.log(
      `\nhello world, Next ${readVersion("next")} + React ${readVersion("react")}: ${js.scripts.length} scripts, ${kb(js.gzip)} KB gzip, ${kb(js.brotli)} KB brotli`,
    );
    if (process.env.BENCH_LIGHTHOUSE === "0") return;
    const load = os.loadavg()[0]!.toFixed(1);
    const lh = runLighthouse(floor.url);
    console.log(
      `Lighthouse mobile: performance ${lh.performance} (load average ${load})\n  ${Object.entries(lh.metrics)
        .map(([k, v]) => `${k} ${v}`)
        .join(" · ")}`,
    );
  } finally {
    floor.stop();
  }
}

export function readVersion(pkg: string): string {
  return (createRequire(import.meta.url)(`${pkg}/package.json`) as { version: string }).version;
}
