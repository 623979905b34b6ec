/**
 * The site's configuration, the typed mirror of the workshop's `js/config.js`.
 *
 * Values come from Vite environment variables (`.env*` files or Amplify's environment
 * variables); see `.env.example`. `checkConfig` is a pure function of an env object so that tests
 * can hand it any combination; the build runs it (vite.config.ts), so pages receive its outcome
 * (`site-config.ts`) and only place it at the address they are served from (`placeConfig`).
 */

/** Settings for the Cognito user pool client. */
export interface CognitoConfig {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly region: string;
  /**
   * Service URL, ending in `/`; set only for a non-AWS endpoint such as the local emulator (the
   * library otherwise derives `https://cognito-idp.<region>.amazonaws.com/` from the region).
   */
  readonly endpoint?: string;
}

/** Settings for the ride API. */
export interface ApiConfig {
  /** Base URL without a trailing slash, so `${invokeUrl}/ride` is well formed; null when unset. */
  readonly invokeUrl: string | null;
}

/** Settings for the ride page's map tiles. */
export interface MapConfig {
  /** A Leaflet tile URL template with `{z}`, `{x}` and `{y}` (and optionally `{s}`, `{r}`). */
  readonly tileUrl: string;
  /** The tile provider's attribution, as the provider gives it (HTML, shown in the map corner). */
  readonly attribution: string;
}

/** Settings for hosted sign-in (the user pool domain's managed login and OAuth2 endpoints). */
export interface HostedConfig {
  /** The user pool domain's base URL without a trailing slash, e.g. `https://x.auth.us-east-1.amazoncognito.com`. */
  readonly domain: string;
  /** Where the domain sends the browser back with a code: one of the app client's callback URLs. */
  readonly redirectUri: string;
  /** Where `/logout` sends the browser after signing out: one of the app client's sign-out URLs. */
  readonly signOutUri: string;
}

/** A way to sign in without a password that the pool allows (its `AllowedFirstAuthFactors`). */
export type PasswordlessFactor = 'EMAIL_OTP' | 'WEB_AUTHN';

/** The whole site configuration. */
export interface SiteConfig {
  readonly cognito: CognitoConfig;
  readonly api: ApiConfig;
  readonly map: MapConfig;
  /** Hosted sign-in; null when no user pool domain is configured. */
  readonly hosted: HostedConfig | null;
  /** The passwordless sign-ins the sign-in page offers; empty when the pool allows none. */
  readonly passwordless: readonly PasswordlessFactor[];
}

/** What can be wrong with the configuration. */
export type ConfigErrorCode =
  | 'NotConfigured'
  | 'MissingSetting'
  | 'MalformedUserPoolId'
  | 'RegionMismatch'
  | 'ClientSecretPresent'
  | 'MalformedInvokeUrl'
  | 'MalformedTileUrl'
  | 'MalformedCognitoEndpoint'
  | 'MalformedCognitoDomain'
  | 'MalformedOAuthUrl'
  | 'UnknownSignInFactor';

/** A configuration problem, with the environment variable to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly code: ConfigErrorCode,
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** The outcome of reading the configuration: a config, or the first problem found. */
export type ConfigResult =
  | {
      readonly ok: true;
      readonly config: SiteConfig;
      /** Where the local emulator lists the codes it "sends"; null for a real pool. */
      readonly mailboxUrl: string | null;
    }
  | { readonly ok: false; readonly error: ConfigError };

/**
 * A checked configuration as the build hands it to the pages, in JSON: the error as plain fields.
 */
export type BuildConfig =
  | Extract<ConfigResult, { readonly ok: true }>
  | {
      readonly ok: false;
      readonly error: {
        readonly code: ConfigErrorCode;
        readonly variable: string;
        readonly message: string;
      };
    };

/** The build's form of a checked configuration (see `fromBuildConfig`). */
export function toBuildConfig(result: ConfigResult): BuildConfig {
  if (result.ok) return result;
  const { code, variable, message } = result.error;
  return { ok: false, error: { code, variable, message } };
}

/** A checked configuration back from the build's form, its error a `ConfigError` again. */
export function fromBuildConfig(config: BuildConfig): ConfigResult {
  if (config.ok) return config;
  const { code, variable, message } = config.error;
  return { ok: false, error: new ConfigError(code, variable, message) };
}

/** The shape of `import.meta.env` that the reader looks at. */
export type ConfigEnv = Readonly<Record<string, string | boolean | undefined>>;

/** The local emulator's fixed pool and app client, mounted on the dev server under /emulator/. */
export const LOCAL_EMULATOR = {
  userPoolId: 'local_WildRydes',
  userPoolClientId: 'wildrydeslocalclient',
  path: '/emulator',
} as const;

const POOL_ID_VARIABLE = 'VITE_COGNITO_USER_POOL_ID';
const CLIENT_ID_VARIABLE = 'VITE_COGNITO_USER_POOL_CLIENT_ID';
const REGION_VARIABLE = 'VITE_COGNITO_REGION';
const ENDPOINT_VARIABLE = 'VITE_COGNITO_ENDPOINT';
const INVOKE_URL_VARIABLE = 'VITE_API_INVOKE_URL';
const TILE_URL_VARIABLE = 'VITE_MAP_TILE_URL';
const TILE_ATTRIBUTION_VARIABLE = 'VITE_MAP_TILE_ATTRIBUTION';
const DOMAIN_VARIABLE = 'VITE_COGNITO_DOMAIN';
const REDIRECT_VARIABLE = 'VITE_OAUTH_REDIRECT_URI';
const SIGN_OUT_VARIABLE = 'VITE_OAUTH_SIGN_OUT_URI';
const PASSWORDLESS_VARIABLE = 'VITE_COGNITO_PASSWORDLESS';
const PASSWORDLESS_FACTORS: readonly PasswordlessFactor[] = ['EMAIL_OTP', 'WEB_AUTHN'];

/** The site's own page that receives the authorization code. */
export const CALLBACK_PAGE = 'callback.html';

/** OpenStreetMap's standard tiles, with the attribution its tile usage policy requires. */
export const OPENSTREETMAP_TILES: MapConfig = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

// Cognito pool ids are `<region>_<id>`; the library itself rejects ids longer than 55 characters.
const POOL_ID_PATTERN = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})_[0-9A-Za-z]+$/;
const POOL_ID_MAX_LENGTH = 55;
// A non-AWS endpoint (the emulator, or another Cognito-compatible server) names its own regions,
// such as `local_WildRydes`; the emulator accepts any `<word>_<id>`.
const ANY_REGION_POOL_ID_PATTERN = /^([0-9a-z]+(?:-[0-9a-z]+)*)_[0-9A-Za-z]+$/;

/**
 * Reads and validates the site configuration from an env object, placed at the site's address:
 * `origin` is where the site is served, `siteRoot` the URL of its folder (the origin's root
 * unless told).
 */
export function readConfig(
  env: ConfigEnv,
  origin = '',
  siteRoot = origin === '' ? '' : `${origin}/`,
): ConfigResult {
  return placeConfig(checkConfig(env), siteRoot);
}

/**
 * Validates the site configuration in an env object (the build's, or a test's). The local
 * emulator's URLs and the default callback and sign-out pages stay relative to the site, whose
 * address only the browser knows (see `placeConfig`).
 */
export function checkConfig(env: ConfigEnv): ConfigResult {
  const secretVariable = Object.keys(env).find(
    (name) => name.startsWith('VITE_') && /SECRET/i.test(name) && text(env, name) !== '',
  );
  if (secretVariable !== undefined) {
    return failure(
      'ClientSecretPresent',
      secretVariable,
      `${secretVariable} is set, but a browser app cannot use an app client with a secret: ` +
        'Cognito would answer "Unable to verify secret hash" (invalid_client), and the secret ' +
        'would be published in the JavaScript bundle. Remove it, and create an app client ' +
        'without a client secret.',
    );
  }

  const userPoolId = text(env, POOL_ID_VARIABLE);
  const userPoolClientId = text(env, CLIENT_ID_VARIABLE);
  const region = text(env, REGION_VARIABLE);
  const endpoint = readEndpoint(text(env, ENDPOINT_VARIABLE));
  if (endpoint instanceof ConfigError) return { ok: false, error: endpoint };
  const invoke = readInvokeUrl(text(env, INVOKE_URL_VARIABLE));
  if (invoke instanceof ConfigError) return { ok: false, error: invoke };
  const map = readMapConfig(env);
  if (map instanceof ConfigError) return { ok: false, error: map };
  const passwordless = readPasswordless(env);
  if (passwordless instanceof ConfigError) return { ok: false, error: passwordless };

  if (userPoolId === '' && userPoolClientId === '' && region === '' && endpoint === null) {
    if (env.DEV === true) return localEmulator(invoke, map);
    return failure(
      'NotConfigured',
      POOL_ID_VARIABLE,
      `No Cognito user pool is configured. Set ${POOL_ID_VARIABLE} and ${CLIENT_ID_VARIABLE} ` +
        '(see .env.example), then build again.',
    );
  }
  if (userPoolId === '') {
    return failure('MissingSetting', POOL_ID_VARIABLE, `${POOL_ID_VARIABLE} is not set.`);
  }
  if (userPoolClientId === '') {
    return failure('MissingSetting', CLIENT_ID_VARIABLE, `${CLIENT_ID_VARIABLE} is not set.`);
  }

  const poolIdPattern = endpoint === null ? POOL_ID_PATTERN : ANY_REGION_POOL_ID_PATTERN;
  const poolRegion = poolIdPattern.exec(userPoolId)?.[1];
  if (poolRegion === undefined || userPoolId.length > POOL_ID_MAX_LENGTH) {
    return failure(
      'MalformedUserPoolId',
      POOL_ID_VARIABLE,
      `${POOL_ID_VARIABLE} "${userPoolId}" is not a user pool id; ` +
        'it looks like <region>_<id>, for example ap-northeast-2_AbC123xyz.',
    );
  }
  const hosted = readHostedConfig(env);
  if (hosted instanceof ConfigError) return { ok: false, error: hosted };
  if (region !== '' && region !== poolRegion) {
    return failure(
      'RegionMismatch',
      REGION_VARIABLE,
      `${REGION_VARIABLE} is "${region}", but the user pool ${userPoolId} is in ${poolRegion}. ` +
        `Leave ${REGION_VARIABLE} unset to use the pool's region.`,
    );
  }

  return {
    ok: true,
    config: {
      cognito: {
        userPoolId,
        userPoolClientId,
        region: poolRegion,
        ...(endpoint === null ? {} : { endpoint }),
      },
      api: { invokeUrl: invoke },
      map,
      hosted,
      passwordless: passwordless ?? [],
    },
    mailboxUrl: null,
  };
}

function localEmulator(invokeUrl: string | null, map: MapConfig): ConfigResult {
  const base = LOCAL_EMULATOR.path;
  // The emulator serves the pool domain's endpoints under its own mount, like a user pool domain.
  const hosted = { domain: base, redirectUri: CALLBACK_PAGE, signOutUri: './' };
  return {
    ok: true,
    config: {
      cognito: {
        userPoolId: LOCAL_EMULATOR.userPoolId,
        userPoolClientId: LOCAL_EMULATOR.userPoolClientId,
        region: 'local',
        endpoint: `${base}/`,
      },
      // An explicitly configured API wins; otherwise rides go to the emulator's /emulator/ride.
      api: { invokeUrl: invokeUrl ?? base },
      map,
      hosted,
      // The local pool allows both (SPEC §8's local defaults).
      passwordless: PASSWORDLESS_FACTORS,
    },
    mailboxUrl: `${base}/mailbox`,
  };
}

function readInvokeUrl(value: string): string | ConfigError | null {
  if (value === '') return null;
  if (!/^https?:\/\/[^/\s]+/.test(value)) {
    return new ConfigError(
      'MalformedInvokeUrl',
      INVOKE_URL_VARIABLE,
      `${INVOKE_URL_VARIABLE} "${value}" is not an http(s) URL; ` +
        'use the invoke URL of the API stage, e.g. https://abc123.execute-api.us-east-1.amazonaws.com/prod.',
    );
  }
  return value.replace(/\/+$/, '');
}

function readEndpoint(value: string): string | ConfigError | null {
  if (value === '') return null;
  const url = parseUrl(value);
  // Only a plain base URL: a query or fragment would be sent with every Cognito request.
  const plain = url !== null && url.search === '' && url.hash === '' && url.username === '';
  if (url === null || !(url.protocol === 'http:' || url.protocol === 'https:') || !plain) {
    return new ConfigError(
      'MalformedCognitoEndpoint',
      ENDPOINT_VARIABLE,
      `${ENDPOINT_VARIABLE} "${value}" is not an http(s) URL; use the base URL of the ` +
        'Cognito-compatible service, e.g. http://127.0.0.1:9229 for `npm run emulator`, ' +
        'or leave it unset for Amazon Cognito.',
    );
  }
  // The library POSTs to the endpoint as given; the emulator answers at its base path's `/`.
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function readHostedConfig(env: ConfigEnv): HostedConfig | ConfigError | null {
  const domainText = text(env, DOMAIN_VARIABLE);
  const redirectText = text(env, REDIRECT_VARIABLE);
  const signOutText = text(env, SIGN_OUT_VARIABLE);
  if (domainText === '') {
    const stray =
      redirectText !== '' ? REDIRECT_VARIABLE : signOutText !== '' ? SIGN_OUT_VARIABLE : null;
    if (stray === null) return null;
    return new ConfigError(
      'MissingSetting',
      DOMAIN_VARIABLE,
      `${stray} is set without ${DOMAIN_VARIABLE}, the user pool domain.`,
    );
  }
  // The console shows the domain with or without its scheme; both mean https.
  const domain = webUrl(
    /^[a-z][a-z0-9+.-]*:/i.test(domainText) ? domainText : `https://${domainText}`,
  );
  if (domain === null || domain.search !== '' || domain.hash !== '') {
    return new ConfigError(
      'MalformedCognitoDomain',
      DOMAIN_VARIABLE,
      `${DOMAIN_VARIABLE} "${domainText}" is not the https URL of a user pool domain.`,
    );
  }
  const redirectUri = readOAuthUrl(env, REDIRECT_VARIABLE, CALLBACK_PAGE);
  if (redirectUri instanceof ConfigError) return redirectUri;
  const signOutUri = readOAuthUrl(env, SIGN_OUT_VARIABLE, './');
  if (signOutUri instanceof ConfigError) return signOutUri;
  return {
    domain: `${domain.origin}${domain.pathname.replace(/\/+$/, '')}`,
    redirectUri,
    signOutUri,
  };
}

/** A callback or sign-out URL: the variable's value, or the site's own `page` (placed later). */
function readOAuthUrl(env: ConfigEnv, variable: string, page: string): string | ConfigError {
  const value = text(env, variable);
  if (value === '') return page;
  const url = webUrl(value);
  if (url === null || url.hash !== '') {
    return new ConfigError(
      'MalformedOAuthUrl',
      variable,
      `${variable} "${value}" is not an https URL (http only on localhost or 127.0.0.1).`,
    );
  }
  return url.href;
}

/** An https URL, or an http one on this machine (Cognito allows http callbacks only there). */
function webUrl(value: string): URL | null {
  const url = parseUrl(value);
  if (url === null || url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:') return url;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && loopback ? url : null;
}

function readMapConfig(env: ConfigEnv): MapConfig | ConfigError {
  const tileUrl = text(env, TILE_URL_VARIABLE);
  if (tileUrl === '') return OPENSTREETMAP_TILES;
  // A template without {z}/{x}/{y} would fetch the same image for every tile: a blank-looking map.
  const isTemplate = ['{z}', '{x}', '{y}'].every((part) => tileUrl.includes(part));
  if (!/^(https?:\/\/[^/\s]+|\/)/.test(tileUrl) || !isTemplate) {
    return new ConfigError(
      'MalformedTileUrl',
      TILE_URL_VARIABLE,
      `${TILE_URL_VARIABLE} "${tileUrl}" is not a tile URL template; it needs {z}, {x} and {y}, ` +
        'for example https://tile.openstreetmap.org/{z}/{x}/{y}.png.',
    );
  }
  // Another provider's tiles carry that provider's attribution, never OpenStreetMap's by default.
  return { tileUrl, attribution: text(env, TILE_ATTRIBUTION_VARIABLE) };
}

/**
 * `VITE_COGNITO_PASSWORDLESS`: a comma-separated list of `EMAIL_OTP` and `WEB_AUTHN`, the
 * factors turned on in the pool's sign-in options; null when unset.
 */
function readPasswordless(env: ConfigEnv): readonly PasswordlessFactor[] | ConfigError | null {
  const value = text(env, PASSWORDLESS_VARIABLE);
  if (value === '') return null;
  const named = value.split(',').map((part) => part.trim().toUpperCase());
  const unknown = named.find(
    (factor) => !(PASSWORDLESS_FACTORS as readonly string[]).includes(factor),
  );
  if (unknown !== undefined) {
    return new ConfigError(
      'UnknownSignInFactor',
      PASSWORDLESS_VARIABLE,
      `${PASSWORDLESS_VARIABLE} names "${unknown}"; list EMAIL_OTP and/or WEB_AUTHN, separated ` +
        "by commas, as turned on in the user pool's sign-in options.",
    );
  }
  return PASSWORDLESS_FACTORS.filter((factor) => named.includes(factor));
}

function text(env: ConfigEnv, name: string): string {
  const value = env[name];
  return typeof value === 'string' ? value.trim() : '';
}

function failure(code: ConfigErrorCode, variable: string, message: string): ConfigResult {
  return { ok: false, error: new ConfigError(code, variable, message) };
}

/**
 * Places a checked configuration at the site's folder `siteRoot`: its relative URLs (the local
 * emulator's, the default callback and sign-out pages) become absolute. Without a `siteRoot` they
 * stay relative, and hosted sign-in, which hands absolute URLs to the user pool domain, is off.
 */
export function placeConfig(result: ConfigResult, siteRoot: string): ConfigResult {
  if (!result.ok) return result;
  const { config, mailboxUrl } = result;
  // Configured URLs are absolute already and stay exactly as given (no slash added).
  const place = (url: string): string =>
    siteRoot === '' || isAbsolute(url) ? url : new URL(url, siteRoot).href;
  const { cognito, api, hosted } = config;
  const hostedUrls = hosted === null ? [] : [hosted.domain, hosted.redirectUri, hosted.signOutUri];
  return {
    ok: true,
    config: {
      ...config,
      cognito:
        cognito.endpoint === undefined
          ? cognito
          : { ...cognito, endpoint: place(cognito.endpoint) },
      api: { invokeUrl: api.invokeUrl === null ? null : place(api.invokeUrl) },
      hosted:
        hosted === null || (siteRoot === '' && !hostedUrls.every(isAbsolute))
          ? null
          : {
              domain: place(hosted.domain),
              redirectUri: place(hosted.redirectUri),
              signOutUri: place(hosted.signOutUri),
            },
    },
    mailboxUrl: mailboxUrl === null ? null : place(mailboxUrl),
  };
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}
