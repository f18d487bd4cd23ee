/**
 * Writes the server's window profiles beside the prediction log: every `writeMs` the open
 * window's profile is rewritten, and a finished window gets its last write. Each write is a temp
 * file, flushed to disk, then renamed over the profile, so a reader (or a kill -9) sees the old
 * complete file or the new one, never half of one.
 *
 * File names: profile-<window start, UTC>-<pid>-<instance>[-<part>].json. The instance is drawn
 * once per process, so a restart in the same window (a container's pid is always 1) writes a
 * new file next to the old one instead of replacing its rows; feature names never reach a name.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { LogBatch } from "./log-record.ts";
import { ProfileWindows, type ProfileSnapshot } from "./profile-windows.ts";
import type { ProfileSettings } from "./settings.ts";

export class ProfileWriter {
  private readonly windows: ProfileWindows;
  private readonly instance = randomBytes(4).toString("hex");
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** Every profile file written, for tests and the shutdown report. */
  readonly files = new Set<string>();

  constructor(
    private readonly dir: string,
    model: string,
    settings: ProfileSettings,
    classThreshold: number | undefined,
    private readonly onError: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = new ProfileWindows(model, settings, classThreshold);
    // A tick while a write is still running is skipped: the running write takes the new rows next time.
    this.timer = setInterval(() => this.inFlight || void this.write(), settings.writeMs);
    this.timer.unref(); // profiles never keep a stopping server alive
  }

  /** Counts rows the log has just written. */
  add(batches: readonly LogBatch[]): void {
    this.windows.add(batches);
  }

  /** Writes what is due now (every open window when `all`); one write at a time. */
  write(all = false): Promise<void> {
    this.inFlight++;
    this.writing = this.writing
      .then(() => this.writeDue(all))
      .catch((error) => this.onError(`window profile: ${(error as Error).message}`))
      .finally(() => this.inFlight--);
    return this.writing;
  }

  /** Final writes of every window; the timer stops. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.write(true);
  }

  private async writeDue(all: boolean): Promise<void> {
    for (const snapshot of this.windows.due(this.now(), all)) {
      const path = join(this.dir, this.fileName(snapshot));
      try {
        await mkdir(this.dir, { recursive: true });
        // `written` names this window part, so drift can tell a copy of a file from another replica's.
        const written = { by: `${process.pid}-${this.instance}`, start: snapshot.start, part: snapshot.part };
        await writeAtomically(path, JSON.stringify({ ...snapshot.profile, written }) + "\n");
        this.files.add(path);
        if (snapshot.final) this.windows.done(snapshot);
      } catch (error) {
        this.onError(`window profile: could not write ${path}: ${(error as Error).message}`);
        const lost = this.windows.retry(snapshot);
        if (lost > 0)
          this.onError(
            `window profile: gave up on ${path} after repeated failed writes; its ${lost} row(s) are in the prediction log but in no profile`,
          );
      }
    }
  }

  private fileName(snapshot: ProfileSnapshot): string {
    const stamp = new Date(snapshot.start)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.000Z$/, "Z"); // milliseconds only for windows that start within a second
    const part = snapshot.part > 1 ? `-${snapshot.part}` : "";
    return `profile-${stamp}-${process.pid}-${this.instance}${part}.json`;
  }
}

/** Temp file in the same folder (a dot file no profile glob matches), synced, renamed over `path`. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
