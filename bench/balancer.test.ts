import { describe, expect, it } from "vitest";
import { Balancer } from "./balancer";

const A = "http://a";
const B = "http://b";

/** A request the test answers by hand, so several stay in flight. */
function held() {
  let answer!: () => void;
  const done = new Promise<void>((resolve) => (answer = resolve));
  return { done, answer };
}

describe("Balancer (bench/balancer.ts)", () => {
  it("sends each request to the instance with the fewest in flight, not to its form's", async () => {
    const balancer = new Balancer([A, B], "least");
    const onA = held();
    const onB = held();
    const first = balancer.send(B, () => onA.done);
    const second = balancer.send(A, () => onB.done);
    expect(await Promise.all([first, second].map((p) => Promise.race([p, "pending"])))).toEqual(["pending", "pending"]);
    onB.answer();
    expect((await second).url).toBe(B);
    // A still has one in flight, B none: every form goes to B until they are even.
    expect([balancer.pick(A), balancer.pick(A)]).toEqual([B, B]);
    onA.answer();
    expect((await first).url).toBe(A);
  });

  it("takes turns between instances with as many in flight", () => {
    const balancer = new Balancer([A, B], "least");
    expect([A, A, A, A].map((home) => balancer.pick(home))).toEqual([A, B, A, B]);
  });

  it("keeps each request on its form's instance as a round-robin balancer", async () => {
    const balancer = new Balancer([A, B], "round");
    const slow = held();
    void balancer.send(A, () => slow.done);
    expect(balancer.pick(A)).toBe(A);
    expect(balancer.pick(B)).toBe(B);
    slow.answer();
  });

  it("counts a request that failed as answered", async () => {
    const balancer = new Balancer([A, B], "least");
    const onB = held();
    await expect(balancer.send(A, () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    void balancer.send(A, () => onB.done); // to B, in turn
    // A's failed request no longer counts: A has none in flight, B one.
    expect([balancer.pick(B), balancer.pick(B)]).toEqual([A, A]);
    onB.answer();
  });
});
