// @vitest-environment jsdom
/**
 * The ride page's "Two-step sign-in" panel in jsdom, through the real library against the
 * emulator: the key as a QR code and as text, turning it on with the app's first code, wrong
 * codes, copying the key, turning it off, closing, and the panel in Korean.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../../src/cognito-auth.ts';
import { setupRidePage } from '../../../src/pages/ride.ts';
import { loadUqr, otpauthUri, secretGroups } from '../../../src/pages/totp.ts';
import { PASSWORD } from '../../support/passwords.ts';
import { memoryStorage } from '../../support/storage.ts';
import { authenticatorCode, STEP, wrongCode } from '../../support/totp.ts';
import { ORIGIN, signedInRider, useEmulatedSite } from '../emulator.ts';
import { fieldError } from '../forms.ts';
import {
  byId,
  eventually,
  liveRegion,
  loadPage,
  submitWhileBusy,
  testI18n,
  type,
} from '../helpers.ts';

const site = useEmulatedSite();
const EMAIL = 'rider@example.com';
const TILES = { tileUrl: 'https://tiles.test/{z}/{x}/{y}.png', attribution: 'Test tiles' };

async function page(languages = ['en-US']) {
  const rider = await signedInRider(site, EMAIL);
  loadPage('ride.html');
  const clipboard = { writeText: vi.fn<(text: string) => Promise<void>>(() => Promise.resolve()) };
  const drawn: string[] = [];
  await setupRidePage(document, {
    auth: rider.auth,
    i18n: testI18n(languages),
    navigate: vi.fn(),
    invokeUrl: site.config.api.invokeUrl,
    tiles: TILES,
    clipboard,
    matchMedia: () => ({ matches: true }),
    requestFrame: vi.fn(),
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
    ...rider,
    clipboard,
    drawn,
    panel: byId('twoStepPanel', HTMLElement),
    status: byId('twoStepStatus', HTMLElement),
    setup: byId('twoStepSetup', HTMLElement),
    form: byId('twoStepForm', HTMLFormElement),
    code: byId('codeInputTwoStep', HTMLInputElement),
    on: byId('twoStepOn', HTMLElement),
    turnOff: byId('twoStepOff', HTMLButtonElement),
    message: liveRegion(byId('twoStepPanel', HTMLElement)),
  };
}

type Page = Awaited<ReturnType<typeof page>>;

/** Opens the panel from the account menu and waits for the state it finds. */
async function openPanel(p: Page): Promise<void> {
  byId('accountLink', HTMLButtonElement).click();
  byId('twoStepOpen', HTMLButtonElement).click();
  expect(byId('accountMenu', HTMLElement).hidden).toBe(true);
  await eventually(() => expect(p.panel.hidden).toBe(false));
  expect(document.activeElement).toBe(byId('twoStepHeading', HTMLElement));
  await eventually(() => expect(p.setup.hidden && p.on.hidden).toBe(false));
}

/** The key as the panel shows it, without the spaces between its groups. */
function shownSecret(): string {
  return (byId('twoStepSecret', HTMLElement).textContent ?? '').replaceAll(' ', '');
}

/** Waits until the QR code is drawn. */
async function qrCode(): Promise<SVGElement> {
  let svg: SVGElement | null = null;
  await eventually(() => {
    svg = byId('twoStepQr', HTMLElement).querySelector('svg');
    expect(svg).not.toBeNull();
  });
  if (svg === null) throw new Error('no QR code');
  return svg;
}

/** Whether a fresh sign-in of the rider stops for a code. */
async function signInAsksForCode(): Promise<boolean> {
  const auth = createAuth({ cognito: site.config.cognito, storage: memoryStorage() });
  return (await auth.signIn(EMAIL, PASSWORD)).kind === 'code-required';
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('the key', () => {
  it('goes into the authenticator URI with the issuer and the address encoded', () => {
    expect(otpauthUri('ann+rides@example.com', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Wild%20Rydes:ann%2Brides%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Wild%20Rydes',
    );
    expect(secretGroups('JBSWY3DPEHPK3PXPAB')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'AB']);
  });
});

describe('the two-step sign-in panel', () => {
  it('finds it off and shows a new key as a named QR code and in groups of four', async () => {
    const p = await page();
    await openPanel(p);
    expect(p.status.textContent).toBe(
      'Two-step sign-in is off. To turn it on, add Wild Rydes to an authenticator app.',
    );
    expect(p.on.hidden).toBe(true);
    const svg = await qrCode();
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'QR code that adds Wild Rydes (rider@example.com) to an authenticator app',
    );
    const secret = shownSecret();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(byId('twoStepSecret', HTMLElement).textContent).toBe(secretGroups(secret).join(' '));
    expect(p.drawn).toEqual([otpauthUri(EMAIL, secret)]);
  });

  it('turns on with the app’s first code, after which signing in asks for a code', async () => {
    const p = await page();
    await openPanel(p);
    await qrCode();
    type(p.code, authenticatorCode(shownSecret(), site.clock));
    await submitWhileBusy(p.form, 'Turning on…');
    expect(p.status.textContent).toBe(
      'Two-step sign-in is on: after your password, signing in asks for the code from your authenticator app.',
    );
    expect(p.message.textContent).toBe(
      'Two-step sign-in is on. Keep your authenticator app at hand when you sign in.',
    );
    expect([p.setup.hidden, p.on.hidden]).toEqual([true, false]);
    expect(document.activeElement).toBe(byId('twoStepHeading', HTMLElement));
    await expect(signInAsksForCode()).resolves.toBe(true);
  });

  it('explains a wrong code at the field, keeps it, and stays off', async () => {
    const p = await page();
    await openPanel(p);
    await qrCode();
    const wrong = wrongCode(shownSecret(), site.clock);
    type(p.code, wrong);
    await submitWhileBusy(p.form, 'Turning on…');
    expect(fieldError(p.code)).toBe(
      'That code is not right, or it was used already. Enter the code your authenticator app shows now.',
    );
    expect(p.code.value).toBe(wrong);
    expect(document.activeElement).toBe(p.code);
    expect(p.setup.hidden).toBe(false);
    await expect(signInAsksForCode()).resolves.toBe(false);
  });

  it('asks for the app’s code when none is typed', async () => {
    const p = await page();
    await openPanel(p);
    p.form.requestSubmit();
    expect(fieldError(p.code)).toBe('Enter the code from your authenticator app.');
    expect(document.activeElement).toBe(p.code);
  });

  it('copies the key without its spaces', async () => {
    const p = await page();
    await openPanel(p);
    await qrCode();
    byId('twoStepCopy', HTMLButtonElement).click();
    await eventually(() => expect(p.message.textContent).toBe('The key is on your clipboard.'));
    expect(p.clipboard.writeText).toHaveBeenCalledWith(shownSecret());
  });

  it('finds it on, turns it off, and offers a new key to turn it on again', async () => {
    const p = await page();
    await openPanel(p);
    await qrCode();
    const first = shownSecret();
    type(p.code, authenticatorCode(first, site.clock));
    await submitWhileBusy(p.form, 'Turning on…');
    byId('twoStepClose', HTMLButtonElement).click();
    expect(p.panel.hidden).toBe(true);
    expect(document.activeElement).toBe(byId('accountLink', HTMLButtonElement));

    await openPanel(p);
    expect(p.status.textContent).toMatch(/^Two-step sign-in is on/);
    expect(p.setup.hidden).toBe(true);
    p.turnOff.click();
    expect(p.turnOff.getAttribute('aria-busy')).toBe('true');
    await eventually(() =>
      expect(p.message.textContent).toBe(
        'Two-step sign-in is off: signing in asks for your password only.',
      ),
    );
    await eventually(() => expect(shownSecret()).not.toBe(first));
    expect(p.status.textContent).toMatch(/^Two-step sign-in is off/);
    expect(p.on.hidden).toBe(true);
    await expect(signInAsksForCode()).resolves.toBe(false);
  });

  it('says to sign in again when the session was ended on every device', async () => {
    const p = await page();
    await site.emulator.call(
      'AdminUserGlobalSignOut',
      { UserPoolId: site.config.cognito.userPoolId, Username: EMAIL },
      { baseUrl: `${ORIGIN}/emulator` },
    );
    byId('accountLink', HTMLButtonElement).click();
    byId('twoStepOpen', HTMLButtonElement).click();
    await eventually(() =>
      expect(p.message.textContent).toBe(
        'Your sign-in has ended (perhaps you signed out on every device). Sign in again to change two-step sign-in.',
      ),
    );
    expect([p.setup.hidden, p.on.hidden]).toEqual([true, true]);
  });

  it('closes with Escape, focus back on the account button', async () => {
    const p = await page();
    await openPanel(p);
    p.panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(p.panel.hidden).toBe(true);
    expect(document.activeElement).toBe(byId('accountLink', HTMLButtonElement));
  });

  it('speaks Korean: the state, the QR code’s name and a wrong code', async () => {
    const p = await page(['ko-KR']);
    await openPanel(p);
    expect(p.status.textContent).toBe(
      '2단계 인증이 꺼져 있어요. 켜려면 인증 앱에 와일드 라이즈를 추가하세요.',
    );
    expect((await qrCode()).getAttribute('aria-label')).toBe(
      '인증 앱에 와일드 라이즈(rider@example.com) 계정을 추가하는 QR 코드',
    );
    type(p.code, wrongCode(shownSecret(), site.clock));
    await submitWhileBusy(p.form, '켜는 중…');
    expect(fieldError(p.code)).toBe(
      '인증 코드가 올바르지 않거나 이미 사용한 코드예요. 인증 앱에 지금 나온 코드를 입력하세요.',
    );
  });

  it('turns on with the code of the step before, from an app whose clock is slow', async () => {
    const p = await page();
    await openPanel(p);
    await qrCode();
    const secret = shownSecret();
    site.clock += STEP;
    type(p.code, authenticatorCode(secret, site.clock - STEP));
    await submitWhileBusy(p.form, 'Turning on…');
    expect(p.on.hidden).toBe(false);
  });
});
