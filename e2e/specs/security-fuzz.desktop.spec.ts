import fc from "fast-check";
import { expect, test } from "../fixtures";
import type { Sql } from "../fixtures/db";
import { actionInput, buildCall, sendCall, type ActionInput, type Call } from "../security/action-inputs";
import { ACTORS, type Actor } from "../security/actors";
import { actionPages, builtActions, builtRoutes } from "../security/build";
import { actionTargets, type ActionTarget } from "../security/fuzz-actions";
import { recordTally } from "../security/fuzz-report";
import { routeInput, routeTargets, sendRoute } from "../security/fuzz-routes";
import { fuzz, isRefusal } from "../security/fuzz-run";
import { callAction } from "../security/http";
import { actionRows } from "../security/matrix-actions";
import { pageRows, routeRows } from "../security/matrix-pages";
import { actionRegressions, routeRegressions } from "../security/regressions";
import type { Scene } from "../security/scene";

// Issue 14's fuzzing: every server action and route handler gets FUZZ_RUNS generated inputs
// (300 in `npm test`, 10,000 in `npm run fuzz`). None may answer 5xx or crash, and no
// refused input may write a row. A failure prints the shrunk input.

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const allowed = (cells: Record<Actor, string>) => ACTORS.filter((a) => cells[a] === "allowed");

/** A page that holds the action, its [params] filled from the scene (a form without JavaScript posts there). */
function pageFor(template: string, s: Scene): string {
  const slug = template.startsWith("/organise/clubs/") ? s.club.slug : s.event.slug;
  const values: Record<string, string> = {
    slug,
    id: s.registration,
    token: s.invitationToken,
    sessionId: s.event.sessions[0]!,
    registrationId: s.registration,
    locale: "en",
  };
  return template.replace(/\[(\w+)\]/g, (_, name: string) => values[name] ?? name);
}

test.describe.configure({ timeout: 60_000 + RUNS * 400 });

test("every server action and route handler of the build is fuzzed", () => {
  expect(actionTargets.map((t) => t.action).sort()).toEqual([...builtActions().keys()].sort());
  expect(routeTargets.map((t) => t.route).sort()).toEqual(builtRoutes());
});

/** Fuzzes one action with `arbitrary` (or replays a recorded input): its scenes, its page's call, a replay of its last accepted call. */
function fuzzAction(sql: Sql, target: ActionTarget, arbitrary: fc.Arbitrary<ActionInput>, runs: number) {
  const ids = builtActions();
  const row = actionRows.find((r) => r.action === target.action)!;
  const id = ids.get(target.action)!;
  const page = actionPages().get(target.action)![0] ?? "/";
  let last: { call: Call; actor: Actor } | null = null;
  return fuzz(
    sql,
    {
      name: target.action,
      arbitrary,
      reseedEvery: target.reseedEvery,
      prepare:
        row.prepare &&
        ((s) =>
          row.prepare!({
            sql,
            s,
            actor: "admin",
            run: async (key, args) => void (await callAction(ids.get(key)!, args, s.people.admin.token)),
          })),
      send: async (input, s, prepared) => {
        const [call, actor] =
          input.replay && last ? [last.call, last.actor] : [buildCall(input, row.args(s, prepared), s), input.actor];
        const answer = await sendCall(id, call, actor, s, pageFor(page, s));
        if (!isRefusal(answer)) last = { call, actor };
        return answer;
      },
    },
    runs,
    SEED,
  );
}

const whoMay = (route: string) => {
  const rows = [...routeRows, ...pageRows].filter((r) => r.route === route);
  return ACTORS.filter((a) => rows.every((r) => r.expect[a] === "allowed"));
};

test.describe("server actions", () => {
  for (const target of actionTargets) {
    test(target.action, async ({ sql }) => {
      const row = actionRows.find((r) => r.action === target.action)!;
      const { tally, failure } = await fuzzAction(sql, target, actionInput(target, allowed(row.expect)), RUNS);
      recordTally(tally);
      expect(failure, `${tally.inputs} inputs, ${tally.refused} refused`).toBeNull();
    });
  }
});

test.describe("route handlers", () => {
  for (const target of routeTargets) {
    test(target.route, async ({ sql }) => {
      const { tally, failure } = await fuzz(
        sql,
        {
          name: target.route,
          arbitrary: routeInput(target, whoMay(target.route)),
          send: (input, s) => sendRoute(target, input, s),
        },
        RUNS,
        SEED,
      );
      recordTally(tally);
      expect(failure, `${tally.inputs} inputs, ${tally.refused} refused`).toBeNull();
    });
  }
});

test.describe("inputs the fuzzer once failed on", () => {
  for (const { action, why, input } of actionRegressions) {
    test(`${action}: ${why}`, async ({ sql }) => {
      const { failure } = await fuzzAction(
        sql,
        actionTargets.find((t) => t.action === action)!,
        fc.constant(input),
        1,
      );
      expect(failure).toBeNull();
    });
  }
  for (const { route, why, input } of routeRegressions) {
    test(`${route}: ${why}`, async ({ sql }) => {
      const target = routeTargets.find((t) => t.route === route)!;
      const { failure } = await fuzz(
        sql,
        { name: route, arbitrary: fc.constant(input), send: (i, s) => sendRoute(target, i, s) },
        1,
      );
      expect(failure).toBeNull();
    });
  }
});
