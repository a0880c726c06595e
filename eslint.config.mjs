import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Arrows point one way (docs/ARCHITECTURE.md): app/ uses components/ and lib/, never the reverse.
const noAppImports = {
  regex: "^(@/app|(\\.\\./)+app)(/|$)",
  message:
    "components/ and lib/ must not import app/: a route passes what it owns (server actions, the session) in as props; a piece shared by routes moves to components/ or lib/.",
};
// lib/ is pure domain code: plain data in, a decision out (STYLE.md).
const libPurity = [
  {
    regex: "^(next|next-intl|next-auth|react|react-dom|server-only)(/|$)",
    message: "lib/ is pure domain code: no Next.js, React or next-intl; that belongs in app/ or components/.",
  },
  {
    regex: "^(@/|(\\.\\./)+)(db|auth)(/|$)",
    message: "lib/ is pure domain code: it takes plain data in and never reaches the database or the session.",
  },
];

const TESTS = ["**/*.test.ts", "**/testing/**", "test/**", "e2e/**", "bench/**"];
const testOnly = {
  paths: [{ name: "fast-check", message: "fast-check is for tests." }],
  patterns: [
    { group: ["**/testing", "**/testing/**"], message: "testing/ holds test-only code: import it from tests." },
  ],
};

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // Test-only code (a testing/ folder beside the tests, fast-check) never reaches what the app runs.
  // ESLint does not merge a rule's options across blocks, so the blocks after it repeat these.
  {
    files: ["**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { "no-restricted-imports": ["error", { paths: testOnly.paths, patterns: testOnly.patterns }] },
  },
  // Every server action is made by the one pipeline (app/action.ts): in a "use server" file, each
  // export is `formAction(…)` or `postAction(…)`, so none can skip its checks.
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "Program:has(> ExpressionStatement[directive='use server']) > ExportNamedDeclaration > FunctionDeclaration",
          message: "Make a server action with formAction or postAction (app/action.ts), not a bare function.",
        },
        {
          selector:
            "Program:has(> ExpressionStatement[directive='use server']) > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator:not([init.type='CallExpression'][init.callee.name=/^(formAction|postAction)$/])",
          message: 'Every export of a "use server" file is formAction(…) or postAction(…) (app/action.ts).',
        },
        {
          selector: "Program:has(> ExpressionStatement[directive='use server']) > ExportDefaultDeclaration",
          message: "Server actions are named exports made by formAction or postAction.",
        },
      ],
    },
  },
  {
    files: ["components/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": ["error", { paths: testOnly.paths, patterns: [noAppImports, ...testOnly.patterns] }],
    },
  },
  { files: ["lib/**"], rules: { "no-restricted-imports": ["error", { patterns: [noAppImports, ...libPurity] }] } },
  {
    files: ["lib/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: testOnly.paths, patterns: [noAppImports, ...libPurity, ...testOnly.patterns] },
      ],
    },
  },
  // Playwright fixtures call their argument `use`; it is not React's hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "db/migrations/**",
      "next-env.d.ts",
      ".next-*/**",
    ],
  },
];
export default config;
