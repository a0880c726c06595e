import { readdirSync, readFileSync } from "node:fs";

// Linux's USER_HZ: /proc reports CPU times in ticks of 1/100 s.
const TICK_MS = 10;

type Stat = { ppid: number; ticks: number };

function stat(pid: string): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime cutime cstime(17).
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]) };
  } catch {
    return null; // gone meanwhile
  }
}

/**
 * CPU time (ms) used so far by the processes under `roots`, themselves included. Children that
 * exited count through their parent's reaped-children times (a pool's closed connections, say).
 */
export function cpuMs(roots: number[]): number {
  const all = new Map<number, Stat>();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    const s = stat(pid);
    if (s) all.set(Number(pid), s);
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 20; p = all.get(p)?.ppid, depth++)
      if (roots.includes(p)) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of all) if (inTree(pid)) ticks += s.ticks;
  return ticks * TICK_MS;
}

/** CPU time (ms) of this process's children that have exited and been reaped (pgbench, say). */
export function reapedChildrenMs(): number {
  const rest = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  return (Number(rest[13]) + Number(rest[14])) * TICK_MS;
}
