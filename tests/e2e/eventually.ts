/**
 * Waiting without fixed sleeps, in tests that run concurrently (where Vitest's `expect.poll`
 * cannot tell which test it belongs to).
 */

/**
 * How long one wait may take: SRP in a browser on a 2-core machine that other processes keep
 * busy takes seconds, not the 0.5–1.5 s of an idle one. A hang still fails at the wait that hung,
 * with what it waited for, long before the test's own timeout.
 */
export const PATIENCE_MS = 60_000;

/**
 * Reads `read()` until `check` (which asserts with `expect`) accepts the value, and returns that
 * value; after `timeout` ms the last assertion error is thrown, with its expected/received diff.
 * Only for states that stay once reached: a state that may come and go is held, not polled for.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeout = PATIENCE_MS,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (failure) {
      if (Date.now() > deadline) throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for `promise`, failing with `what` if it has not settled within `timeout` ms. */
export async function within<T>(
  promise: Promise<T>,
  what: string,
  timeout = PATIENCE_MS,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${timeout} ms`)), timeout);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
