/**
 * Passkeys through the AWS SDK v3 against the emulator: registration
 * (StartWebAuthnRegistration, CompleteWebAuthnRegistration), ListWebAuthnCredentials,
 * DeleteWebAuthnCredential, and USER_AUTH's WEB_AUTHN challenge, with passkeys made by a
 * software authenticator and checked for real by @simplewebauthn/server.
 */

import {
  type CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  ListWebAuthnCredentialsCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  RespondToAuthChallengeCommand,
  StartWebAuthnRegistrationCommand,
  WebAuthnChallengeNotFoundException,
  WebAuthnConfigurationMissingException,
  WebAuthnNotEnabledException,
  WebAuthnOriginNotAllowedException,
  WebAuthnRelyingPartyMismatchException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, defaultPool } from '../../emulator/core/config.ts';
import { type Ceremony, SoftwareAuthenticator } from '../support/authenticator.ts';
import { useEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { sdkClient } from '../support/sdk.ts';

const h = useEmulator();
const EMAIL = 'passkey@example.com';
const OTHER = 'someone-else@example.com';

let cognito: CognitoIdentityProviderClient;
beforeEach(() => {
  cognito = sdkClient(h.endpoint);
});
afterEach(() => cognito.destroy());

type Options = Record<string, unknown>;

/** A confirmed user's access token, from a password sign-in. */
async function signedIn(email = EMAIL): Promise<string> {
  await h.confirmedUser(email);
  const result = await cognito.send(
    new InitiateAuthCommand({
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD },
    }),
  );
  const token = result.AuthenticationResult?.AccessToken;
  if (token === undefined) throw new Error('the password sign-in gave no access token');
  return token;
}

async function startRegistration(accessToken: string): Promise<Options> {
  const started = await cognito.send(
    new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }),
  );
  return started.CredentialCreationOptions as Options;
}

/** Registers a passkey made by `authenticator` for the user; returns its credential id. */
async function register(
  accessToken: string,
  authenticator: SoftwareAuthenticator,
  ceremony: Ceremony = {},
): Promise<string> {
  const options = await startRegistration(accessToken);
  const credential = await authenticator.create(options, ceremony);
  await cognito.send(
    new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential }),
  );
  return credential.id;
}

/** USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN: the challenge's options and Session. */
async function passkeyChallenge(email = EMAIL) {
  const result = await cognito.send(
    new InitiateAuthCommand({
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
    }),
  );
  expect(result.ChallengeName).toBe('WEB_AUTHN');
  const options = JSON.parse(result.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '{}');
  return { options: options as Options, session: result.Session };
}

function answer(session: string | undefined, credential: unknown, email = EMAIL) {
  return cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'WEB_AUTHN',
      Session: session,
      ChallengeResponses: { USERNAME: email, CREDENTIAL: JSON.stringify(credential) },
    }),
  );
}

describe('registration', () => {
  it('offers creation options for the pool relying party and the user', async () => {
    const token = await signedIn();
    const options = await startRegistration(token);
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'WildRydes' },
      user: { name: expect.any(String), displayName: EMAIL },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    expect(options.challenge).toMatch(/^[\w-]{43}$/);
  });

  it('keeps a verified passkey, lists it, and excludes it from the next registration', async () => {
    const token = await signedIn();
    const id = await register(token, new SoftwareAuthenticator());
    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }));
    expect(listed.Credentials).toEqual([
      {
        CredentialId: id,
        FriendlyCredentialName: 'Passkey 1',
        RelyingPartyId: 'localhost',
        AuthenticatorAttachment: 'platform',
        AuthenticatorTransports: ['internal', 'hybrid'],
        CreatedAt: new Date(h.clock.now()),
      },
    ]);
    expect(listed.NextToken).toBeUndefined();
    const next = await startRegistration(token);
    expect(next.excludeCredentials).toEqual([
      { type: 'public-key', id, transports: ['internal', 'hybrid'] },
    ]);
  });

  it('uses a challenge once: completing twice is WebAuthnChallengeNotFoundException', async () => {
    const token = await signedIn();
    const options = await startRegistration(token);
    const credential = await new SoftwareAuthenticator().create(options);
    const complete = () =>
      cognito.send(
        new CompleteWebAuthnRegistrationCommand({ AccessToken: token, Credential: credential }),
      );
    await complete();
    await rejection(complete(), WebAuthnChallengeNotFoundException);
  });

  it('refuses an answer to another challenge, or after the challenge expired', async () => {
    const token = await signedIn();
    const options = await startRegistration(token);
    const wrong = await new SoftwareAuthenticator().create(options, { challenge: 'AAAA' });
    await rejection(
      cognito.send(
        new CompleteWebAuthnRegistrationCommand({ AccessToken: token, Credential: wrong }),
      ),
      WebAuthnChallengeNotFoundException,
    );
    const late = await new SoftwareAuthenticator().create(await startRegistration(token));
    h.clock.advance(301_000);
    await rejection(
      cognito.send(
        new CompleteWebAuthnRegistrationCommand({ AccessToken: token, Credential: late }),
      ),
      WebAuthnChallengeNotFoundException,
    );
  });

  it('refuses a page origin the relying party does not allow', async () => {
    const token = await signedIn();
    const credential = await new SoftwareAuthenticator().create(await startRegistration(token), {
      origin: 'https://evil.example',
    });
    const error = await rejection(
      cognito.send(
        new CompleteWebAuthnRegistrationCommand({ AccessToken: token, Credential: credential }),
      ),
      WebAuthnOriginNotAllowedException,
    );
    expect(error.message).toBe(
      'The origin https://evil.example is not allowed for relying party localhost.',
    );
  });

  it('accepts any localhost port, and only the configured origins when they are given', async () => {
    const token = await signedIn();
    await register(token, new SoftwareAuthenticator(), { origin: 'http://localhost:9229' });
    await h.restart({
      config: {
        pools: [
          defaultPool({
            webAuthn: {
              relyingPartyId: 'localhost',
              userVerification: 'preferred',
              allowedOrigins: ['http://localhost:4173'],
            },
          }),
        ],
      },
    });
    const again = await signedIn();
    await rejection(
      register(again, new SoftwareAuthenticator(), { origin: 'http://localhost:5173' }),
      WebAuthnOriginNotAllowedException,
    );
    await register(again, new SoftwareAuthenticator(), { origin: 'http://localhost:4173' });
  });

  it('refuses a passkey made for another relying party', async () => {
    const token = await signedIn();
    await rejection(
      register(token, new SoftwareAuthenticator(), { rpId: 'example.com' }),
      WebAuthnRelyingPartyMismatchException,
    );
  });

  it('accepts an unverified user where verification is preferred, refuses it where required', async () => {
    const token = await signedIn();
    await register(token, new SoftwareAuthenticator(), { userVerified: false });
    await h.restart({
      config: {
        pools: [
          defaultPool({ webAuthn: { relyingPartyId: 'localhost', userVerification: 'required' } }),
        ],
      },
    });
    const strict = await signedIn();
    expect((await startRegistration(strict)).authenticatorSelection).toMatchObject({
      userVerification: 'required',
    });
    const error = await rejection(
      register(strict, new SoftwareAuthenticator(), { userVerified: false }),
      InvalidParameterException,
    );
    expect(error.message).toMatch(/User verification was required/);
  });

  it('refuses passkeys with WebAuthnConfigurationMissingException where no verifier was wired', async () => {
    await h.restart({ passkeyVerifier: undefined });
    const token = await signedIn();
    const error = await rejection(startRegistration(token), WebAuthnConfigurationMissingException);
    expect(error.message).toBe(
      'Passkeys are not available: this emulator was started without a WebAuthn verifier.',
    );
  });

  it('refuses passkeys where the pool does not allow WEB_AUTHN', async () => {
    await h.restart({
      config: { pools: [defaultPool({ signInPolicy: { allowedFirstAuthFactors: ['PASSWORD'] } })] },
    });
    const token = await signedIn();
    await rejection(startRegistration(token), WebAuthnNotEnabledException);
  });
});

describe('list and delete', () => {
  it('pages the passkeys with MaxResults and NextToken, oldest first', async () => {
    const token = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const ids = [
      await register(token, authenticator),
      await register(token, authenticator),
      await register(token, authenticator),
    ];
    const first = await cognito.send(
      new ListWebAuthnCredentialsCommand({ AccessToken: token, MaxResults: 2 }),
    );
    expect(first.Credentials?.map((c) => c.CredentialId)).toEqual(ids.slice(0, 2));
    const second = await cognito.send(
      new ListWebAuthnCredentialsCommand({ AccessToken: token, NextToken: first.NextToken }),
    );
    expect(second.Credentials?.map((c) => c.CredentialId)).toEqual(ids.slice(2));
    expect(second.NextToken).toBeUndefined();
  });

  it('deletes a passkey, which then no longer signs in; an unknown id is ResourceNotFoundException', async () => {
    const token = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const id = await register(token, authenticator);
    await cognito.send(
      new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: id }),
    );
    const listed = await cognito.send(new ListWebAuthnCredentialsCommand({ AccessToken: token }));
    expect(listed.Credentials).toEqual([]);
    await rejection(
      cognito.send(new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: id })),
      ResourceNotFoundException,
    );
    const choice = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: EMAIL },
      }),
    );
    expect(choice.AvailableChallenges).not.toContain('WEB_AUTHN');
  });
});

describe('signing in with a passkey (WEB_AUTHN)', () => {
  it('offers WEB_AUTHN to a user with a passkey, and signs in with no second factor', async () => {
    const token = await signedIn();
    const authenticator = new SoftwareAuthenticator();
    const id = await register(token, authenticator);
    const choice = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: EMAIL },
      }),
    );
    expect(choice.AvailableChallenges).toEqual([
      'PASSWORD',
      'PASSWORD_SRP',
      'EMAIL_OTP',
      'WEB_AUTHN',
    ]);
    const chosen = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEFAULT_CLIENT_ID,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: choice.Session,
        ChallengeResponses: { USERNAME: EMAIL, ANSWER: 'WEB_AUTHN' },
      }),
    );
    expect(chosen.ChallengeName).toBe('WEB_AUTHN');
    const options = JSON.parse(chosen.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS ?? '{}');
    expect(options).toEqual({
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      rpId: 'localhost',
      allowCredentials: [{ type: 'public-key', id, transports: ['internal', 'hybrid'] }],
      userVerification: 'preferred',
      timeout: 180_000,
    });
    const signedInAgain = await answer(chosen.Session, await authenticator.get(options));
    expect(signedInAgain.ChallengeName).toBeUndefined();
    expect(signedInAgain.AuthenticationResult?.AccessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('refuses a replayed assertion, in its own session and in a new one', async () => {
    await register(await signedIn(), new SoftwareAuthenticator());
    const authenticator = new SoftwareAuthenticator();
    const token = await signedIn(OTHER);
    await register(token, authenticator);
    const { options, session } = await passkeyChallenge(OTHER);
    const assertion = await authenticator.get(options);
    await answer(session, assertion, OTHER);
    await rejection(answer(session, assertion, OTHER), NotAuthorizedException);
    const fresh = await passkeyChallenge(OTHER);
    const error = await rejection(answer(fresh.session, assertion, OTHER), NotAuthorizedException);
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('keeps the counter, and refuses an assertion whose counter did not move forward', async () => {
    const authenticator = new SoftwareAuthenticator();
    const token = await signedIn();
    await register(token, authenticator);
    const first = await passkeyChallenge();
    await answer(first.session, await authenticator.get(first.options));
    const [record] = h.emulator.dump().local_WildRydes?.users[0]?.passkeys ?? [];
    expect(record?.counter).toBe(1);
    // A cloned authenticator (same key, its own count) sends a counter that is not above 1.
    const cloned = await passkeyChallenge();
    await rejection(
      answer(cloned.session, await authenticator.get(cloned.options, { counter: 1 })),
      NotAuthorizedException,
    );
    const ahead = await passkeyChallenge();
    expect(
      (await answer(ahead.session, await authenticator.get(ahead.options, { counter: 5 })))
        .AuthenticationResult,
    ).toBeDefined();
    const [kept] = h.emulator.dump().local_WildRydes?.users[0]?.passkeys ?? [];
    expect(kept?.counter).toBe(5);
  });

  it('signs in again and again with an authenticator that does not count (counter 0)', async () => {
    const authenticator = new SoftwareAuthenticator(false);
    await register(await signedIn(), authenticator);
    for (const _ of [1, 2]) {
      const { options, session } = await passkeyChallenge();
      expect(
        (await answer(session, await authenticator.get(options))).AuthenticationResult,
      ).toBeDefined();
    }
  });

  it("refuses another user's passkey", async () => {
    await register(await signedIn(), new SoftwareAuthenticator());
    const theirs = new SoftwareAuthenticator();
    const theirId = await register(await signedIn(OTHER), theirs);
    const { options, session } = await passkeyChallenge();
    const assertion = await theirs.get(options, {}, theirId);
    await rejection(answer(session, assertion), NotAuthorizedException);
  });

  it('refuses an assertion for another relying party, origin or challenge', async () => {
    const authenticator = new SoftwareAuthenticator();
    await register(await signedIn(), authenticator);
    const rp = await passkeyChallenge();
    await rejection(
      answer(rp.session, await authenticator.get(rp.options, { rpId: 'example.com' })),
      WebAuthnRelyingPartyMismatchException,
    );
    const origin = await passkeyChallenge();
    await rejection(
      answer(
        origin.session,
        await authenticator.get(origin.options, { origin: 'https://evil.example' }),
      ),
      WebAuthnOriginNotAllowedException,
    );
    const challenge = await passkeyChallenge();
    await rejection(
      answer(challenge.session, await authenticator.get(challenge.options, { challenge: 'AAAA' })),
      NotAuthorizedException,
    );
    const good = await passkeyChallenge();
    expect(
      (await answer(good.session, await authenticator.get(good.options))).AuthenticationResult,
    ).toBeDefined();
  });

  it('refuses an unverified user where the pool requires user verification', async () => {
    await h.restart({
      config: {
        pools: [
          defaultPool({ webAuthn: { relyingPartyId: 'localhost', userVerification: 'required' } }),
        ],
      },
    });
    const authenticator = new SoftwareAuthenticator();
    await register(await signedIn(), authenticator);
    const { options, session } = await passkeyChallenge();
    expect(options.userVerification).toBe('required');
    await rejection(
      answer(session, await authenticator.get(options, { userVerified: false })),
      NotAuthorizedException,
    );
  });

  it('does not offer WEB_AUTHN where the pool requires MFA', async () => {
    await register(await signedIn(), new SoftwareAuthenticator());
    await h.restart({
      data: h.emulator.dump(),
      config: { pools: [defaultPool({ mfaConfiguration: 'ON' })] },
    });
    const choice = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: EMAIL },
      }),
    );
    expect(choice.AvailableChallenges).not.toContain('WEB_AUTHN');
  });
});
