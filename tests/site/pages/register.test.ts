// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/config.ts';
import { setupRegisterPage } from '../../../src/pages/register.ts';
import { PASSWORD } from '../../support/passwords.ts';
import { memoryStorage } from '../../support/storage.ts';
import { useEmulatedCognito } from '../emulator.ts';
import { fieldError } from '../forms.ts';
import {
  answer,
  byId,
  eventually,
  liveRegion,
  loadPage,
  submitButton,
  submitWhileBusy,
  testI18n,
  testSignUp,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();

function page(search = '', configError: ConfigError | null = null, languages = ['en-US']) {
  loadPage('register.html');
  const i18n = testI18n(languages);
  const navigate = vi.fn<(url: string) => void>();
  const pending = { storage: memoryStorage() };
  setupRegisterPage(document, {
    signUp: testSignUp(),
    pending,
    i18n,
    navigate,
    search,
    configError,
  });
  const form = byId('registrationForm', HTMLFormElement);
  return {
    i18n,
    navigate,
    form,
    email: byId('emailInputRegister', HTMLInputElement),
    password: byId('passwordInputRegister', HTMLInputElement),
    password2: byId('password2InputRegister', HTMLInputElement),
    toggle: byId('showPasswordRegister', HTMLInputElement),
    button: submitButton(form),
    message: liveRegion(form),
  };
}

type Page = ReturnType<typeof page>;

function rule(name: string): HTMLElement {
  const item = document.querySelector<HTMLElement>(`[data-rule="${name}"]`);
  if (item === null) throw new Error(`no rule ${name}`);
  return item;
}

function fill(p: Page, email: string, password: string, password2 = password): void {
  type(p.email, email);
  type(p.password, password);
  type(p.password2, password2);
}

function typed(p: Page): string[] {
  return [p.email.value, p.password.value, p.password2.value];
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('register page', () => {
  it('has the original ids, labels and autocomplete hints', () => {
    const p = page();
    expect(p.email.type).toBe('email');
    expect(p.email.autocomplete).toBe('email');
    expect(p.password.autocomplete).toBe('new-password');
    expect(p.password2.autocomplete).toBe('new-password');
    for (const input of [p.email, p.password, p.password2]) {
      expect(document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).not.toBe('');
    }
  });

  it('shows the password rules live as the user types', () => {
    const p = page();
    const states = () =>
      ['length', 'upper', 'lower', 'digit', 'symbol'].map((name) => rule(name).dataset.met);
    expect(states()).toEqual(['false', 'false', 'false', 'false', 'false']);
    type(p.password, 'abc');
    expect(states()).toEqual(['false', 'false', 'true', 'false', 'false']);
    expect(rule('lower').querySelector('[data-rule-state]')?.textContent).toBe('met');
    expect(rule('upper').querySelector('[data-rule-state]')?.textContent).toBe('not met yet');
    type(p.password, 'Abcdefg1!');
    expect(states()).toEqual(['true', 'true', 'true', 'true', 'true']);
  });

  it('marks each met rule with a ✓, not only with colour', () => {
    const p = page();
    const marks = () =>
      ['length', 'upper', 'lower', 'digit', 'symbol'].map(
        (name) => rule(name).querySelector('[data-rule-mark]')?.textContent,
      );
    expect(marks()).toEqual(['', '', '', '', '']);
    type(p.password, 'abc1');
    expect(marks()).toEqual(['', '', '✓', '✓', '']);
    expect(rule('lower').querySelector('[data-rule-mark]')?.getAttribute('aria-hidden')).toBe(
      'true',
    );
  });

  it('says politely that the passwords match once the confirmation is typed in full', () => {
    const p = page();
    const match = byId('passwordMatchRegister', HTMLElement);
    expect(match.getAttribute('aria-live')).toBe('polite');
    type(p.password, PASSWORD);
    type(p.password2, PASSWORD.slice(0, 4));
    expect(match.textContent).toBe('');
    type(p.password2, PASSWORD);
    expect(match.textContent).toBe('The passwords match.');
    expect(match.dataset.tone).toBe('success');
    type(p.password, `${PASSWORD}!`);
    expect(match.textContent).toBe('');
  });

  it('signs up with the email and goes on to verify it, where the mailed code is awaited', async () => {
    const p = page();
    fill(p, '  rider@example.com ', PASSWORD);
    await submitWhileBusy(p.form, 'Creating account…');
    expect(p.navigate).toHaveBeenCalledOnce();
    const url = new URL(p.navigate.mock.calls[0]?.[0] ?? '', 'https://site.test/');
    expect(url.pathname).toBe('/verify.html');
    expect(url.searchParams.get('email')).toBe('rider@example.com');
    // Only that a code went out: the verify page names the address it checked itself.
    expect(url.searchParams.get('sent')).toBe('1');
    expect(cognito.operations).toEqual(['SignUp']);
    await expect(cognito.users()).resolves.toEqual([
      { email: 'rider@example.com', status: 'UNCONFIRMED' },
    ]);
    expect(cognito.code('rider@example.com')).toMatch(/^\d{6}$/);
  });

  it('catches passwords that do not match before any request', async () => {
    const p = page();
    fill(p, 'rider@example.com', 'Giddy-Up-42', 'Giddy-Up-43');
    p.form.requestSubmit();
    expect(fieldError(p.password2)).toBe('The passwords do not match.');
    expect([fieldError(p.email), fieldError(p.password)]).toEqual(['', '']);
    expect(p.message.textContent).toBe('');
    expect(document.activeElement).toBe(p.password2);
    expect(typed(p)).toEqual(['rider@example.com', 'Giddy-Up-42', 'Giddy-Up-43']);
    expect(cognito.operations).toEqual([]);
    await expect(cognito.users()).resolves.toEqual([]);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it.each([
    ['Giddy-Up-42 ', 'A password cannot start or end with a space.'],
    [' Giddy-Up-42', 'A password cannot start or end with a space.'],
    [`Giddy-Up-42${'x'.repeat(250)}`, 'A password can have at most 256 characters.'],
  ])('catches the password %j, which Cognito refuses outright, before any request', (pw, text) => {
    const p = page();
    fill(p, 'rider@example.com', pw, pw);
    p.form.requestSubmit();
    expect(fieldError(p.password)).toBe(text);
    expect(document.activeElement).toBe(p.password);
    expect(typed(p)).toEqual(['rider@example.com', pw, pw]);
    expect(cognito.operations).toEqual([]);
  });

  it.each([
    ['', 'Enter your email address.'],
    ['rider.example.com', 'Enter an email address like name@example.com.'],
  ])('catches the email "%s" before any request', (email, text) => {
    const p = page();
    fill(p, email, 'Giddy-Up-42');
    p.form.requestSubmit();
    expect(fieldError(p.email)).toBe(text);
    expect(document.activeElement).toBe(p.email);
    expect(p.message.textContent).toBe('');
    expect(cognito.operations).toEqual([]);
  });

  it('checks every field before sending, shows each problem at its field and focuses the first', () => {
    const p = page();
    fill(p, 'rider.example.com', 'giddy-up', '');
    p.form.requestSubmit();
    expect(fieldError(p.email)).toBe('Enter an email address like name@example.com.');
    expect(fieldError(p.password)).toBe(
      'The password does not meet every rule yet: see the list below it.',
    );
    expect(fieldError(p.password2)).toBe('Type the password again to confirm it.');
    expect(document.activeElement).toBe(p.email);
    expect(p.message.textContent).toBe('');
    expect(cognito.operations).toEqual([]);
  });

  it('clears a field’s error as soon as the person corrects it, leaving the others', () => {
    const p = page();
    fill(p, 'rider.example.com', 'Giddy-Up', 'Giddy-Up');
    p.form.requestSubmit();
    expect(fieldError(p.password)).toBe('The password needs a number.');
    type(p.email, 'rider@example.com');
    expect(fieldError(p.email)).toBe('');
    expect(p.email.hasAttribute('aria-describedby')).toBe(false);
    expect(fieldError(p.password)).toBe('The password needs a number.');
    type(p.password, PASSWORD);
    expect(fieldError(p.password)).toBe('');
    expect(p.password.getAttribute('aria-describedby')).toBe('passwordRules');
  });

  it.each([
    ['Gu-42!a', 'The password is too short.'],
    ['giddy-up-42', 'The password needs an uppercase letter.'],
    ['GIDDY-UP-42', 'The password needs a lowercase letter.'],
    ['Giddy-Up-xy', 'The password needs a number.'],
    ['GiddyUp42', 'The password needs a symbol, such as ! @ # $.'],
  ])(
    'names the one rule the password "%s" misses, at the field, before any request',
    (password, text) => {
      const p = page();
      fill(p, 'rider@example.com', password);
      p.form.requestSubmit();
      expect(fieldError(p.password)).toBe(text);
      expect(document.activeElement).toBe(p.password);
      expect(typed(p)).toEqual(['rider@example.com', password, password]);
      expect(cognito.operations).toEqual([]);
    },
  );

  it('shows a stricter pool’s password refusal at the password field, with focus there', async () => {
    cognito.server.use(
      answer('SignUp', () =>
        HttpResponse.json(
          {
            __type: 'InvalidPasswordException',
            message: 'Password did not conform with policy: Password not long enough',
          },
          { status: 400 },
        ),
      ),
    );
    const p = page();
    fill(p, 'rider@example.com', PASSWORD);
    p.button.focus();
    await submitWhileBusy(p.form, 'Creating account…');
    expect(fieldError(p.password)).toBe('The password is too short.');
    expect(document.activeElement).toBe(p.password);
    expect(p.message.textContent).toBe('');
    expect(typed(p)).toEqual(['rider@example.com', PASSWORD, PASSWORD]);
  });

  it.each([
    [
      'en-US',
      'Creating account…',
      'An account with this email already exists. Sign in, or confirm it if you have not yet.',
    ],
    [
      'ko-KR',
      '계정을 만드는 중…',
      '이 이메일로 가입한 계정이 이미 있어요. 로그인하거나, 아직 인증하지 않았다면 인증을 마치세요.',
    ],
  ])(
    'keeps what was typed and explains (%s) that the email is already registered',
    async (language, working, text) => {
      await cognito.confirmedUser('rider@example.com');
      const p = page('', null, [language]);
      fill(p, 'Rider@Example.com', 'Other-Pass-7');
      await submitWhileBusy(p.form, working);
      expect(fieldError(p.email)).toBe(text);
      expect(document.activeElement).toBe(p.email);
      expect(p.message.textContent).toBe('');
      expect(typed(p)).toEqual(['Rider@Example.com', 'Other-Pass-7', 'Other-Pass-7']);
      expect(cognito.operations).toEqual(['SignUp']);
      expect(p.navigate).not.toHaveBeenCalled();
    },
  );

  it('explains an email address that Cognito refuses though the page let it through', async () => {
    const p = page();
    fill(p, 'rider@localhost', PASSWORD);
    await submitWhileBusy(p.form, 'Creating account…');
    expect(p.message.textContent).toBe(
      'Something you entered is not valid. Check the email address and the other fields.',
    );
    expect(typed(p)).toEqual(['rider@localhost', PASSWORD, PASSWORD]);
    await expect(cognito.users()).resolves.toEqual([]);
  });

  it('says it could not reach the service when the network fails, and keeps what was typed', async () => {
    cognito.server.use(answer('SignUp', () => HttpResponse.error()));
    const p = page();
    fill(p, 'rider@example.com', PASSWORD);
    await submitWhileBusy(p.form, 'Creating account…');
    expect(p.message.textContent).toBe(
      'Could not reach the sign-in service. Check your connection and try again.',
    );
    expect(typed(p)).toEqual(['rider@example.com', PASSWORD, PASSWORD]);
    expect(cognito.operations).toEqual(['SignUp']);
    await expect(cognito.users()).resolves.toEqual([]);
  });

  it('says the service had a problem when Cognito answers 500, and keeps what was typed', async () => {
    cognito.server.use(
      answer('SignUp', () =>
        HttpResponse.json(
          { __type: 'InternalErrorException', message: 'Internal server error.' },
          { status: 500, headers: { 'x-amzn-ErrorType': 'InternalErrorException:' } },
        ),
      ),
    );
    const p = page();
    fill(p, 'rider@example.com', PASSWORD);
    await submitWhileBusy(p.form, 'Creating account…');
    expect(p.message.textContent).toBe(
      'The sign-in service had an internal problem. Please try again.',
    );
    expect(typed(p)).toEqual(['rider@example.com', PASSWORD, PASSWORD]);
  });

  it('shows a plain message, not a raw TypeError, when a gateway answers 502 with HTML', async () => {
    cognito.server.use(
      answer('SignUp', () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 })),
    );
    const p = page();
    fill(p, 'rider@example.com', PASSWORD);
    await submitWhileBusy(p.form, 'Creating account…');
    expect(p.message.textContent).toBe('Something went wrong. Please try again.');
    expect(typed(p)).toEqual(['rider@example.com', PASSWORD, PASSWORD]);
  });

  it('clears an old failure when the next attempt succeeds', async () => {
    cognito.server.use(answer('SignUp', () => HttpResponse.error()));
    const p = page();
    fill(p, 'rider@example.com', PASSWORD);
    await submitWhileBusy(p.form, 'Creating account…');
    expect(p.message.textContent).not.toBe('');
    cognito.server.resetHandlers();
    p.form.requestSubmit();
    expect(p.message.textContent).toBe('');
    await eventually(() => expect(p.navigate).toHaveBeenCalledOnce());
  });

  it('shows and hides both passwords with the toggle', () => {
    const p = page();
    p.toggle.click();
    expect([p.password.type, p.password2.type]).toEqual(['text', 'text']);
    p.toggle.click();
    expect([p.password.type, p.password2.type]).toEqual(['password', 'password']);
  });

  it('prefills the email carried in ?email=', () => {
    expect(page('?email=rider%40example.com').email.value).toBe('rider@example.com');
  });

  it('switches to Korean, re-renders the message shown, and remembers the choice', () => {
    const p = page();
    fill(p, 'rider@example.com', PASSWORD, 'b');
    p.form.requestSubmit();
    document.querySelector<HTMLButtonElement>('[data-language-toggle]')?.click();
    expect(document.documentElement.lang).toBe('ko');
    expect(byId('registerHeading', HTMLElement).textContent).toBe('회원 가입');
    expect(document.querySelector('label[for="passwordInputRegister"]')?.textContent).toBe(
      '비밀번호',
    );
    expect(fieldError(p.password2)).toBe('비밀번호가 서로 달라요.');
    expect(document.title).toBe('회원 가입 · 와일드 라이즈');
    expect(p.i18n.storage.getItem('wildrydes.language')).toBe('ko');
    expect(document.querySelector('[data-language-toggle]')?.textContent).toBe('English');
  });

  it('shows the "No Cognito user pool is configured" notice without blocking the form', () => {
    const error = new ConfigError(
      'NotConfigured',
      'VITE_COGNITO_USER_POOL_ID',
      'No Cognito user pool is configured.',
    );
    const p = page('', error);
    const notice = byId('configNotice', HTMLElement);
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain('No Cognito user pool is configured');
    expect(notice.textContent).toContain('VITE_COGNITO_USER_POOL_CLIENT_ID');
    expect(p.email.disabled).toBe(false);
    expect(p.button.disabled).toBe(false);
  });

  it('shows no notice when the configuration is fine', () => {
    page();
    expect(byId('configNotice', HTMLElement).hidden).toBe(true);
  });
});
