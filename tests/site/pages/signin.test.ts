// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupSigninPage } from '../../../src/pages/signin.ts';
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

function page(search = '') {
  loadPage('signin.html');
  const navigate = vi.fn<(url: string) => void>();
  setupSigninPage(document, { auth: testAuth(), i18n: testI18n(), navigate, search });
  const form = byId('signinForm', HTMLFormElement);
  return {
    navigate,
    form,
    email: byId('emailInputSignin', HTMLInputElement),
    password: byId('passwordInputSignin', HTMLInputElement),
    button: submitButton(form),
    message: byId('signinMessage', HTMLElement),
  };
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
    expect(p.email.value).toBe('rider@example.com');
    expect(document.activeElement).toBe(p.password);
    expect(p.message.textContent).toBe('Your email is confirmed. Sign in to ryde.');
  });

  it('keeps the input and explains a wrong password, busy until the answer', async () => {
    const hold = deferred();
    network.server.use(
      answer('InitiateAuth', async () => {
        await hold.promise;
        return cognitoError('NotAuthorizedException', 'Incorrect username or password.');
      }),
    );
    const p = page();
    type(p.email, 'rider@example.com');
    type(p.password, 'Wrong-Pass-1');
    p.form.requestSubmit();
    expect(p.button.disabled).toBe(true);
    expect(p.button.getAttribute('aria-busy')).toBe('true');
    expect(p.button.textContent?.trim()).toBe('Working…');
    hold.resolve();
    await vi.waitFor(() => expect(p.message.textContent).toBe('Incorrect email or password.'));
    expect([p.email.value, p.password.value]).toEqual(['rider@example.com', 'Wrong-Pass-1']);
    expect(p.button.disabled).toBe(false);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('explains a lockout after too many wrong passwords', async () => {
    network.server.use(
      answer('InitiateAuth', () =>
        cognitoError('NotAuthorizedException', 'Password attempts exceeded'),
      ),
    );
    const p = page();
    type(p.email, 'rider@example.com');
    type(p.password, 'Wrong-Pass-1');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe(
        'Too many wrong passwords. Wait a moment before trying again, or reset your password.',
      ),
    );
  });

  it('sends an unconfirmed user to verify with the email, where a new code is offered', async () => {
    network.server.use(
      answer('InitiateAuth', () =>
        cognitoError('UserNotConfirmedException', 'User is not confirmed.'),
      ),
    );
    const p = page();
    type(p.email, 'rider@example.com');
    type(p.password, 'Giddy-Up-42');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.navigate).toHaveBeenCalledWith(
        'verify.html?email=rider%40example.com&reason=unconfirmed',
      ),
    );
  });

  it('asks for the password before sending anything', () => {
    const p = page();
    type(p.email, 'rider@example.com');
    p.form.requestSubmit();
    expect(p.message.textContent).toBe('Enter your password.');
    expect(network.operations).toEqual([]);
  });

  it('resets a forgotten password: request a code, then set a new password', async () => {
    const bodies: unknown[] = [];
    network.server.use(
      answer('ForgotPassword', (body) => {
        bodies.push(body);
        return HttpResponse.json({
          CodeDeliveryDetails: {
            AttributeName: 'email',
            DeliveryMedium: 'EMAIL',
            Destination: 'r***@e***',
          },
        });
      }),
      answer('ConfirmForgotPassword', (body) => {
        bodies.push(body);
        return HttpResponse.json({});
      }),
    );
    const p = page();
    type(p.email, 'rider@example.com');
    byId('forgotPasswordButton', HTMLButtonElement).click();
    expect(byId('signinPanel', HTMLElement).hidden).toBe(true);
    expect(byId('forgotPanel', HTMLElement).hidden).toBe(false);
    const forgotEmail = byId('emailInputForgot', HTMLInputElement);
    expect(forgotEmail.value).toBe('rider@example.com');
    expect(document.activeElement).toBe(forgotEmail);

    byId('forgotPasswordForm', HTMLFormElement).requestSubmit();
    const resetForm = byId('resetPasswordForm', HTMLFormElement);
    await vi.waitFor(() => expect(resetForm.hidden).toBe(false));
    expect(byId('resetMessage', HTMLElement).textContent).toBe('We sent a code to r***@e***.');
    expect(document.activeElement).toBe(byId('codeInputReset', HTMLInputElement));

    type(byId('codeInputReset', HTMLInputElement), '654321');
    type(byId('passwordInputReset', HTMLInputElement), 'New-Pass-77');
    resetForm.requestSubmit();
    await vi.waitFor(() => expect(byId('signinPanel', HTMLElement).hidden).toBe(false));
    expect(p.message.textContent).toBe('Your password has been changed. Sign in with the new one.');
    expect(p.email.value).toBe('rider@example.com');
    expect(document.activeElement).toBe(p.password);
    expect(bodies).toEqual([
      expect.objectContaining({ Username: 'rider@example.com' }),
      expect.objectContaining({
        Username: 'rider@example.com',
        ConfirmationCode: '654321',
        Password: 'New-Pass-77',
      }),
    ]);
  });

  it('keeps the new password and code when the reset code is wrong', async () => {
    network.server.use(
      answer('ForgotPassword', () =>
        HttpResponse.json({ CodeDeliveryDetails: { Destination: 'r***@e***' } }),
      ),
      answer('ConfirmForgotPassword', () =>
        cognitoError(
          'CodeMismatchException',
          'Invalid verification code provided, please try again.',
        ),
      ),
    );
    page();
    byId('forgotPasswordButton', HTMLButtonElement).click();
    type(byId('emailInputForgot', HTMLInputElement), 'rider@example.com');
    byId('forgotPasswordForm', HTMLFormElement).requestSubmit();
    const resetForm = byId('resetPasswordForm', HTMLFormElement);
    await vi.waitFor(() => expect(resetForm.hidden).toBe(false));
    type(byId('codeInputReset', HTMLInputElement), '000000');
    type(byId('passwordInputReset', HTMLInputElement), 'New-Pass-77');
    resetForm.requestSubmit();
    const message = byId('resetMessage', HTMLElement);
    await vi.waitFor(() =>
      expect(message.textContent).toBe(
        'That code is not right. Check the email and try again, or send a new code.',
      ),
    );
    expect(byId('codeInputReset', HTMLInputElement).value).toBe('000000');
    expect(byId('passwordInputReset', HTMLInputElement).value).toBe('New-Pass-77');
  });

  it('explains a reset for an unknown email', async () => {
    network.server.use(
      answer('ForgotPassword', () =>
        cognitoError('UserNotFoundException', 'Username/client id combination not found.'),
      ),
    );
    page();
    byId('forgotPasswordButton', HTMLButtonElement).click();
    type(byId('emailInputForgot', HTMLInputElement), 'nobody@example.com');
    byId('forgotPasswordForm', HTMLFormElement).requestSubmit();
    await vi.waitFor(() =>
      expect(byId('forgotMessage', HTMLElement).textContent).toBe(
        'There is no account with this email. Check it, or register.',
      ),
    );
  });

  it('goes back to sign in from the reset panel', () => {
    page();
    byId('forgotPasswordButton', HTMLButtonElement).click();
    document.querySelector<HTMLButtonElement>('[data-back-to-signin]')?.click();
    expect(byId('signinPanel', HTMLElement).hidden).toBe(false);
    expect(byId('forgotPanel', HTMLElement).hidden).toBe(true);
  });
});
