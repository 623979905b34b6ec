/**
 * The local stand-in for Google's OpenID provider, under `<base>/google`: its own issuer and
 * signing key (not a pool's), discovery, JWKS, the authorization codes its page hands out and the
 * token endpoint that redeems them. Its OAuth clients are the Google providers of the pools served
 * (client_id and client_secret as each pool names them), so CreateIdentityProvider's values work.
 */

import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { timingSafeEqual, toBase64Url, utf8 } from '../../core/bytes.ts';
import { sha256 } from '../../core/crypto.ts';
import type { Emulator } from '../../core/emulator.ts';
import { opaqueToken } from '../../core/ids.ts';
import { GOOGLE } from '../../core/oauth/providers.ts';
import type { GoogleAccount } from './accounts.ts';

/** The stand-in's path below the emulator's base. */
export const GOOGLE_PATH = '/google';

/** Google's codes are short-lived; the stand-in's live 5 minutes, as Cognito's own do. */
const CODE_LIFETIME_MS = 5 * 60 * 1000;
const TOKEN_LIFETIME_S = 3600;
const MAX_CODES = 10_000;

/** What a code stands for. */
interface StandInCode {
  clientId: string;
  redirectUri: string;
  account: GoogleAccount;
  nonce: string | undefined;
  scope: string;
  expiresAt: number;
}

/** The stand-in's endpoints for an emulator mounted at `baseUrl`. */
export function standInUrls(baseUrl: string) {
  const issuer = `${baseUrl}${GOOGLE_PATH}`;
  return {
    issuer,
    authorize: `${issuer}/authorize`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks.json`,
    discovery: `${issuer}/.well-known/openid-configuration`,
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export class GoogleStandIn {
  private key: Promise<{ privateKey: CryptoKey; jwk: JWK }> | undefined;
  private readonly codes = new Map<string, StandInCode>();

  constructor(private readonly emulator: Emulator) {}

  /** The client secret of the OAuth client `clientId` (a pool's Google provider), if any. */
  clientSecret(clientId: string): string | undefined {
    for (const poolId of this.emulator.poolIds()) {
      const provider = this.emulator
        .pool(poolId)
        .config.identityProviders.find((p) => p.type === GOOGLE && p.clientId === clientId);
      if (provider) return provider.clientSecret;
    }
    return undefined;
  }

  /** The public half of the signing key, as `jwks_uri` serves it. */
  async jwks(): Promise<JSONWebKeySet> {
    return { keys: [(await this.signingKey()).jwk] };
  }

  /** A single-use code for this person, bound to the client, redirect URI and nonce. */
  issueCode(grant: Omit<StandInCode, 'expiresAt'>): string {
    const now = this.emulator.now();
    if (this.codes.size >= MAX_CODES) {
      for (const [code, entry] of this.codes) if (entry.expiresAt <= now) this.codes.delete(code);
      for (const code of this.codes.keys()) {
        if (this.codes.size < MAX_CODES) break;
        this.codes.delete(code);
      }
    }
    const code = opaqueToken(this.emulator.randomBytes, 32);
    this.codes.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  /** `GET /google/.well-known/openid-configuration`. */
  discovery(baseUrl: string): Response {
    const urls = standInUrls(baseUrl);
    return json(200, {
      issuer: urls.issuer,
      authorization_endpoint: urls.authorize,
      token_endpoint: urls.token,
      jwks_uri: urls.jwks,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: ['aud', 'email', 'email_verified', 'exp', 'iat', 'iss', 'name', 'sub'],
    });
  }

  /**
   * `POST /google/token`: the authorization code grant, the client authenticated by its secret
   * (Basic or in the form). Refusals in RFC 6749 §5.2's words: `invalid_client` (401) for an
   * unknown client or wrong secret, `invalid_grant` for a code that is unknown, spent, expired or
   * issued to another client or redirect URI.
   */
  async token(request: Request, baseUrl: string): Promise<Response> {
    const type = request.headers.get('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return json(400, { error: 'invalid_request' });
    }
    const text = await request.text();
    if (text.length > 16 * 1024) return json(400, { error: 'invalid_request' });
    const form = new URLSearchParams(text);
    const client = clientCredentials(request, form);
    const expected = client ? this.clientSecret(client.id) : undefined;
    if (
      !client ||
      expected === undefined ||
      !timingSafeEqual(utf8(client.secret), utf8(expected))
    ) {
      return json(401, { error: 'invalid_client' });
    }
    if (form.get('grant_type') !== 'authorization_code') {
      return json(400, { error: 'unsupported_grant_type' });
    }
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (
      !grant ||
      grant.expiresAt <= this.emulator.now() ||
      grant.clientId !== client.id ||
      grant.redirectUri !== form.get('redirect_uri')
    ) {
      return json(400, { error: 'invalid_grant' });
    }
    const accessToken = opaqueToken(this.emulator.randomBytes, 32);
    const idToken = await this.idToken(grant, accessToken, standInUrls(baseUrl).issuer);
    return json(200, {
      access_token: accessToken,
      expires_in: TOKEN_LIFETIME_S,
      scope: grant.scope,
      token_type: 'Bearer',
      id_token: idToken,
    });
  }

  private async idToken(grant: StandInCode, accessToken: string, issuer: string): Promise<string> {
    const { account } = grant;
    const iat = Math.floor(this.emulator.now() / 1000);
    const digest = await sha256(utf8(accessToken));
    const key = await this.signingKey();
    return new SignJWT({
      azp: grant.clientId,
      email: account.email,
      email_verified: account.emailVerified,
      at_hash: toBase64Url(digest.slice(0, 16)),
      name: account.name,
      ...(account.picture === undefined ? {} : { picture: account.picture }),
      ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid ?? '', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(grant.clientId)
      .setSubject(account.sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + TOKEN_LIFETIME_S)
      .sign(key.privateKey);
  }

  /** The stand-in's own RSA key, made on first use and kept for the emulator's life. */
  private signingKey(): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
    this.key ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
      const jwk = await exportJWK(publicKey);
      const kid = `google-stand-in-${opaqueToken(this.emulator.randomBytes, 6)}`;
      return { privateKey, jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } };
    })();
    return this.key;
  }
}

/** The client's id and secret from `Authorization: Basic` or the form, or undefined. */
function clientCredentials(
  request: Request,
  form: URLSearchParams,
): { id: string; secret: string } | undefined {
  const header = request.headers.get('authorization');
  if (header === null) {
    const id = form.get('client_id');
    const secret = form.get('client_secret');
    return id && secret ? { id, secret } : undefined;
  }
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return undefined;
  try {
    const decoded = atob(match[1] ?? '');
    const colon = decoded.indexOf(':');
    if (colon === -1) return undefined;
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
