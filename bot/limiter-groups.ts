/**
 * The request limits of @octokit/plugin-throttling, in the shape it expects of its groups (a
 * Bottleneck.Group: `key(id).schedule(options, fn, ...args)`), replacing its Bottleneck ones.
 *
 * Concurrency (`global`): the plugin's group allows 10 requests at once, as this one does, but
 * Bottleneck's timer-driven queue costs milliseconds per request; at 100 webhooks a second that
 * queue, not GitHub, set the pace.
 *
 * Writes (`write`): the plugin's group spaces every write 1 s apart, so opening one retrain pull
 * request (tree, commit, ref, pull, comment: five writes) takes at least 4 s. GitHub's documented
 * secondary limit is 80 content-creating requests a minute. A token bucket of `burst` tokens
 * refilled at `perSecond` lets one request's few writes go at once and holds a flood to at most
 * `burst + 60 * perSecond` writes in any minute (20 + 60 = 80 with the defaults); anything GitHub
 * still refuses is a secondary rate limit, which the throttling plugin retries after `retry-after`.
 */

interface LimiterJob {
  /** Retries of a throttled request are scheduled with weight 0: they do not take a token. */
  weight?: number;
  priority?: number;
}

export interface LimiterGroup {
  key(id?: string): {
    schedule<T>(options: LimiterJob, task: (...args: any[]) => T | Promise<T>, ...args: any[]): Promise<T>;
  };
}

export interface TokenBucketOptions {
  /** Writes allowed at once before pacing starts. */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** One bucket per key (the throttling plugin keys by installation, or one key for all). */
export function tokenBucketGroup(options: TokenBucketOptions): LimiterGroup {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const buckets = new Map<string, ReturnType<typeof bucket>>();

  function bucket() {
    let tokens = options.burst;
    let refilledAt = now();
    /** Jobs take their token in arrival order. */
    let queue: Promise<void> = Promise.resolve();
    const take = async (weight: number): Promise<void> => {
      const elapsed = (now() - refilledAt) / 1000;
      refilledAt = now();
      tokens = Math.min(options.burst, tokens + elapsed * options.perSecond);
      if (tokens < weight) {
        await sleep(((weight - tokens) / options.perSecond) * 1000);
        const waited = (now() - refilledAt) / 1000;
        refilledAt = now();
        tokens = Math.min(options.burst, tokens + waited * options.perSecond);
      }
      tokens -= weight;
    };
    return {
      schedule<T>(job: LimiterJob, task: (...args: any[]) => T | Promise<T>, ...args: any[]): Promise<T> {
        const weight = job?.weight ?? 1;
        const turn = queue.then(() => (weight > 0 ? take(weight) : undefined));
        queue = turn.catch(() => undefined);
        return turn.then(() => task(...args));
      },
    };
  }

  return {
    key(id = "") {
      let b = buckets.get(id);
      if (!b) buckets.set(id, (b = bucket()));
      return b;
    },
  };
}

/** A group that runs every job at once: for limits another group already enforces. */
export function unlimitedGroup(): LimiterGroup {
  const runner = {
    schedule<T>(_job: LimiterJob, task: (...args: any[]) => T | Promise<T>, ...args: any[]): Promise<T> {
      return Promise.resolve().then(() => task(...args));
    },
  };
  return { key: () => runner };
}

/** At most `limit` jobs of a key at once, the rest queued in arrival order (the plugin's `global` group). */
export function concurrencyGroup(limit: number): LimiterGroup {
  const slots = new Map<string, { running: number; waiting: Array<() => void> }>();
  return {
    key(id = "") {
      let slot = slots.get(id);
      if (!slot) slots.set(id, (slot = { running: 0, waiting: [] }));
      const s = slot;
      return {
        async schedule<T>(_job: LimiterJob, task: (...args: any[]) => T | Promise<T>, ...args: any[]): Promise<T> {
          if (s.running >= limit) await new Promise<void>((resolve) => s.waiting.push(resolve));
          else s.running++;
          try {
            return await task(...args);
          } finally {
            const next = s.waiting.shift();
            if (next) next();
            else s.running--;
          }
        },
      };
    },
  };
}
