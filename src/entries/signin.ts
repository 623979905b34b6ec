import './table-head-start.ts';
import { hostedStarter } from '../hosted/start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupHostedButtons } from '../pages/hosted-buttons.ts';
import { setupSessionNotice } from '../pages/session-notice.ts';
import { setupSigninPage } from '../pages/signin.ts';
import { browserPasskeys, passkeyConfig, passkeySignIn } from '../passkey-support.ts';
import { siteSession } from '../session.ts';
import { signinSiteDeps } from '../signin-site.ts';
import { siteConfig } from '../site-config.ts';

const deps = await signinSiteDeps(pageParts(document));
// The library starts loading once the person moves into the form, well before they press a button.
for (const event of ['focusin', 'input']) {
  document.addEventListener(event, () => deps.auth.preload(), { once: true });
}
const emailCode =
  siteConfig.ok && siteConfig.config.passwordless.includes('EMAIL_OTP')
    ? { cognito: siteConfig.config.cognito }
    : null;
setupSigninPage(document, {
  ...deps,
  emailCode,
  passkeySignIn: passkeySignIn({ config: passkeyConfig(), browser: browserPasskeys() }),
});
setupHostedButtons(document, { i18n: deps.i18n, start: hostedStarter() });
setupSessionNotice(document, { i18n: deps.i18n, session: siteSession() });
