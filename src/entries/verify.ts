import { setupVerifyPage } from '../pages/verify.ts';
import { siteDeps } from '../site.ts';

setupVerifyPage(document, siteDeps());
