/** The Users pages' routes: the table, one user's page, and that user's actions. */

import type { ConsoleRoute } from '../view.ts';
import { actionRoutes } from './actions.ts';
import { usersPage } from './list.ts';
import { userPage } from './user.ts';

export const userRoutes: ConsoleRoute[] = [
  { method: 'GET', pattern: '/users', view: usersPage },
  { method: 'GET', pattern: '/users/:username', view: userPage },
  ...actionRoutes,
];
