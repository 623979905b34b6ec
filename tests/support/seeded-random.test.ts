/** The seeded source behind the persistence test's kill points: a printed seed replays a run. */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from './seeded-random.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function draws(source: { next(): number }, count: number): number[] {
  return Array.from({ length: count }, () => source.next());
}

describe('a seeded random source', () => {
  it('makes the same choices again for the seed in TEST_SEED, and prints how to replay', () => {
    const printed = vi.spyOn(console, 'info').mockImplementation(() => {});
    const first = seededRandom('kill points', { TEST_SEED: '3108090869' });
    const again = seededRandom('kill points', { TEST_SEED: '3108090869' });
    expect(draws(again, 20)).toEqual(draws(first, 20));
    expect(printed).toHaveBeenCalledWith(
      'kill points: seed 3108090869 (replay: TEST_SEED=3108090869)',
    );
  });

  it('picks and prints a fresh seed without TEST_SEED, in [0, 1) and spread out', () => {
    const printed = vi.spyOn(console, 'info').mockImplementation(() => {});
    const source = seededRandom('kill points', {});
    expect(printed).toHaveBeenCalledWith(
      `kill points: seed ${source.seed} (replay: TEST_SEED=${source.seed})`,
    );
    const values = draws(source, 1000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
    expect(values.filter((value) => value < 0.5).length).toBeLessThan(600);
  });

  it('gives different choices for different seeds, and works for seed 0', () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const zero = draws(seededRandom('x', { TEST_SEED: '0' }), 5);
    const one = draws(seededRandom('x', { TEST_SEED: '1' }), 5);
    expect(zero).not.toEqual(one);
    expect(new Set(zero).size).toBe(5);
  });

  it.each(['-1', '1.5', 'abc', String(2 ** 32)])('refuses TEST_SEED=%s', (seed) => {
    expect(() => seededRandom('x', { TEST_SEED: seed })).toThrow(
      `TEST_SEED must be a whole number below 2^32, got ${seed}`,
    );
  });
});
