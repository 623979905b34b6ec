/** Every page the console serves, in the order the router tries them. */

import { mailboxRoutes } from './mailbox.ts';
import { poolRoutes } from './pool.ts';
import type { ConsoleRoute } from './view.ts';

/** The console's routes: each section's own list. */
export const consoleRoutes: readonly ConsoleRoute[] = [...mailboxRoutes, ...poolRoutes];
