/**
 * Hosted sign-in as the site's tests meet it: `npm run dev` on its usual origin (the emulator's
 * local app client lists that origin's callback and sign-out pages), and a small browser that
 * walks the managed login and comes back with the domain's answer.
 */
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import { createAuth } from '../../src/cognito-auth.ts';
import { type HostedConfig, readConfig, type SiteConfig } from '../../src/config.ts';
import type { HostedFlowDeps } from '../../src/hosted/flow.ts';
import { type EmulatorFixture, useEmulator } from '../support/emulator.ts';
import { TestBrowser } from '../support/hosted.ts';
import { PASSWORD } from '../support/passwords.ts';
import { type MemoryStorage, memoryStorage } from '../support/storage.ts';

/** The dev server's usual origin: the local client's callback is `${DEV_ORIGIN}/callback.html`. */
export const DEV_ORIGIN = 'http://localhost:5173';

/** The site as `npm run dev` configures it on the test origin. */
export function devSiteConfig(): SiteConfig & { hosted: HostedConfig } {
  const result = readConfig({ DEV: true }, DEV_ORIGIN);
  if (!result.ok || result.config.hosted === null) throw new Error('no hosted sign-in in dev');
  return { ...result.config, hosted: result.config.hosted };
}

/** The emulator under /emulator on the dev server's origin, as `npm run dev` mounts it. */
export function useHostedEmulator(): EmulatorFixture {
  return useEmulator({ baseUrl: `${DEV_ORIGIN}/emulator` });
}

/** One browser tab: its sessionStorage, its localStorage and the domain's cookies. */
export interface Tab {
  readonly deps: HostedFlowDeps;
  readonly session: MemoryStorage;
  readonly local: MemoryStorage;
  readonly browser: TestBrowser;
}

/** A new tab of the dev site. */
export function newTab(): Tab {
  const config = devSiteConfig();
  const session = memoryStorage();
  return {
    deps: { hosted: config.hosted, cognito: config.cognito, storage: session },
    session,
    local: memoryStorage(),
    browser: new TestBrowser(DEV_ORIGIN),
  };
}

/** Follows `authorizeUrl` through the managed login as `email`; the URL the domain sends back to. */
export async function signInAt(
  tab: Tab,
  authorizeUrl: string,
  email: string,
  password = PASSWORD,
): Promise<URL> {
  const toLogin = await tab.browser.visit(authorizeUrl);
  if (toLogin.location === undefined) throw new Error(`authorize answered ${toLogin.status}`);
  const form = await tab.browser.visit(toLogin.location);
  const back = await tab.browser.submitLogin(toLogin.location, form, email, password);
  if (back.location === undefined) throw new Error(`login answered ${back.status}`);
  return back.location;
}

/** The library's auth client over the tab's localStorage, for the dev site's pool. */
export function tabAuth(tab: Tab) {
  return createAuth({ cognito: devSiteConfig().cognito, storage: tab.local });
}

export { DEFAULT_CLIENT_ID };
