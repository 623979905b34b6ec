/**
 * Sign-up, its confirmation and the sign-in right after it, through the typed client rather than
 * `amazon-cognito-identity-js`: the library drops the `Session` that SignUp returns and cannot
 * send one with ConfirmSignUp, and that Session is what lets InitiateAuth USER_AUTH sign the new
 * rider in without the password typed again
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html,
 * `Session`). The register and verify pages load this module, never the library.
 */
import { AuthError } from './auth-errors.ts';
import { type CodeDeliveryDetails, createCognitoClient } from './cognito-client.ts';
import type { CognitoConfig } from './config.ts';
import { storeAuthenticationResult, type TokenStoreDeps } from './token-store.ts';

/** Result of a sign-up. */
export interface RegisterResult {
  /** True when the pool confirmed the user at once (a pre-sign-up trigger); no code is sent then. */
  readonly confirmed: boolean;
  /** Where the code went, masked by Cognito (`a***@e***`); null when not reported. */
  readonly destination: string | null;
  /** SignUp's Session, for ConfirmSignUp; null when Cognito sent none. */
  readonly session: string | null;
}

/** Result of asking for a code (confirmation or password reset). */
export interface CodeDelivery {
  readonly destination: string | null;
}

/** Signing up without the library. */
export interface SignUp {
  /** Signs up with the email as username and as the `email` attribute. */
  register(email: string, password: string): Promise<RegisterResult>;
  /**
   * Confirms the sign-up with the code from the email, handing on SignUp's Session when there is
   * one; resolves with ConfirmSignUp's Session (null when Cognito returned none).
   */
  verify(email: string, code: string, session?: string | null): Promise<string | null>;
  /** Sends the sign-up code again. */
  resendCode(email: string): Promise<CodeDelivery>;
  /**
   * Signs the just-confirmed rider in with ConfirmSignUp's Session (USER_AUTH) and keeps the
   * tokens where the library reads its session. Cognito accepts a Session once only.
   */
  signInAfterSignUp(email: string, session: string): Promise<void>;
}

/** What `createSignUp` needs. */
export interface SignUpDeps extends Omit<TokenStoreDeps, 'cognito'> {
  readonly cognito: CognitoConfig;
  readonly fetch?: typeof fetch;
}

function destinationOf(details: CodeDeliveryDetails | undefined): string | null {
  return typeof details?.Destination === 'string' ? details.Destination : null;
}

/** Builds sign-up for one app client of one user pool. */
export function createSignUp(deps: SignUpDeps): SignUp {
  const { call } = createCognitoClient(deps);
  return {
    async register(email, password) {
      const answer = await call('SignUp', {
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
      return {
        confirmed: answer.UserConfirmed === true,
        destination: destinationOf(answer.CodeDeliveryDetails),
        session: typeof answer.Session === 'string' ? answer.Session : null,
      };
    },

    async verify(email, code, session = null) {
      const answer = await call('ConfirmSignUp', {
        Username: email,
        ConfirmationCode: code,
        ...(session === null ? {} : { Session: session }),
      });
      return typeof answer.Session === 'string' ? answer.Session : null;
    },

    async resendCode(email) {
      const answer = await call('ResendConfirmationCode', { Username: email });
      return { destination: destinationOf(answer.CodeDeliveryDetails) };
    },

    async signInAfterSignUp(email, session) {
      const answer = await call('InitiateAuth', {
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email },
        Session: session,
      });
      if (answer.AuthenticationResult === undefined) {
        // A pool that requires MFA answers with its set-up instead: the sign-in page handles it.
        throw new AuthError(
          'UnsupportedChallenge',
          `Sign-in after sign-up asked for ${answer.ChallengeName ?? 'another step'}.`,
        );
      }
      storeAuthenticationResult(deps, answer.AuthenticationResult);
    },
  };
}

/** An unconfigured site's sign-up: every action fails with `reason`. */
export function unconfiguredSignUp(reason: Error): SignUp {
  const fail = (): Promise<never> => Promise.reject(reason);
  return { register: fail, verify: fail, resendCode: fail, signInAfterSignUp: fail };
}

/** How long a kept SignUp Session is offered: Cognito's default authentication session (3 min). */
export const SIGN_UP_SESSION_MS = 3 * 60 * 1000;

const SESSION_KEY_PREFIX = 'WildRydes.signUpSession.';

/** Where the register page leaves SignUp's Session for the verify page: this tab only. */
export interface PendingSignUpDeps {
  /** sessionStorage by default; null where storage is blocked. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  readonly now?: () => number;
}

function keyOf(email: string): string {
  // Cognito compares email usernames without case, so one address has one entry.
  return `${SESSION_KEY_PREFIX}${email.trim().toLowerCase()}`;
}

function tabStorage(deps: PendingSignUpDeps): PendingSignUpDeps['storage'] {
  if (deps.storage !== undefined) return deps.storage;
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

/** Keeps SignUp's Session for `email` in this tab, for three minutes. */
export function keepSignUpSession(deps: PendingSignUpDeps, email: string, session: string): void {
  const now = (deps.now ?? Date.now)();
  try {
    tabStorage(deps)?.setItem(
      keyOf(email),
      JSON.stringify({ session, expiresAt: now + SIGN_UP_SESSION_MS }),
    );
  } catch {
    // Storage full or blocked: the verify page then sends the rider to sign in, as without one.
  }
}

/** The kept SignUp Session for `email` while it is fresh; null otherwise (the stale one goes). */
export function signUpSessionFor(deps: PendingSignUpDeps, email: string): string | null {
  const storage = tabStorage(deps);
  let kept: unknown;
  try {
    kept = JSON.parse(storage?.getItem(keyOf(email)) ?? 'null');
  } catch {
    kept = null;
  }
  const fields = typeof kept === 'object' && kept !== null ? kept : {};
  const session = 'session' in fields && typeof fields.session === 'string' ? fields.session : '';
  const expiresAt =
    'expiresAt' in fields && typeof fields.expiresAt === 'number' ? fields.expiresAt : 0;
  if (session !== '' && expiresAt > (deps.now ?? Date.now)()) return session;
  forgetSignUpSession(deps, email);
  return null;
}

/** Drops the kept SignUp Session for `email` (it has been used, or Cognito refused it). */
export function forgetSignUpSession(deps: PendingSignUpDeps, email: string): void {
  try {
    tabStorage(deps)?.removeItem(keyOf(email));
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
