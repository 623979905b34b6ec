/** Shared set-up for the site's tests: real page markup, the test pool, and how a person uses a form. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ICognitoStorage } from 'amazon-cognito-identity-js';
import { http } from 'msw';
import { expect, vi } from 'vitest';
import { renderPage } from '../../site-html/render.ts';
import { type Auth, createAuth } from '../../src/cognito-auth.ts';
import { createI18n, type I18n } from '../../src/i18n/index.ts';
import { createSignUp, type SignUp } from '../../src/sign-up.ts';
import { memoryStorage } from '../support/storage.ts';
import { operationOf } from '../support/wire.ts';
import { en, ko } from './tables.ts';

/** The endpoint of the test pool; msw answers here in place of Cognito. */
export const ENDPOINT = 'https://cognito.test/';
/** The test user pool and its app client (a browser client: no secret). */
export const TEST_POOL_ID = 'us-east-1_TestPool1';
export const TEST_CLIENT_ID = 'testclient';

/**
 * Puts the real markup of `page` (e.g. 'register.html') into the jsdom document, with the shared
 * head and header written in as `npm run build` writes them.
 */
export function loadPage(page: string): Document {
  const html = renderPage(readFileSync(resolve(import.meta.dirname, '../..', page), 'utf8'));
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.replaceChildren(
    document.importNode(parsed.head, true),
    document.importNode(parsed.body, true),
  );
  document.documentElement.lang = 'en';
  return document;
}

/** An English (unless told) i18n over memory storage. */
export function testI18n(languages: readonly string[] = ['en-US']): I18n & { storage: Storage } {
  const storage = memoryStorage();
  return Object.assign(createI18n({ storage, languages, tables: { en, ko } }), { storage });
}

/** A real auth client (the real library) for a test pool whose endpoint msw answers. */
export function testAuth(storage: ICognitoStorage = memoryStorage()): Auth {
  return createAuth({
    cognito: {
      userPoolId: TEST_POOL_ID,
      userPoolClientId: TEST_CLIENT_ID,
      region: 'us-east-1',
      endpoint: ENDPOINT,
    },
    storage,
  });
}

/** The test pool as the typed client's sign-up meets it; tokens go to `storage`. */
export const TEST_COGNITO = {
  userPoolId: TEST_POOL_ID,
  userPoolClientId: TEST_CLIENT_ID,
  region: 'us-east-1',
  endpoint: ENDPOINT,
} as const;

/** Sign-up through the typed client (no library) for the test pool; tokens go to `storage`. */
export function testSignUp(
  storage: Pick<Storage, 'setItem' | 'getItem' | 'removeItem'> = memoryStorage(),
): SignUp {
  return createSignUp({ cognito: TEST_COGNITO, storage });
}

/** An msw handler answering one Cognito operation at the test endpoint. */
export function answer(
  operation: string,
  respond: (body: unknown) => Response | Promise<Response>,
) {
  return http.post(ENDPOINT, async ({ request }) => {
    if (operationOf(request) !== operation) return undefined;
    return respond(await request.json());
  });
}

/** Types into an input the way a person does: the value changes and `input` fires. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The element with `id`, checked to be of type `kind`. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`#${id} is not a ${kind.name}`);
  return element;
}

/** The submit button of a form. */
export function submitButton(form: HTMLFormElement): HTMLButtonElement {
  const button = form.querySelector('button[type="submit"]');
  if (!(button instanceof HTMLButtonElement)) throw new Error('the form has no submit button');
  return button;
}

/** Waits for what the real library does (SRP sign-in takes up to a second in jsdom). */
export function eventually(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 20_000, interval: 20 });
}

/**
 * Submits a form the way an impatient person does: press, and press again while it runs (tests
 * then check that one request went out). Checks that the submit button is busy (`aria-busy`,
 * `aria-disabled` but not `disabled`, so it keeps focus, and showing `working`, the busy label
 * in the page's language) meanwhile, and waits until it is free.
 */
export async function submitWhileBusy(form: HTMLFormElement, working = 'Working…'): Promise<void> {
  const button = submitButton(form);
  const idle = button.textContent?.trim();
  form.requestSubmit();
  expect(button.getAttribute('aria-busy')).toBe('true');
  expect(button.getAttribute('aria-disabled')).toBe('true');
  expect(button.disabled).toBe(false);
  expect(button.textContent?.trim()).toBe(working);
  form.requestSubmit();
  await eventually(() => expect(button.hasAttribute('aria-busy')).toBe(false));
  expect(button.hasAttribute('aria-disabled')).toBe(false);
  expect(button.textContent?.trim()).toBe(idle);
}

/** The live region (`role="alert"`) inside `container`, where the page speaks to the person. */
export function liveRegion(container: ParentNode): HTMLElement {
  const region = container.querySelector('[role="alert"]');
  if (!(region instanceof HTMLElement)) throw new Error('no live region (role="alert") here');
  return region;
}
