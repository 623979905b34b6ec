import './table-head-start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupRegisterPage } from '../pages/register.ts';
import { siteDeps } from '../site.ts';

setupRegisterPage(document, await siteDeps(pageParts(document)));
