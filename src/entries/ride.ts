import { setupRidePage } from '../pages/ride.ts';
import { siteDeps } from '../site.ts';

await setupRidePage(document, await siteDeps(['site', 'forms', 'ride']));
