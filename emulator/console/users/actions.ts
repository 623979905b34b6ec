/**
 * The user page's actions. Each runs one admin operation and redirects back with a notice
 * (POST, redirect, GET); a refusal shows Cognito's error where it applies. Destructive ones have
 * a GET step that asks first and changes nothing.
 */

import { html } from '../html.ts';
import type { Bilingual, ConsoleAnswer, ConsoleRequest, ConsoleRoute } from '../view.ts';
import { fill } from '../words.ts';
import {
  askFirst,
  below,
  field,
  href,
  nameOf,
  refusal,
  refusalText,
  userPath,
  type WireUser,
} from './parts.ts';
import { T } from './text.ts';
import { renderUser, withUser } from './user.ts';

/** Runs `run`, then redirects to the user's page with `?done=`; a refusal re-renders the page. */
async function act(
  req: ConsoleRequest,
  user: WireUser,
  done: string,
  run: () => Promise<unknown>,
  extra: Record<string, string> = {},
): Promise<ConsoleAnswer> {
  try {
    await run();
  } catch (error) {
    return renderUser(req, user, { error: refusal(error) });
  }
  return { kind: 'redirect', to: below(req, userPath(user.username), { done, ...extra }) };
}

function admin(req: ConsoleRequest, operation: string, user: WireUser, input = {}) {
  return () => req.call(operation, { UserPoolId: req.poolId, Username: user.username, ...input });
}

/** A destructive action: its asking step (GET) and the action itself (POST). */
function destructive(
  step: string,
  button: Bilingual,
  question: Bilingual,
  operation: string,
  done: string,
  input: Record<string, unknown> = {},
): ConsoleRoute[] {
  return [
    {
      method: 'GET' as const,
      pattern: `/users/:username/${step}`,
      view: (req: ConsoleRequest) =>
        withUser(req, (user) =>
          askFirst(req, {
            section: 'users',
            title: button,
            question: fill(req.lang, question, { user: nameOf(user) }),
            action: href(req, userPath(user.username, step)),
            button: fill(req.lang, button),
            back: href(req, userPath(user.username)),
          }),
        ),
    },
    {
      method: 'POST' as const,
      pattern: `/users/:username/${step}`,
      view: (req: ConsoleRequest) =>
        withUser(req, (user) => act(req, user, done, admin(req, operation, user, input))),
    },
  ];
}

function passwordForm(
  req: ConsoleRequest,
  user: WireUser,
  error?: string,
  status?: number,
): ConsoleAnswer {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  const permanent = req.form.get('permanent') === 'yes';
  return {
    kind: 'page',
    ...(status === undefined ? {} : { status }),
    section: 'users',
    title: T.setPassword,
    body: html`<p>${fill(req.lang, T.setPasswordIntro, { user: nameOf(user) })}</p>
<form method="post" action="${href(req, userPath(user.username, 'password'))}" class="password-form">
  <div class="filter">
  ${field({
    id: 'new-password',
    name: 'password',
    label: t(T.newPassword),
    type: 'text',
    value: req.form.get('password') ?? '',
    required: true,
    autocomplete: 'off',
    ...(error === undefined ? {} : { error }),
  })}
  </div>
  <p class="checkbox"><label for="permanent"><input id="permanent" name="permanent" type="checkbox" value="yes" aria-describedby="permanent-hint"${permanent ? html` checked` : null}> ${t(T.permanent)}</label></p>
  <p class="muted" id="permanent-hint">${t(T.permanentHint)}</p>
  <div class="actions filter">
    <button type="submit">${t(T.setPassword)}</button>
    <a href="${href(req, userPath(user.username))}">${t(T.cancel)}</a>
  </div>
</form>`,
  };
}

/** POST /users/:username/password: AdminSetUserPassword; a refusal stays at the field. */
async function setPassword(req: ConsoleRequest, user: WireUser): Promise<ConsoleAnswer> {
  try {
    await admin(req, 'AdminSetUserPassword', user, {
      Password: req.form.get('password') ?? '',
      Permanent: req.form.get('permanent') === 'yes',
    })();
  } catch (error) {
    return passwordForm(req, user, refusalText(req, refusal(error)), 400);
  }
  return { kind: 'redirect', to: below(req, userPath(user.username), { done: 'password' }) };
}

/** POST /users/:username/delete: AdminDeleteUser, then back to the list, which says who went. */
async function deleteUser(req: ConsoleRequest, user: WireUser): Promise<ConsoleAnswer> {
  try {
    await admin(req, 'AdminDeleteUser', user)();
  } catch (error) {
    return renderUser(req, user, { error: refusal(error) });
  }
  return { kind: 'redirect', to: below(req, '/users', { done: 'deleted', user: nameOf(user) }) };
}

/** POST /users/:username/groups: AdminAddUserToGroup with the chosen group. */
async function addToGroup(req: ConsoleRequest, user: WireUser): Promise<ConsoleAnswer> {
  const group = req.form.get('group') ?? '';
  try {
    await admin(req, 'AdminAddUserToGroup', user, { GroupName: group })();
  } catch (error) {
    return renderUser(req, user, { error: refusal(error), at: 'group' });
  }
  return { kind: 'redirect', to: below(req, userPath(user.username), { done: 'added', group }) };
}

/** The actions' routes, below `/users/:username/`. */
export const actionRoutes: ConsoleRoute[] = [
  {
    method: 'POST' as const,
    pattern: '/users/:username/confirm',
    view: (req: ConsoleRequest) =>
      withUser(req, (user) => act(req, user, 'confirmed', admin(req, 'AdminConfirmSignUp', user))),
  },
  {
    method: 'POST' as const,
    pattern: '/users/:username/enable',
    view: (req: ConsoleRequest) =>
      withUser(req, (user) => act(req, user, 'enabled', admin(req, 'AdminEnableUser', user))),
  },
  ...destructive('disable', T.disable, T.askDisable, 'AdminDisableUser', 'disabled'),
  ...destructive('reset-password', T.resetPassword, T.askReset, 'AdminResetUserPassword', 'reset'),
  ...destructive('sign-out', T.signOut, T.askSignOut, 'AdminUserGlobalSignOut', 'signed-out'),
  ...destructive('mfa-off', T.mfaOff, T.askMfaOff, 'AdminSetUserMFAPreference', 'mfa-off', {
    SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
  }),
  {
    method: 'GET' as const,
    pattern: '/users/:username/delete',
    view: (req: ConsoleRequest) =>
      withUser(req, (user) =>
        askFirst(req, {
          section: 'users',
          title: T.delete,
          question: fill(req.lang, T.askDelete, { user: nameOf(user) }),
          action: href(req, userPath(user.username, 'delete')),
          button: fill(req.lang, T.delete),
          back: href(req, userPath(user.username)),
        }),
      ),
  },
  {
    method: 'POST' as const,
    pattern: '/users/:username/delete',
    view: (req: ConsoleRequest) => withUser(req, (user) => deleteUser(req, user)),
  },
  {
    method: 'GET' as const,
    pattern: '/users/:username/password',
    view: (req: ConsoleRequest) => withUser(req, (user) => passwordForm(req, user)),
  },
  {
    method: 'POST' as const,
    pattern: '/users/:username/password',
    view: (req: ConsoleRequest) => withUser(req, (user) => setPassword(req, user)),
  },
  {
    method: 'POST' as const,
    pattern: '/users/:username/groups',
    view: (req: ConsoleRequest) => withUser(req, (user) => addToGroup(req, user)),
  },
  {
    method: 'GET' as const,
    pattern: '/users/:username/groups/:group/remove',
    view: (req: ConsoleRequest) =>
      withUser(req, (user) =>
        askFirst(req, {
          section: 'users',
          title: T.removeFromGroup,
          question: fill(req.lang, T.askRemove, {
            user: nameOf(user),
            group: req.params.group ?? '',
          }),
          action: href(
            req,
            userPath(user.username, 'groups', encodeURIComponent(req.params.group ?? ''), 'remove'),
          ),
          button: fill(req.lang, T.remove),
          back: href(req, userPath(user.username)),
        }),
      ),
  },
  {
    method: 'POST' as const,
    pattern: '/users/:username/groups/:group/remove',
    view: (req: ConsoleRequest) =>
      withUser(req, (user) => {
        const group = req.params.group ?? '';
        return act(
          req,
          user,
          'removed',
          admin(req, 'AdminRemoveUserFromGroup', user, { GroupName: group }),
          {
            group,
          },
        );
      }),
  },
];
