/**
 * A person at a browser: a fresh Chromium context (its own storage) on one site, with a record of
 * everything that went wrong and every call made to Cognito. Map tiles come from a stand-in for
 * OpenStreetMap's tile server; any other off-site request is refused and recorded, so no test
 * depends on the internet.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD } from './emulator-client.ts';
import { PATIENCE_MS } from './eventually.ts';
import { type Site, signIn } from './journey.ts';

/** What the browser saw go wrong, and the Cognito operations the site called. */
export interface Seen {
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
  /** `console.error` output, other than the browser's own notes on failed loads and CSP. */
  readonly consoleErrors: string[];
  /** Content-Security-Policy violations: `securitypolicyviolation` events and CSP console notes. */
  readonly cspViolations: string[];
  /** Requests that failed on the network (not those a navigation cancelled). */
  readonly failedRequests: string[];
  /** Answers with status 400 or more: `<status> <method> <path>[ <operation>]`. */
  readonly httpErrors: string[];
  /** Requests that would have left the test's machine; refused. */
  readonly offSite: string[];
  /** Cognito operations the site called (`X-Amz-Target`), in order. */
  readonly cognitoCalls: string[];
}

/** A page and what it saw. */
export interface Rider {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly seen: Seen;
  close(): Promise<void>;
}

/** How to open the browser, beyond Playwright's context options. */
export interface RiderOptions extends BrowserContextOptions {
  /** `reduce` (the default) skips the unicorn's two-second trip. */
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** The tile server answers 503 to every tile, as when it is down or the rider is offline. */
  readonly offlineTiles?: boolean;
}

/** The HTTP errors an `offlineTiles` rider sees: one per tile asked for. */
export const OFFLINE_TILE_ERRORS: readonly RegExp[] = [/^503 GET \/\d+\/\d+\/\d+\.png$/];

/** OpenStreetMap's tile server, which the site uses unless told otherwise. */
const TILE_SERVER = 'https://tile.openstreetmap.org/';

// A plain light tile with a faint grid: enough to see that tiles load and where their edges are.
const TILE = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
<rect width="256" height="256" fill="#eef1ea"/>
<path d="M0 .5H256M.5 0V256" stroke="#d4dbd0"/>
<path d="M0 96C80 90 150 130 256 120M150 0C140 90 170 170 160 256" stroke="#fff" stroke-width="6" fill="none"/>
</svg>`;

/**
 * Opens a fresh context (English unless `locale` says otherwise) on a site that may talk to
 * `origins` (its own, and the emulator's when that is elsewhere): full URLs or origins.
 */
export async function openRider(
  browser: Browser,
  origins: string | readonly string[],
  options: RiderOptions = {},
): Promise<Rider> {
  const allowed = new Set([origins].flat().map((url) => new URL(url).origin));
  const { reducedMotion = 'reduce', offlineTiles = false, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'en-US', reducedMotion, ...contextOptions });
  const seen: Seen = {
    pageErrors: [],
    consoleErrors: [],
    cspViolations: [],
    failedRequests: [],
    httpErrors: [],
    offSite: [],
    cognitoCalls: [],
  };

  await context.exposeBinding('__reportCspViolation', (_source, text: unknown) => {
    seen.cspViolations.push(String(text));
  });
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' in ' + event.documentURI);
    });`,
  });

  // Routes added later are asked first: tiles are answered, anything else off-site refused.
  await context.route(
    (url) => !allowed.has(url.origin) && url.protocol !== 'data:',
    (route) => {
      seen.offSite.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  await context.route(`${TILE_SERVER}**`, (route) =>
    offlineTiles
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' })
      : route.fulfill({ status: 200, contentType: 'image/svg+xml', body: TILE }),
  );

  // Every action and wait gets the patience of `eventually`, not Playwright's 30 s default.
  context.setDefaultTimeout(PATIENCE_MS);
  context.on('page', (page) => watch(page, seen));
  const page = await context.newPage();
  return { page, context, seen, close: () => context.close() };
}

function watch(page: Page, seen: Seen): void {
  page.on('pageerror', (error) => seen.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) seen.cspViolations.push(text);
    // Chromium's own line for every answer ≥ 400; those are in `httpErrors` with more detail.
    else if (!/^Failed to load resource/.test(text)) seen.consoleErrors.push(text);
  });
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target !== undefined) seen.cognitoCalls.push(target.replace(/^.*\./, ''));
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '?';
    // A navigation cancels what the page it leaves was still loading; refusals are in `offSite`.
    if (error === 'net::ERR_ABORTED' || error === 'net::ERR_BLOCKED_BY_CLIENT') return;
    seen.failedRequests.push(`${request.method()} ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const target = request.headers()['x-amz-target']?.replace(/^.*\./, '');
    const path = new URL(response.url()).pathname;
    seen.httpErrors.push(
      `${response.status()} ${request.method()} ${path}${target ? ` ${target}` : ''}`,
    );
  });
}

/**
 * Nothing went wrong beyond the HTTP errors the test expects (each matched by one pattern, e.g.
 * a Cognito 400 for a wrong password).
 */
export function expectNothingWrong(seen: Seen, expectedHttpErrors: readonly RegExp[] = []): void {
  expect(seen.pageErrors, 'uncaught errors').toEqual([]);
  expect(seen.consoleErrors, 'console errors').toEqual([]);
  expect(seen.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  expect(seen.failedRequests, 'failed requests').toEqual([]);
  expect(seen.offSite, 'off-site requests').toEqual([]);
  const unexpected = seen.httpErrors.filter(
    (line) => !expectedHttpErrors.some((pattern) => pattern.test(line)),
  );
  expect(unexpected, 'unexpected HTTP errors').toEqual([]);
}

/**
 * Presses Tab (or Shift+Tab) until `selector` has the focus, as a keyboard user moves through the
 * page; fails if it takes more than `max` presses. The element reached must show its focus: its
 * outline, shadow, border or background differ from an unfocused copy of it.
 */
export async function tabTo(
  page: Page,
  selector: string,
  { backwards = false, max = 25 }: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const visited: string[] = [];
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await page.evaluate(async (wanted) => {
      const active = document.activeElement;
      if (!(active instanceof HTMLElement)) return { reached: false, name: '(nothing)', look: [] };
      const name = `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}`;
      if (!active.matches(wanted)) return { reached: false, name, look: [] };
      // Reduced motion shortens transitions to 0.01 ms, not to none: styles settle when the
      // transitions that the focus change started (reading a style starts them) are over.
      getComputedStyle(active).getPropertyValue('outline-style');
      await Promise.all(active.getAnimations().map((animation) => animation.finished));
      const look = (element: Element): string[] => {
        const style = getComputedStyle(element);
        return [
          `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
          `box-shadow: ${style.boxShadow}`,
          `border-bottom: ${style.borderBottomStyle} ${style.borderBottomWidth} ${style.borderBottomColor}`,
          `background: ${style.backgroundColor}`,
        ];
      };
      // An unfocused twin beside it shows how it looks without the focus; blurring the element
      // itself would let the page react (a menu closes when the focus leaves it).
      const twin = active.cloneNode(false);
      if (!(twin instanceof Element)) return { reached: true, name, look: [] };
      twin.removeAttribute('id');
      active.after(twin);
      const unfocused = look(twin);
      twin.remove();
      const focused = look(active);
      return { reached: true, name, look: focused.filter((line, i) => line !== unfocused[i]) };
    }, selector);
    visited.push(focus.name);
    if (focus.reached) {
      expect(focus.look, `${selector} looks different with the focus`).not.toEqual([]);
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}; the focus went ${visited.join(' → ')}`);
}

/** A signed-in browser's storage (the library's tokens), to open the ride page signed in. */
export type SignedInStorage = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** Makes `email` a confirmed rider, signs in once through the site, and keeps the storage. */
export async function signedInStorage(
  browser: Browser,
  site: Site,
  email: string,
): Promise<SignedInStorage> {
  await site.emulator.confirmedUser(email);
  const session = await openRider(browser, [site.url, site.emulator.base]);
  try {
    await signIn(session.page, site, email, PASSWORD);
    return await session.context.storageState();
  } finally {
    await session.close();
  }
}
