import { readFileSync } from "node:fs";
import { checkDraw } from "../lib/lottery/verify";

// `npm run verify-draw -- input.json result.json`: checks a published draw from its two public
// downloads (docs/LOTTERY.md). Exits 1 when anything does not match.
const [inputFile, resultFile] = process.argv.slice(2);
if (!inputFile || !resultFile) {
  console.error("Usage: npm run verify-draw -- input.json result.json");
  process.exit(2);
}
const check = checkDraw(readFileSync(inputFile, "utf8"), readFileSync(resultFile, "utf8"));
console.log(`input hash   ${check.inputHash}  (the run's "Input hash")`);
console.log(`result hash  ${check.resultHash}  (the run's "Result hash")`);
console.log(`seed hash    ${check.seedHash}  (the commitment published before any entry)`);
console.log(`${check.inputMatchesResult ? "✔" : "✘"} the result names this input's hash`);
console.log(
  `${check.redrawMatches ? "✔" : "✘"} drawing again from this input with the result's seed gives this result, byte for byte`,
);
process.exit(check.inputMatchesResult && check.redrawMatches ? 0 : 1);
