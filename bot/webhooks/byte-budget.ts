/**
 * Bytes of request bodies held in memory at once, shared by all requests: each request reserves
 * what it is about to buffer and releases it when done, so many large requests together cannot
 * grow the process beyond the budget (they get 503 instead).
 */
export class ByteBudget {
  private used = 0;

  constructor(readonly capacity: number) {}

  /** Takes `bytes` if they fit; false (and nothing taken) otherwise. */
  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.capacity) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  get inUse(): number {
    return this.used;
  }
}
