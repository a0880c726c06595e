import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // Every server action is made by the one pipeline (app/action.ts): in a "use server" file, each
  // export is `formAction(…)` or `postAction(…)`, so none can skip its checks.
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Program:has(> ExpressionStatement[directive='use server']) > ExportNamedDeclaration > FunctionDeclaration",
          message: "Make a server action with formAction or postAction (app/action.ts), not a bare function.",
        },
        {
          selector: "Program:has(> ExpressionStatement[directive='use server']) > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator:not([init.type='CallExpression'][init.callee.name=/^(formAction|postAction)$/])",
          message: "Every export of a \"use server\" file is formAction(…) or postAction(…) (app/action.ts).",
        },
        { selector: "Program:has(> ExpressionStatement[directive='use server']) > ExportDefaultDeclaration", message: "Server actions are named exports made by formAction or postAction." },
      ],
    },
  },
  // Playwright fixtures call their argument `use`; it is not React's hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts", ".next-*/**"] },
];
export default config;
