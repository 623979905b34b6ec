import './table-head-start.ts';
import { hostedStarter } from '../hosted/start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupHostedButtons } from '../pages/hosted-buttons.ts';
import { setupSessionNotice } from '../pages/session-notice.ts';
import { setupSigninPage } from '../pages/signin.ts';
import { browserPasskeys, passkeyConfig, passkeySignIn } from '../passkey-support.ts';
import { siteSession } from '../session.ts';
import { siteDeps } from '../site.ts';

const deps = await siteDeps(pageParts(document));
setupSigninPage(document, {
  ...deps,
  passkeySignIn: passkeySignIn({ config: passkeyConfig(), browser: browserPasskeys() }),
});
setupHostedButtons(document, { i18n: deps.i18n, start: hostedStarter() });
setupSessionNotice(document, { i18n: deps.i18n, session: siteSession() });
