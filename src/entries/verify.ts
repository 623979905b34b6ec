import { setupVerifyPage } from '../pages/verify.ts';
import { siteDeps } from '../site.ts';

setupVerifyPage(document, await siteDeps(['site', 'forms']));
