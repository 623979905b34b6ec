/**
 * This build's configuration: checked when the site was built (vite.config.ts's
 * `siteConfigModule`), so pages carry the outcome instead of the checks, and placed here at the
 * address the page is served from.
 */
import checked from 'virtual:wild-rydes-config';
import { type ConfigResult, fromBuildConfig, placeConfig } from './config.ts';

/** The configuration of this build. */
export const siteConfig: ConfigResult = placeConfig(
  fromBuildConfig(checked),
  // Vite's base is relative ('./'): every page sits in the site's one folder.
  typeof location === 'undefined' ? '' : new URL(import.meta.env.BASE_URL, location.href).href,
);
