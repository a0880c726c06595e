import { allocate } from "./allocate";
import { canonicalJson, drawInputOf, hashResult, seedCommitment } from "./audit";
import { sha256Hex } from "./draw";
import type { DrawInput, LotteryResult } from "./types";

export type DrawCheck = {
  /** SHA-256 of the input file as downloaded: the run's published input hash. */
  inputHash: string;
  /** SHA-256 of the result file as downloaded: the run's published result hash. */
  resultHash: string;
  /** SHA-256 of the seed the result names: the commitment published before any entry. */
  seedHash: string;
  inputMatchesResult: boolean;
  /** The draw run again from the input and the seed gives exactly the published result. */
  redrawMatches: boolean;
};

/**
 * What anyone can check from the two public downloads of a run (docs/LOTTERY.md): the hashes of
 * the files as they are, that the result was drawn from this input, and that drawing again with
 * its seed gives the same result, byte for byte.
 */
export function checkDraw(inputText: string, resultText: string): DrawCheck {
  const input = JSON.parse(inputText) as DrawInput;
  const result = JSON.parse(resultText) as LotteryResult;
  const inputHash = sha256Hex(inputText);
  const redrawn = allocate({ seed: result.seed, ...drawInputOf(input) });
  return {
    inputHash,
    resultHash: sha256Hex(resultText),
    seedHash: seedCommitment(result.seed),
    inputMatchesResult: result.inputHash === inputHash,
    redrawMatches: canonicalJson(redrawn) === resultText && hashResult(redrawn) === sha256Hex(resultText),
  };
}
