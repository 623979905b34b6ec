import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../site-html/render.ts';
import { AUTH_ERROR_CODES, AuthError, NetworkError, toAuthFailure } from '../../src/auth-errors.ts';
import { ConfigError, type ConfigErrorCode } from '../../src/config.ts';
import {
  AUTH_ERROR_KEYS,
  AUTH_ERROR_REFINEMENTS,
  errorMessage,
} from '../../src/i18n/error-messages.ts';
import {
  ALL_PARTS,
  createI18n,
  emailName,
  format,
  LANGUAGES,
  type Language,
  loadI18n,
  loadTable,
  type Part,
  pickLanguage,
  type Table,
} from '../../src/i18n/index.ts';
import { isParticle } from '../../src/i18n/particles.ts';
import { memoryStorage } from '../support/storage.ts';
import { en, ko } from './tables.ts';

const PAGES = ['index.html', 'register.html', 'verify.html', 'signin.html', 'ride.html'];
const CONFIG_CODES: ConfigErrorCode[] = [
  'NotConfigured',
  'MissingSetting',
  'MalformedUserPoolId',
  'RegionMismatch',
  'ClientSecretPresent',
  'MalformedInvokeUrl',
];

/** The table as [key, {en, ko}] pairs. */
const messages = Object.fromEntries(
  Object.keys(en).map((key) => [
    key,
    { en: en[key as keyof typeof en], ko: ko[key as keyof typeof en] },
  ]),
);
const tables = { en, ko };
const isMessageKey = (key: string) => Object.hasOwn(en, key) && Object.hasOwn(ko, key);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)(?::[^{}]+)?\}/g)].map((match) => match[1] ?? '').sort();
}

describe('the message table', () => {
  it.each(Object.entries(messages))(
    'has non-empty English and Korean for %s',
    (_key, translation) => {
      for (const language of LANGUAGES) expect(translation[language].trim()).not.toBe('');
      expect(Object.keys(translation).sort()).toEqual([...LANGUAGES].sort());
    },
  );

  it.each(Object.entries(messages))(
    'uses the same placeholders in both languages for %s',
    (_key, translation) => {
      expect(placeholders(translation.ko)).toEqual(placeholders(translation.en));
    },
  );

  it('has Korean that differs from English, except for names', () => {
    const same = Object.entries(messages)
      .filter(([, translation]) => translation.en === translation.ko)
      .map(([key]) => key);
    expect(same).toEqual([]);
  });

  it.each(AUTH_ERROR_CODES)('maps the auth error code %s to a message key in the table', (code) => {
    const key = AUTH_ERROR_KEYS[code];
    expect(isMessageKey(key)).toBe(true);
    expect(errorMessage(new AuthError(code, ''))).toEqual({ key });
  });

  it.each(CONFIG_CODES)('has a message for the configuration error %s', (code) => {
    const message = errorMessage(new ConfigError(code, 'VITE_X', 'text'));
    expect('key' in message && isMessageKey(message.key)).toBe(true);
    expect(message).toEqual({ key: `config.${code}`, params: { variable: 'VITE_X' } });
  });

  it('shows its own message for a network failure, not the raw error', () => {
    expect(errorMessage(new NetworkError())).toEqual({ key: 'error.network' });
    expect(
      createI18n({ storage: null, languages: ['en'], tables }).render(
        errorMessage(new NetworkError()),
      ),
    ).toBe('Could not reach the sign-in service. Check your connection and try again.');
  });

  it('falls back to the server message for a code it does not know', () => {
    const failure = toAuthFailure({
      code: 'BrandNewException',
      message: 'Something new happened.',
    });
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure.code).toBe('UnknownError');
    expect(errorMessage(failure)).toEqual({ text: 'Something new happened.' });
  });

  it.each([
    ['NotAuthorizedException', 'Password attempts exceeded', 'error.attemptsExceeded'],
    [
      'NotAuthorizedException',
      'User cannot be confirmed. Current status is CONFIRMED',
      'error.alreadyConfirmed',
    ],
    ['NotAuthorizedException', 'Unable to verify secret hash for client abc', 'error.clientSecret'],
    [
      'NotAuthorizedException',
      'Client abc is configured for secret but secret was not received',
      'error.clientSecret',
    ],
    ['NotAuthorizedException', 'User is disabled.', 'error.userDisabled'],
    ['NotAuthorizedException', 'Incorrect username or password.', 'error.NotAuthorizedException'],
    ['InvalidParameterException', 'Invalid email address format.', 'error.invalidEmail'],
    [
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
      'error.noVerifiedEmail',
    ],
    [
      'InvalidParameterException',
      'USER_SRP_AUTH is not enabled for the client.',
      'error.srpNotEnabled',
    ],
    [
      'InvalidParameterException',
      'USER_SRP_AUTH flow not enabled for this client',
      'error.srpNotEnabled',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
      'error.passwordLength',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
      'error.passwordUpper',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have lowercase characters',
      'error.passwordLower',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have numeric characters',
      'error.passwordDigit',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have symbol characters',
      'error.passwordSymbol',
    ],
  ] as const)('tells %s "%s" apart as %s', (code, serverMessage, key) => {
    expect(errorMessage(new AuthError(code, serverMessage))).toEqual({ key });
  });

  it('refines only into keys that exist', () => {
    for (const { key } of AUTH_ERROR_REFINEMENTS) expect(isMessageKey(key)).toBe(true);
  });

  it.each(PAGES)('knows every data-i18n key used in %s', (page) => {
    const html = renderPage(readFileSync(resolve(import.meta.dirname, '../..', page), 'utf8'));
    const keys = [
      ...[...html.matchAll(/data-i18n="([^"]+)"/g)].map((match) => match[1] ?? ''),
      ...[...html.matchAll(/data-i18n-attr="([^"]+)"/g)].flatMap((match) =>
        (match[1] ?? '').split(';').map((pair) => pair.split(':')[1]?.trim() ?? ''),
      ),
    ];
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });
});

describe('toAuthFailure', () => {
  it('turns the library’s network failure into a NetworkError', () => {
    const libraryError = Object.assign(new Error('Network error'), { code: 'NetworkError' });
    expect(toAuthFailure(libraryError)).toBeInstanceOf(NetworkError);
  });

  it('keeps a known Cognito code and the server message', () => {
    const failure = toAuthFailure(
      Object.assign(new Error('Invalid verification code provided, please try again.'), {
        code: 'CodeMismatchException',
      }),
    );
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure.code).toBe('CodeMismatchException');
    expect(failure.message).toBe('Invalid verification code provided, please try again.');
  });

  it('treats the library’s own code-less errors as unknown, with an empty server code', () => {
    const failure = toAuthFailure(new Error('User is not authenticated'));
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure).toMatchObject({
      code: 'UnknownError',
      serverCode: '',
      message: 'User is not authenticated',
    });
  });
});

describe('language choice', () => {
  it.each([
    [null, ['ko-KR', 'en-US'], 'ko'],
    [null, ['en-GB', 'ko'], 'en'],
    [null, ['fr-FR', 'ko'], 'ko'],
    [null, ['fr-FR'], 'en'],
    [null, [], 'en'],
    ['ko', ['en-US'], 'ko'],
    ['en', ['ko-KR'], 'en'],
    ['de', ['ko-KR'], 'ko'],
  ] as const)('picks %s with browser languages %j as %s', (remembered, preferred, expected) => {
    expect(pickLanguage(remembered, preferred)).toBe(expected);
  });

  it('remembers a switch in storage and is picked again next time', () => {
    const storage = memoryStorage();
    const first = createI18n({ storage, languages: ['en-US'], tables });
    expect(first.t('common.signIn')).toBe('Sign in');
    first.setLanguage('ko');
    expect(first.t('common.signIn')).toBe('로그인');
    expect(createI18n({ storage, languages: ['en-US'], tables }).language).toBe('ko');
  });

  it('still switches where storage refuses to store', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const i18n = createI18n({ storage, languages: ['ko'], tables });
    expect(i18n.language).toBe('ko');
    i18n.setLanguage('en');
    expect(i18n.language).toBe('en');
  });

  it('loads only the parts of the table the page shows, in the language it shows', async () => {
    const asked: string[] = [];
    const load = async (language: Language, part: Part): Promise<Table> => {
      asked.push(`${language}/${part}`);
      return tables[language];
    };
    const parts: Part[] = ['site', 'forms'];
    const i18n = await loadI18n({ storage: memoryStorage(), languages: ['ko-KR'], load, parts });
    expect(asked).toEqual(['ko/site', 'ko/forms']);
    expect(i18n.t('common.signIn')).toBe('로그인');
    await i18n.setLanguage('en');
    expect(asked).toEqual(['ko/site', 'ko/forms', 'en/site', 'en/forms']);
    expect(i18n.t('common.signIn')).toBe('Sign in');
  });

  it('loads no table for a page whose English markup is all it shows, until Korean is asked for', async () => {
    const asked: string[] = [];
    const load = async (language: Language, part: Part): Promise<Table> => {
      asked.push(`${language}/${part}`);
      return tables[language];
    };
    const i18n = await loadI18n({
      storage: memoryStorage(),
      languages: ['en'],
      load,
      parts: ['site'],
      markupOnly: true,
    });
    expect(asked).toEqual([]);
    expect(i18n.has('common.signIn')).toBe(false);
    await i18n.setLanguage('ko');
    expect(asked).toEqual(['ko/site']);
    expect(i18n.has('common.signIn')).toBe(true);
  });

  it('puts every key in exactly one part, the same in both languages', async () => {
    const keysOf = async (language: Language) =>
      Promise.all(ALL_PARTS.map(async (part) => Object.keys(await loadTable(language, part))));
    const [enParts, koParts] = await Promise.all([keysOf('en'), keysOf('ko')]);
    expect(koParts).toEqual(enParts);
    expect(enParts.flat().sort()).toEqual(Object.keys(en).sort());
    expect(new Set(enParts.flat()).size).toBe(enParts.flat().length);
  });

  it('stays in its language when the other table cannot be loaded', async () => {
    const storage = memoryStorage();
    const i18n = createI18n({
      storage,
      languages: ['en'],
      tables: { en },
      load: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(i18n.setLanguage('ko')).rejects.toThrow('Failed to fetch');
    expect(i18n.language).toBe('en');
    expect(i18n.t('common.signIn')).toBe('Sign in');
    expect(storage.getItem('wildrydes.language')).toBeNull();
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Hello, {email}! {other}', { email: 'a@b.c' })).toBe('Hello, a@b.c! {other}');
  });

  it('puts after a placeholder the particle that fits its value', () => {
    expect(format('{name:이/가} 도착했어요.', { name: '로시난테' })).toBe('로시난테가 도착했어요.');
    expect(format('{name:이/가} 도착했어요.', { name: '부케팔로스' })).toBe(
      '부케팔로스가 도착했어요.',
    );
    expect(format('{name:이/가} 도착했어요.', { name: '흑마' })).toBe('흑마가 도착했어요.');
    expect(format('{name:을/를} 불렀어요.', { name: '유니콘' })).toBe('유니콘을 불렀어요.');
    expect(format('{place:으로/로} 가요.', { place: '서울' })).toBe('서울로 가요.');
  });

  it('leaves a placeholder with an unknown particle visible', () => {
    expect(format('{name:이/랑} 가요.', { name: '유니콘' })).toBe('{name:이/랑} 가요.');
    expect(format('{name:이/가} 가요.')).toBe('{name:이/가} 가요.');
  });
});

describe('Korean in the table', () => {
  const korean = Object.entries(ko);

  it('chooses particles by the word before them, never writes both forms', () => {
    const both = korean.filter(([, text]) => /[이을은과]\([가를는와]\)|\(으\)로|\(이\)/.test(text));
    expect(both).toEqual([]);
  });

  it('names only particles the format knows', () => {
    const particles = korean.flatMap(([, text]) =>
      [...text.matchAll(/\{\w+:([^{}]+)\}/g)].map((match) => match[1] ?? ''),
    );
    expect(particles.length).toBeGreaterThan(0);
    expect(particles.filter((particle) => !isParticle(particle))).toEqual([]);
  });

  it('speaks polite 해요체 throughout, not 합쇼체', () => {
    const formal = korean.filter(([, text]) => /[니습]니다|십시오/.test(text));
    expect(formal).toEqual([]);
  });

  it('greets a person by the part of the email before the @, in both languages', () => {
    const name = emailName('rider@example.com');
    expect(name).toBe('rider');
    expect(format(en['ride.greeting'], { name })).toBe('Hello, rider!');
    expect(format(ko['ride.greeting'], { name })).toBe('안녕하세요, rider님!');
  });

  it('greets any address without its domain and never opens with a comma', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        for (const table of [en, ko]) {
          const greeting = format(table['ride.greeting'], { name: emailName(email) });
          expect(greeting).not.toMatch(/^[\s,]/);
          expect(greeting).not.toContain('@');
        }
      }),
    );
  });

  it('tells the unicorn’s story with the particle its name takes', () => {
    const params = { color: '노란', name: 'Rocinante' };
    expect(format(ko['ride.onWay.female'], params)).toBe(
      '노란 유니콘 Rocinante가 데리러 오고 있어요.',
    );
    expect(format(ko['ride.arrived'], { name: 'Bucephalus' })).toBe(
      'Bucephalus가 도착했어요. 이랴!',
    );
  });

  it('names the action on the landing page’s button, not a shout', () => {
    // A Korean button says what it does with a -기 noun ("가입하기"), not an interjection.
    expect(ko['landing.giddyUp']).toMatch(/기$/);
  });
});
