import { writeFileSync } from "node:fs";
import { SAMPLE_CAMT_PATH, SAMPLE_CSV_PATH, sampleStatements } from "../db/seed/sample-statements";

// Writes the demo's sample bank statements (db/seed/sample-statements.ts) into samples/statements/.
const { camt, csv } = sampleStatements();
writeFileSync(SAMPLE_CAMT_PATH, camt);
writeFileSync(SAMPLE_CSV_PATH, csv);
console.log(`wrote ${SAMPLE_CAMT_PATH} and ${SAMPLE_CSV_PATH}`);
