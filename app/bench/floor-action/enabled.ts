/** The bench-only floor page and action exist only in a process started with RINGMEET_BENCH_FLOOR=1 (bench/stack.ts). */
export const benchFloorOn = () => process.env.RINGMEET_BENCH_FLOOR === "1";
