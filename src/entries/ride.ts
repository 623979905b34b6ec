import './table-head-start.ts';
import { pageParts } from '../i18n/index.ts';
import { setupRidePage } from '../pages/ride.ts';
import { siteDeps } from '../site.ts';

await setupRidePage(document, await siteDeps(pageParts(document)));
