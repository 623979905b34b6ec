// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupVerifyPage } from '../../../src/pages/verify.ts';
import { otherCode } from '../../support/emulator.ts';
import { memoryStorage } from '../../support/storage.ts';
import { useEmulatedCognito } from '../emulator.ts';
import { fieldError, manualClock } from '../forms.ts';
import {
  answer,
  byId,
  eventually,
  liveRegion,
  loadPage,
  submitWhileBusy,
  testI18n,
  testSignUp,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();
const EMAIL = 'rider@example.com';
const SIGNUP_CODE_LIFETIME = 24 * 3600 * 1000;
// Local time, so the page shows 7:15 PM whatever the machine's time zone.
const QUARTER_PAST_SEVEN = new Date(2026, 11, 1, 19, 15);

function page(
  search = '?email=rider%40example.com',
  mailboxUrl: string | null = null,
  languages = ['en-US'],
) {
  loadPage('verify.html');
  const navigate = vi.fn<(url: string) => void>();
  const clock = manualClock(QUARTER_PAST_SEVEN);
  setupVerifyPage(document, {
    signUp: testSignUp(),
    pending: { storage: memoryStorage() },
    i18n: testI18n(languages),
    navigate,
    search,
    mailboxUrl,
    clock,
  });
  const form = byId('verifyForm', HTMLFormElement);
  return {
    navigate,
    clock,
    status: byId('codeSentVerify', HTMLElement),
    form,
    email: byId('emailInputVerify', HTMLInputElement),
    code: byId('codeInputVerify', HTMLInputElement),
    resend: byId('resendCode', HTMLButtonElement),
    message: liveRegion(form),
  };
}

type Page = ReturnType<typeof page>;

/**
 * Presses "Send a new code" twice in a row, checking it is busy (and keeps focus) meanwhile,
 * waits for it, and lets the 30-second wait after a sent code pass.
 */
async function resendWhileBusy(p: Page): Promise<void> {
  p.resend.focus();
  p.resend.click();
  expect(p.resend.getAttribute('aria-busy')).toBe('true');
  expect(p.resend.getAttribute('aria-disabled')).toBe('true');
  expect(p.resend.textContent).toBe('Sending code…');
  expect(document.activeElement).toBe(p.resend);
  p.resend.click();
  await eventually(() => expect(p.resend.hasAttribute('aria-busy')).toBe(false));
  p.clock.advance(30_000);
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

  it('says where the code went after registering, naming the address in full', () => {
    const p = page('?email=rider%40example.com&sent=1');
    expect(p.status.textContent).toBe('We sent a code to rider@example.com.');
    expect(p.status.getAttribute('role')).toBe('status');
    expect(p.status.dataset.tone).toBe('info');
  });

  it('never names an address it has not checked, whatever ?sent= says', () => {
    expect(page('?email=rider%40example.com&sent=evil%40phish.example').status.textContent).toBe(
      '',
    );
    expect(page('?email=Call+555-0100+now&sent=1').status.hidden).toBe(true);
    expect(page('?sent=anyone%40example.com').status.textContent).toBe('');
  });

  it('takes six digits only: pasted spaces go, a typed letter is refused with an error at the field', () => {
    const p = page();
    expect(p.code.pattern).toBe('[0-9]{6}');
    p.code.value = '123 456';
    p.code.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
    expect(p.code.value).toBe('123456');
    expect(fieldError(p.code)).toBe('');
    p.code.value = '12345a';
    p.code.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: 'a' }));
    expect(p.code.value).toBe('12345');
    expect(fieldError(p.code)).toBe('The code has digits only (0–9).');
    type(p.code, '123456');
    expect(fieldError(p.code)).toBe('');
  });

  it('asks for all six digits before sending a shorter code', () => {
    const p = page();
    type(p.code, '12345');
    p.form.requestSubmit();
    expect(fieldError(p.code)).toBe('Enter all 6 digits of the code.');
    expect(document.activeElement).toBe(p.code);
    expect(cognito.operations).toEqual([]);
  });

  it('says when a new code was sent, in the reader’s language, and holds resend back for 30 seconds', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const p = page('?email=rider%40example.com&sent=1');
    p.resend.click();
    await eventually(() => expect(p.resend.disabled).toBe(true));
    expect(p.status.textContent).toBe('New code sent to rider@example.com at 7:15 PM.');
    expect(p.status.dataset.tone).toBe('success');
    expect(p.resend.textContent).toBe('Send a new code in 30 s');
    p.clock.advance(10_000);
    expect(p.resend.textContent).toBe('Send a new code in 20 s');
    document.querySelector<HTMLButtonElement>('[data-language-toggle]')?.click();
    // Node may carry no Korean locale data ("PM 7:15"); a browser writes "오후 7:15".
    const koreanTime = new Intl.DateTimeFormat('ko', { hour: 'numeric', minute: '2-digit' });
    expect(p.status.textContent).toBe(
      `${koreanTime.format(QUARTER_PAST_SEVEN)}에 rider@example.com으로 새 인증 코드를 보냈어요.`,
    );
    expect(p.resend.textContent).toBe('20초 후에 인증 코드 다시 받기');
    p.clock.advance(19_999);
    expect(p.resend.disabled).toBe(true);
    p.clock.advance(1);
    expect(p.resend.disabled).toBe(false);
    expect(p.resend.textContent).toBe('인증 코드 다시 받기');
    expect(cognito.operations).toEqual(['ResendConfirmationCode']);
  });

  it('confirms the email with the mailed code, pasted with spaces, and goes on to sign in', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const code = cognito.code(EMAIL);
    const p = page();
    type(p.code, ` ${code.slice(0, 3)} ${code.slice(3)} `);
    await submitWhileBusy(p.form, 'Confirming…');
    expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
    expect(cognito.operations).toEqual(['ConfirmSignUp']);
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });

  it.each([
    [
      'en-US',
      'Confirming…',
      'That code is not right. Check the email and try again, or send a new code.',
    ],
    [
      'ko-KR',
      '확인하는 중…',
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
      expect(fieldError(p.code)).toBe(text);
      expect(document.activeElement).toBe(p.code);
      expect(p.message.textContent).toBe('');
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
    await submitWhileBusy(p.form, 'Confirming…');
    expect(fieldError(p.code)).toBe(
      'That code has expired or was already used. Send a new code and try again.',
    );
    expect([p.email.value, p.code.value]).toEqual([EMAIL, old]);
    expect(suggestsResend(p)).toBe(true);

    await resendWhileBusy(p);
    expect(suggestsResend(p)).toBe(false);
    expect(cognito.mails(EMAIL)).toHaveLength(2);
    type(p.code, cognito.code(EMAIL));
    await submitWhileBusy(p.form, 'Confirming…');
    expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
  });

  it('sends a new code that arrives in the mailbox, says where it went, and works', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const first = cognito.code(EMAIL);
    const p = page();
    await resendWhileBusy(p);
    expect(p.status.textContent).toBe('New code sent to rider@example.com at 7:15 PM.');
    expect(document.activeElement).toBe(p.code);
    expect(cognito.operations).toEqual(['ResendConfirmationCode']);
    const mails = cognito.mails(EMAIL);
    expect(mails).toHaveLength(2);
    const second = cognito.code(EMAIL);
    expect(second).not.toBe(first);
    type(p.code, second);
    await submitWhileBusy(p.form, 'Confirming…');
    expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });

  it('says so when the account is already confirmed', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.code, cognito.code(EMAIL));
    await submitWhileBusy(p.form, 'Confirming…');
    expect(p.message.textContent).toBe('This account is already confirmed. You can sign in.');
    expect(p.code.value).toBe(cognito.code(EMAIL));
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('explains a resend refused after too many codes in an hour', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const p = page();
    // Cognito allows five codes per user per hour; the sign-up sent the first.
    for (let sent = 1; sent < 5; sent += 1) await resendWhileBusy(p);
    // Four codes, each after the 30-second wait of the one before.
    expect(p.status.textContent).toBe('New code sent to rider@example.com at 7:16 PM.');
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
    await submitWhileBusy(p.form, 'Confirming…');
    expect(p.message.textContent).toBe(
      'Could not reach the sign-in service. Check your connection and try again.',
    );
    expect([p.email.value, p.code.value]).toEqual([EMAIL, cognito.code(EMAIL)]);
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'UNCONFIRMED' }]);
  });

  it('asks for the code before sending anything', () => {
    const p = page();
    p.form.requestSubmit();
    expect(fieldError(p.code)).toBe('Enter the code from the email.');
    expect(document.activeElement).toBe(p.code);
    expect(cognito.operations).toEqual([]);
  });

  it('asks for the email before resending when it is missing', () => {
    const p = page('');
    p.resend.click();
    expect(fieldError(p.email)).toBe('Enter your email address.');
    expect(document.activeElement).toBe(p.email);
    expect(cognito.operations).toEqual([]);
  });

  it('tells where codes are in development on the emulator', () => {
    page('', 'http://localhost:5173/emulator/mailbox');
    const hint = byId('devHint', HTMLElement);
    expect(hint.hidden).toBe(false);
    expect(hint.querySelector('a')?.href).toBe('http://localhost:5173/emulator/mailbox');
  });

  it('points the development hint at the mailbox of the address typed', () => {
    const p = page('?email=rider%40example.com', 'http://localhost:5173/emulator/mailbox');
    const link = byId('devHint', HTMLElement).querySelector('a');
    expect(link?.href).toBe('http://localhost:5173/emulator/mailbox?to=rider%40example.com');
    type(p.email, 'other+1@example.com');
    expect(link?.href).toBe('http://localhost:5173/emulator/mailbox?to=other%2B1%40example.com');
    type(p.email, 'not an address');
    expect(link?.href).toBe('http://localhost:5173/emulator/mailbox');
  });

  it('shows no development hint for a real pool', () => {
    page();
    expect(byId('devHint', HTMLElement).hidden).toBe(true);
  });
});
