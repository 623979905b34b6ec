import { loadI18n } from '../i18n/index.ts';
import { setupLandingPage } from '../pages/landing.ts';

// The landing page has no text of its own to show beyond its English markup.
setupLandingPage(document, { i18n: await loadI18n({ parts: ['site'], markupOnly: true }) });
