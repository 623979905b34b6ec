import { loadI18n } from '../i18n/index.ts';
import { setupLandingPage } from '../pages/landing.ts';
import { siteSession } from '../session.ts';

// The landing page shows only its English markup, unless a signed-in visitor is offered the ride.
const session = siteSession();
const i18n = await loadI18n({ parts: ['site'], markupOnly: session === null });
setupLandingPage(document, { i18n, session });
