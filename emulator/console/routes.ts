/** Every page the console serves, in the order the router tries them. */

import { groupRoutes } from './groups.ts';
import { mailboxRoutes } from './mailbox.ts';
import { poolRoutes } from './pool.ts';
import { userRoutes } from './users/index.ts';
import type { ConsoleRoute } from './view.ts';

/** The console's routes: each section's own list. */
export const consoleRoutes: readonly ConsoleRoute[] = [
  ...mailboxRoutes,
  ...userRoutes,
  ...groupRoutes,
  ...poolRoutes,
];
