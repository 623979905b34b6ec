// @vitest-environment jsdom
/**
 * Register → verify → ride without the password typed twice: the register page keeps SignUp's
 * Session in the tab, the verify page confirms with it and signs the rider in through USER_AUTH,
 * and the real library then finds the session. Without a usable Session (another tab, an expired
 * or refused one) the verify page sends the rider to sign in, as before.
 */
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { idTokenEmail } from '../../../src/cognito-auth.ts';
import { setupRegisterPage } from '../../../src/pages/register.ts';
import { setupVerifyPage } from '../../../src/pages/verify.ts';
import { SIGN_UP_SESSION_MS } from '../../../src/sign-up.ts';
import { otherCode } from '../../support/emulator.ts';
import { PASSWORD } from '../../support/passwords.ts';
import { type MemoryStorage, memoryStorage } from '../../support/storage.ts';
import { useEmulatedCognito } from '../emulator.ts';
import { fieldError } from '../forms.ts';
import {
  answer,
  byId,
  loadPage,
  submitWhileBusy,
  testAuth,
  testI18n,
  testSignUp,
  type,
} from '../helpers.ts';

const cognito = useEmulatedCognito();
const EMAIL = 'rider@example.com';
const SIGN_IN_PAGE = 'signin.html?email=rider%40example.com&verified=1';

/** One browser tab: its sessionStorage, the library's localStorage, and the tab's clock. */
interface Tab {
  readonly tabStorage: MemoryStorage;
  readonly tokens: MemoryStorage;
  now: number;
}

function newTab(): Tab {
  return { tabStorage: memoryStorage(), tokens: memoryStorage(), now: Date.now() };
}

/** Registers on the register page of `tab`; returns where it sent the rider. */
async function register(tab: Tab): Promise<string> {
  loadPage('register.html');
  const navigate = vi.fn<(url: string) => void>();
  setupRegisterPage(document, {
    signUp: testSignUp(tab.tokens),
    pending: { storage: tab.tabStorage, now: () => tab.now },
    i18n: testI18n(),
    navigate,
    search: '',
  });
  type(byId('emailInputRegister', HTMLInputElement), EMAIL);
  type(byId('passwordInputRegister', HTMLInputElement), PASSWORD);
  type(byId('password2InputRegister', HTMLInputElement), PASSWORD);
  await submitWhileBusy(byId('registrationForm', HTMLFormElement), 'Creating account…');
  return navigate.mock.calls[0]?.[0] ?? '';
}

/** The verify page of `tab`, opened at `url` (relative, as the register page navigates). */
function verifyPage(tab: Tab, url = 'verify.html?email=rider%40example.com&sent=1') {
  loadPage('verify.html');
  const navigate = vi.fn<(url: string) => void>();
  setupVerifyPage(document, {
    signUp: testSignUp(tab.tokens),
    pending: { storage: tab.tabStorage, now: () => tab.now },
    i18n: testI18n(),
    navigate,
    search: new URL(url, 'https://site.test/').search,
  });
  const form = byId('verifyForm', HTMLFormElement);
  const code = byId('codeInputVerify', HTMLInputElement);
  return {
    navigate,
    code,
    email: byId('emailInputVerify', HTMLInputElement),
    confirm: async (typed: string) => {
      type(code, typed);
      await submitWhileBusy(form, 'Confirming…');
    },
  };
}

/** The address the library's session in `tokens` belongs to, or null when signed out. */
async function signedInAs(tokens: MemoryStorage): Promise<string | null> {
  const idToken = await testAuth(tokens).getIdToken();
  return idToken === null ? null : idTokenEmail(idToken);
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('straight to the ride page after verify', () => {
  it('confirms with the kept Session and lands on the ride page signed in, no password asked', async () => {
    const tab = newTab();
    const next = await register(tab);
    const verify = verifyPage(tab, next);
    await verify.confirm(cognito.code(EMAIL));
    expect(verify.navigate).toHaveBeenCalledWith('ride.html');
    expect(cognito.operations).toEqual(['SignUp', 'ConfirmSignUp', 'InitiateAuth']);
    expect(cognito.requests[1]?.body).toMatchObject({ Session: expect.any(String) });
    await expect(signedInAs(tab.tokens)).resolves.toBe(EMAIL);
    // Used once: nothing is left in the tab for a second confirmation to try.
    expect(tab.tabStorage.data.size).toBe(0);
  });

  it('keeps a wrong code and the Session, and the right code then signs in', async () => {
    const tab = newTab();
    const verify = verifyPage(tab, await register(tab));
    const wrong = otherCode(cognito.code(EMAIL));
    await verify.confirm(wrong);
    expect(fieldError(verify.code)).toBe(
      'That code is not right. Check the email and try again, or send a new code.',
    );
    expect([verify.email.value, verify.code.value]).toEqual([EMAIL, wrong]);
    expect(verify.navigate).not.toHaveBeenCalled();
    await verify.confirm(cognito.code(EMAIL));
    expect(verify.navigate).toHaveBeenCalledWith('ride.html');
    await expect(signedInAs(tab.tokens)).resolves.toBe(EMAIL);
  });

  it('sends a rider from another tab (or the mailbox link) to sign in, confirmed', async () => {
    await register(newTab());
    const other = newTab();
    const verify = verifyPage(other, 'verify.html?email=rider%40example.com');
    await verify.confirm(cognito.code(EMAIL));
    expect(verify.navigate).toHaveBeenCalledWith(SIGN_IN_PAGE);
    expect(cognito.operations).toEqual(['SignUp', 'ConfirmSignUp']);
    expect(cognito.requests[1]?.body).not.toHaveProperty('Session');
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
    await expect(signedInAs(other.tokens)).resolves.toBeNull();
  });

  it('sends the rider to sign in once the three minutes of the kept Session are over', async () => {
    const tab = newTab();
    const verify = verifyPage(tab, await register(tab));
    tab.now += SIGN_UP_SESSION_MS;
    await verify.confirm(cognito.code(EMAIL));
    expect(verify.navigate).toHaveBeenCalledWith(SIGN_IN_PAGE);
    expect(cognito.operations).toEqual(['SignUp', 'ConfirmSignUp']);
    expect(tab.tabStorage.data.size).toBe(0);
  });

  it('sends the rider to sign in, confirmed, when Cognito refuses the Session', async () => {
    const tab = newTab();
    const verify = verifyPage(tab, await register(tab));
    cognito.server.use(
      answer('InitiateAuth', () =>
        HttpResponse.json(
          {
            __type: 'NotAuthorizedException',
            message: 'Invalid session for the user, session is expired.',
          },
          { status: 400 },
        ),
      ),
    );
    await verify.confirm(cognito.code(EMAIL));
    expect(verify.navigate).toHaveBeenCalledWith(SIGN_IN_PAGE);
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
    await expect(signedInAs(tab.tokens)).resolves.toBeNull();
  });

  it('sends the rider to sign in when the network drops after the confirmation', async () => {
    const tab = newTab();
    const verify = verifyPage(tab, await register(tab));
    cognito.server.use(answer('InitiateAuth', () => HttpResponse.error()));
    await verify.confirm(cognito.code(EMAIL));
    expect(verify.navigate).toHaveBeenCalledWith(SIGN_IN_PAGE);
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });
});
