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
import { fieldError, manualClock } from '../forms.ts';
import {
  answer,
  byId,
  liveRegion,
  loadPage,
  submitWhileBusy,
  testAuth,
  testI18n,
  testSignUp,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();
const EMAIL = 'rider@example.com';
const NEW_PASSWORD = 'New-Pass-77';
const RESET_CODE_LIFETIME = 3600 * 1000;
// Local time, so the page shows 7:15 PM whatever the machine's time zone.
const QUARTER_PAST_SEVEN = new Date(2026, 11, 1, 19, 15);

function page(
  search = '',
  languages = ['en-US'],
  storage = memoryStorage(),
  mailboxUrl: string | null = null,
) {
  loadPage('signin.html');
  const navigate = vi.fn<(url: string) => void>();
  const replaceUrl = vi.fn<(url: string) => void>();
  const clock = manualClock(QUARTER_PAST_SEVEN);
  setupSigninPage(document, {
    auth: testAuth(storage),
    i18n: testI18n(languages),
    navigate,
    search,
    clock,
    replaceUrl,
    mailboxUrl,
  });
  const form = byId('signinForm', HTMLFormElement);
  const forgotForm = byId('forgotPasswordForm', HTMLFormElement);
  const resetForm = byId('resetPasswordForm', HTMLFormElement);
  return {
    navigate,
    replaceUrl,
    clock,
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
    resetPassword2: byId('password2InputReset', HTMLInputElement),
    resetStatus: byId('codeSentReset', HTMLElement),
    resend: byId('resendResetCode', HTMLButtonElement),
    resetMessage: liveRegion(resetForm),
  };
}

type Page = ReturnType<typeof page>;

async function signIn(
  p: Page,
  email: string,
  password: string,
  working = 'Signing in…',
): Promise<void> {
  type(p.email, email);
  type(p.password, password);
  await submitWhileBusy(p.form, working);
}

/** Opens "Forgot password?" and asks for a reset code for what is in the email field. */
async function requestResetCode(p: Page): Promise<void> {
  p.forgotButton.click();
  await submitWhileBusy(p.forgotForm, 'Sending code…');
}

/** Types a reset code and the new password, twice. */
function fillReset(p: Page, code: string, password: string, password2 = password): void {
  type(p.resetCode, code);
  type(p.resetPassword, password);
  type(p.resetPassword2, password2);
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
    ['en-US', 'Signing in…', 'Incorrect email or password.'],
    ['ko-KR', '로그인하는 중…', '이메일 또는 비밀번호가 올바르지 않아요.'],
  ])(
    'keeps what was typed, explains (%s) a wrong password at the password, and focuses it',
    async (language, working, text) => {
      await cognito.confirmedUser(EMAIL);
      const p = page('', [language]);
      await signIn(p, EMAIL, 'Wrong-Pass-1', working);
      expect(fieldError(p.password)).toBe(text);
      expect(document.activeElement).toBe(p.password);
      expect(p.message.textContent).toBe('');
      expect([p.email.value, p.password.value]).toEqual([EMAIL, 'Wrong-Pass-1']);
      expect(cognito.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
      expect(p.navigate).not.toHaveBeenCalled();
      await expect(testAuth(p.storage).getIdToken()).resolves.toBeNull();
    },
  );

  it('says the error aloud when the password it belongs to has the focus already', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    const announcer = byId('fieldAnnouncer', HTMLElement);
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    type(p.email, EMAIL);
    p.email.focus();
    await signIn(p, EMAIL, 'Wrong-Pass-1');
    // Focus moved to the password: its description says why, and nothing else needs to.
    expect(document.activeElement).toBe(p.password);
    expect(announcer.textContent).toBe('');
    // Enter in the password again: focus stays, so the announcer says it.
    type(p.password, 'Wrong-Pass-2');
    await submitWhileBusy(p.form, 'Signing in…');
    expect(fieldError(p.password)).toBe('Incorrect email or password.');
    expect(announcer.textContent).toBe('Incorrect email or password.');
  });

  it('answers an unknown email like a wrong password, as a pool that hides who is registered does', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    await signIn(p, 'nobody@example.com', PASSWORD);
    expect(fieldError(p.password)).toBe('Incorrect email or password.');
    expect([p.email.value, p.password.value]).toEqual(['nobody@example.com', PASSWORD]);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('says there is no such account when the app client reveals unknown users', async () => {
    await cognito.restart({ preventUserExistenceErrors: false });
    const p = page();
    await signIn(p, 'nobody@example.com', PASSWORD);
    expect(fieldError(p.email)).toBe('There is no account with this email. Check it, or register.');
    expect(document.activeElement).toBe(p.email);
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
    setupVerifyPage(document, {
      signUp: testSignUp(),
      i18n: testI18n(),
      navigate,
      search,
      clock: manualClock(QUARTER_PAST_SEVEN),
    });
    const verifyForm = byId('verifyForm', HTMLFormElement);
    expect(byId('emailInputVerify', HTMLInputElement).value).toBe(EMAIL);
    expect(liveRegion(verifyForm).textContent).toBe(
      'Your email address is not confirmed yet. Enter the code from your email, or send a new one.',
    );
    byId('resendCode', HTMLButtonElement).click();
    await vi.waitFor(() => expect(cognito.mails(EMAIL)).toHaveLength(2));
    await vi.waitFor(() =>
      expect(byId('codeSentVerify', HTMLElement).textContent).toBe(
        'New code sent to rider@example.com at 7:15 PM.',
      ),
    );
    type(byId('codeInputVerify', HTMLInputElement), cognito.code(EMAIL));
    await submitWhileBusy(verifyForm, 'Confirming…');
    expect(navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1');
  });

  it('explains a lockout after too many wrong passwords, and lets the right one in once it ends', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    // Cognito locks for 1 s after the fifth wrong password, doubling with each further failure.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(p, EMAIL, `Wrong-Pass-${attempt}`);
      expect(fieldError(p.password)).toBe('Incorrect email or password.');
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
    expect(fieldError(p.password)).toBe('Enter your password.');
    expect(p.message.textContent).toBe('');
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

    await submitWhileBusy(p.forgotForm, 'Sending code…');
    expect(p.resetForm.hidden).toBe(false);
    expect(p.resetStatus.textContent).toBe('We sent a code to rider@example.com.');
    expect(document.activeElement).toBe(p.resetCode);
    expect(p.replaceUrl).toHaveBeenLastCalledWith('signin.html?reset=rider%40example.com');

    fillReset(p, cognito.code(EMAIL, 'forgot-password'), NEW_PASSWORD);
    expect(byId('passwordMatchReset', HTMLElement).textContent).toBe('The passwords match.');
    await submitWhileBusy(p.resetForm, 'Saving password…');
    expect(p.replaceUrl).toHaveBeenLastCalledWith('signin.html?email=rider%40example.com');
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
    fillReset(p, wrong, NEW_PASSWORD);
    await submitWhileBusy(p.resetForm, 'Saving password…');
    expect(fieldError(p.resetCode)).toBe(
      'That code is not right. Check the email and try again, or send a new code.',
    );
    expect(document.activeElement).toBe(p.resetCode);
    expect([p.resetCode.value, p.resetPassword.value]).toEqual([wrong, NEW_PASSWORD]);
    expect(p.resetForm.hidden).toBe(false);
  });

  it('refuses a new password with a trailing space before sending the reset, keeping both fields', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    const code = cognito.code(EMAIL, 'forgot-password');
    fillReset(p, code, `${NEW_PASSWORD} `);
    p.resetForm.requestSubmit();
    expect(fieldError(p.resetPassword)).toBe('A password cannot start or end with a space.');
    expect(document.activeElement).toBe(p.resetPassword);
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
    fillReset(p, code, NEW_PASSWORD);
    await submitWhileBusy(p.resetForm, 'Saving password…');
    expect(fieldError(p.resetCode)).toBe(
      'That code has expired or was already used. Send a new code and try again.',
    );
    expect([p.resetCode.value, p.resetPassword.value]).toEqual([code, NEW_PASSWORD]);
  });

  it('checks the new password’s rules, its confirmation and the code before sending the reset', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    const rule = (name: string) =>
      p.resetForm.querySelector<HTMLElement>(`[data-rule="${name}"]`)?.dataset.met;
    fillReset(p, '1234', 'new-pass-77', 'new-pass-7');
    expect([rule('upper'), rule('lower'), rule('digit')]).toEqual(['false', 'true', 'true']);
    p.resetForm.requestSubmit();
    expect(fieldError(p.resetCode)).toBe('Enter all 6 digits of the code.');
    expect(fieldError(p.resetPassword)).toBe('The password needs an uppercase letter.');
    expect(fieldError(p.resetPassword2)).toBe('The passwords do not match.');
    expect(document.activeElement).toBe(p.resetCode);
    fillReset(p, cognito.code(EMAIL, 'forgot-password'), NEW_PASSWORD, 'New-Pass-78');
    p.resetForm.requestSubmit();
    expect(fieldError(p.resetPassword2)).toBe('The passwords do not match.');
    expect(document.activeElement).toBe(p.resetPassword2);
    expect(cognito.operations).toEqual(['ForgotPassword']);
  });

  it('comes back to the code step after a reload, naming the address, and the code still works', async () => {
    await cognito.confirmedUser(EMAIL);
    const first = page();
    type(first.email, EMAIL);
    await requestResetCode(first);
    const url = new URL(first.replaceUrl.mock.lastCall?.[0] ?? '', 'https://site.test/');

    const p = page(url.search);
    expect(p.signinPanel.hidden).toBe(true);
    expect([p.forgotForm.hidden, p.resetForm.hidden]).toEqual([true, false]);
    expect(p.resetStatus.textContent).toBe('We sent a code to rider@example.com.');
    expect(document.activeElement).toBe(p.resetCode);
    expect(url.search).not.toContain(cognito.code(EMAIL, 'forgot-password'));
    fillReset(p, cognito.code(EMAIL, 'forgot-password'), NEW_PASSWORD);
    await submitWhileBusy(p.resetForm, 'Saving password…');
    expect(p.message.textContent).toBe('Your password has been changed. Sign in with the new one.');
  });

  it('points the reset code step at the emulator’s mailbox for that address, in development', () => {
    page('?reset=rider%2B1%40example.com', ['en-US'], memoryStorage(), '/emulator/mailbox');
    const hint = byId('devHintReset', HTMLElement);
    expect(hint.hidden).toBe(false);
    expect(hint.querySelector('a')?.getAttribute('href')).toBe(
      '/emulator/mailbox?to=rider%2B1%40example.com',
    );
  });

  it('points at no mailbox for a real pool', () => {
    page('?reset=rider%40example.com');
    expect(byId('devHintReset', HTMLElement).hidden).toBe(true);
  });

  it('ignores a ?reset= that is not an email address', () => {
    const p = page('?reset=%3Cscript%3E');
    expect(p.signinPanel.hidden).toBe(false);
    expect(p.forgotPanel.hidden).toBe(true);
    expect(p.resetStatus.textContent).toBe('');
  });

  it('sends a new reset code, says when, and holds the button back for 30 seconds', async () => {
    await cognito.confirmedUser(EMAIL);
    const p = page();
    type(p.email, EMAIL);
    await requestResetCode(p);
    p.resend.click();
    await vi.waitFor(() => expect(p.resend.disabled).toBe(true));
    expect(p.resetStatus.textContent).toBe('New code sent to rider@example.com at 7:15 PM.');
    expect(p.resend.textContent).toBe('Send a new code in 30 s');
    expect(document.activeElement).toBe(p.resetCode);
    p.clock.advance(29_999);
    expect([p.resend.disabled, p.resend.textContent]).toEqual([true, 'Send a new code in 1 s']);
    p.clock.advance(1);
    expect([p.resend.disabled, p.resend.textContent]).toEqual([false, 'Send a new code']);
    expect(cognito.mails(EMAIL, 'forgot-password')).toHaveLength(2);
  });

  it('explains a reset for an unknown email when the app client reveals unknown users', async () => {
    await cognito.restart({ preventUserExistenceErrors: false });
    const p = page();
    type(p.email, 'nobody@example.com');
    await requestResetCode(p);
    expect(fieldError(p.forgotEmail)).toBe(
      'There is no account with this email. Check it, or register.',
    );
    expect(document.activeElement).toBe(p.forgotEmail);
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
