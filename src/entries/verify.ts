import './table-head-start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupVerifyPage } from '../pages/verify.ts';
import { signUpSiteDeps } from '../sign-up-site.ts';

setupVerifyPage(document, await signUpSiteDeps(pageParts(document)));
