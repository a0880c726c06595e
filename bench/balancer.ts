/**
 * The load balancer in front of the bench's instances, for the POST phases. By default it sends
 * each request to the instance with the fewest of its requests still in flight, ties in turn (nginx
 * `least_conn`, HAProxy `leastconn`, an AWS ALB's "least outstanding requests"): an instance that
 * falls behind then gets less work instead of the same half, and its queue does not set the tail.
 * BENCH_BALANCER=round keeps each request on the instance its form came from, owners alternating,
 * as a round-robin balancer does (the bench's only way before the tenth session).
 */
export type BalancerMode = "least" | "round";

export const balancerMode = (): BalancerMode => (process.env.BENCH_BALANCER === "round" ? "round" : "least");

export class Balancer {
  private readonly inFlight = new Map<string, number>();
  private turn = 0;

  constructor(
    private readonly urls: string[],
    readonly mode: BalancerMode = balancerMode(),
  ) {
    if (!urls.length) throw new Error("a balancer needs at least one instance");
    for (const url of urls) this.inFlight.set(url, 0);
  }

  /** The instance for the next request; `home` is where its form came from (used in round mode). */
  pick(home: string): string {
    if (this.mode === "round") return home;
    const fewest = Math.min(...this.inFlight.values());
    const candidates = this.urls.filter((url) => this.inFlight.get(url) === fewest);
    return candidates[this.turn++ % candidates.length]!;
  }

  /** Runs `send` on the picked instance, counting it in flight until it answers. */
  async send<T>(home: string, send: (url: string) => Promise<T>): Promise<{ url: string; answer: T }> {
    const url = this.pick(home);
    this.inFlight.set(url, (this.inFlight.get(url) ?? 0) + 1);
    try {
      return { url, answer: await send(url) };
    } finally {
      this.inFlight.set(url, this.inFlight.get(url)! - 1);
    }
  }
}
