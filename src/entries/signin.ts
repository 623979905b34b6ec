import './table-head-start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupSessionNotice } from '../pages/session-notice.ts';
import { setupSigninPage } from '../pages/signin.ts';
import { siteSession } from '../session.ts';
import { siteDeps } from '../site.ts';

const deps = await siteDeps(pageParts(document));
setupSigninPage(document, deps);
setupSessionNotice(document, { i18n: deps.i18n, session: siteSession() });
