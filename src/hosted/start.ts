/**
 * The sign-in and register pages' way into hosted sign-in. Kept apart from flow.ts so that these
 * pages load oauth4webapi only when a person clicks.
 */
import type { ConfigResult } from '../config.ts';
import { siteConfig } from '../site-config.ts';
import type { HostedStart } from './flow.ts';

/** Prepares a hosted sign-in and returns the authorize URL to go to. */
export type HostedStarter = (start: HostedStart) => Promise<string>;

/** The starter for this build's user pool domain; null when none is configured. */
export function hostedStarter(config: ConfigResult = siteConfig): HostedStarter | null {
  if (!config.ok || config.config.hosted === null) return null;
  const { hosted, cognito } = config.config;
  return async (start) => {
    const { startHostedSignIn } = await import('./flow.ts');
    return startHostedSignIn({ hosted, cognito }, start);
  };
}
