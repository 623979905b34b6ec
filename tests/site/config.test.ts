import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  type BuildConfig,
  type ConfigEnv,
  ConfigError,
  checkConfig,
  fromBuildConfig,
  OPENSTREETMAP_TILES,
  placeConfig,
  readConfig,
  toBuildConfig,
} from '../../src/config.ts';
import { errorMessage } from '../../src/i18n/error-messages.ts';
import { createI18n } from '../../src/i18n/index.ts';
import { siteDeps } from '../../src/site.ts';
import { siteConfigModule } from '../../vite.config.ts';
import { en, ko } from './tables.ts';

const POOL = 'ap-northeast-2_AbC123xyz';
const CLIENT = '1example23456789abcdefghij';

function expectError(result: ReturnType<typeof readConfig>): ConfigError {
  if (result.ok) throw new Error('expected a configuration error');
  expect(result.error).toBeInstanceOf(ConfigError);
  return result.error;
}

describe('readConfig', () => {
  it('reads a complete configuration and derives the region from the pool id', () => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: POOL,
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
      VITE_API_INVOKE_URL: 'https://abc123.execute-api.ap-northeast-2.amazonaws.com/prod',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        cognito: { userPoolId: POOL, userPoolClientId: CLIENT, region: 'ap-northeast-2' },
        api: { invokeUrl: 'https://abc123.execute-api.ap-northeast-2.amazonaws.com/prod' },
        map: OPENSTREETMAP_TILES,
        hosted: null,
        passwordless: [],
      },
      mailboxUrl: null,
    });
  });

  it('accepts a region that agrees with the pool id', () => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: 'us-gov-west-1_Z9',
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
      VITE_COGNITO_REGION: 'us-gov-west-1',
    });
    expect(result.ok && result.config.cognito.region).toBe('us-gov-west-1');
  });

  it('trims the whitespace that pasted values bring along', () => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: `  ${POOL}\n`,
      VITE_COGNITO_USER_POOL_CLIENT_ID: ` ${CLIENT} `,
    });
    expect(result.ok && result.config.cognito.userPoolId).toBe(POOL);
    expect(result.ok && result.config.cognito.userPoolClientId).toBe(CLIENT);
  });

  it.each([
    [
      'https://abc.execute-api.us-east-1.amazonaws.com/prod/',
      'https://abc.execute-api.us-east-1.amazonaws.com/prod',
    ],
    [
      'https://abc.execute-api.us-east-1.amazonaws.com/prod//',
      'https://abc.execute-api.us-east-1.amazonaws.com/prod',
    ],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('normalises the invoke URL %s so that /ride has no double slash', (url, expected) => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: POOL,
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
      VITE_API_INVOKE_URL: url,
    });
    const invokeUrl = result.ok ? result.config.api.invokeUrl : null;
    expect(invokeUrl).toBe(expected);
    expect(`${invokeUrl}/ride`).not.toMatch(/[^:]\/\//);
  });

  it('leaves the invoke URL null when it is not set', () => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: POOL,
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
    });
    expect(result.ok && result.config.api.invokeUrl).toBeNull();
  });

  it('uses the local emulator on the same origin in dev when no Cognito variable is set', () => {
    expect(readConfig({ DEV: true }, 'http://localhost:5173')).toEqual({
      ok: true,
      config: {
        cognito: {
          userPoolId: 'local_WildRydes',
          userPoolClientId: 'wildrydeslocalclient',
          region: 'local',
          endpoint: 'http://localhost:5173/emulator/',
        },
        api: { invokeUrl: 'http://localhost:5173/emulator' },
        map: OPENSTREETMAP_TILES,
        hosted: {
          domain: 'http://localhost:5173/emulator',
          redirectUri: 'http://localhost:5173/callback.html',
          signOutUri: 'http://localhost:5173/',
        },
        passwordless: ['EMAIL_OTP', 'WEB_AUTHN'],
      },
      mailboxUrl: 'http://localhost:5173/emulator/mailbox',
    });
  });

  it('keeps an explicitly configured API in dev on the emulator', () => {
    const result = readConfig(
      { DEV: true, VITE_API_INVOKE_URL: 'https://api.example.com/v1/' },
      'http://localhost:5173',
    );
    expect(result.ok && result.config.api.invokeUrl).toBe('https://api.example.com/v1');
    expect(result.ok && result.config.cognito.endpoint).toBe('http://localhost:5173/emulator/');
  });

  it('talks to the configured pool in dev when VITE_COGNITO_* is set', () => {
    const result = readConfig(
      { DEV: true, VITE_COGNITO_USER_POOL_ID: POOL, VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT },
      'http://localhost:5173',
    );
    expect(result.ok && result.config.cognito).toEqual({
      userPoolId: POOL,
      userPoolClientId: CLIENT,
      region: 'ap-northeast-2',
    });
    expect(result.ok && result.mailboxUrl).toBeNull();
  });

  it('reports a production build without a pool as not configured, naming what to set', () => {
    const error = expectError(readConfig({ DEV: false, PROD: true }));
    expect(error.code).toBe('NotConfigured');
    expect(error.message).toContain('No Cognito user pool is configured');
    expect(error.message).toContain('VITE_COGNITO_USER_POOL_ID');
    expect(error.message).toContain('VITE_COGNITO_USER_POOL_CLIENT_ID');
  });

  it('reports a missing app client id', () => {
    const error = expectError(readConfig({ VITE_COGNITO_USER_POOL_ID: POOL }));
    expect(error.code).toBe('MissingSetting');
    expect(error.variable).toBe('VITE_COGNITO_USER_POOL_CLIENT_ID');
  });

  it('reports a missing pool id when only the client id is set', () => {
    const error = expectError(readConfig({ DEV: true, VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT }));
    expect(error.code).toBe('MissingSetting');
    expect(error.variable).toBe('VITE_COGNITO_USER_POOL_ID');
  });

  it.each([
    ['AbC123xyz', 'no region'],
    ['ap-northeast-2-AbC123xyz', 'a dash for the underscore'],
    ['ap-northeast-2_', 'no id after the underscore'],
    ['ap-northeast-2_AbC-123', 'a dash in the id'],
    [`ap-northeast-2_${'a'.repeat(50)}`, 'more than 55 characters'],
    ['https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_AbC', 'a URL'],
  ])('rejects the malformed pool id %s (%s)', (userPoolId) => {
    const error = expectError(
      readConfig({
        VITE_COGNITO_USER_POOL_ID: userPoolId,
        VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
      }),
    );
    expect(error.code).toBe('MalformedUserPoolId');
    expect(error.variable).toBe('VITE_COGNITO_USER_POOL_ID');
  });

  it('rejects a region that contradicts the pool id', () => {
    const error = expectError(
      readConfig({
        VITE_COGNITO_USER_POOL_ID: POOL,
        VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
        VITE_COGNITO_REGION: 'us-east-1',
      }),
    );
    expect(error.code).toBe('RegionMismatch');
    expect(error.variable).toBe('VITE_COGNITO_REGION');
    expect(error.message).toContain('ap-northeast-2');
  });

  it.each([
    'VITE_COGNITO_USER_POOL_CLIENT_SECRET',
    'VITE_COGNITO_CLIENT_SECRET',
    'VITE_client_secret',
  ])('rejects a client secret in %s, explaining "Unable to verify secret hash"', (variable) => {
    const error = expectError(
      readConfig({
        VITE_COGNITO_USER_POOL_ID: POOL,
        VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
        [variable]: 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop',
      }),
    );
    expect(error.code).toBe('ClientSecretPresent');
    expect(error.variable).toBe(variable);
    expect(error.message).toContain('Unable to verify secret hash');
  });

  it('rejects a client secret even in dev on the emulator', () => {
    const error = expectError(
      readConfig({ DEV: true, VITE_COGNITO_USER_POOL_CLIENT_SECRET: 's3cr3t' }),
    );
    expect(error.code).toBe('ClientSecretPresent');
  });

  it('ignores an empty secret variable', () => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: POOL,
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
      VITE_COGNITO_USER_POOL_CLIENT_SECRET: '',
    });
    expect(result.ok).toBe(true);
  });

  it.each(['abc123.execute-api.us-east-1.amazonaws.com/prod', 'ftp://example.com', '/prod'])(
    'rejects the invoke URL %s, which is not an http(s) URL',
    (url) => {
      const error = expectError(
        readConfig({
          VITE_COGNITO_USER_POOL_ID: POOL,
          VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
          VITE_API_INVOKE_URL: url,
        }),
      );
      expect(error.code).toBe('MalformedInvokeUrl');
      expect(error.variable).toBe('VITE_API_INVOKE_URL');
    },
  );
});

describe('a Cognito endpoint other than AWS (VITE_COGNITO_ENDPOINT)', () => {
  const emulatorPool = {
    VITE_COGNITO_USER_POOL_ID: 'local_WildRydes',
    VITE_COGNITO_USER_POOL_CLIENT_ID: 'wildrydeslocalclient',
  };

  it('talks to the standalone emulator when a production build names it', () => {
    const result = readConfig({
      PROD: true,
      ...emulatorPool,
      VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
      VITE_API_INVOKE_URL: 'http://127.0.0.1:9229',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        cognito: {
          userPoolId: 'local_WildRydes',
          userPoolClientId: 'wildrydeslocalclient',
          region: 'local',
          endpoint: 'http://127.0.0.1:9229/',
        },
        api: { invokeUrl: 'http://127.0.0.1:9229' },
        map: OPENSTREETMAP_TILES,
        hosted: null,
        passwordless: [],
      },
      mailboxUrl: null,
    });
  });

  it.each([
    ['http://localhost:4173/emulator', 'http://localhost:4173/emulator/'],
    ['http://localhost:4173/emulator/', 'http://localhost:4173/emulator/'],
    [' https://cognito.example.com/pool// ', 'https://cognito.example.com/pool/'],
    ['HTTP://LOCALHOST:9229', 'http://localhost:9229/'],
  ])('keeps the endpoint %s as %s, ending in one slash', (endpoint, expected) => {
    const result = readConfig({ ...emulatorPool, VITE_COGNITO_ENDPOINT: endpoint });
    expect(result.ok && result.config.cognito.endpoint).toBe(expected);
  });

  it('keeps the AWS pool id rules without an endpoint: local_WildRydes is not an AWS pool', () => {
    const error = expectError(readConfig(emulatorPool));
    expect(error.code).toBe('MalformedUserPoolId');
  });

  it('uses the endpoint with an AWS-style pool id too, region taken from the id', () => {
    const result = readConfig({
      VITE_COGNITO_USER_POOL_ID: POOL,
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
      VITE_COGNITO_ENDPOINT: 'http://localhost:9229/',
    });
    expect(result.ok && result.config.cognito).toEqual({
      userPoolId: POOL,
      userPoolClientId: CLIENT,
      region: 'ap-northeast-2',
      endpoint: 'http://localhost:9229/',
    });
  });

  it.each([
    ['local', 'no id after the region'],
    ['_WildRydes', 'no region'],
    ['local_Wild-Rydes', 'a dash in the id'],
  ])('still rejects the pool id %s (%s) with an endpoint', (userPoolId) => {
    const error = expectError(
      readConfig({
        ...emulatorPool,
        VITE_COGNITO_USER_POOL_ID: userPoolId,
        VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
      }),
    );
    expect(error.code).toBe('MalformedUserPoolId');
  });

  it('still rejects a region that contradicts the pool id', () => {
    const error = expectError(
      readConfig({
        ...emulatorPool,
        VITE_COGNITO_REGION: 'us-east-1',
        VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
      }),
    );
    expect(error.code).toBe('RegionMismatch');
  });

  it('asks for the pool id when only the endpoint is set, even in dev', () => {
    const error = expectError(
      readConfig({ DEV: true, VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229' }, 'http://x'),
    );
    expect(error.code).toBe('MissingSetting');
    expect(error.variable).toBe('VITE_COGNITO_USER_POOL_ID');
  });

  it.each([
    ['127.0.0.1:9229', 'no scheme'],
    ['localhost:9229', 'no scheme (read as a "localhost:" scheme)'],
    ['/emulator', 'a path'],
    ['ftp://127.0.0.1:9229', 'not http(s)'],
    ['http://127.0.0.1:9229/?pool=1', 'a query'],
    ['http://127.0.0.1:9229/#top', 'a fragment'],
    ['http://admin:secret@127.0.0.1:9229/', 'credentials'],
    ['http://', 'no host'],
  ])('rejects the endpoint %s (%s), naming the variable', (endpoint) => {
    const error = expectError(readConfig({ ...emulatorPool, VITE_COGNITO_ENDPOINT: endpoint }));
    expect(error.code).toBe('MalformedCognitoEndpoint');
    expect(error.variable).toBe('VITE_COGNITO_ENDPOINT');
    expect(error.message).toContain('VITE_COGNITO_ENDPOINT');
    expect(error.message).toContain('http(s) URL');
  });

  it('tells the person about a malformed endpoint in English and Korean, naming the variable', () => {
    const error = expectError(readConfig({ ...emulatorPool, VITE_COGNITO_ENDPOINT: '9229' }));
    const say = (language: 'en' | 'ko') =>
      createI18n({ storage: null, languages: [language], tables: { en, ko } }).render(
        errorMessage(error),
      );
    expect(say('en')).toBe(
      'VITE_COGNITO_ENDPOINT is not an http(s) URL. Use the base URL of a Cognito-compatible service (such as http://127.0.0.1:9229 for the local emulator), or leave it unset for Amazon Cognito.',
    );
    expect(say('ko')).toMatch(/^VITE_COGNITO_ENDPOINT 값이 http\(s\) URL이 아니에요\./);
  });
});

describe('the map tiles setting', () => {
  const base = { VITE_COGNITO_USER_POOL_ID: POOL, VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT };

  it('uses OpenStreetMap’s standard tiles with their required attribution by default', () => {
    const result = readConfig(base);
    expect(result.ok && result.config.map).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution:
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    });
  });

  it('uses another provider’s tiles with that provider’s attribution', () => {
    const result = readConfig({
      ...base,
      VITE_MAP_TILE_URL: ' https://{s}.tiles.example.com/{z}/{x}/{y}{r}.png ',
      VITE_MAP_TILE_ATTRIBUTION: '© Example Maps',
    });
    expect(result.ok && result.config.map).toEqual({
      tileUrl: 'https://{s}.tiles.example.com/{z}/{x}/{y}{r}.png',
      attribution: '© Example Maps',
    });
  });

  it('never credits OpenStreetMap for another provider’s tiles', () => {
    const result = readConfig({ ...base, VITE_MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' });
    expect(result.ok && result.config.map).toEqual({
      tileUrl: '/tiles/{z}/{x}/{y}.png',
      attribution: '',
    });
  });

  it('keeps the tiles setting on the local emulator in dev', () => {
    const result = readConfig(
      { DEV: true, VITE_MAP_TILE_URL: 'http://localhost:8080/{z}/{x}/{y}.png' },
      'http://localhost:5173',
    );
    expect(result.ok && result.config.map.tileUrl).toBe('http://localhost:8080/{z}/{x}/{y}.png');
  });

  it.each([
    ['https://tiles.example.com/tile.png', 'no {z}/{x}/{y}'],
    ['https://tiles.example.com/{z}/{x}.png', 'no {y}'],
    ['ftp://tiles.example.com/{z}/{x}/{y}.png', 'not http(s)'],
    ['tiles/{z}/{x}/{y}.png', 'a relative path'],
  ])('rejects the tile URL %s (%s), naming the variable', (url) => {
    const error = expectError(readConfig({ ...base, VITE_MAP_TILE_URL: url }));
    expect(error.code).toBe('MalformedTileUrl');
    expect(error.variable).toBe('VITE_MAP_TILE_URL');
    expect(
      createI18n({ storage: null, languages: ['en'], tables: { en } }).render(errorMessage(error)),
    ).toBe(
      'VITE_MAP_TILE_URL is not a map tile URL template. It needs {z}, {x} and {y}, for example https://tile.openstreetmap.org/{z}/{x}/{y}.png.',
    );
  });
});

describe('hosted sign-in settings', () => {
  const pool = { VITE_COGNITO_USER_POOL_ID: POOL, VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT };
  const SITE = 'https://rydes.example.com';

  it('are off without VITE_COGNITO_DOMAIN', () => {
    const result = readConfig(pool, SITE);
    expect(result.ok && result.config.hosted).toBeNull();
  });

  it("default the callback and sign-out URLs to the site's own pages under its folder", () => {
    const result = readConfig(
      { ...pool, VITE_COGNITO_DOMAIN: 'wildrydes.auth.ap-northeast-2.amazoncognito.com/' },
      SITE,
      `${SITE}/bucket/`,
    );
    expect(result.ok && result.config.hosted).toEqual({
      domain: 'https://wildrydes.auth.ap-northeast-2.amazoncognito.com',
      redirectUri: `${SITE}/bucket/callback.html`,
      signOutUri: `${SITE}/bucket/`,
    });
  });

  it('take the callback and sign-out URLs as given', () => {
    const result = readConfig(
      {
        ...pool,
        VITE_COGNITO_DOMAIN: 'https://auth.rydes.example.com',
        VITE_OAUTH_REDIRECT_URI: 'https://rydes.example.com/callback.html',
        VITE_OAUTH_SIGN_OUT_URI: 'https://rydes.example.com/bye.html',
      },
      'https://preview.example.com',
    );
    expect(result.ok && result.config.hosted).toEqual({
      domain: 'https://auth.rydes.example.com',
      redirectUri: 'https://rydes.example.com/callback.html',
      signOutUri: 'https://rydes.example.com/bye.html',
    });
  });

  it.each([
    ['ftp://wildrydes.auth.us-east-1.amazoncognito.com'],
    ['http://wildrydes.auth.us-east-1.amazoncognito.com'],
    ['https://wildrydes.auth.us-east-1.amazoncognito.com/?x=1'],
    ['https://user:pw@wildrydes.auth.us-east-1.amazoncognito.com'],
  ])('refuse the domain %s, naming the variable in both languages', (domain) => {
    const error = expectError(readConfig({ ...pool, VITE_COGNITO_DOMAIN: domain }, SITE));
    expect(error.code).toBe('MalformedCognitoDomain');
    expect(error.variable).toBe('VITE_COGNITO_DOMAIN');
    const message = errorMessage(error);
    expect(createI18n({ tables: { en, ko }, languages: ['en'] }).render(message)).toMatch(
      /^VITE_COGNITO_DOMAIN is not a user pool domain\./,
    );
    expect(createI18n({ tables: { en, ko }, languages: ['ko'] }).render(message)).toMatch(
      /^VITE_COGNITO_DOMAIN 값이 사용자 풀 도메인이 아니에요\./,
    );
  });

  it('accept http for an emulator on this machine', () => {
    const result = readConfig(
      {
        VITE_COGNITO_USER_POOL_ID: 'local_WildRydes',
        VITE_COGNITO_USER_POOL_CLIENT_ID: 'wildrydeslocalclient',
        VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
        VITE_COGNITO_DOMAIN: 'http://127.0.0.1:9229',
      },
      'http://127.0.0.1:4173',
    );
    expect(result.ok && result.config.hosted?.domain).toBe('http://127.0.0.1:9229');
    expect(result.ok && result.config.hosted?.redirectUri).toBe(
      'http://127.0.0.1:4173/callback.html',
    );
  });

  it('refuse a callback URL that is not https, naming the variable', () => {
    const error = expectError(
      readConfig(
        {
          ...pool,
          VITE_COGNITO_DOMAIN: 'https://auth.rydes.example.com',
          VITE_OAUTH_REDIRECT_URI: 'http://rydes.example.com/callback.html',
        },
        SITE,
      ),
    );
    expect(error.code).toBe('MalformedOAuthUrl');
    expect(error.variable).toBe('VITE_OAUTH_REDIRECT_URI');
  });

  it('refuse a callback URL without the domain it belongs to', () => {
    const error = expectError(
      readConfig({ ...pool, VITE_OAUTH_SIGN_OUT_URI: 'https://rydes.example.com/' }, SITE),
    );
    expect(error.code).toBe('MissingSetting');
    expect(error.variable).toBe('VITE_COGNITO_DOMAIN');
    expect(error.message).toMatch(/VITE_OAUTH_SIGN_OUT_URI is set without VITE_COGNITO_DOMAIN/);
  });
});

describe('passwordless sign-in settings (VITE_COGNITO_PASSWORDLESS)', () => {
  const pool = { VITE_COGNITO_USER_POOL_ID: POOL, VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT };
  const passwordless = (env: Record<string, string | boolean>) => {
    const result = readConfig({ ...pool, ...env });
    if (!result.ok) throw result.error;
    return result.config.passwordless;
  };

  it('offers none for a real pool until the developer names them', () => {
    expect(passwordless({})).toEqual([]);
  });

  it('reads the factors in any case and order, with spaces, each once', () => {
    expect(passwordless({ VITE_COGNITO_PASSWORDLESS: ' web_authn, EMAIL_OTP ,WEB_AUTHN' })).toEqual(
      ['EMAIL_OTP', 'WEB_AUTHN'],
    );
    expect(passwordless({ VITE_COGNITO_PASSWORDLESS: 'EMAIL_OTP' })).toEqual(['EMAIL_OTP']);
  });

  it('offers both on the local emulator in dev, whose pool allows both', () => {
    const result = readConfig({ DEV: true }, 'http://localhost:5173');
    expect(result.ok && result.config.passwordless).toEqual(['EMAIL_OTP', 'WEB_AUTHN']);
  });

  it('refuses a factor it does not know, naming it, in English and Korean', () => {
    const error = expectError(
      readConfig({ ...pool, VITE_COGNITO_PASSWORDLESS: 'EMAIL_OTP,SMS_OTP' }),
    );
    expect([error.code, error.variable]).toEqual([
      'UnknownSignInFactor',
      'VITE_COGNITO_PASSWORDLESS',
    ]);
    expect(error.message).toMatch(/names "SMS_OTP"/);
    const say = (language: 'en' | 'ko') =>
      createI18n({ storage: null, languages: [language], tables: { en, ko } }).render(
        errorMessage(error),
      );
    expect(say('en')).toMatch(/^VITE_COGNITO_PASSWORDLESS names a sign-in option/);
    expect(say('ko')).toMatch(/^VITE_COGNITO_PASSWORDLESS 값에 이 사이트가 모르는/);
  });
});

describe('the configuration a build hands its pages', () => {
  const pool = { VITE_COGNITO_USER_POOL_ID: POOL, VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT };

  /** What `siteConfigModule` gives the pages for `env`, and what it says in the build log. */
  function built(env: ConfigEnv, command: 'build' | 'serve' = 'build') {
    const warnings: string[] = [];
    // The hooks as Vite calls them, with the parts of its resolved config the plugin reads.
    const plugin: Plugin = siteConfigModule();
    const configResolved = plugin.configResolved as (config: object) => void;
    const resolveId = plugin.resolveId as (source: string) => string | null;
    const load = plugin.load as (id: string) => string | null;
    configResolved({ env, command, logger: { warn: (text: string) => warnings.push(text) } });
    const code = load(resolveId('virtual:wild-rydes-config') ?? '') ?? '';
    const json = /^export default (.*);$/s.exec(code)?.[1] ?? 'null';
    return { checked: fromBuildConfig(JSON.parse(json) as BuildConfig), warnings };
  }

  it('carries the checked configuration, not the checks, and leaves the build log quiet', () => {
    const { checked, warnings } = built({
      ...pool,
      VITE_API_INVOKE_URL: 'https://api.example.com',
    });
    expect(checked).toEqual(
      checkConfig({ ...pool, VITE_API_INVOKE_URL: 'https://api.example.com' }),
    );
    expect(checked.ok && checked.config.api.invokeUrl).toBe('https://api.example.com');
    expect(warnings).toEqual([]);
  });

  it('carries a problem as a ConfigError with its code, variable and message, and logs it on build', () => {
    const env = {
      VITE_COGNITO_USER_POOL_ID: 'not-a-pool',
      VITE_COGNITO_USER_POOL_CLIENT_ID: CLIENT,
    };
    const { checked, warnings } = built(env);
    const error = expectError(checked);
    expect(error.code).toBe('MalformedUserPoolId');
    expect(error.variable).toBe('VITE_COGNITO_USER_POOL_ID');
    expect(error.message).toBe(expectError(checkConfig(env)).message);
    expect(warnings).toEqual([`Site configuration: ${error.message}`]);
    expect(built(env, 'serve').warnings).toEqual([]);
  });

  it('still builds an unconfigured site, whose pages then say what to set', () => {
    const { checked, warnings } = built({ DEV: false, PROD: true });
    expect(expectError(checked).code).toBe('NotConfigured');
    expect(warnings).toEqual([expect.stringMatching(/^Site configuration: No Cognito user pool/)]);
  });

  it('survives JSON both ways, the error a ConfigError again', () => {
    for (const env of [pool, { ...pool, VITE_COGNITO_REGION: 'us-east-1' }, { DEV: true }]) {
      const result = checkConfig(env);
      const copy = fromBuildConfig(JSON.parse(JSON.stringify(toBuildConfig(result))));
      expect(copy).toEqual(result);
      if (!copy.ok) expect(copy.error).toBeInstanceOf(ConfigError);
    }
  });

  it('does not depend on where the site will be served: the local emulator and default pages stay relative', () => {
    const local = checkConfig({ DEV: true });
    expect(local.ok && local.config.cognito.endpoint).toBe('/emulator/');
    expect(local.ok && local.config.hosted).toEqual({
      domain: '/emulator',
      redirectUri: 'callback.html',
      signOutUri: './',
    });
    const hosted = checkConfig({ ...pool, VITE_COGNITO_DOMAIN: 'https://auth.rydes.example.com' });
    expect(hosted.ok && hosted.config.hosted?.redirectUri).toBe('callback.html');
  });

  it("is placed at the site's folder by the page, configured URLs kept exactly as given", () => {
    const env = {
      ...pool,
      VITE_API_INVOKE_URL: 'https://abc123.execute-api.ap-northeast-2.amazonaws.com',
      VITE_COGNITO_DOMAIN: 'https://auth.rydes.example.com',
    };
    const placed = placeConfig(checkConfig(env), 'https://rydes.example.com/bucket/');
    expect(placed.ok && placed.config.api.invokeUrl).toBe(
      'https://abc123.execute-api.ap-northeast-2.amazonaws.com',
    );
    expect(placed.ok && placed.config.hosted).toEqual({
      domain: 'https://auth.rydes.example.com',
      redirectUri: 'https://rydes.example.com/bucket/callback.html',
      signOutUri: 'https://rydes.example.com/bucket/',
    });
    const problem = checkConfig({ VITE_COGNITO_USER_POOL_ID: POOL });
    expect(placeConfig(problem, 'https://rydes.example.com/')).toBe(problem);
  });

  it("loads the configuration notice's texts only where the configuration has a problem", async () => {
    const broken = await siteDeps(['site', 'forms'], readConfig({ DEV: false, PROD: true }));
    expect(broken.configError?.code).toBe('NotConfigured');
    expect(broken.i18n.t('config.noticeTitle')).toBe('No Cognito user pool is configured');
    expect(broken.i18n.render(errorMessage(broken.configError))).toMatch(
      /^Set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_USER_POOL_CLIENT_ID/,
    );
    await broken.i18n.setLanguage('ko');
    expect(broken.i18n.t('config.noticeTitle')).toBe('Cognito 사용자 풀이 설정되지 않았어요');
    const fine = await siteDeps(['site', 'forms'], readConfig({ DEV: true }, 'http://x'));
    expect(fine.configError).toBeNull();
    expect(fine.i18n.has('common.signIn')).toBe(true);
    expect(fine.i18n.has('config.noticeTitle')).toBe(false);
  });

  it('turns hosted sign-in off where the site has no address to send the browser back to', () => {
    const placed = placeConfig(checkConfig({ DEV: true }), '');
    expect(placed.ok && placed.config.cognito.endpoint).toBe('/emulator/');
    expect(placed.ok && placed.mailboxUrl).toBe('/emulator/mailbox');
    expect(placed.ok && placed.config.hosted).toBeNull();
  });
});
