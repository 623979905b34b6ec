// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupVerifyPage } from '../../../src/pages/verify.ts';
import {
  answer,
  byId,
  cognitoError,
  loadPage,
  submitButton,
  testAuth,
  testI18n,
  type,
  useNetwork,
} from '../helpers.ts';

const network = useNetwork();

function page(search = '?email=rider%40example.com', mailboxUrl: string | null = null) {
  loadPage('verify.html');
  const navigate = vi.fn<(url: string) => void>();
  setupVerifyPage(document, { auth: testAuth(), i18n: testI18n(), navigate, search, mailboxUrl });
  const form = byId('verifyForm', HTMLFormElement);
  return {
    navigate,
    form,
    email: byId('emailInputVerify', HTMLInputElement),
    code: byId('codeInputVerify', HTMLInputElement),
    button: submitButton(form),
    resend: byId('resendCode', HTMLButtonElement),
    message: byId('verifyMessage', HTMLElement),
  };
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('verify page', () => {
  it('prefills the email from ?email= and puts the cursor in the code field', () => {
    const p = page();
    expect(p.email.value).toBe('rider@example.com');
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

  it('confirms with the digits of a pasted code and goes on to sign in with the email', async () => {
    let body: unknown;
    network.server.use(
      answer('ConfirmSignUp', (received) => {
        body = received;
        return HttpResponse.json({});
      }),
    );
    const p = page();
    type(p.code, ' 123 456 ');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&verified=1'),
    );
    expect(body).toMatchObject({ Username: 'rider@example.com', ConfirmationCode: '123456' });
  });

  it('keeps a wrong code, explains, and points at the resend action', async () => {
    network.server.use(
      answer('ConfirmSignUp', () =>
        cognitoError(
          'CodeMismatchException',
          'Invalid verification code provided, please try again.',
        ),
      ),
    );
    const p = page();
    type(p.code, '111111');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe(
        'That code is not right. Check the email and try again, or send a new code.',
      ),
    );
    expect(p.code.value).toBe('111111');
    expect(p.resend.classList.contains('is-suggested')).toBe(true);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('shows the resend action when the code has expired', async () => {
    network.server.use(
      answer('ConfirmSignUp', () =>
        cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
      ),
    );
    const p = page();
    type(p.code, '222222');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe(
        'That code has expired or was already used. Send a new code and try again.',
      ),
    );
    expect(p.resend.classList.contains('is-suggested')).toBe(true);
  });

  it('says so when the account is already confirmed', async () => {
    network.server.use(
      answer('ConfirmSignUp', () =>
        cognitoError(
          'NotAuthorizedException',
          'User cannot be confirmed. Current status is CONFIRMED',
        ),
      ),
    );
    const p = page();
    type(p.code, '333333');
    p.form.requestSubmit();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe('This account is already confirmed. You can sign in.'),
    );
  });

  it('asks for the code before sending anything', () => {
    const p = page();
    p.form.requestSubmit();
    expect(p.message.textContent).toBe('Enter the code from the email.');
    expect(network.operations).toEqual([]);
  });

  it('sends a new code and says where it went', async () => {
    network.server.use(
      answer('ResendConfirmationCode', () =>
        HttpResponse.json({
          CodeDeliveryDetails: {
            AttributeName: 'email',
            DeliveryMedium: 'EMAIL',
            Destination: 'r***@e***',
          },
        }),
      ),
    );
    const p = page();
    p.resend.click();
    expect(p.resend.getAttribute('aria-busy')).toBe('true');
    await vi.waitFor(() => expect(p.message.textContent).toBe('We sent a code to r***@e***.'));
    expect(p.message.dataset.tone).toBe('success');
    expect(p.resend.disabled).toBe(false);
  });

  it('explains a resend refused for too many requests', async () => {
    network.server.use(
      answer('ResendConfirmationCode', () =>
        cognitoError(
          'LimitExceededException',
          'Attempt limit exceeded, please try after some time.',
        ),
      ),
    );
    const p = page();
    p.resend.click();
    await vi.waitFor(() =>
      expect(p.message.textContent).toBe(
        'Too many attempts. Please wait a while before trying again.',
      ),
    );
  });

  it('asks for the email before resending when it is missing', () => {
    const p = page('');
    p.resend.click();
    expect(p.message.textContent).toBe('Enter your email address.');
    expect(document.activeElement).toBe(p.email);
    expect(network.operations).toEqual([]);
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
