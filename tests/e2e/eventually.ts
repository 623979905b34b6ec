/**
 * Waiting without fixed sleeps, in tests that run concurrently (where Vitest's `expect.poll`
 * cannot tell which test it belongs to).
 */

/** How long a wait may take: SRP in a busy browser (0.5–1.5 s), a cold dev server, CI. */
export const PATIENCE_MS = 15_000;

/**
 * Reads `read()` until `check` (which asserts with `expect`) accepts the value, and returns that
 * value; after `timeout` ms the last assertion error is thrown, with its expected/received diff.
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
