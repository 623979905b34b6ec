/**
 * A small typed client for the Cognito operations that `amazon-cognito-identity-js` cannot send:
 * choice-based sign-in (`USER_AUTH` with email codes and passkeys), sign-in after sign-up (the
 * `Session` that `SignUp` and `ConfirmSignUp` hand on), `GetTokensFromRefreshToken`, and the
 * passkey operations. It speaks Cognito's JSON protocol directly (one POST per operation, the
 * operation named in `X-Amz-Target`) and fails with the same `AuthError` / `NetworkError` values
 * as `cognito-auth.ts`, so the pages show one set of messages. It does not import the library.
 *
 * Shapes follow the Cognito API reference (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/).
 */
import { AuthError, NetworkError, toAuthFailure } from './auth-errors.ts';
import type { CognitoConfig } from './config.ts';

/** Where a code went, as Cognito reports it. */
export interface CodeDeliveryDetails {
  readonly Destination?: string;
  readonly DeliveryMedium?: string;
  readonly AttributeName?: string;
}

/** Tokens of a finished sign-in. `RefreshToken` is absent when a refresh does not rotate it. */
export interface AuthenticationResult {
  readonly IdToken: string;
  readonly AccessToken: string;
  readonly RefreshToken?: string;
  readonly ExpiresIn?: number;
  readonly TokenType?: string;
}

/** The answer of `InitiateAuth` and `RespondToAuthChallenge`: tokens, or the next challenge. */
export interface AuthStepOutput {
  readonly ChallengeName?: string;
  readonly Session?: string;
  readonly ChallengeParameters?: Readonly<Record<string, string>>;
  readonly AvailableChallenges?: readonly string[];
  readonly AuthenticationResult?: AuthenticationResult;
}

/** One passkey of the signed-in user, as `ListWebAuthnCredentials` lists it. */
export interface WebAuthnCredentialDescription {
  readonly CredentialId: string;
  readonly FriendlyCredentialName?: string;
  readonly RelyingPartyId?: string;
  readonly AuthenticatorAttachment?: string;
  readonly AuthenticatorTransports?: readonly string[];
  /** Seconds since the epoch. */
  readonly CreatedAt?: number;
}

/** The operations this client sends: what each takes (`ClientId` is added) and returns. */
export interface Operations {
  SignUp: {
    input: {
      Username: string;
      Password: string;
      UserAttributes?: readonly { Name: string; Value: string }[];
    };
    output: {
      UserConfirmed: boolean;
      UserSub: string;
      Session?: string;
      CodeDeliveryDetails?: CodeDeliveryDetails;
    };
  };
  ConfirmSignUp: {
    input: { Username: string; ConfirmationCode: string; Session?: string };
    output: { Session?: string };
  };
  ResendConfirmationCode: {
    input: { Username: string };
    output: { CodeDeliveryDetails?: CodeDeliveryDetails };
  };
  InitiateAuth: {
    input: {
      AuthFlow: 'USER_AUTH';
      AuthParameters: { USERNAME: string; PREFERRED_CHALLENGE?: string };
      Session?: string;
    };
    output: AuthStepOutput;
  };
  RespondToAuthChallenge: {
    input: {
      ChallengeName: string;
      Session: string;
      ChallengeResponses: Readonly<Record<string, string>>;
    };
    output: AuthStepOutput;
  };
  GetTokensFromRefreshToken: {
    input: { RefreshToken: string };
    output: { AuthenticationResult: AuthenticationResult };
  };
  StartWebAuthnRegistration: {
    input: { AccessToken: string };
    output: { CredentialCreationOptions: Readonly<Record<string, unknown>> };
  };
  CompleteWebAuthnRegistration: {
    input: { AccessToken: string; Credential: Readonly<Record<string, unknown>> };
    output: Readonly<Record<string, never>>;
  };
  ListWebAuthnCredentials: {
    input: { AccessToken: string; NextToken?: string; MaxResults?: number };
    output: { Credentials: readonly WebAuthnCredentialDescription[]; NextToken?: string };
  };
  DeleteWebAuthnCredential: {
    input: { AccessToken: string; CredentialId: string };
    output: Readonly<Record<string, never>>;
  };
}

/** An operation this client knows. */
export type OperationName = keyof Operations;

// Operations authorised by the access token alone: their input has no ClientId (the token names
// the app client).
const TOKEN_ONLY: ReadonlySet<OperationName> = new Set([
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'ListWebAuthnCredentials',
  'DeleteWebAuthnCredential',
]);

/** Sends one operation and resolves with Cognito's answer, or rejects with an auth failure. */
export type CognitoCall = <Name extends OperationName>(
  operation: Name,
  input: Operations[Name]['input'],
) => Promise<Operations[Name]['output']>;

/** What `createCognitoClient` needs. */
export interface CognitoClientDeps {
  readonly cognito: CognitoConfig;
  /** The fetch to send with; the browser's by default (tests hand in one msw intercepts). */
  readonly fetch?: typeof fetch;
}

/** The service URL: the configured endpoint (the emulator), else the region's Cognito. */
export function serviceUrl(cognito: CognitoConfig): string {
  return cognito.endpoint ?? `https://cognito-idp.${cognito.region}.amazonaws.com/`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Cognito's error body: `__type` (sometimes `namespace#Code`) and `message` (or `Message`). A
 * proxy's HTML answer has no body to read, but keeps the code in `x-amzn-ErrorType`
 * (`Code:` or `Code:http://…`), as the library also reads it.
 */
function failureOf(status: number, body: unknown, headers: Headers): AuthError {
  const fields = isRecord(body) ? body : {};
  const header = headers.get('x-amzn-ErrorType')?.split(':')[0] ?? '';
  const type = typeof fields.__type === 'string' ? fields.__type : header;
  const code = type.split('#').pop() ?? '';
  const message =
    typeof fields.message === 'string'
      ? fields.message
      : typeof fields.Message === 'string'
        ? fields.Message
        : `Cognito answered HTTP ${status}.`;
  // No code means no Cognito answer (a gateway's page): kept without one, so its text is not shown.
  const failure = toAuthFailure({ code, message });
  return failure instanceof AuthError ? failure : new AuthError('UnknownError', message, code);
}

/** Builds the client for one app client of one user pool. */
export function createCognitoClient({ cognito, fetch: given }: CognitoClientDeps): {
  call: CognitoCall;
} {
  const url = serviceUrl(cognito);
  const call: CognitoCall = async (operation, input) => {
    const body = TOKEN_ONLY.has(operation)
      ? input
      : { ClientId: cognito.userPoolClientId, ...input };
    let response: Response;
    try {
      // The global fetch is looked up per call, so one patched later (msw in tests) is used.
      response = await (given ?? fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (failure) {
      throw new NetworkError(failure instanceof Error ? failure.message : 'Network error');
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    if (!response.ok) throw failureOf(response.status, parsed, response.headers);
    if (!isRecord(parsed)) {
      throw new AuthError(
        'UnknownError',
        `Cognito's answer to ${operation} was not a JSON object.`,
      );
    }
    // Cognito's documented output shape (see the API reference above); the pages read fields
    // defensively where the reference marks them optional.
    return parsed as Operations[typeof operation]['output'];
  };
  return { call };
}
