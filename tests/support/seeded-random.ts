/**
 * Random choices a failing test can make again: every choice comes from one seed, which is
 * printed with each choice; `TEST_SEED=<seed>` replays them.
 */

/** A replayable source of numbers in [0, 1), its seed from TEST_SEED or fresh, and logged. */
export function seededRandom(
  label: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { seed: number; next(): number } {
  const given = env.TEST_SEED?.trim();
  const seed =
    given === undefined || given === '' ? Math.floor(Math.random() * 2 ** 32) : Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`TEST_SEED must be a whole number below 2^32, got ${given}`);
  }
  console.info(`${label}: seed ${seed} (replay: TEST_SEED=${seed})`);
  // xorshift32: tiny and good enough for picking kill points; its state must never be 0.
  let state = seed === 0 ? 0x9e3779b9 : seed;
  return {
    seed,
    next() {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      return state / 2 ** 32;
    },
  };
}
