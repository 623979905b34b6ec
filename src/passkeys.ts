/**
 * Passkeys with Cognito: adding one to the signed-in account (StartWebAuthnRegistration, the
 * browser's `credentials.create`, CompleteWebAuthnRegistration), listing and removing them, and
 * signing in with one (USER_AUTH's WEB_AUTHN challenge answered with `credentials.get`).
 * Loaded only when a person uses a passkey; the browser's WebAuthn comes in as a parameter.
 *
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passkey
 */
import { AuthError } from './auth-errors.ts';
import { type AuthenticationResult, createCognitoClient } from './cognito-client.ts';
import { PasskeyError } from './passkey-errors.ts';
import type { PasskeyBrowser, PasskeyConfig } from './passkey-support.ts';

/** One passkey of the signed-in account, as the account menu lists it. */
export interface Passkey {
  readonly id: string;
  /** The name Cognito gave it. */
  readonly name: string;
  /** When it was added; null when Cognito did not say. */
  readonly createdAt: Date | null;
}

/** What the pages do with passkeys. */
export interface Passkeys {
  /** Makes a passkey on this device for the signed-in account and registers it with Cognito. */
  addPasskey(accessToken: string): Promise<void>;
  /** The signed-in account's passkeys, oldest first. */
  listPasskeys(accessToken: string): Promise<Passkey[]>;
  /** Removes one of the signed-in account's passkeys from Cognito. */
  removePasskey(accessToken: string, id: string): Promise<void>;
  /** Signs in with a passkey of the account `email` names; resolves with its tokens. */
  signInWithPasskey(email: string): Promise<AuthenticationResult>;
}

/** What `createPasskeys` needs. */
export interface PasskeysDeps extends PasskeyConfig {
  /** This browser's WebAuthn; null where it has none (listing and removing still work). */
  readonly browser: PasskeyBrowser | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(what: string): AuthError {
  return new AuthError('UnknownError', `Cognito's ${what} could not be read.`);
}

/**
 * StartWebAuthnRegistration's CredentialCreationOptions, checked for what the browser's parser
 * cannot do without; the parser checks the rest.
 */
function creationOptionsOf(value: unknown): PublicKeyCredentialCreationOptionsJSON {
  if (
    !isRecord(value) ||
    typeof value.challenge !== 'string' ||
    !isRecord(value.rp) ||
    !isRecord(value.user) ||
    !Array.isArray(value.pubKeyCredParams)
  ) {
    throw unreadable('passkey options');
  }
  return value as unknown as PublicKeyCredentialCreationOptionsJSON;
}

/** CREDENTIAL_REQUEST_OPTIONS: the request options as a JSON string. */
function requestOptionsOf(text: string | undefined): PublicKeyCredentialRequestOptionsJSON {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    value = undefined;
  }
  if (!isRecord(value) || typeof value.challenge !== 'string') {
    throw unreadable('passkey request');
  }
  return value as unknown as PublicKeyCredentialRequestOptionsJSON;
}

/** What the browser's ceremony failed with, in the words a person needs. */
function ceremonyFailure(failure: unknown, ceremony: 'create' | 'get'): unknown {
  const name = isRecord(failure) || failure instanceof Error ? String(failure.name) : '';
  const message = failure instanceof Error ? failure.message : String(failure);
  // The spec's NotAllowedError covers a closed dialog, a timeout and a refused permission alike
  // (https://www.w3.org/TR/webauthn-3/#sctn-createCredential): the person can simply try again.
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return new PasskeyError('Cancelled', message);
  }
  if (name === 'InvalidStateError' && ceremony === 'create') {
    return new PasskeyError('AlreadyRegistered', message);
  }
  return new PasskeyError('Refused', message);
}

/** The credential's JSON (RegistrationResponseJSON or AuthenticationResponseJSON). */
function credentialJson(credential: Credential | null): Record<string, unknown> {
  if (credential === null) throw new PasskeyError('Cancelled', 'The browser returned no passkey.');
  const toJSON: unknown = (credential as Partial<PublicKeyCredential>).toJSON;
  if (typeof toJSON !== 'function') {
    throw new PasskeyError('Refused', 'The browser cannot put the passkey into JSON.');
  }
  const json: unknown = toJSON.call(credential);
  if (!isRecord(json)) throw new PasskeyError('Refused', 'The passkey JSON is not an object.');
  return json;
}

/** Builds the passkey actions for one app client, over this browser's WebAuthn. */
export function createPasskeys({ cognito, fetch, browser }: PasskeysDeps): Passkeys {
  const { call } = createCognitoClient({ cognito, ...(fetch === undefined ? {} : { fetch }) });
  const webAuthn = (): PasskeyBrowser => {
    if (browser === null) throw new PasskeyError('Refused', 'This browser cannot use passkeys.');
    return browser;
  };

  return {
    async addPasskey(accessToken) {
      const started = await call('StartWebAuthnRegistration', { AccessToken: accessToken });
      const { credentials, parseCreationOptionsFromJSON } = webAuthn();
      const publicKey = parseCreationOptionsFromJSON(
        creationOptionsOf(started.CredentialCreationOptions),
      );
      let created: Credential | null;
      try {
        created = await credentials.create({ publicKey });
      } catch (failure) {
        throw ceremonyFailure(failure, 'create');
      }
      await call('CompleteWebAuthnRegistration', {
        AccessToken: accessToken,
        Credential: credentialJson(created),
      });
    },

    async listPasskeys(accessToken) {
      const passkeys: Passkey[] = [];
      let next: string | undefined;
      do {
        const page = await call('ListWebAuthnCredentials', {
          AccessToken: accessToken,
          ...(next === undefined ? {} : { NextToken: next }),
        });
        if (!Array.isArray(page.Credentials)) throw unreadable('passkey list');
        for (const described of page.Credentials) {
          if (!isRecord(described) || typeof described.CredentialId !== 'string') {
            throw unreadable('passkey list');
          }
          const name = described.FriendlyCredentialName;
          const created = described.CreatedAt;
          passkeys.push({
            id: described.CredentialId,
            name: typeof name === 'string' && name !== '' ? name : described.CredentialId,
            // Cognito's timestamps are seconds since the epoch.
            createdAt: typeof created === 'number' ? new Date(created * 1000) : null,
          });
        }
        next =
          typeof page.NextToken === 'string' && page.NextToken !== '' ? page.NextToken : undefined;
      } while (next !== undefined);
      return passkeys;
    },

    async removePasskey(accessToken, id) {
      await call('DeleteWebAuthnCredential', { AccessToken: accessToken, CredentialId: id });
    },

    async signInWithPasskey(email) {
      const { credentials, parseRequestOptionsFromJSON } = webAuthn();
      const started = await call('InitiateAuth', {
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
      });
      // A preferred challenge the user cannot use is not an error: Cognito offers the choice
      // (SELECT_CHALLENGE) without WEB_AUTHN, which for this button means "no passkey yet".
      if (started.ChallengeName !== 'WEB_AUTHN' || started.Session === undefined) {
        throw new PasskeyError('NoPasskey', 'This account has no passkey to sign in with.');
      }
      const parameters = started.ChallengeParameters ?? {};
      const publicKey = parseRequestOptionsFromJSON(
        requestOptionsOf(parameters.CREDENTIAL_REQUEST_OPTIONS),
      );
      let asserted: Credential | null;
      try {
        asserted = await credentials.get({ publicKey });
      } catch (failure) {
        throw ceremonyFailure(failure, 'get');
      }
      const answered = await call('RespondToAuthChallenge', {
        ChallengeName: 'WEB_AUTHN',
        Session: started.Session,
        ChallengeResponses: {
          USERNAME: parameters.USERNAME ?? email,
          CREDENTIAL: JSON.stringify(credentialJson(asserted)),
        },
      });
      if (answered.AuthenticationResult === undefined) {
        throw new AuthError(
          'UnsupportedChallenge',
          `Sign-in with a passkey asked for ${answered.ChallengeName ?? 'another step'}, which this site does not offer.`,
        );
      }
      return answered.AuthenticationResult;
    },
  };
}
