import { setupRidePage } from '../pages/ride.ts';
import { siteDeps } from '../site.ts';

void setupRidePage(document, siteDeps());
