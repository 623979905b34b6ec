/**
 * Cognito's default password policy, checked as the user types. The pool stays the judge: a
 * pool with a stricter policy still answers InvalidPasswordException, which the page shows.
 */

/** The rules, in the order the register page lists them. */
export const PASSWORD_RULES = ['length', 'upper', 'lower', 'digit', 'symbol'] as const;

/** One password rule. */
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** The minimum length of Cognito's default policy. */
export const MIN_PASSWORD_LENGTH = 8;

// Cognito counts only these as symbols (and a space that is neither first nor last).
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-';

function hasSymbol(password: string): boolean {
  if ([...password].some((character) => SYMBOLS.includes(character))) return true;
  return password.trim().includes(' ');
}

/** Which rules a password meets. */
export function checkPassword(password: string): Record<PasswordRule, boolean> {
  return {
    length: password.length >= MIN_PASSWORD_LENGTH,
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    digit: /[0-9]/.test(password),
    symbol: hasSymbol(password),
  };
}
