import './table-head-start.ts';
import { hostedLogoutUrl } from '../hosted/logout.ts';
import { pageParts } from '../i18n/index.ts';
import { setupRidePage } from '../pages/ride.ts';
import { passkeyConfig } from '../passkey-support.ts';
import { siteDeps } from '../site.ts';

const deps = await siteDeps(pageParts(document));
await setupRidePage(document, {
  ...deps,
  hostedLogout: () => hostedLogoutUrl(),
  passkeys: passkeyConfig(),
});
