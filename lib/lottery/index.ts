export { allocate, allocateGreedy } from "./allocate";
export { canonicalJson, drawInputOf, hashInput, hashResult, seedCommitment } from "./audit";
export { checkDraw, type DrawCheck } from "./verify";
export { drawKey, drawOrder } from "./draw";
export { lotteryStats, type LotteryStats, type SessionStats } from "./stats";
export * from "./types";
