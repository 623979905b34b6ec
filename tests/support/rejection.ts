/** How tests take hold of a failure, to assert its code and the message a person sees. */

/**
 * What `attempt` (a promise, or an action that throws or returns one) failed with, checked to be
 * a `kind` (any Error unless told); fails the test when it succeeds or fails otherwise.
 */
export async function rejection<E extends Error = Error>(
  attempt: Promise<unknown> | (() => unknown),
  kind?: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
  } catch (error) {
    const expected = kind ?? Error;
    if (error instanceof expected) return error as E;
    throw new Error(`expected a ${expected.name}, but it failed with ${String(error)}`, {
      cause: error,
    });
  }
  throw new Error('expected a failure, but it succeeded');
}
