/**
 * Bounded concurrency with a bounded queue: at most `concurrency` model runs at once, at most
 * `maxQueue` requests waiting; a request that finds the queue full is refused at once (429), one
 * still waiting at its deadline is refused then (503). Memory is bounded by the two numbers,
 * whatever the load.
 */
export type Admission =
  { admitted: true; queuedMs: number; release: () => void } | { admitted: false; reason: "queue-full" | "deadline" };

interface Waiter {
  enqueuedAt: number;
  timer: NodeJS.Timeout;
  resolve: (admission: Admission) => void;
}

export class AdmissionGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueue: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Waits for a run slot until `waitMs` have passed. */
  acquire(waitMs: number): Promise<Admission> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve({ admitted: true, queuedMs: 0, release: this.releaser() });
    }
    if (this.waiting.length >= this.maxQueue) return Promise.resolve({ admitted: false, reason: "queue-full" });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        enqueuedAt: this.now(),
        resolve,
        timer: setTimeout(
          () => {
            const at = this.waiting.indexOf(waiter);
            if (at >= 0) this.waiting.splice(at, 1);
            resolve({ admitted: false, reason: "deadline" });
          },
          Math.max(0, waitMs),
        ),
      };
      this.waiting.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (!next) {
        this.running--;
        return;
      }
      clearTimeout(next.timer); // the slot passes straight to the next waiter
      next.resolve({ admitted: true, queuedMs: this.now() - next.enqueuedAt, release: this.releaser() });
    };
  }
}
