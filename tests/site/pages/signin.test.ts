// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { idTokenEmail } from '../../../src/cognito-auth.ts';
import { setupSigninPage } from '../../../src/pages/signin.ts';
import { setupVerifyPage } from '../../../src/pages/verify.ts';
import { otherCode } from '../../support/emulator.ts';
import { PASSWORD } from '../../support/passwords.ts';
import { memoryStorage } from '../../support/storage.ts';
import { useEmulatedCognito } from '../emulator.ts';
import {
  answer,
  byId,
  liveRegion,
  loadPage,
  submitWhileBusy,
  testAuth,
  testI18n,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();
const EMAIL = 'rider@example.com';
const NEW_PASSWORD = 'New-Pass-77';
const RESET_CODE_LIFETIME = 3600 * 1000;

function page(search = '', languages = ['en-US'], storage = memoryStorage()) {
  loadPage('signin.html');
  const navigate = vi.fn<(url: string) => void>();
  setupSigninPage(document, {
    auth: testAuth(storage),
    i18n: testI18n(languages),
    navigate,
    search,
  });
  const form = byId('signinForm', HTMLFormElement);
  const forgotForm = byId('forgotPasswordForm', HTMLFormElement);
  const resetForm = byId('resetPasswordForm', HTMLFormElement);
  return {
    navigate,
    storage,
    form,
    email: byId('emailInputSignin', HTMLInputElement),
    password: byId('passwordInputSignin', HTMLInputElement),
    message: liveRegion(form),
    signinPanel: byId('signinPanel', HTMLElement),
    forgotPanel: byId('forgotPanel', HTMLElement),
    forgotButton: byId('forgotPasswordButton', HTMLButtonElement),
    forgotForm,
    forgotEmail: byId('emailInputForgot', HTMLInputElement),
    forgotMessage: liveRegion(forgotForm),
    resetForm,
    resetCode: byId('codeInputReset', HTMLInputElement),
    resetPassword: byId('passwordInputReset', HTMLInputElement),
    resetMessage: liveRegion(resetForm),
  };
}

type Page = ReturnType<typeof page>;

async function signIn(p: Page, email: string, password: string, working?: string): Promise<void> {
  type(p.email, email);
  type(p.password, password);
  await submitWhileBusy(p.form, working);
}

/** Opens "Forgot password?" and asks for a reset code for what is in the email field. */
async function requestResetCode(p: Page): Promise<void> {
  p.forgotButton.click();
  await submitWhileBusy(p.forgotForm);
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('sign-in page', () => {
  it('asks for the current password', () => {
    const p = page();
    expect(p.email.autocomplete).toBe('email');
    expect(p.password.autocomplete).toBe('current-password');
  });

  it('welcomes a just-confirmed user with the email filled in and the cursor in the password', () => {
    const p = page('?email=rider%40example.com&verified=1');
    expect(p.email.value).toBe(EMAIL);
    expect(document.activeElement).toBe(p.password);
    expect(p.message.textContent).toBe('Your email is confirmed. Sign in to ryde.');
  });

  it('signs in with SRP, never sending the password, and goes to the ride page signed in', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    await signIn(p, EMAIL, PASSWORD);
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
    expect(cognito.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(cognito.requests[0]?.body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH' });
    expect(JSON.stringify(cognito.requests.map((r) => r.body))).not.toContain(PASSWORD);
    const idToken = await testAuth(p.storage).getIdToken();
    expect(idToken === null ? null : idTokenEmail(idToken)).toBe(EMAIL);
  });

  it.each([
    ['en-US', 'Working…', 'Incorrect email or password.'],
    ['ko-KR', '처리 중…', '이메일 또는 비밀번호가 올바르지 않아요.'],
  ])('keeps what was typed and explains (%s) a wrong password', async (language, working, text) => {
    await cognito.confirmedUser(EMAIL);
    const p = page('', [language]);
    await signIn(p, EMAIL, 'Wrong-Pass-1', working);
    expect(p.message.textContent).toBe(text);
    expect([p.email.value, p.password.value]).toEqual([EMAIL, 'Wrong-Pass-1']);
    expect(cognito.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(p.navigate).not.toHaveBeenCalled();
    await expect(testAuth(p.storage).getIdToken()).resolves.toBeNull();
  });

  it('answers an unknown email like a wrong password, as a pool that hides who is registered does', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    await signIn(p, 'nobody@example.com', PASSWORD);
    expect(p.message.textContent).toBe('Incorrect email or password.');
    expect([p.email.value, p.password.value]).toEqual(['nobody@example.com', PASSWORD]);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('says there is no such account when the app client reveals unknown users', async () => {
    await cognito.restart({ preventUserExistenceErrors: false });
    const p = page();
    await signIn(p, 'nobody@example.com', PASSWORD);
    expect(p.message.textContent).toBe(
      'There is no account with this email. Check it, or register.',
    );
    expect([p.email.value, p.password.value]).toEqual(['nobody@example.com', PASSWORD]);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('sends an unconfirmed user to verify with the email, where a new code is offered and works', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const p = page();
    await signIn(p, EMAIL, PASSWORD);
    expect(p.navigate).toHaveBeenCalledWith(
      'verify.html?email=rider%40example.com&reason=unconfirmed',
    );
    const search = new URL(p.navigate.mock.calls[0]?.[0] ?? '', 'https://site.test/').search;

    loadPage('verify.html');
    const navigate = vi.fn<(url: string) => void>();
    setupVerifyPage(document, { auth: testAuth(), i18n: testI18n(), navigate, search });
    const verifyForm = byId('verifyForm', HTMLFormElement);
    expect(byId('emailInputVerify', HTMLInputElement).value).toBe(EMAIL);
    expect(liveRegion(verifyForm).textContent).toBe(
      'Your email address is not confirmed yet. Enter the code from your email, or send a new one.',
    );
    byId('resendCode', HTMLButtonElement).click();
    await vi.waitFor(() => expect(cognito.mails(EMAIL)).toHaveLength(2));
    await vi.waitFor(() =>
      expect(liveRegion(verifyForm).textContent).toBe('We sent a code to r***@e***.'),
    );
    type(byId('codeInputVerify', HTMLInputElement), cognito.code(EMAIL));
    await submitWhileBusy(verifyForm);
    expect(navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
  });

  it('explains a lockout after too many wrong passwords, and lets the right one in once it ends', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    // Cognito locks for 1 s after the fifth wrong password, doubling with each further failure.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(p, EMAIL, `Wrong-Pass-${attempt}`);
      expect(p.message.textContent).toBe('Incorrect email or password.');
    }
    await signIn(p, EMAIL, PASSWORD);
    expect(p.message.textContent).toBe(
      'Too many wrong passwords. Wait a moment before trying again, or reset your password.',
    );
    expect([p.email.value, p.password.value]).toEqual([EMAIL, PASSWORD]);
    expect(p.navigate).not.toHaveBeenCalled();

    cognito.clock.advance(1001);
    await signIn(p, EMAIL, PASSWORD);
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
  });

  it('says it could not reach the service when the network fails, and keeps what was typed', async () => {
    await cognito.confirmedUser(EMAIL);
    cognito.server.use(answer('InitiateAuth', () => HttpResponse.error()));
    const p = page();
    await signIn(p, EMAIL, PASSWORD);
    expect(p.message.textContent).toBe(
      'Could not reach the sign-in service. Check your connection and try again.',
    );
    expect([p.email.value, p.password.value]).toEqual([EMAIL, PASSWORD]);
    expect(cognito.operations).toEqual(['InitiateAuth']);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('asks for the password before sending anything', () => {
    const p = page();
    type(p.email, EMAIL);
    p.form.requestSubmit();
    expect(p.message.textContent).toBe('Enter your password.');
    expect(document.activeElement).toBe(p.password);
    expect(cognito.operations).toEqual([]);
  });

  it('resets a forgotten password with the mailed code, after which the new password signs in', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    type(p.password, 'Forgotten-Pass-1');
    p.forgotButton.click();
    expect(p.signinPanel.hidden).toBe(true);
    expect(p.forgotPanel.hidden).toBe(false);
    expect(p.forgotEmail.value).toBe(EMAIL);
    expect(document.activeElement).toBe(p.forgotEmail);

    await submitWhileBusy(p.forgotForm);
    expect(p.resetForm.hidden).toBe(false);
    expect(p.resetMessage.textContent).toBe('We sent a code to r***@e***.');
    expect(document.activeElement).toBe(p.resetCode);

    type(p.resetCode, cognito.code(EMAIL, 'forgot-password'));
    type(p.resetPassword, NEW_PASSWORD);
    await submitWhileBusy(p.resetForm);
    expect(p.signinPanel.hidden).toBe(false);
    expect(p.message.textContent).toBe('Your password has been changed. Sign in with the new one.');
    expect([p.email.value, p.password.value]).toEqual([EMAIL, '']);
    expect(document.activeElement).toBe(p.password);
    expect(cognito.operations).toEqual(['ForgotPassword', 'ConfirmForgotPassword']);

    await signIn(p, EMAIL, NEW_PASSWORD);
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
  });

  it('keeps the new password and code when the reset code is wrong', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    const wrong = otherCode(cognito.code(EMAIL, 'forgot-password'));
    type(p.resetCode, wrong);
    type(p.resetPassword, NEW_PASSWORD);
    await submitWhileBusy(p.resetForm);
    expect(p.resetMessage.textContent).toBe(
      'That code is not right. Check the email and try again, or send a new code.',
    );
    expect([p.resetCode.value, p.resetPassword.value]).toEqual([wrong, NEW_PASSWORD]);
    expect(p.resetForm.hidden).toBe(false);
  });

  it('refuses a new password with a trailing space before sending the reset, keeping both fields', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    const code = cognito.code(EMAIL, 'forgot-password');
    type(p.resetCode, code);
    type(p.resetPassword, `${NEW_PASSWORD} `);
    p.resetForm.requestSubmit();
    expect(p.resetMessage.textContent).toBe('A password cannot start or end with a space.');
    expect(p.resetPassword.getAttribute('aria-invalid')).toBe('true');
    expect([p.resetCode.value, p.resetPassword.value]).toEqual([code, `${NEW_PASSWORD} `]);
    expect(cognito.operations).toEqual(['ForgotPassword']);
  });

  it('keeps the code and explains when the expired reset code no longer works', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    const code = cognito.code(EMAIL, 'forgot-password');
    cognito.clock.advance(RESET_CODE_LIFETIME + 1000);
    type(p.resetCode, code);
    type(p.resetPassword, NEW_PASSWORD);
    await submitWhileBusy(p.resetForm);
    expect(p.resetMessage.textContent).toBe(
      'That code has expired or was already used. Send a new code and try again.',
    );
    expect([p.resetCode.value, p.resetPassword.value]).toEqual([code, NEW_PASSWORD]);
  });

  it('keeps the code and names the rule when the new password is too weak', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    const code = cognito.code(EMAIL, 'forgot-password');
    type(p.resetCode, code);
    type(p.resetPassword, 'new-pass-77');
    await submitWhileBusy(p.resetForm);
    expect(p.resetMessage.textContent).toBe('The password needs an uppercase letter.');
    expect([p.resetCode.value, p.resetPassword.value]).toEqual([code, 'new-pass-77']);
  });

  it('explains a reset for an unknown email when the app client reveals unknown users', async () => {
    await cognito.restart({ preventUserExistenceErrors: false });
    const p = page();
    type(p.email, 'nobody@example.com');
    await requestResetCode(p);
    expect(p.forgotMessage.textContent).toBe(
      'There is no account with this email. Check it, or register.',
    );
    expect(p.forgotEmail.value).toBe('nobody@example.com');
    expect(p.resetForm.hidden).toBe(true);
  });

  it('explains that an unconfirmed account cannot get a reset code when the app client reveals it', async () => {
    // With existence errors prevented, Cognito pretends to send the code instead.
    await cognito.restart({ preventUserExistenceErrors: false });
    await cognito.unconfirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    expect(p.forgotMessage.textContent).toBe(
      'This account has no confirmed email address, so no reset code can be sent. Confirm the email first.',
    );
    expect(p.forgotEmail.value).toBe(EMAIL);
  });

  it('goes back to sign in from the reset panel', () => {
    const p = page();
    p.forgotButton.click();
    document.querySelector<HTMLButtonElement>('[data-back-to-signin]')?.click();
    expect(p.signinPanel.hidden).toBe(false);
    expect(p.forgotPanel.hidden).toBe(true);
  });
});
