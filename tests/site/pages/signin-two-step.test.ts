// @vitest-environment jsdom
/**
 * The sign-in page's step after the password, for an account with two-step sign-in, in jsdom
 * through the real library against the emulator: the app's code, wrong and late codes, going
 * back, and the first-time setup with a QR code where the pool requires MFA.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { idTokenEmail } from '../../../src/cognito-auth.ts';
import { setupSigninPage } from '../../../src/pages/signin.ts';
import { loadUqr } from '../../../src/pages/totp.ts';
import { PASSWORD } from '../../support/passwords.ts';
import { memoryStorage } from '../../support/storage.ts';
import { authenticatorCode, STEP, wrongCode } from '../../support/totp.ts';
import { fieldError, manualClock } from '../forms.ts';
import {
  byId,
  liveRegion,
  loadPage,
  submitWhileBusy,
  testAuth,
  testI18n,
  type,
} from '../helpers.ts';
import { mfaPoolConfig, useMfaCognito } from '../mfa.ts';

const cognito = useMfaCognito();
const EMAIL = 'rider@example.com';

function page(languages = ['en-US']) {
  loadPage('signin.html');
  const navigate = vi.fn<(url: string) => void>();
  const storage = memoryStorage();
  const drawn: string[] = [];
  setupSigninPage(document, {
    auth: testAuth(storage),
    i18n: testI18n(languages),
    navigate,
    search: '',
    clock: manualClock(new Date(cognito.clock.now())),
    replaceUrl: vi.fn(),
    clipboard: { writeText: vi.fn(() => Promise.resolve()) },
    // The real encoder, noting what it was asked to draw.
    loadQr: async () => {
      const render = await loadUqr();
      return (text) => {
        drawn.push(text);
        return render(text);
      };
    },
  });
  return {
    navigate,
    storage,
    drawn,
    form: byId('signinForm', HTMLFormElement),
    email: byId('emailInputSignin', HTMLInputElement),
    password: byId('passwordInputSignin', HTMLInputElement),
    signinPanel: byId('signinPanel', HTMLElement),
    codePanel: byId('codeStepPanel', HTMLElement),
    codeForm: byId('codeStepForm', HTMLFormElement),
    code: byId('codeInputTwoStep', HTMLInputElement),
    lead: byId('codeStepLead', HTMLElement),
    setup: byId('codeStepSetup', HTMLElement),
    back: byId('codeStepBack', HTMLButtonElement),
  };
}

type Page = ReturnType<typeof page>;

/** A confirmed user with two-step sign-in on; returns the app's secret. */
async function userWithTwoStep(): Promise<string> {
  await cognito.confirmedUser(EMAIL);
  const auth = testAuth(memoryStorage());
  await auth.signIn(EMAIL, PASSWORD);
  const secret = await auth.startTwoStep();
  await auth.confirmTwoStep(authenticatorCode(secret, cognito.clock.now()));
  cognito.clock.advance(STEP);
  return secret;
}

/** Signs in with the password and waits for the code step. */
async function passwordStep(p: Page, working = 'Signing in…'): Promise<void> {
  type(p.email, EMAIL);
  type(p.password, PASSWORD);
  await submitWhileBusy(p.form, working);
  expect(p.codePanel.hidden).toBe(false);
}

async function signedInEmail(p: Page): Promise<string | null> {
  const idToken = await testAuth(p.storage).getIdToken();
  return idToken === null ? null : idTokenEmail(idToken);
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('the code step after the password', () => {
  it('asks for the app’s code with the cursor in the field, then goes to the ride page signed in', async () => {
    const secret = await userWithTwoStep();
    const p = page();
    await passwordStep(p);
    expect(p.signinPanel.hidden).toBe(true);
    expect([p.lead.hidden, p.setup.hidden]).toEqual([false, true]);
    expect(p.lead.textContent).toBe(
      'Enter the 6-digit code your authenticator app shows for Wild Rydes.',
    );
    expect(document.activeElement).toBe(p.code);
    expect(p.code.autocomplete).toBe('one-time-code');
    await expect(signedInEmail(p)).resolves.toBeNull();
    type(p.code, authenticatorCode(secret, cognito.clock.now()));
    await submitWhileBusy(p.codeForm, 'Checking the code…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
    await expect(signedInEmail(p)).resolves.toBe(EMAIL);
  });

  it.each([
    [
      'en-US',
      'Signing in…',
      'Checking the code…',
      'That code is not right, or it was used already. Enter the code your authenticator app shows now.',
    ],
    [
      'ko-KR',
      '로그인하는 중…',
      '인증 코드를 확인하는 중…',
      '인증 코드가 올바르지 않거나 이미 사용한 코드예요. 인증 앱에 지금 나온 코드를 입력하세요.',
    ],
  ])(
    'explains (%s) a wrong code at the field, keeps it selected, and takes the right one next',
    async (language, signingIn, checking, text) => {
      const secret = await userWithTwoStep();
      const p = page([language]);
      await passwordStep(p, signingIn);
      const wrong = wrongCode(secret, cognito.clock.now());
      type(p.code, wrong);
      await submitWhileBusy(p.codeForm, checking);
      expect(fieldError(p.code)).toBe(text);
      expect(p.code.value).toBe(wrong);
      expect(document.activeElement).toBe(p.code);
      expect([p.code.selectionStart, p.code.selectionEnd]).toEqual([0, 6]);
      expect(p.navigate).not.toHaveBeenCalled();
      type(p.code, authenticatorCode(secret, cognito.clock.now()));
      expect(fieldError(p.code)).toBe('');
      await submitWhileBusy(p.codeForm, checking);
      expect(p.navigate).toHaveBeenCalledWith('ride.html');
    },
  );

  it('refuses a code already used until the app shows the next one', async () => {
    const secret = await userWithTwoStep();
    const used = authenticatorCode(secret, cognito.clock.now());
    const first = page();
    await passwordStep(first);
    type(first.code, used);
    await submitWhileBusy(first.codeForm, 'Checking the code…');
    expect(first.navigate).toHaveBeenCalledWith('ride.html');

    const p = page();
    await passwordStep(p);
    type(p.code, used);
    await submitWhileBusy(p.codeForm, 'Checking the code…');
    expect(fieldError(p.code)).toMatch(/^That code is not right, or it was used already/);
    cognito.clock.advance(STEP);
    type(p.code, authenticatorCode(secret, cognito.clock.now()));
    await submitWhileBusy(p.codeForm, 'Checking the code…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
  });

  it('asks for the code when none is typed, without asking Cognito', async () => {
    await userWithTwoStep();
    const p = page();
    await passwordStep(p);
    const sent = cognito.requests.length;
    p.codeForm.requestSubmit();
    expect(fieldError(p.code)).toBe('Enter the code from your authenticator app.');
    expect(document.activeElement).toBe(p.code);
    expect(cognito.requests.length).toBe(sent);
  });

  it('goes back to the password with a message when the code comes after the sign-in’s three minutes', async () => {
    const secret = await userWithTwoStep();
    const p = page();
    await passwordStep(p);
    cognito.clock.advance(3 * 60_000 + 1000);
    type(p.code, authenticatorCode(secret, cognito.clock.now()));
    await submitWhileBusy(p.codeForm, 'Checking the code…');
    expect(p.codePanel.hidden).toBe(true);
    expect(p.signinPanel.hidden).toBe(false);
    expect(liveRegion(p.form).textContent).toBe(
      'The sign-in waited too long for the code. Enter your password again, then a new code.',
    );
    expect([p.email.value, p.password.value]).toEqual([EMAIL, '']);
    expect(document.activeElement).toBe(p.password);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('goes back to the password from the code step, and a new sign-in shows an empty code field', async () => {
    await userWithTwoStep();
    const p = page();
    await passwordStep(p);
    type(p.code, '123');
    p.back.click();
    expect([p.codePanel.hidden, p.signinPanel.hidden]).toEqual([true, false]);
    expect(document.activeElement).toBe(p.password);
    await submitWhileBusy(p.form, 'Signing in…');
    expect(p.codePanel.hidden).toBe(false);
    expect(p.code.value).toBe('');
  });
});

describe('first-time setup where the pool requires two-step sign-in', () => {
  it('shows the key as a QR code and in groups, and the app’s first code signs in', async () => {
    await cognito.restart({ config: mfaPoolConfig('ON') });
    await cognito.confirmedUser(EMAIL);
    const p = page();
    await passwordStep(p);
    expect([p.setup.hidden, p.lead.hidden]).toEqual([false, true]);
    const groups = [...byId('codeStepSecret', HTMLElement).querySelectorAll('span')].map(
      (span) => span.textContent ?? '',
    );
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) expect(group).toMatch(/^[A-Z2-7]{1,4}$/);
    const secret = groups.join('');
    expect(byId('codeStepSecret', HTMLElement).textContent).toBe(groups.join(' '));
    expect(p.drawn).toEqual([
      `otpauth://totp/Wild%20Rydes:rider%40example.com?secret=${secret}&issuer=Wild%20Rydes`,
    ]);
    const svg = byId('codeStepQr', HTMLElement).querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe(
      'QR code that adds Wild Rydes (rider@example.com) to an authenticator app',
    );
    type(p.code, authenticatorCode(secret, cognito.clock.now()));
    await submitWhileBusy(p.codeForm, 'Checking the code…');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
    await expect(signedInEmail(p)).resolves.toBe(EMAIL);
  });
});
