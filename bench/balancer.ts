import { DEFAULT_MAX_IN_FLIGHT } from "../lib/env";

/**
 * The load balancer in front of the bench's instances, for the POST phases.
 * - "queue" (the default): at most `perInstance` requests on each instance (the instances' own
 *   admission limit), the rest waiting in one queue in arrival order, each going to the first
 *   instance with a free place: HAProxy's `maxconn` on each server with its backend queue. Two
 *   instances then serve as one fair queue even when one runs slower than the other.
 * - "least": each request to the instance with the fewest in flight, ties in turn (nginx
 *   `least_conn`, HAProxy `leastconn`, an AWS ALB's "least outstanding requests").
 * - "round": each request on the instance its form came from, owners alternating, as a
 *   round-robin balancer does (the bench's only way before the eleventh session).
 * BENCH_BALANCER picks one.
 */
export type BalancerMode = "queue" | "least" | "round";

export const balancerMode = (): BalancerMode => {
  const mode = process.env.BENCH_BALANCER ?? "queue";
  if (mode === "queue" || mode === "least" || mode === "round") return mode;
  throw new Error(`BENCH_BALANCER must be queue, least or round, not ${mode}`);
};

/** What each instance admits at once: RINGMEET_MAX_IN_FLIGHT, passed on to the instances, or the app's default (0: no limit). */
const admittedAtOnce = () => Number(process.env.RINGMEET_MAX_IN_FLIGHT || DEFAULT_MAX_IN_FLIGHT) || Infinity;

export const describeBalancer = (mode: BalancerMode) =>
  ({
    queue: `a balancer queuing in arrival order, at most ${admittedAtOnce()} on each instance`,
    least: "a least-outstanding balancer",
    round: "a round-robin balancer",
  })[mode];

export class Balancer {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting: ((url: string) => void)[] = [];
  private turn = 0;

  constructor(
    private readonly urls: string[],
    readonly mode: BalancerMode = balancerMode(),
    private readonly perInstance = mode === "queue" ? admittedAtOnce() : Infinity,
  ) {
    if (!urls.length) throw new Error("a balancer needs at least one instance");
    for (const url of urls) this.inFlight.set(url, 0);
  }

  /** The instance for the next request (`home`: where its form came from), or null when all are full. */
  pick(home: string): string | null {
    if (this.mode === "round") return home;
    const fewest = Math.min(...this.inFlight.values());
    if (fewest >= this.perInstance) return null;
    const candidates = this.urls.filter((url) => this.inFlight.get(url) === fewest);
    return candidates[this.turn++ % candidates.length]!;
  }

  /** Runs `send` on the picked instance (after its turn in the queue), counting it in flight until it answers. */
  async send<T>(home: string, send: (url: string) => Promise<T>): Promise<{ url: string; answer: T }> {
    let url = this.waiting.length ? null : this.pick(home);
    if (url) this.inFlight.set(url, this.inFlight.get(url)! + 1);
    // A place handed over from the queue comes still counted (see below).
    else url = await new Promise<string>((resolve) => this.waiting.push(resolve));
    try {
      return { url, answer: await send(url) };
    } finally {
      // The place just freed goes to the request that has waited longest, or back to the instance.
      const next = this.waiting.shift();
      if (next) next(url);
      else this.inFlight.set(url, this.inFlight.get(url)! - 1);
    }
  }
}
