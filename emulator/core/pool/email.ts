/** Email addresses as Cognito checks them and masks them in delivery details. */

// No spaces, and no control or format characters (ESC, BEL, NUL, bidi overrides): Cognito's
// username pattern, [\p{L}\p{M}\p{S}\p{N}\p{P}]+ in the SignUp API reference, has none of them,
// and an address is printed on the emulator's console.
const EMAIL = /^[^\s@\p{Cc}\p{Cf}\p{Cs}]+@[^\s@\p{Cc}\p{Cf}\p{Cs}]+\.[^\s@\p{Cc}\p{Cf}\p{Cs}]+$/u;

/** Cognito's check of an email attribute's format. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 2048;
}

/** `someone@example.com` → `s***@e***`, as Cognito masks destinations. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}
