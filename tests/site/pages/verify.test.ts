// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupVerifyPage } from '../../../src/pages/verify.ts';
import { otherCode } from '../../support/emulator.ts';
import { useEmulatedCognito } from '../emulator.ts';
import {
  answer,
  byId,
  eventually,
  liveRegion,
  loadPage,
  submitWhileBusy,
  testAuth,
  testI18n,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();
const EMAIL = 'rider@example.com';
const SIGNUP_CODE_LIFETIME = 24 * 3600 * 1000;

function page(
  search = '?email=rider%40example.com',
  mailboxUrl: string | null = null,
  languages = ['en-US'],
) {
  loadPage('verify.html');
  const navigate = vi.fn<(url: string) => void>();
  setupVerifyPage(document, {
    auth: testAuth(),
    i18n: testI18n(languages),
    navigate,
    search,
    mailboxUrl,
  });
  const form = byId('verifyForm', HTMLFormElement);
  return {
    navigate,
    form,
    email: byId('emailInputVerify', HTMLInputElement),
    code: byId('codeInputVerify', HTMLInputElement),
    resend: byId('resendCode', HTMLButtonElement),
    message: liveRegion(form),
  };
}

type Page = ReturnType<typeof page>;

/** Presses "Send a new code" twice in a row, checking it is busy meanwhile, and waits for it. */
async function resendWhileBusy(p: Page): Promise<void> {
  p.resend.focus();
  p.resend.click();
  expect(p.resend.disabled).toBe(true);
  expect(p.resend.getAttribute('aria-busy')).toBe('true');
  p.resend.click();
  await eventually(() => expect(p.resend.hasAttribute('aria-busy')).toBe(false));
  expect(p.resend.disabled).toBe(false);
}

function suggestsResend(p: Page): boolean {
  return p.resend.classList.contains('is-suggested');
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('verify page', () => {
  it('prefills the email from ?email= and puts the cursor in the code field', () => {
    const p = page();
    expect(p.email.value).toBe(EMAIL);
    expect(document.activeElement).toBe(p.code);
  });

  it('asks for digits as a one-time code', () => {
    const { code } = page();
    expect(code.inputMode).toBe('numeric');
    expect(code.autocomplete).toBe('one-time-code');
  });

  it('explains why the user is here after an unconfirmed sign-in', () => {
    const p = page('?email=rider%40example.com&reason=unconfirmed');
    expect(p.message.textContent).toBe(
      'Your email address is not confirmed yet. Enter the code from your email, or send a new one.',
    );
  });

  it('says where the code went after registering', () => {
    expect(page('?email=rider%40example.com&sent=r***%40e***').message.textContent).toBe(
      'We sent a code to r***@e***.',
    );
  });

  it('confirms the email with the mailed code, pasted with spaces, and goes on to sign in', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const code = cognito.code(EMAIL);
    const p = page();
    type(p.code, ` ${code.slice(0, 3)} ${code.slice(3)} `);
    await submitWhileBusy(p.form);
    expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
    expect(cognito.operations).toEqual(['ConfirmSignUp']);
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });

  it.each([
    [
      'en-US',
      'Working…',
      'That code is not right. Check the email and try again, or send a new code.',
    ],
    [
      'ko-KR',
      '처리 중…',
      '인증 코드가 올바르지 않아요. 이메일을 확인해 다시 입력하거나 새 코드를 받으세요.',
    ],
  ])(
    'keeps a wrong code, explains (%s), and points at the resend action',
    async (language, working, text) => {
      await cognito.unconfirmedUser(EMAIL);
      const wrong = otherCode(cognito.code(EMAIL));
      const p = page('?email=rider%40example.com', null, [language]);
      type(p.code, wrong);
      await submitWhileBusy(p.form, working);
      expect(p.message.textContent).toBe(text);
      expect([p.email.value, p.code.value]).toEqual([EMAIL, wrong]);
      expect(suggestsResend(p)).toBe(true);
      expect(cognito.operations).toEqual(['ConfirmSignUp']);
      expect(p.navigate).not.toHaveBeenCalled();
      await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'UNCONFIRMED' }]);
    },
  );

  it('keeps an expired code, says it has expired, and a new code from the resend action works', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const old = cognito.code(EMAIL);
    cognito.clock.advance(SIGNUP_CODE_LIFETIME + 1000);
    const p = page();
    type(p.code, old);
    await submitWhileBusy(p.form);
    expect(p.message.textContent).toBe(
      'That code has expired or was already used. Send a new code and try again.',
    );
    expect([p.email.value, p.code.value]).toEqual([EMAIL, old]);
    expect(suggestsResend(p)).toBe(true);

    await resendWhileBusy(p);
    expect(suggestsResend(p)).toBe(false);
    expect(cognito.mails(EMAIL)).toHaveLength(2);
    type(p.code, cognito.code(EMAIL));
    await submitWhileBusy(p.form);
    expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
  });

  it('sends a new code that arrives in the mailbox, says where it went, and works', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const first = cognito.code(EMAIL);
    const p = page();
    await resendWhileBusy(p);
    expect(p.message.textContent).toBe('We sent a code to r***@e***.');
    expect(p.message.dataset.tone).toBe('success');
    expect(document.activeElement).toBe(p.code);
    expect(cognito.operations).toEqual(['ResendConfirmationCode']);
    const mails = cognito.mails(EMAIL);
    expect(mails).toHaveLength(2);
    const second = cognito.code(EMAIL);
    expect(second).not.toBe(first);
    type(p.code, second);
    await submitWhileBusy(p.form);
    expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });

  it('says so when the account is already confirmed', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.code, cognito.code(EMAIL));
    await submitWhileBusy(p.form);
    expect(p.message.textContent).toBe('This account is already confirmed. You can sign in.');
    expect(p.code.value).toBe(cognito.code(EMAIL));
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('explains a resend refused after too many codes in an hour', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const p = page();
    // Cognito allows five codes per user per hour; the sign-up sent the first.
    for (let sent = 1; sent < 5; sent += 1) await resendWhileBusy(p);
    expect(p.message.textContent).toBe('We sent a code to r***@e***.');
    await resendWhileBusy(p);
    expect(p.message.textContent).toBe(
      'Too many attempts. Please wait a while before trying again.',
    );
    expect(p.message.dataset.tone).toBe('error');
    expect(cognito.mails(EMAIL)).toHaveLength(5);
    expect(p.email.value).toBe(EMAIL);
  });

  it('says it could not reach the service when the network fails, and keeps the code', async () => {
    await cognito.unconfirmedUser(EMAIL);
    cognito.server.use(answer('ConfirmSignUp', () => HttpResponse.error()));
    const p = page();
    type(p.code, cognito.code(EMAIL));
    await submitWhileBusy(p.form);
    expect(p.message.textContent).toBe(
      'Could not reach the sign-in service. Check your connection and try again.',
    );
    expect([p.email.value, p.code.value]).toEqual([EMAIL, cognito.code(EMAIL)]);
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'UNCONFIRMED' }]);
  });

  it('asks for the code before sending anything', () => {
    const p = page();
    p.form.requestSubmit();
    expect(p.message.textContent).toBe('Enter the code from the email.');
    expect(document.activeElement).toBe(p.code);
    expect(cognito.operations).toEqual([]);
  });

  it('asks for the email before resending when it is missing', () => {
    const p = page('');
    p.resend.click();
    expect(p.message.textContent).toBe('Enter your email address.');
    expect(document.activeElement).toBe(p.email);
    expect(cognito.operations).toEqual([]);
  });

  it('tells where codes are in development on the emulator', () => {
    page('', 'http://localhost:5173/emulator/mailbox');
    const hint = byId('devHint', HTMLElement);
    expect(hint.hidden).toBe(false);
    expect(hint.querySelector('a')?.href).toBe('http://localhost:5173/emulator/mailbox');
  });

  it('shows no development hint for a real pool', () => {
    page();
    expect(byId('devHint', HTMLElement).hidden).toBe(true);
  });
});
