import './table-head-start.ts';
import { siteConfig } from '../config.ts';
import { hostedStarter } from '../hosted/start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupHostedButtons } from '../pages/hosted-buttons.ts';
import { setupSessionNotice } from '../pages/session-notice.ts';
import { setupSigninPage } from '../pages/signin.ts';
import { siteSession } from '../session.ts';
import { siteDeps } from '../site.ts';

const deps = await siteDeps(pageParts(document));
const emailCode =
  siteConfig.ok && siteConfig.config.passwordless.includes('EMAIL_OTP')
    ? { cognito: siteConfig.config.cognito }
    : null;
setupSigninPage(document, { ...deps, emailCode });
setupHostedButtons(document, { i18n: deps.i18n, start: hostedStarter() });
setupSessionNotice(document, { i18n: deps.i18n, session: siteSession() });
