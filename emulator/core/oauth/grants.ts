/**
 * What the pool domain keeps between its pages and endpoints, in memory as Cognito keeps it
 * server-side: authorization codes (single-use, 5 minutes, bound to what the authorize request
 * named), managed-login sessions (the `cognito` cookie), the anti-forgery tokens of login
 * forms and sign-ins away at an external provider. None of it survives a restart, which only asks people to sign in to the managed login
 * again, as an expired cookie would.
 */

import type { RandomBytes } from '../crypto.ts';
import { opaqueToken } from '../ids.ts';

/** Cognito's authorization codes live 5 minutes (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html). */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;
/** How long the managed login remembers a sign-in (Cognito's cookie lasts an hour). */
export const LOGIN_SESSION_LIFETIME_MS = 60 * 60 * 1000;
/** How long a login form may stay open before it must be loaded again. */
export const FORM_LIFETIME_MS = 60 * 60 * 1000;

/** Where each table stops growing; expired entries are swept first. */
const MAX_ENTRIES = 10_000;

/** What an authorization code stands for, as the authorize request named it. */
export interface AuthorizationCode {
  poolId: string;
  clientId: string;
  sub: string;
  redirectUri: string;
  scopes: string[];
  /** PKCE S256 challenge; absent when the authorize request sent none. */
  codeChallenge?: string;
  nonce?: string;
  /** When the user signed in to the managed login (seconds), the tokens' `auth_time`. */
  authTime: number;
  expiresAt: number;
}

/** A person signed in to the managed login of one pool. */
export interface LoginSession {
  poolId: string;
  sub: string;
  authTime: number;
  expiresAt: number;
}

/**
 * A sign-in handed to an external provider: the authorize request to finish when the person comes
 * back to `/oauth2/idpresponse`, and the nonce the provider's ID token must carry.
 */
export interface FederationState {
  poolId: string;
  provider: string;
  /** The authorize request's query, read again (and checked again) on the way back. */
  authorizeQuery: string;
  nonce: string;
  expiresAt: number;
}

/** An anti-forgery token of one login form, bound to the authorize request it continues. */
interface FormToken {
  binding: string;
  expiresAt: number;
}

interface Expiring {
  expiresAt: number;
}

/** The pool domain's short-lived state, with the clock and randomness passed in. */
export class OAuthGrants {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly sessions = new Map<string, LoginSession>();
  private readonly forms = new Map<string, FormToken>();
  private readonly federations = new Map<string, FederationState>();

  constructor(
    private readonly now: () => number,
    private readonly randomBytes: RandomBytes,
  ) {}

  /** Issues a code for this grant, live for 5 minutes. */
  issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    const code = opaqueToken(this.randomBytes, 32);
    this.put(this.codes, code, { ...grant, expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Takes a code out, live or not: a code is spent by its first use, even a failed one. */
  takeCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant !== undefined && grant.expiresAt > this.now() ? grant : undefined;
  }

  /** Starts a managed-login session; the id goes in the cookie. */
  startSession(session: Omit<LoginSession, 'expiresAt'>): string {
    const id = opaqueToken(this.randomBytes, 32);
    this.put(this.sessions, id, { ...session, expiresAt: this.now() + LOGIN_SESSION_LIFETIME_MS });
    return id;
  }

  /** The live managed-login session with this id. */
  session(id: string): LoginSession | undefined {
    const session = this.sessions.get(id);
    return session !== undefined && session.expiresAt > this.now() ? session : undefined;
  }

  /** Ends a managed-login session (the logout endpoint). */
  endSession(id: string): void {
    this.sessions.delete(id);
  }

  /** A new anti-forgery token for a form that continues the request `binding` names. */
  issueFormToken(binding: string): string {
    const token = opaqueToken(this.randomBytes, 32);
    this.put(this.forms, token, { binding, expiresAt: this.now() + FORM_LIFETIME_MS });
    return token;
  }

  /** Whether the token was issued for this binding and is live; each token is good for one post. */
  takeFormToken(token: string, binding: string): boolean {
    const form = this.forms.get(token);
    this.forms.delete(token);
    return form !== undefined && form.binding === binding && form.expiresAt > this.now();
  }

  /** Keeps a sign-in sent to a provider; the id is the `state` the provider sends back. */
  startFederation(state: Omit<FederationState, 'expiresAt'>): string {
    const id = opaqueToken(this.randomBytes, 32);
    this.put(this.federations, id, { ...state, expiresAt: this.now() + FORM_LIFETIME_MS });
    return id;
  }

  /** Takes a sign-in back from a provider (each `state` is good once), if live. */
  takeFederation(id: string): FederationState | undefined {
    const state = this.federations.get(id);
    this.federations.delete(id);
    return state !== undefined && state.expiresAt > this.now() ? state : undefined;
  }

  private put<T extends Expiring>(table: Map<string, T>, key: string, value: T): void {
    if (table.size >= MAX_ENTRIES) {
      const now = this.now();
      for (const [k, v] of table) if (v.expiresAt <= now) table.delete(k);
      // Still full of live entries: the oldest go, as a browser drops its oldest cookies.
      for (const k of table.keys()) {
        if (table.size < MAX_ENTRIES) break;
        table.delete(k);
      }
    }
    table.set(key, value);
  }
}
