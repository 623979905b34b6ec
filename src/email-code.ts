/**
 * Sign-in with a code by email: choice-based sign-in (`USER_AUTH`) asked for `EMAIL_OTP`, the
 * code mailed by Cognito, answered with `EMAIL_OTP_CODE`
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html).
 * Through the typed client; the sign-in page loads this only when the rider asks for a code.
 */
import { AuthError } from './auth-errors.ts';
import { type AuthStepOutput, type CognitoCall, createCognitoClient } from './cognito-client.ts';
import type { CognitoConfig } from './config.ts';
import { storeAuthenticationResult, type TokenStoreDeps } from './token-store.ts';

/** A mailed code, waiting to be typed in. */
export interface EmailCodeChallenge {
  /** Where the code went, masked by Cognito (`r***@e***`); null when not reported. */
  readonly destination: string | null;
  /**
   * Answers with the code and, once Cognito accepts it, keeps the tokens where the library reads
   * its session. A wrong code rejects with `CodeMismatchException` and may be tried again; once
   * Cognito has ended the sign-in (too many wrong codes, too late) it rejects with
   * `NotAuthorizedException` and only a new code helps.
   */
  submit(code: string): Promise<void>;
}

/** Signing in by email code. */
export interface EmailCodeSignIn {
  /** Asks Cognito to mail a sign-in code to `email`'s account. */
  start(email: string): Promise<EmailCodeChallenge>;
}

/** What `createEmailCodeSignIn` needs. */
export interface EmailCodeDeps extends Omit<TokenStoreDeps, 'cognito'> {
  readonly cognito: CognitoConfig;
  readonly fetch?: typeof fetch;
}

/**
 * Cognito answers a USER_AUTH start with SELECT_CHALLENGE when the preferred EMAIL_OTP is not
 * among the user's choices (no verified email, not confirmed, a pool that requires MFA) — and,
 * with user existence errors prevented, for an unknown name too, so the site cannot tell which.
 */
function unavailable(): AuthError {
  return new AuthError('EmailCodeUnavailable', 'No sign-in code can be emailed to this account.');
}

/** Builds email-code sign-in for one app client of one user pool. */
export function createEmailCodeSignIn(deps: EmailCodeDeps): EmailCodeSignIn {
  const { call } = createCognitoClient(deps);
  return {
    async start(email) {
      let step = await call('InitiateAuth', {
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      });
      if (step.ChallengeName === 'SELECT_CHALLENGE') {
        if (!step.AvailableChallenges?.includes('EMAIL_OTP')) throw unavailable();
        step = await call('RespondToAuthChallenge', {
          ChallengeName: 'SELECT_CHALLENGE',
          Session: step.Session ?? '',
          ChallengeResponses: { USERNAME: email, ANSWER: 'EMAIL_OTP' },
        });
      }
      if (step.ChallengeName !== 'EMAIL_OTP' || step.Session === undefined) throw unavailable();
      return challenge(call, deps, email, step);
    },
  };
}

function challenge(
  call: CognitoCall,
  deps: EmailCodeDeps,
  email: string,
  step: AuthStepOutput,
): EmailCodeChallenge {
  const session = step.Session ?? '';
  return {
    destination: step.ChallengeParameters?.CODE_DELIVERY_DESTINATION ?? null,
    async submit(code) {
      const answer = await call('RespondToAuthChallenge', {
        ChallengeName: 'EMAIL_OTP',
        Session: session,
        ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code },
      });
      if (answer.AuthenticationResult === undefined) {
        throw new AuthError(
          'UnsupportedChallenge',
          `Sign-in needs ${answer.ChallengeName ?? 'another step'}, which this site does not offer.`,
        );
      }
      storeAuthenticationResult(deps, answer.AuthenticationResult);
    },
  };
}
