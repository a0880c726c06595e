import { hashInput } from "./audit";
import { solveGreedy } from "./greedy";
import { solveMinCostFlow } from "./min-cost-flow";
import { buildProblem } from "./problem";
import { buildResult } from "./result";
import { ALGORITHM_VERSION, GREEDY_VERSION, type LotteryInput, type LotteryResult } from "./types";

/**
 * The ballot: the exact optimum of the lexicographic objective (docs/LOTTERY.md). Deterministic
 * for a seed and independent of the order of the input lists. Throws LotteryInputError.
 */
export function allocate(input: LotteryInput): LotteryResult {
  const problem = buildProblem(input);
  return buildResult(problem, solveMinCostFlow(problem), ALGORITHM_VERSION, hashInput(input));
}

/** The greedy "rank-1 first" baseline on the same draw order, for comparison only. */
export function allocateGreedy(input: LotteryInput): LotteryResult {
  const problem = buildProblem(input);
  return buildResult(problem, solveGreedy(problem), GREEDY_VERSION, hashInput(input));
}
