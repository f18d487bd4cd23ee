/**
 * Find, else create: a create is not idempotent, so it is never retried blindly (GitHub may send a
 * 5xx after storing it). After an answer lost on the way, look again; create again only if still
 * absent. `created` says whether this call's create made the value or a look found it.
 */
export interface CreateRetry {
  /** Attempts at creating before giving up. */
  attempts: number;
  /** Backoff before attempt n+1 is n² × baseMs, as plugin-retry does. */
  baseMs: number;
}

export const DEFAULT_CREATE_RETRY: CreateRetry = { attempts: 4, baseMs: 1000 };

export async function createOnce<T>(
  find: () => Promise<T | undefined>,
  create: () => Promise<T>,
  retry: CreateRetry = DEFAULT_CREATE_RETRY,
): Promise<{ value: T; created: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const existing = await find();
    if (existing !== undefined) return { value: existing, created: false };
    try {
      return { value: await create(), created: true };
    } catch (error) {
      if (!answerLost(error) || attempt >= retry.attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * attempt * retry.baseMs));
    }
  }
}

/** Server errors and answers lost on the way: the write may or may not have happened. */
function answerLost(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return typeof status !== "number" || status >= 500;
}
