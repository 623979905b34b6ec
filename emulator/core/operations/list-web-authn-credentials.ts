import type { Operation } from '../context.ts';
import { pageOf } from '../flows/paging.ts';
import { passkeysOf } from '../flows/passkeys.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { optionalInteger, optionalString } from '../input.ts';
import { authenticate } from '../pool/sessions.ts';

/** ListWebAuthnCredentials: the signed-in user's passkeys, oldest first, a page at a time. */
export const listWebAuthnCredentials: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  // WebAuthnCredentialsQueryLimitType: 1 to 20.
  const limit = optionalInteger(input, 'MaxResults', 1, 20) ?? 20;
  const next = optionalString(input, 'NextToken', { max: 131072, pattern: /^\S+$/ });
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  const { page, next: nextToken } = pageOf(passkeysOf(user), next, limit);
  return {
    Credentials: page.map((passkey) => ({
      CredentialId: passkey.id,
      FriendlyCredentialName: passkey.friendlyName,
      RelyingPartyId: passkey.relyingPartyId,
      ...(passkey.attachment ? { AuthenticatorAttachment: passkey.attachment } : {}),
      AuthenticatorTransports: passkey.transports,
      CreatedAt: passkey.createdAt / 1000,
    })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
};
