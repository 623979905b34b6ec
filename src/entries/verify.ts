import './table-head-start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupVerifyPage } from '../pages/verify.ts';
import { siteDeps } from '../site.ts';

setupVerifyPage(document, await siteDeps(pageParts(document)));
