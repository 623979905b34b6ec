import './table-head-start.ts';
import { hostedStarter } from '../hosted/start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupHostedButtons } from '../pages/hosted-buttons.ts';
import { setupRegisterPage } from '../pages/register.ts';
import { siteDeps } from '../site.ts';

const deps = await siteDeps(pageParts(document));
setupRegisterPage(document, deps);
setupHostedButtons(document, { i18n: deps.i18n, start: hostedStarter() });
