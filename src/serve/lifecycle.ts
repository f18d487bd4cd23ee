/**
 * The server's three states, each with one owner (as KServe and MLServer keep them): live while
 * the process answers; ready once the model is loaded and warmed, until shutdown starts; draining
 * from SIGTERM on, when readiness turns 503 at once and in-flight requests finish.
 */
export type Phase = "starting" | "ready" | "draining" | "stopped";

export class Lifecycle {
  private current: Phase = "starting";

  get phase(): Phase {
    return this.current;
  }

  get live(): boolean {
    return this.current !== "stopped";
  }

  get ready(): boolean {
    return this.current === "ready";
  }

  get draining(): boolean {
    return this.current === "draining" || this.current === "stopped";
  }

  markReady(): void {
    if (this.current === "starting") this.current = "ready";
  }

  startDraining(): void {
    if (this.current !== "stopped") this.current = "draining";
  }

  markStopped(): void {
    this.current = "stopped";
  }
}
