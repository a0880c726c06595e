export { allocate, allocateGreedy } from "./allocate";
export { canonicalJson, hashInput, hashResult, seedCommitment } from "./audit";
export { drawKey, drawOrder } from "./draw";
export { lotteryStats, type LotteryStats, type SessionStats } from "./stats";
export * from "./types";
