import { describe, expect, it } from "vitest";
import { closeOnShutdown, shutDown } from "./shutdown";

describe("shutDown", () => {
  // Failed before: Ctrl-C signals the app, and the launcher then sends SIGTERM; the second signal
  // found the shutdown started, returned at once, and the process exited before its worker and
  // pool were closed.
  it("closes what was registered, newest first, once; a second call waits for the first", async () => {
    const order: string[] = [];
    let finishWorker!: () => void;
    closeOnShutdown("database pool", async () => void order.push("pool"));
    closeOnShutdown(
      "mail worker",
      () =>
        new Promise<void>((resolve) => {
          order.push("worker stopping");
          finishWorker = () => (order.push("worker stopped"), resolve());
        }),
    );
    const first = shutDown("SIGINT", 0.1);
    let secondDone = false;
    const second = shutDown("SIGTERM", 0.1).then(() => void (secondDone = true));
    for (let i = 0; i < 100 && !finishWorker; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(secondDone).toBe(false);
    finishWorker();
    await Promise.all([first, second]);
    expect(order).toEqual(["worker stopping", "worker stopped", "pool"]);
  });
});
