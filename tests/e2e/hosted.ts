/**
 * What the browser tests of hosted sign-in share (issue 14): the words a person reads on the way,
 * registering a site's callback and sign-out URLs on an app client, a production build whose
 * VITE_COGNITO_DOMAIN is the standalone emulator, and the callback page's failure as shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { EmulatorClient, LOCAL_POOL } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { ENGLISH, expectMessage, KOREAN, type Site, type Texts } from './journey.ts';
import { buildSite, previewSite } from './site.ts';

/** The scopes the site asks for (src/hosted/flow.ts), which the app client must allow. */
const SITE_SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];

/** The identity providers an app client offers: the pool's own users, and Google. */
export type ProviderName = 'COGNITO' | 'Google';

/** A site with hosted sign-in: its pages, its emulator, and the user pool domain's base URL. */
export interface HostedSite extends Site {
  /** The pool domain's base, without a trailing slash: `…/emulator` or the standalone origin. */
  readonly domain: string;
  readonly name: string;
}

/** What a person reads on the way, per language (copied from the pages, not from the tables). */
export interface HostedTexts extends Texts {
  readonly locale: string;
  readonly useHosted: string;
  readonly continueWithGoogle: string;
  readonly opening: string;
  readonly managedTitle: string;
  readonly email: string;
  readonly password: string;
  readonly callbackHeading: string;
  readonly finishing: string;
  readonly failedHeading: string;
  readonly cancelled: string;
  readonly stale: string;
  readonly back: string;
}

/** The English words of hosted sign-in. */
export const HOSTED_ENGLISH: HostedTexts = {
  ...ENGLISH,
  locale: 'en-US',
  useHosted: 'Use hosted sign-in',
  continueWithGoogle: 'Continue with Google',
  opening: 'Opening sign-in…',
  managedTitle: 'Sign in',
  email: 'Email',
  password: 'Password',
  callbackHeading: 'Signing you in',
  finishing: 'Finishing sign-in…',
  failedHeading: 'Sign-in did not finish',
  cancelled: 'Sign-in was cancelled, or this account may not sign in here. You can try again.',
  stale:
    'This answer does not belong to a sign-in started in this tab: it is old, or was opened in another tab. Start signing in again.',
  back: 'Back to sign in',
};

/** The Korean words of hosted sign-in. */
export const HOSTED_KOREAN: HostedTexts = {
  ...KOREAN,
  locale: 'ko-KR',
  useHosted: '호스팅 로그인 페이지 사용하기',
  continueWithGoogle: 'Google로 계속하기',
  opening: '로그인 페이지를 여는 중…',
  managedTitle: '로그인',
  email: '이메일',
  password: '비밀번호',
  callbackHeading: '로그인하는 중이에요',
  finishing: '로그인을 마무리하는 중…',
  failedHeading: '로그인을 마치지 못했어요',
  cancelled: '로그인이 취소됐거나, 이 계정으로는 여기에 로그인할 수 없어요. 다시 시도해 보세요.',
  stale:
    '이 응답은 이 탭에서 시작한 로그인의 것이 아니에요. 오래됐거나 다른 탭에서 열렸어요. 처음부터 다시 로그인하세요.',
  back: '로그인으로 돌아가기',
};

/** The widths the tests look at: a laptop and a small phone. */
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;

/** Whether a JSON value is an object with named members. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds the site's own callback page and root to the app client's callback and sign-out URLs, as
 * the workshop's CLI step does: DescribeUserPoolClient, then UpdateUserPoolClient with every
 * setting again (an update resets whatever it leaves out), now with the code grant, the site's
 * scopes and `providers`.
 */
export async function allowHostedSignIn(
  emulator: EmulatorClient,
  clientId: string,
  siteUrl: string,
  providers: readonly ProviderName[],
): Promise<void> {
  const described = await emulator.call('DescribeUserPoolClient', {
    UserPoolId: LOCAL_POOL.userPoolId,
    ClientId: clientId,
  });
  const client = described.UserPoolClient;
  if (!isRecord(client)) throw new Error('DescribeUserPoolClient answered without a client');
  // The dates are the service's; an update request has no such members.
  const { CreationDate: _created, LastModifiedDate: _modified, ...settings } = client;
  const listed = (name: string): unknown[] => {
    const value = client[name];
    return Array.isArray(value) ? value : [];
  };
  await emulator.call('UpdateUserPoolClient', {
    ...settings,
    CallbackURLs: [...listed('CallbackURLs'), new URL('callback.html', siteUrl).href],
    LogoutURLs: [...listed('LogoutURLs'), siteUrl],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: SITE_SCOPES,
    SupportedIdentityProviders: providers,
    AllowedOAuthFlowsUserPoolClient: true,
  });
}

/** A production build served by `vite preview`, and the way to stop serving and delete it. */
export interface BuiltSite extends HostedSite {
  close(): Promise<void>;
}

/**
 * A production build of its own app client `clientName` on the standalone emulator, with
 * VITE_COGNITO_DOMAIN set to the emulator (which serves the pool domain at its root) and the
 * callback and sign-out URLs left to their defaults: the site's own callback.html and root. The
 * shared standalone emulator's local client stays as the other files expect it.
 */
export async function buildAgainstStandalone(
  clientName: string,
  providers: readonly ProviderName[],
): Promise<BuiltSite> {
  const emulatorUrl = inject('emulatorUrl');
  const emulator = new EmulatorClient(emulatorUrl);
  const created = await emulator.call('CreateUserPoolClient', {
    UserPoolId: LOCAL_POOL.userPoolId,
    ClientName: clientName,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const client = created.UserPoolClient;
  const clientId = isRecord(client) ? client.ClientId : undefined;
  if (typeof clientId !== 'string') throw new Error('CreateUserPoolClient gave no ClientId');
  const domain = emulatorUrl.replace(/\/$/, '');
  const buildDir = mkdtempSync(join(tmpdir(), 'wild-rydes-dist-'));
  await buildSite(buildDir, {
    VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
    VITE_COGNITO_USER_POOL_CLIENT_ID: clientId,
    VITE_COGNITO_ENDPOINT: emulatorUrl,
    VITE_API_INVOKE_URL: domain,
    VITE_COGNITO_DOMAIN: domain,
  });
  const served = await previewSite(buildDir);
  // The callback URL names the preview's port, known only now that it serves.
  await allowHostedSignIn(emulator, clientId, served.url, providers);
  return {
    url: served.url,
    emulator,
    domain,
    name: 'build',
    close: async () => {
      await served.close();
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
}

/** The callback page's failure as a person sees it: heading, words, and the way back. */
export async function expectFailureShown(
  page: Page,
  texts: HostedTexts,
  words: string,
): Promise<void> {
  await eventually(
    () => page.locator('#callbackHeading').textContent(),
    (heading) => expect(heading).toBe(texts.failedHeading),
  );
  await expectMessage(page, '#callbackMessage', words);
  expect(await page.locator('#callbackStatus').isHidden()).toBe(true);
  expect(await page.getByRole('link', { name: texts.back }).isVisible()).toBe(true);
  // The answer's code and state are spent: gone from the address bar and the history.
  expect(new URL(page.url()).search).toBe('');
}
