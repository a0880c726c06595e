import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures";
import { ACTORS } from "../security/actors";
import { builtActions, builtPages, builtRoutes } from "../security/build";
import { actionRows } from "../security/matrix-actions";
import { pageRows, routeRows } from "../security/matrix-pages";
import { probeAction, probeRoute } from "../security/probe";
import { dropScene, seedScene } from "../security/scene";
import { matrixMarkdown } from "../security/table";

// Issue 14's authorisation matrix: every page, route handler and server action of the build
// against every kind of visitor, on the running app. docs/SECURITY.md prints the same table.

test.describe("the authorisation matrix", () => {
  test("has a row for every page, route handler and server action the build contains", () => {
    expect(builtPages()).toEqual([...new Set(pageRows.map((r) => r.route))].sort());
    expect(builtRoutes()).toEqual([...new Set(routeRows.map((r) => r.route))].sort());
    expect([...builtActions().keys()].sort()).toEqual(actionRows.map((r) => r.action).sort());
  });

  test("is the table docs/SECURITY.md prints", () => {
    const doc = readFileSync("docs/SECURITY.md", "utf8");
    expect(doc, "run `npm run security:table` to print the current matrix").toContain(matrixMarkdown());
  });
});

test.describe("pages and route handlers answer each visitor as the matrix says", () => {
  for (const row of [...pageRows, ...routeRows]) {
    const method = "method" in row && row.method ? row.method : "GET";
    test(`${method} ${row.route}`, async ({ sql }) => {
      const scene = await seedScene(sql);
      const observed = await probeRoute(scene, row);
      await dropScene(sql, scene);
      expect(observed).toEqual(row.expect);
    });
  }
});

test.describe("server actions do what the matrix says for each caller, and a refusal writes nothing", () => {
  const ids = builtActions();
  for (const row of actionRows) {
    test(row.action, async ({ sql }) => {
      const cells = await Promise.all(
        ACTORS.map(async (actor) => [actor, await probeAction(sql, ids, row, actor)] as const),
      );
      expect(Object.fromEntries(cells.map(([a, c]) => [a, c.outcome]))).toEqual(row.expect);
      expect(
        Object.fromEntries(cells.filter(([, c]) => c.written.length).map(([a, c]) => [a, c.written])),
        "tables written by a refused call",
      ).toEqual({});
      expect(
        Object.fromEntries(cells.filter(([, c]) => c.leak).map(([a, c]) => [a, c.leak])),
        "refusals that differ for a real and a made-up target",
      ).toEqual({});
    });
  }
});
