import { createI18n } from '../i18n/index.ts';
import { setupLandingPage } from '../pages/landing.ts';

setupLandingPage(document, { i18n: createI18n() });
