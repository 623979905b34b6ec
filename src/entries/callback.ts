import './table-head-start.ts';
import { completeHostedSignIn } from '../hosted/flow.ts';
import { markHostedSession } from '../hosted/logout.ts';
import { pageParts } from '../i18n/index.ts';
import { setupCallbackPage } from '../pages/callback.ts';
import { siteDeps } from '../site.ts';
import { siteConfig } from '../site-config.ts';
import { storeSession } from '../token-store.ts';

const deps = await siteDeps(pageParts(document));
const settings = siteConfig.ok ? siteConfig.config : null;
const hosted = settings?.hosted ?? null;
await setupCallbackPage(document, {
  ...deps,
  complete:
    settings === null || hosted === null
      ? null
      : (url) => completeHostedSignIn({ hosted, cognito: settings.cognito }, url),
  store: (tokens) => {
    if (settings === null) return;
    storeSession({ cognito: settings.cognito }, tokens);
    markHostedSession(settings.cognito.userPoolClientId);
  },
});
