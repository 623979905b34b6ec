// @vitest-environment jsdom
/**
 * "Email me a code" on the sign-in page, in jsdom against the emulator: offered only where the
 * pool allows EMAIL_OTP, the address checked like the password sign-in's, the step saying where
 * the code went, the code from the mailbox signing in, wrong and exhausted codes, a new code, and
 * nothing the rider typed lost on the way.
 */
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { idTokenEmail } from '../../../src/cognito-auth.ts';
import { setupSigninPage } from '../../../src/pages/signin.ts';
import { otherCode } from '../../support/emulator.ts';
import { PASSWORD } from '../../support/passwords.ts';
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
  TEST_COGNITO,
  testAuth,
  testI18n,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();
const EMAIL = 'rider@example.com';
const MAILBOX = 'http://localhost:5173/emulator/mailbox';

function page({ offered = true, languages = ['en-US'] } = {}) {
  loadPage('signin.html');
  const navigate = vi.fn<(url: string) => void>();
  const storage = memoryStorage();
  setupSigninPage(document, {
    auth: testAuth(storage),
    i18n: testI18n(languages),
    navigate,
    search: '',
    clock: manualClock(new Date(cognito.clock.now())),
    replaceUrl: vi.fn(),
    mailboxUrl: MAILBOX,
    emailCode: offered ? { cognito: TEST_COGNITO, storage } : null,
  });
  const codeForm = byId('emailCodeForm', HTMLFormElement);
  return {
    navigate,
    storage,
    email: byId('emailInputSignin', HTMLInputElement),
    password: byId('passwordInputSignin', HTMLInputElement),
    signinPanel: byId('signinPanel', HTMLElement),
    signinMessage: liveRegion(byId('signinForm', HTMLFormElement)),
    offer: byId('emailCodeOffer', HTMLElement),
    button: byId('emailCodeButton', HTMLButtonElement),
    panel: byId('emailCodePanel', HTMLElement),
    sent: byId('emailCodeSent', HTMLElement),
    codeForm,
    code: byId('codeInputEmail', HTMLInputElement),
    message: liveRegion(codeForm),
    resend: byId('resendEmailCode', HTMLButtonElement),
    back: byId('emailCodeBack', HTMLButtonElement),
    hint: byId('devHintEmailCode', HTMLElement),
  };
}

type Page = ReturnType<typeof page>;

function mailedCode(): string {
  const mail = cognito.emulator.mailbox().filter((each) => each.to === EMAIL);
  return mail.at(-1)?.code ?? '';
}

/** Presses "Email me a code" and waits until the step shows. */
async function askForCode(p: Page, busy = 'Sending code…'): Promise<void> {
  p.button.click();
  expect(p.button.getAttribute('aria-busy')).toBe('true');
  expect(p.button.textContent).toBe(busy);
  await eventually(() => expect(p.panel.hidden).toBe(false));
  expect(p.signinPanel.hidden).toBe(true);
  expect(document.activeElement).toBe(p.code);
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('email me a code', () => {
  it('is not offered where the pool allows no email codes', () => {
    expect(page({ offered: false }).offer.hidden).toBe(true);
  });

  it('is offered in both languages where the pool allows it', () => {
    expect(page().button.textContent).toBe('Email me a code');
    expect(page({ languages: ['ko-KR'] }).button.textContent).toBe('이메일로 인증 코드 받기');
  });

  it('asks for the email first, at its field, sending nothing', () => {
    const p = page();
    p.button.click();
    expect(fieldError(p.email)).toBe('Enter your email address.');
    expect(document.activeElement).toBe(p.email);
    expect(cognito.operations).toEqual([]);
  });

  it('signs in with the mailed code and goes to the ride page, where the library finds the session', async () => {
    await cognito.confirmedUser(EMAIL);
    cognito.requests.length = 0;
    const p = page();
    type(p.email, EMAIL);
    await askForCode(p);
    expect(p.sent.textContent).toBe('We sent a code to r***@e***.');
    expect(p.code.pattern).toBe('[0-9]{8}');
    expect(p.code.autocomplete).toBe('one-time-code');
    type(p.code, mailedCode());
    await submitWhileBusy(p.codeForm, 'Signing in…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
    expect(cognito.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    const idToken = await testAuth(p.storage).getIdToken();
    expect(idToken === null ? null : idTokenEmail(idToken)).toBe(EMAIL);
  });

  it('says where the code went in Korean', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page({ languages: ['ko-KR'] });
    type(p.email, EMAIL);
    await askForCode(p, '인증 코드를 보내는 중…');
    expect(p.sent.textContent).toBe('r***@e***(으)로 인증 코드를 보냈어요.');
  });

  it('points at the mailbox of that address on the local emulator', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await askForCode(p);
    expect(p.hint.hidden).toBe(false);
    expect(p.hint.querySelector('a')?.href).toBe(`${MAILBOX}?to=rider%40example.com`);
  });

  it('asks for all eight digits before sending a shorter code', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await askForCode(p);
    cognito.requests.length = 0;
    type(p.code, '123456');
    p.codeForm.requestSubmit();
    expect(fieldError(p.code)).toBe('Enter all 8 digits of the code.');
    expect(cognito.operations).toEqual([]);
  });

  it('keeps a wrong code, says so at the field with it selected, and the right one then signs in', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await askForCode(p);
    const wrong = otherCode(mailedCode());
    type(p.code, wrong);
    await submitWhileBusy(p.codeForm, 'Signing in…');
    expect(fieldError(p.code)).toBe(
      'That code is not right. Check the email and try again, or send a new code.',
    );
    expect(p.code.value).toBe(wrong);
    expect(document.activeElement).toBe(p.code);
    expect([p.code.selectionStart, p.code.selectionEnd]).toEqual([0, 8]);
    expect(p.navigate).not.toHaveBeenCalled();
    type(p.code, mailedCode());
    await submitWhileBusy(p.codeForm, 'Signing in…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
  });

  it('goes back to the email with a clear message once the tries run out, the address kept', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    type(p.password, 'half-typed');
    await askForCode(p);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      type(p.code, otherCode(mailedCode()));
      await submitWhileBusy(p.codeForm, 'Signing in…');
    }
    expect(p.panel.hidden).toBe(true);
    expect(p.signinPanel.hidden).toBe(false);
    expect(p.signinMessage.textContent).toBe(
      'That sign-in code can no longer be used (too many tries, or it expired). Ask for a new code.',
    );
    expect([p.email.value, p.password.value]).toEqual([EMAIL, 'half-typed']);
    expect(document.activeElement).toBe(p.button);
    // Asking again mails a new code that signs in.
    await askForCode(p);
    type(p.code, mailedCode());
    await submitWhileBusy(p.codeForm, 'Signing in…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
  });

  it('sends a new code on request, says when, and the new code signs in', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await askForCode(p);
    const first = mailedCode();
    p.resend.click();
    expect(p.resend.textContent).toBe('Sending code…');
    await eventually(() =>
      expect(p.sent.textContent).toMatch(/^New code sent to r\*\*\*@e\*\*\* at /),
    );
    expect(mailedCode()).not.toBe(first);
    expect(p.resend.disabled).toBe(true);
    type(p.code, mailedCode());
    await submitWhileBusy(p.codeForm, 'Signing in…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
  });

  it('tells a rider no code can go to this account, keeping what was typed', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    type(p.password, PASSWORD);
    p.button.click();
    await eventually(() =>
      expect(p.signinMessage.textContent).toBe(
        'We cannot email a sign-in code to this account. Sign in with your password.',
      ),
    );
    expect(p.panel.hidden).toBe(true);
    expect([p.email.value, p.password.value]).toEqual([EMAIL, PASSWORD]);
  });

  it('says it could not reach the service, keeping the code typed', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await askForCode(p);
    cognito.server.use(answer('RespondToAuthChallenge', () => HttpResponse.error()));
    type(p.code, mailedCode());
    await submitWhileBusy(p.codeForm, 'Signing in…');
    expect(p.message.textContent).toBe(
      'Could not reach the sign-in service. Check your connection and try again.',
    );
    expect(p.code.value).toBe(mailedCode());
    expect(p.panel.hidden).toBe(false);
  });

  it('goes back to the sign-in form, email and password as they were', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    type(p.password, 'half-typed');
    await askForCode(p);
    p.back.click();
    expect(p.panel.hidden).toBe(true);
    expect(p.signinPanel.hidden).toBe(false);
    expect([p.email.value, p.password.value]).toEqual([EMAIL, 'half-typed']);
    expect(document.activeElement).toBe(p.button);
  });
});
