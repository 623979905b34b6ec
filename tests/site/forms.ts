/** Test helpers for the form pages: what a field's error says, and a clock tests move by hand. */
import { expect } from 'vitest';
import type { Clock } from '../../src/pages/form-ui.ts';

/**
 * The error shown under `input`, '' when there is none; checks that an error is the field's
 * accessible description and marks it invalid, and that no invalid mark outlives its error.
 */
export function fieldError(input: HTMLInputElement): string {
  const error = input.ownerDocument.getElementById(`${input.id}Error`);
  const shown = error !== null && !error.hidden && (error.textContent ?? '') !== '';
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  expect(input.getAttribute('aria-invalid')).toBe(shown ? 'true' : null);
  expect(describedBy[0] === `${input.id}Error`).toBe(shown);
  return shown ? (error?.textContent ?? '') : '';
}

/** A clock that stands still until the test advances it, running the timers that fall due. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

/** A manual clock set at `start`. */
export function manualClock(start: Date): ManualClock {
  let now = start.getTime();
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => new Date(now),
    after(ms, run) {
      timers.push({ at: now + ms, run });
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.run();
      }
      now = end;
    },
  };
}
