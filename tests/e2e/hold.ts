/**
 * Holding the network: a page waiting for an answer stays in its waiting state (a busy button, a
 * form not yet wired) for as long as the test needs to look at it, however slow the machine.
 */
import type { Page, Request } from 'playwright-core';

/** Requests held back until the test lets them go. */
export interface HeldRequests {
  /** Resolves with the first matching request once the page has sent it (it is then held). */
  readonly sent: Promise<Request>;
  /** Lets every held request, and any later match, go on as if never held. */
  release(): void;
}

/**
 * Holds every request of `page` that `matches` accepts until `release()`. Other requests, and
 * held ones once released, fall back to the routes set before (so a context's refusal of
 * off-site requests still applies).
 */
export async function holdRequests(
  page: Page,
  matches: (request: Request) => boolean,
): Promise<HeldRequests> {
  let arrived: (request: Request) => void = () => {};
  const sent = new Promise<Request>((resolve) => {
    arrived = resolve;
  });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (!matches(request)) return route.fallback();
    arrived(request);
    await released;
    return route.fallback();
  });
  return { sent, release };
}

/** A request's Cognito operation (`X-Amz-Target` without its prefix), or null. */
export function cognitoOperation(request: Request): string | null {
  return request.headers()['x-amz-target']?.replace(/^.*\./, '') ?? null;
}
