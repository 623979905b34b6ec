/** Cognito's JSON protocol spoken by hand, for tests that work below the client libraries. */

import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';

export const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** The X-Amz-Target operation name of a request, e.g. 'SignUp'; '' for other requests. */
export function operationOf(request: Request): string {
  return (request.headers.get('x-amz-target') ?? '').split('.').pop() ?? '';
}

/** Something that answers requests: `fetch`, or the emulator's fetch-style handler. */
export type Send = (request: Request) => Promise<Response>;

/** A response with its body parsed (or the raw text when it is not JSON). */
export interface WireAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A Cognito API request as the SDK sends it: POST, amz-json, X-Amz-Target. */
export function cognitoRequest(url: string, operation: string, body: unknown): Request {
  return new Request(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `${TARGET_PREFIX}${operation}`,
    },
    body: JSON.stringify(body),
  });
}

/** Sends a request and parses the answer. */
export async function exchange(send: Send, request: Request): Promise<WireAnswer> {
  const response = await send(request);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Left as text: the caller's assertions say what was expected instead.
  }
  return { status: response.status, headers: response.headers, body };
}

/** Calls one operation and parses the answer. */
export function call(send: Send, url: string, operation: string, body: unknown) {
  return exchange(send, cognitoRequest(url, operation, body));
}

/** The string at a path inside a parsed body; throws (failing the test) when it is not one. */
export function stringAt(value: unknown, ...path: string[]): string {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) {
      throw new Error(`no ${path.join('.')} in ${JSON.stringify(value)}`);
    }
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current !== 'string') {
    throw new Error(`${path.join('.')} is not a string in ${JSON.stringify(value)}`);
  }
  return current;
}

/** An API client bound to one endpoint, with the default pool's ids filled in. */
export function cognitoApi(send: Send, url: string) {
  const api = (operation: string, body: unknown) => call(send, url, operation, body);
  /** SignUp with email as username. */
  const signUp = (email: string, password: string) =>
    api('SignUp', {
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    });
  /** ConfirmSignUp with the mailed code. */
  const confirmSignUp = (email: string, code: string) =>
    api('ConfirmSignUp', { ClientId: DEFAULT_CLIENT_ID, Username: email, ConfirmationCode: code });
  /** AdminConfirmSignUp (the console's confirm button). */
  const adminConfirm = (email: string) =>
    api('AdminConfirmSignUp', { UserPoolId: DEFAULT_POOL_ID, Username: email });
  /** InitiateAuth USER_PASSWORD_AUTH with the given client. */
  const passwordSignIn = (email: string, password: string, clientId = DEFAULT_CLIENT_ID) =>
    api('InitiateAuth', {
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    });
  /** A user signed up and confirmed by an administrator; throws when either step is refused. */
  const confirmedUser = async (email: string, password: string) => {
    succeeded(await signUp(email, password), 'SignUp');
    succeeded(await adminConfirm(email), 'AdminConfirmSignUp');
  };
  return {
    call: api,
    signUp,
    confirmSignUp,
    adminConfirm,
    passwordSignIn,
    confirmedUser,
    /** A new confirmed user's tokens, from USER_PASSWORD_AUTH with the given client. */
    signedInUser: async (email: string, password: string, clientId = DEFAULT_CLIENT_ID) => {
      await confirmedUser(email, password);
      return tokensOf(await passwordSignIn(email, password, clientId));
    },
    /** InitiateAuth REFRESH_TOKEN_AUTH. */
    refresh: (refreshToken: string, clientId = DEFAULT_CLIENT_ID) =>
      api('InitiateAuth', {
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    /** GetUser with an access token. */
    getUser: (accessToken: string) => api('GetUser', { AccessToken: accessToken }),
    /** AdminGetUser in the default pool. */
    adminGetUser: (username: string) =>
      api('AdminGetUser', { UserPoolId: DEFAULT_POOL_ID, Username: username }),
  };
}

/** The client `cognitoApi` makes. */
export type CognitoApi = ReturnType<typeof cognitoApi>;

/** Checks that an operation succeeded; throws (failing the test) with Cognito's answer otherwise. */
function succeeded(answer: WireAnswer, operation: string): void {
  if (answer.status !== 200) {
    throw new Error(`${operation} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** The three tokens of a successful sign-in; throws when the answer is anything else. */
export function tokensOf(answer: WireAnswer): {
  idToken: string;
  accessToken: string;
  refreshToken: string;
} {
  succeeded(answer, 'sign-in');
  return {
    idToken: stringAt(answer.body, 'AuthenticationResult', 'IdToken'),
    accessToken: stringAt(answer.body, 'AuthenticationResult', 'AccessToken'),
    refreshToken: stringAt(answer.body, 'AuthenticationResult', 'RefreshToken'),
  };
}

/** How an operation ended: `200`, or the `__type` of Cognito's refusal. */
export function outcomeOf(answer: WireAnswer): string {
  return answer.status === 200 ? '200' : stringAt(answer.body, '__type');
}

/** How many answers ended each way, e.g. `{ '200': 1, UsernameExistsException: 49 }`. */
export function countOutcomes(answers: readonly WireAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const outcome = outcomeOf(answer);
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}
