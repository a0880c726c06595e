import { readFileSync, writeFileSync } from "node:fs";
import { withMatrix } from "../e2e/security/table";

// `npm run security:table`: prints the authorisation matrix (e2e/security) into docs/SECURITY.md.
const file = "docs/SECURITY.md";
writeFileSync(file, withMatrix(readFileSync(file, "utf8")));
console.log(`${file}: matrix written`);
