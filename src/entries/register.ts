import { setupRegisterPage } from '../pages/register.ts';
import { siteDeps } from '../site.ts';

setupRegisterPage(document, await siteDeps(['site', 'forms']));
