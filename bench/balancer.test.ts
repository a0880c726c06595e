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

describe("Balancer in queue mode (HAProxy's maxconn and backend queue)", () => {
  it("holds requests past each instance's limit in one queue, handing each freed place to the oldest", async () => {
    const balancer = new Balancer([A, B], "queue", 1);
    const [onA, onB, third, fourth] = [held(), held(), held(), held()];
    const order: string[] = [];
    const run = (name: string, hold: ReturnType<typeof held>) =>
      balancer.send(A, async (url) => {
        order.push(`${name}@${url}`);
        await hold.done;
      });
    const sent = [run("1", onA), run("2", onB), run("3", third), run("4", fourth)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(["1@http://a", "2@http://b"]);
    expect(balancer.pick(A)).toBeNull();
    onB.answer(); // B frees first: the oldest waiting goes there, whatever its form's instance
    await sent[1];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(["1@http://a", "2@http://b", "3@http://b"]);
    onA.answer();
    await sent[0];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(["1@http://a", "2@http://b", "3@http://b", "4@http://a"]);
    third.answer();
    fourth.answer();
    await Promise.all(sent);
    // All answered: both instances free again.
    expect([balancer.pick(A), balancer.pick(A)]).toEqual([A, B]);
  });

  it("lets a new request in at once while an instance has room", async () => {
    const balancer = new Balancer([A, B], "queue", 2);
    const hold = held();
    const sent = [
      balancer.send(A, () => hold.done),
      balancer.send(A, () => hold.done),
      balancer.send(A, () => hold.done),
    ];
    expect(balancer.pick(A)).toBe(B); // A holds two (its limit) or B one: B still has room
    hold.answer();
    expect((await Promise.all(sent)).map((s) => s.url).sort()).toEqual([A, A, B]);
  });
});
