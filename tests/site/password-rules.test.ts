import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/password-rules.ts';

describe('checkPassword', () => {
  it('meets nothing for an empty password', () => {
    expect(checkPassword('')).toEqual({
      length: false,
      upper: false,
      lower: false,
      digit: false,
      symbol: false,
    });
  });

  it('meets every rule for a strong password', () => {
    expect(checkPassword('Giddy-Up-42')).toEqual({
      length: true,
      upper: true,
      lower: true,
      digit: true,
      symbol: true,
    });
  });

  it('counts 8 characters as long enough and 7 as too short', () => {
    expect(checkPassword('abcdefgh').length).toBe(true);
    expect(checkPassword('abcdefg').length).toBe(false);
  });

  it.each([
    '^',
    '$',
    '*',
    '.',
    '[',
    ']',
    '{',
    '}',
    '(',
    ')',
    '?',
    '"',
    '!',
    '@',
    '#',
    '%',
    '&',
    '/',
    '\\',
    ',',
    '>',
    '<',
    "'",
    ':',
    ';',
    '|',
    '_',
    '~',
    '`',
    '=',
    '+',
    '-',
  ])('counts %s as a symbol, as Cognito does', (symbol) => {
    expect(checkPassword(`abc${symbol}def`).symbol).toBe(true);
  });

  it('counts an inner space as a symbol but not a leading or trailing one', () => {
    expect(checkPassword('abc def').symbol).toBe(true);
    expect(checkPassword(' abcdef ').symbol).toBe(false);
  });

  it('does not count non-Latin letters as upper- or lowercase', () => {
    expect(checkPassword('ÄÖÜ비밀번호')).toMatchObject({ upper: false, lower: false });
  });
});
