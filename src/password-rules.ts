/**
 * Cognito's default password policy, checked as the user types. The pool stays the judge: a
 * pool with a stricter policy still answers InvalidPasswordException, which the page shows.
 *
 * The rules follow Cognito's documentation
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html)
 * and are held to the local emulator's verdict by a property test (tests/site/password-policy.test.ts).
 */

/** The rules, in the order the register page lists them. */
export const PASSWORD_RULES = ['length', 'upper', 'lower', 'digit', 'symbol'] as const;

/** One password rule. */
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** The minimum length of Cognito's default policy. */
export const MIN_PASSWORD_LENGTH = 8;

/** The longest password Cognito takes (its API's limit, whatever the policy). */
export const MAX_PASSWORD_LENGTH = 256;

// Only these count as symbols, and a space that is neither leading nor trailing.
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]|[^ ] +[^ ]/;

// Cognito's API refuses a password with whitespace at either end before any rule is checked.
const NO_EDGE_SPACE = /^[\S]+.*[\S]+$/;

/**
 * Which rules a password meets. Length counts UTF-16 code units, as Cognito's service does
 * (an emoji counts as two); letters are Basic Latin only.
 */
export function checkPassword(password: string): Record<PasswordRule, boolean> {
  return {
    length: password.length >= MIN_PASSWORD_LENGTH,
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    digit: /[0-9]/.test(password),
    symbol: SYMBOL.test(password),
  };
}

/** Why Cognito would refuse a password outright, whatever its rules: too long, or spaces at an end. */
export type PasswordShapeProblem = 'tooLong' | 'edgeSpace';

/** The shape problem of a password that meets the length rule, or null when there is none. */
export function passwordShapeProblem(password: string): PasswordShapeProblem | null {
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  if (password.length >= 2 && !NO_EDGE_SPACE.test(password)) return 'edgeSpace';
  return null;
}

/** Whether Cognito's default policy accepts the password. */
export function isAcceptedPassword(password: string): boolean {
  return (
    Object.values(checkPassword(password)).every(Boolean) && passwordShapeProblem(password) === null
  );
}
