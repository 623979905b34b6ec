import { setupSigninPage } from '../pages/signin.ts';
import { siteDeps } from '../site.ts';

setupSigninPage(document, await siteDeps(['site', 'forms']));
