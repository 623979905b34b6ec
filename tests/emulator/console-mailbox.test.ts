/**
 * The console's Mailbox and Pool pages: `GET /mailbox` answers scripts with the JSON they have
 * always read and browsers with the page; the page lists codes newest first, by address, with
 * what each is for, when it expires and a link into the site; hostile data stays text.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { consolePages } from '../../emulator/console/index.ts';
import { duration } from '../../emulator/console/pool.ts';
import { defaultClient, defaultConfig, defaultPool } from '../../emulator/core/config.ts';
import type { Emulator, EmulatorOptions } from '../../emulator/core/emulator.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { testEmulator, USERNAME_POOL, usernamePool } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';

const BASE = 'http://127.0.0.1:9229';
const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const START = Date.parse('2026-03-04T09:05:07.000Z');

let time = START;
let emulator: Emulator;
let handle: (request: Request) => Promise<Response>;

async function start(siteUrl: string | undefined, options: EmulatorOptions = {}) {
  emulator = await testEmulator({ now: () => time, ...options });
  handle = createHttpHandler(emulator, {
    origin: BASE,
    pages: consolePages(emulator, siteUrl === undefined ? {} : { siteUrl }),
  });
}

beforeEach(async () => {
  time = START;
  await start('http://localhost:5173');
});

function call(operation: string, input: Record<string, unknown>) {
  return emulator.call(operation, input, { baseUrl: BASE });
}

function signUp(email: string) {
  return call('SignUp', { ClientId: 'wildrydeslocalclient', Username: email, Password: PASSWORD });
}

/** A user who confirmed the email, then asked for a password reset (codes go to verified emails). */
async function resetAsked(email: string) {
  await signUp(email);
  const code = emulator.mailbox().at(-1)?.code ?? '';
  await call('ConfirmSignUp', {
    ClientId: 'wildrydeslocalclient',
    Username: email,
    ConfirmationCode: code,
  });
  await call('ForgotPassword', { ClientId: 'wildrydeslocalclient', Username: email });
}

async function page(path: string, headers: Record<string, string> = HTML): Promise<string> {
  const response = await handle(new Request(`${BASE}${path}`, { headers }));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return response.text();
}

/** The page's mail items, as their text without tags, newest first. */
function items(markup: string): string[] {
  return [...markup.matchAll(/<li class="mail[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe('GET /mailbox', () => {
  it('answers scripts (Accept */*, application/json, none) with the JSON list, newest last', async () => {
    await signUp('first@example.com');
    time += 1000;
    await signUp('second@example.com');
    const asked: Record<string, string>[] = [{}, { Accept: '*/*' }, { Accept: 'application/json' }];
    for (const headers of asked) {
      const response = await handle(new Request(`${BASE}/mailbox`, { headers }));
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('vary')).toBe('Origin, Accept');
      const mails = await response.json();
      expect(mails).toEqual([
        {
          to: 'first@example.com',
          code: expect.stringMatching(/^\d{6}$/),
          purpose: 'sign-up',
          sentAt: '2026-03-04T09:05:07.000Z',
          expiresAt: '2026-03-05T09:05:07.000Z',
          userPoolId: 'local_WildRydes',
          username: expect.any(String),
        },
        expect.objectContaining({ to: 'second@example.com', sentAt: '2026-03-04T09:05:08.000Z' }),
      ]);
    }
  });

  it('answers browsers with the page, newest first, each code large with a copy button', async () => {
    await signUp('first@example.com');
    time += 1000;
    await signUp('second@example.com');
    const markup = await page('/mailbox');
    expect(markup).toContain('<h1>Mailbox</h1>');
    expect(markup).toContain('<h2 id="mail-count" class="count">2 messages</h2>');
    const [newest, oldest] = items(markup);
    expect(newest).toContain('To: second@example.com');
    expect(oldest).toContain('To: first@example.com');
    const code = emulator.mailbox()[1]?.code ?? '';
    expect(markup).toContain(`<span class="visually-hidden">Code: </span>${code}</p>`);
    expect(markup).toContain(`data-copy="${code}"`);
    expect(markup).toContain(`data-copied="Copied: ${code}"`);
  });

  it('says when each code expires, and which have', async () => {
    await resetAsked('rider@example.com');
    time += 30 * 60_000;
    const [reset, signUpMail] = items(await page('/mailbox'));
    expect(reset).toContain('Password reset code');
    expect(reset).toContain('Expires 2026-03-04 10:05:07 UTC (in 30 min)');
    expect(signUpMail).toContain('Sign-up code');
    expect(signUpMail).toContain('Expires 2026-03-05 09:05:07 UTC (in 24 h)');
    time += 31 * 60_000;
    const later = await page('/mailbox');
    expect(items(later)[0]).toContain('Expired (2026-03-04 10:05:07 UTC)');
    expect(later).toContain('<li class="mail is-expired"');
  });

  it('says a code no longer works once a newer one was sent for the same purpose', async () => {
    await signUp('rider@example.com');
    time += 1000;
    await call('ResendConfirmationCode', {
      ClientId: 'wildrydeslocalclient',
      Username: 'rider@example.com',
    });
    const [newest, older] = items(await page('/mailbox'));
    expect(newest).not.toContain('no longer works');
    expect(older).toContain('A newer code was sent since: this one no longer works.');
  });

  it('links each code to the site’s page that takes it, the address filled in', async () => {
    await resetAsked('rider+1@example.com');
    const markup = await page('/mailbox');
    expect(markup).toContain(
      '<a class="button primary" href="http://localhost:5173/signin.html?reset=rider%2B1%40example.com">Open the password reset step</a>',
    );
    expect(markup).toContain(
      '<a class="button primary" href="http://localhost:5173/verify.html?email=rider%2B1%40example.com">Open the verify page</a>',
    );
  });

  it('names an email sign-in code as one, with no link (only the sign-in that asked takes it)', async () => {
    await resetAsked('rider@example.com');
    await call('InitiateAuth', {
      ClientId: 'wildrydeslocalclient',
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: 'rider@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    expect(emulator.mailbox().at(-1)?.purpose).toBe('sign-in');
    const [newest = ''] = items(await page('/mailbox'));
    expect(newest).toContain('Sign-in code');
    expect(newest).not.toContain('Open the');
  });

  it('links to the site on the same origin when the dev server serves both', async () => {
    await start('');
    await signUp('rider@example.com');
    expect(await page('/mailbox')).toContain('href="/verify.html?email=rider%40example.com"');
  });

  it('links nowhere, and says how to, when the site’s address is unknown', async () => {
    await start(undefined);
    await signUp('rider@example.com');
    const markup = await page('/mailbox');
    expect(markup).not.toContain('verify.html');
    expect(markup).toContain(
      'To link codes to the site, start the emulator with --site-url (or EMULATOR_SITE_URL).',
    );
  });

  it('shows one address’s mail for ?to=, in any case', async () => {
    await signUp('first@example.com');
    await signUp('second@example.com');
    const markup = await page('/mailbox?to=SECOND@example.com');
    expect(items(markup)).toHaveLength(1);
    expect(items(markup)[0]).toContain('second@example.com');
    expect(markup).toContain('1 message to SECOND@example.com');
    expect(markup).toContain('value="SECOND@example.com"');
    expect(markup).toContain('<a href="/mailbox">Show every address</a>');
    const none = await page('/mailbox?to=nobody@example.com');
    expect(none).toContain('No mail to this address yet.');
  });

  it('names the username where people choose one, and not the id of an email pool', async () => {
    await signUp('rider@example.com');
    expect(await page('/mailbox')).not.toContain('Username:');
    await start(undefined, { config: { pools: [usernamePool()] } });
    await call('SignUp', {
      ClientId: USERNAME_POOL.clientId,
      Username: 'rider1',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'rider@example.com' }],
    });
    expect(items(await page('/mailbox'))[0]).toContain('To: rider@example.com · Username: rider1');
  });

  it('says how mail arrives when there is none', async () => {
    expect(await page('/mailbox')).toContain(
      'No mail yet. Sign up on the site, and the code appears here.',
    );
  });

  it('keeps hostile addresses and filters as text, never markup', async () => {
    const hostile = '"><script>alert(1)</script>@example.com';
    await signUp(hostile).catch(() => undefined);
    await signUp('a<img src=x onerror=alert(1)>@example.com').catch(() => undefined);
    const markup = await page(`/mailbox?to=${encodeURIComponent('"><script>x</script>')}`);
    const all = await page('/mailbox');
    for (const text of [markup, all]) {
      expect(text).not.toMatch(/<script>|<img/);
      expect(text.match(/<script\b/g)).toHaveLength(1);
    }
    expect(markup).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('is in Korean for Korean browsers', async () => {
    await signUp('rider@example.com');
    const markup = await page('/mailbox', { ...HTML, 'Accept-Language': 'ko' });
    expect(markup).toContain('<h1>메일함</h1>');
    expect(markup).toContain('메일 1통');
    expect(items(markup)[0]).toContain('가입 인증 코드');
    expect(items(markup)[0]).toContain('만료 2026-03-05 09:05:07 UTC (24시간 후)');
    expect(markup).toContain('>인증 페이지 열기</a>');
  });

  it('carries what the script polls: the feed and the mailbox’s signature', async () => {
    await signUp('rider@example.com');
    expect(await page('/mailbox')).toContain(
      'data-mailbox-feed="/mailbox" data-signature="1|2026-03-04T09:05:07.000Z"',
    );
  });
});

describe('the console’s Pool page', () => {
  it('shows the pool’s policies and each client, secret or not, read-only', async () => {
    const config = defaultConfig();
    const pool = config.pools[0] ?? defaultPool();
    await start(undefined, {
      config: {
        pools: [
          {
            ...pool,
            passwordPolicy: { ...pool.passwordPolicy, minimumLength: 12, requireSymbols: false },
            clients: [
              defaultClient(),
              defaultClient({ id: 'serverclient', name: 'Server', secret: 's3cret-value' }),
            ],
          },
        ],
      },
    });
    const markup = await page('/pool');
    const text = markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Minimum length 12 characters');
    expect(text).toContain('Must contain an uppercase letter, a lowercase letter, a number');
    expect(text).toContain('Password reset codes live 1 h');
    expect(text).toContain('Sign-up and email change codes live 24 h');
    expect(text).toContain('Starts after 5 wrong passwords');
    expect(text).toContain('Longest lockout 15 min');
    expect(text).toContain('Client id wildrydeslocalclient');
    expect(text).toContain(
      'Allowed sign-in flows ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_PASSWORD_AUTH',
    );
    expect(text).toContain('Refresh token lives 30 days');
    expect(text).toContain('Client id serverclient Client secret Yes (requests need SECRET_HASH)');
    expect(markup).not.toContain('s3cret-value');
    expect(markup).not.toMatch(/<form|<input/);
  });

  it('shows two-step sign-in, first factors, rotation and each client’s hosted sign-in settings', async () => {
    const pool = defaultConfig().pools[0] ?? defaultPool();
    await start(undefined, {
      config: {
        pools: [
          {
            ...pool,
            clients: [
              ...pool.clients,
              defaultClient({
                id: 'rotatingclient',
                name: 'Rotating',
                refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 10 },
              }),
            ],
          },
        ],
      },
    });
    const text = (await page('/pool')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Two-step sign-in (MFA) OPTIONAL');
    expect(text).toContain('First sign-in factors PASSWORD, EMAIL_OTP, WEB_AUTHN');
    expect(text).toContain('Hosted sign-in (OAuth 2.0) On Grants code');
    expect(text).toContain('Callback URLs http://localhost:5173/callback.html');
    expect(text).toContain('Identity providers COGNITO');
    expect(text).toContain(
      'Refresh-token rotation On, old token kept 10 s Hosted sign-in (OAuth 2.0) Off',
    );
  });

  it('writes lifetimes in their largest whole unit', () => {
    expect(duration(45, 'en')).toBe('45 s');
    expect(duration(180, 'en')).toBe('3 min');
    expect(duration(86_400, 'en')).toBe('24 h');
    expect(duration(30 * 86_400, 'ko')).toBe('30일');
    expect(duration(3_601, 'ko')).toBe('3601초');
  });
});
