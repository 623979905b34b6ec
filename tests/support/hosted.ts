/**
 * The pool domain on a real socket for tests: the standalone server with a clock the test moves,
 * app clients for each OAuth case, and a small browser (cookies kept, redirects not followed) to
 * walk the managed login as a person's browser would.
 */

import {
  type ClientConfig,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultConfig,
  defaultPool,
  localClientOAuth,
} from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { type RunningServer, startServer } from '../../emulator/node/server.ts';
import { testEmulator } from './emulator.ts';
import { cognitoApi } from './wire.ts';

/** Where the dev server's callback page is: the local client's first callback URL. */
export const CALLBACK = 'http://localhost:5173/callback.html';
export const SIGNED_OUT = 'http://localhost:5173/';

/** A confidential web app: code grant, a secret, its own callback. */
export const SECRET_CLIENT = {
  id: 'secretwebclient',
  secret: 'a-secret-the-app-keeps-on-its-server',
  callback: 'https://app.example.com/callback',
} as const;
/** A machine: client credentials with a custom scope. */
export const MACHINE_CLIENT = {
  id: 'machineclient',
  secret: 'machine-secret',
  scope: 'rides.example.com/dispatch',
} as const;
/** A client with hosted sign-in switched off. */
export const API_ONLY_CLIENT = 'apionlyclient';
/** A client that allows the implicit grant only. */
export const IMPLICIT_CLIENT = 'implicitclient';

function clients(): ClientConfig[] {
  return [
    defaultClient(localClientOAuth()),
    defaultClient({
      id: SECRET_CLIENT.id,
      secret: SECRET_CLIENT.secret,
      ...localClientOAuth(),
      callbackUrls: [SECRET_CLIENT.callback],
    }),
    defaultClient({
      id: MACHINE_CLIENT.id,
      secret: MACHINE_CLIENT.secret,
      allowedOAuthFlows: ['client_credentials'],
      allowedOAuthScopes: [MACHINE_CLIENT.scope],
      allowedOAuthFlowsUserPoolClient: true,
    }),
    defaultClient({ id: API_ONLY_CLIENT }),
    defaultClient({
      id: IMPLICIT_CLIENT,
      ...localClientOAuth(),
      allowedOAuthFlows: ['implicit'],
    }),
  ];
}

export interface HostedFixture {
  server: RunningServer;
  url: string;
  emulator: Emulator;
  /** The emulator's clock, in ms. */
  now(): number;
  /** Moves the emulator's clock on. */
  advance(ms: number): void;
  api: ReturnType<typeof cognitoApi>;
  /** The issuer of the local pool. */
  issuer: string;
}

/** Starts the standalone server with these clients; the test closes it (`server.close()`). */
export async function startHosted(siteUrl?: string): Promise<HostedFixture> {
  let time = Date.UTC(2026, 0, 5, 9, 0, 0);
  const config = { ...defaultConfig(), pools: [defaultPool({ clients: clients() })] };
  const emulator = await testEmulator({ config, now: () => time });
  const server = await startServer(emulator, {
    port: 0,
    ...(siteUrl === undefined ? {} : { siteUrl }),
  });
  return {
    server,
    url: server.url,
    emulator,
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
    api: cognitoApi(fetch, server.url),
    issuer: `${server.url}/${DEFAULT_POOL_ID}`,
  };
}

/** A browser's view of one answer: status, where it goes, its page. */
export interface Visit {
  status: number;
  location: URL | undefined;
  headers: Headers;
  text: string;
}

/** A browser that keeps the pool domain's cookies and reports redirects instead of following them. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  /** GET (or a form POST) as a browser sends it, same-origin. */
  async visit(url: string | URL, form?: Record<string, string>): Promise<Visit> {
    const target = new URL(url, this.origin);
    const headers = new Headers({ Accept: 'text/html' });
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const init: RequestInit = { redirect: 'manual', headers };
    if (form) {
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      headers.set('Origin', this.origin);
      init.method = 'POST';
      init.body = new URLSearchParams(form).toString();
    }
    const response = await fetch(target, init);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      const cleared = attributes.some((a) => a.trim().toLowerCase() === 'max-age=0');
      if (cleared) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location === null ? undefined : new URL(location, target),
      headers: response.headers,
      text: await response.text(),
    };
  }

  /** Fills in the login form on `page` (a /login answer) and sends it. */
  async submitLogin(loginUrl: URL, page: Visit, email: string, password: string): Promise<Visit> {
    return this.visit(loginUrl, { _csrf: csrfOf(page.text), username: email, password });
  }
}

/** The anti-forgery token in a login page's form. */
export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('no _csrf field in the page');
  return match[1];
}
