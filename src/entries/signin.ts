import './table-head-start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupSigninPage } from '../pages/signin.ts';
import { siteDeps } from '../site.ts';

setupSigninPage(document, await siteDeps(pageParts(document)));
