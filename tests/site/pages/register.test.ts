// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/config.ts';
import { setupRegisterPage } from '../../../src/pages/register.ts';
import {
  answer,
  byId,
  cognitoError,
  deferred,
  loadPage,
  submitButton,
  testAuth,
  testI18n,
  type,
  useNetwork,
} from '../helpers.ts';

const network = useNetwork();

function page(search = '', configError: ConfigError | null = null) {
  loadPage('register.html');
  const i18n = testI18n();
  const navigate = vi.fn<(url: string) => void>();
  setupRegisterPage(document, { auth: testAuth(), i18n, navigate, search, configError });
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
    message: byId('registrationMessage', HTMLElement),
  };
}

function rule(name: string): HTMLElement {
  const item = document.querySelector<HTMLElement>(`[data-rule="${name}"]`);
  if (item === null) throw new Error(`no rule ${name}`);
  return item;
}

function fill(
  p: ReturnType<typeof page>,
  email: string,
  password: string,
  password2 = password,
): void {
  type(p.email, email);
  type(p.password, password);
  type(p.password2, password2);
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

  it('catches passwords that do not match before any request', () => {
    const p = page();
    fill(p, 'rider@example.com', 'Giddy-Up-42', 'Giddy-Up-43');
    p.form.requestSubmit();
    expect(p.message.textContent).toBe('The passwords do not match.');
    expect(p.password2.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(p.password2);
    expect(network.operations).toEqual([]);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it.each([
    ['', 'Enter your email address.'],
    ['rider.example.com', 'Enter an email address like name@example.com.'],
  ])('catches the email "%s" before any request', (email, text) => {
    const p = page();
    fill(p, email, 'Giddy-Up-42');
    p.form.requestSubmit();
    expect(p.message.textContent).toBe(text);
    expect(p.email.getAttribute('aria-invalid')).toBe('true');
    expect(network.operations).toEqual([]);
  });

  it('shows and hides both passwords with the toggle', () => {
    const p = page();
    p.toggle.click();
    expect([p.password.type, p.password2.type]).toEqual(['text', 'text']);
    p.toggle.click();
    expect([p.password.type, p.password2.type]).toEqual(['password', 'password']);
  });

  it('is busy while the sign-up runs, and a second press sends nothing', async () => {
    const hold = deferred();
    network.server.use(
      answer('SignUp', async () => {
        await hold.promise;
        return cognitoError(
          'UsernameExistsException',
          'An account with the given email already exists.',
        );
      }),
    );
    const p = page();
    fill(p, 'rider@example.com', 'Giddy-Up-42');
    p.form.requestSubmit();
    expect(p.button.disabled).toBe(true);
    expect(p.button.getAttribute('aria-busy')).toBe('true');
    expect(p.button.textContent?.trim()).toBe('Working…');
    p.form.requestSubmit();
    await vi.waitFor(() => expect(network.operations).toEqual(['SignUp']));
    hold.resolve();
    await vi.waitFor(() => expect(p.button.disabled).toBe(false));
    expect(p.button.hasAttribute('aria-busy')).toBe(false);
    expect(p.button.textContent?.trim()).toBe('Let’s Ryde');
    expect(network.operations).toEqual(['SignUp']);
  });

  it('keeps what was typed and explains when the email is already registered', async () => {
    network.server.use(
      answer('SignUp', () =>
        cognitoError('UsernameExistsException', 'An account with the given email already exists.'),
      ),
    );
    const p = page();
    fill(p, 'rider@example.com', 'Giddy-Up-42');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe(
        'An account with this email already exists. Sign in, or confirm it if you have not yet.',
      ),
    );
    expect([p.email.value, p.password.value, p.password2.value]).toEqual([
      'rider@example.com',
      'Giddy-Up-42',
      'Giddy-Up-42',
    ]);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('says it could not reach the service when the network fails', async () => {
    network.server.use(answer('SignUp', () => HttpResponse.error()));
    const p = page();
    fill(p, 'rider@example.com', 'Giddy-Up-42');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe(
        'Could not reach the sign-in service. Check your connection and try again.',
      ),
    );
    expect(p.email.value).toBe('rider@example.com');
  });

  it('goes on to verify with the email once signed up', async () => {
    network.server.use(
      answer('SignUp', () =>
        HttpResponse.json({
          UserConfirmed: false,
          UserSub: 'sub',
          CodeDeliveryDetails: {
            AttributeName: 'email',
            DeliveryMedium: 'EMAIL',
            Destination: 'r***@e***',
          },
        }),
      ),
    );
    const p = page();
    fill(p, '  rider@example.com ', 'Giddy-Up-42');
    p.form.requestSubmit();
    await vi.waitFor(() => expect(p.navigate).toHaveBeenCalledOnce());
    const url = new URL(p.navigate.mock.calls[0]?.[0] ?? '', 'https://site.test/');
    expect(url.pathname).toBe('/verify.html');
    expect(url.searchParams.get('email')).toBe('rider@example.com');
    expect(url.searchParams.get('sent')).toBe('r***@e***');
  });

  it('prefills the email carried in ?email=', () => {
    expect(page('?email=rider%40example.com').email.value).toBe('rider@example.com');
  });

  it('switches to Korean, re-renders the message shown, and remembers the choice', () => {
    const p = page();
    fill(p, 'rider@example.com', 'a', 'b');
    p.form.requestSubmit();
    document.querySelector<HTMLButtonElement>('[data-language-toggle]')?.click();
    expect(document.documentElement.lang).toBe('ko');
    expect(byId('registerHeading', HTMLElement).textContent).toBe('회원 가입');
    expect(document.querySelector('label[for="passwordInputRegister"]')?.textContent).toBe(
      '비밀번호',
    );
    expect(p.message.textContent).toBe('두 비밀번호가 일치하지 않습니다.');
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
