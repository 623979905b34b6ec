import './table-head-start.ts';
import { hostedStarter } from '../hosted/start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupHostedButtons } from '../pages/hosted-buttons.ts';
import { setupRegisterPage } from '../pages/register.ts';
import { signUpSiteDeps } from '../sign-up-site.ts';

const deps = await signUpSiteDeps(pageParts(document));
setupRegisterPage(document, deps);
setupHostedButtons(document, { i18n: deps.i18n, start: hostedStarter() });
