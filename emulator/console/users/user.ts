/**
 * One user's page: what AdminGetUser says (attributes, status, MFA settings), their groups, and
 * the actions the Cognito console offers, each through the emulator's own admin operations.
 * Destructive actions are links to a step that asks first; the rest are POST buttons.
 */

import type { CognitoError } from '../../core/cognito-error.ts';
import { type Html, html } from '../html.ts';
import type { Bilingual, ConsoleAnswer, ConsoleRequest } from '../view.ts';
import { fill, WORDS } from '../words.ts';
import {
  attribute,
  groupPath,
  href,
  nameOf,
  postButton,
  readGroups,
  readUser,
  refusal,
  refusalText,
  userPath,
  type WireGroup,
  type WireUser,
  when,
} from './parts.ts';
import { T } from './text.ts';

/** The notices a finished action leaves in the query (`?done=`), by name. */
const DONE: Readonly<Record<string, Bilingual>> = {
  confirmed: T.doneConfirmed,
  enabled: T.doneEnabled,
  disabled: T.doneDisabled,
  reset: T.doneReset,
  password: T.donePassword,
  'signed-out': T.doneSignedOut,
  'mfa-off': T.doneMfaOff,
  added: T.doneAdded,
  removed: T.doneRemoved,
};

/** A finished action's notice, named by `?done=`, about this user (and `?group=`). */
export function doneNotice(
  req: ConsoleRequest,
  user: string,
): { tone: 'success'; message: string } | undefined {
  const done = req.url.searchParams.get('done') ?? '';
  const entry = Object.hasOwn(DONE, done) ? DONE[done] : undefined;
  if (!entry) return undefined;
  const group = req.url.searchParams.get('group') ?? '';
  return { tone: 'success', message: fill(req.lang, entry, { user, group }) };
}

/** The user named by the route, or Cognito's refusal (UserNotFoundException). */
export async function findUser(req: ConsoleRequest): Promise<WireUser> {
  return readUser(
    await req.call('AdminGetUser', { UserPoolId: req.poolId, Username: req.params.username ?? '' }),
  );
}

/** The groups this user is in, in their `cognito:groups` order. */
export async function groupsOf(req: ConsoleRequest, username: string): Promise<WireGroup[]> {
  return readGroups(
    await req.call('AdminListGroupsForUser', { UserPoolId: req.poolId, Username: username }),
  );
}

/** The page for a user the route names who does not exist. */
export function noSuchUser(req: ConsoleRequest): ConsoleAnswer {
  return {
    kind: 'page',
    status: 404,
    section: 'users',
    title: T.user,
    body: html`<p class="empty">${fill(req.lang, T.notFound, { user: req.params.username ?? '' })}</p>
<p><a href="${href(req, '/users')}">${fill(req.lang, T.backToUsers)}</a></p>`,
  };
}

/** Runs `page` for the user the route names, or answers 404 when Cognito does not know them. */
export async function withUser(
  req: ConsoleRequest,
  page: (user: WireUser) => Promise<ConsoleAnswer> | ConsoleAnswer,
): Promise<ConsoleAnswer> {
  let user: WireUser;
  try {
    user = await findUser(req);
  } catch (error) {
    if (refusal(error).type === 'UserNotFoundException') return noSuchUser(req);
    throw error;
  }
  return page(user);
}

function summary(req: ConsoleRequest, user: WireUser): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  return html`<section aria-labelledby="summary-heading">
  <h2 id="summary-heading">${t(T.summary)}</h2>
  <dl class="facts">
    <dt>${t(WORDS.username)}</dt><dd><code>${user.username}</code></dd>
    <dt>${t(T.email)}</dt><dd>${attribute(user, 'email') ?? t(WORDS.none)}</dd>
    <dt>${t(T.status)}</dt><dd>${user.status}</dd>
    <dt>${t(T.enabled)}</dt><dd>${t(user.enabled ? WORDS.yes : WORDS.no)}</dd>
    <dt>${t(T.created)}</dt><dd>${when(user.created)}</dd>
    <dt>${t(T.modified)}</dt><dd>${when(user.modified)}</dd>
  </dl>
</section>`;
}

function attributes(req: ConsoleRequest, user: WireUser): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  return html`<section>
  <h2 id="attributes-heading">${t(T.attributes)}</h2>
  <div class="table-wrap" role="region" aria-labelledby="attributes-heading" tabindex="0">
  <table>
    <thead><tr><th scope="col">${t(WORDS.name)}</th><th scope="col">${t(WORDS.value)}</th></tr></thead>
    <tbody>${user.attributes.map(
      (a) => html`<tr><th scope="row"><code>${a.name}</code></th><td>${a.value}</td></tr>`,
    )}</tbody>
  </table>
  </div>
</section>`;
}

/**
 * AdminGetUser's `UserMFASettingList` and `PreferredMfaSetting`, absent when none is set up, and
 * a way to turn TOTP off (for a rider who lost their phone); never its codes or secret.
 */
function mfa(req: ConsoleRequest, user: WireUser): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  const totpOn = user.mfaMethods.includes('SOFTWARE_TOKEN_MFA');
  return html`<section aria-labelledby="mfa-heading">
  <h2 id="mfa-heading">${t(WORDS.mfa)}</h2>
  <dl class="facts">
    <dt>${t(T.mfaMethods)}</dt><dd>${user.mfaMethods.length > 0 ? user.mfaMethods.join(', ') : t(WORDS.none)}</dd>
    <dt>${t(T.mfaPreferred)}</dt><dd>${user.preferredMfa ?? t(WORDS.none)}</dd>
  </dl>
  ${totpOn ? html`<p><a class="button" href="${href(req, userPath(user.username, 'mfa-off'))}">${t(T.mfaOff)}</a></p>` : null}
</section>`;
}

function groups(
  req: ConsoleRequest,
  user: WireUser,
  mine: WireGroup[],
  all: WireGroup[],
  error: string | undefined,
): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  const names = new Set(mine.map((group) => group.name));
  const others = all.filter((group) => !names.has(group.name));
  const chosen = req.form.get('group') ?? '';
  const addForm =
    others.length === 0
      ? html`<p>${t(T.noGroupsToAdd)} <a href="${href(req, '/groups')}">${t(T.createGroupLink)}</a></p>`
      : html`<form method="post" action="${href(req, userPath(user.username, 'groups'))}" class="add-group filter">
  <div class="field">
    <label for="add-group">${t(T.groupToAdd)} <select id="add-group" name="group"${error ? html` aria-invalid="true" aria-describedby="add-group-error"` : null}>${others.map(
      (group) =>
        html`<option value="${group.name}"${group.name === chosen ? html` selected` : null}>${group.name}</option>`,
    )}</select></label>
    ${error ? html`<p class="notice notice-error field-error" id="add-group-error">${error}</p>` : null}
  </div>
  <button type="submit">${t(T.addToGroup)}</button>
</form>`;
  return html`<section aria-labelledby="groups-heading">
  <h2 id="groups-heading">${t(T.memberOf)}</h2>
  ${
    mine.length === 0
      ? html`<p>${t(T.inNoGroup)}</p>`
      : html`<ul class="groups">${mine.map(
          (group) => html`<li><a href="${href(req, groupPath(group.name))}">${group.name}</a>
  <a class="remove" href="${href(req, userPath(user.username, 'groups', encodeURIComponent(group.name), 'remove'))}">${t(T.removeFromGroup)}<span class="visually-hidden">: ${group.name}</span></a></li>`,
        )}</ul>`
  }
  ${addForm}
</section>`;
}

function actions(req: ConsoleRequest, user: WireUser): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  const to = (step: string) => href(req, userPath(user.username, step));
  return html`<section aria-labelledby="actions-heading">
  <h2 id="actions-heading">${t(T.actions)}</h2>
  <div class="actions filter">
    ${user.status === 'UNCONFIRMED' ? postButton(to('confirm'), t(T.confirm)) : null}
    ${user.enabled ? html`<a class="button" href="${to('disable')}">${t(T.disable)}</a>` : postButton(to('enable'), t(T.enable))}
    <a class="button" href="${to('reset-password')}">${t(T.resetPassword)}</a>
    <a class="button" href="${to('password')}">${t(T.setPassword)}</a>
    <a class="button" href="${to('sign-out')}">${t(T.signOut)}</a>
    <a class="button danger" href="${to('delete')}">${t(T.delete)}</a>
  </div>
</section>`;
}

/**
 * The user's page; after a refused action, the refusal as the notice (or at the group field when
 * adding to a group failed) and status 400.
 */
export async function renderUser(
  req: ConsoleRequest,
  user: WireUser,
  refused?: { error: CognitoError; at?: 'group' },
): Promise<ConsoleAnswer> {
  const [mine, all] = await Promise.all([
    groupsOf(req, user.username),
    req.call('ListGroups', { UserPoolId: req.poolId }).then(readGroups),
  ]);
  const message = refused && refusalText(req, refused.error);
  const notice =
    refused === undefined
      ? doneNotice(req, nameOf(user))
      : refused.at === 'group'
        ? undefined
        : { tone: 'error' as const, message: message ?? '' };
  return {
    kind: 'page',
    ...(refused === undefined ? {} : { status: 400 }),
    section: 'users',
    title: T.user,
    ...(notice === undefined ? {} : { notice }),
    body: html`<p class="subject"><a href="${href(req, '/users')}">${fill(req.lang, T.backToUsers)}</a></p>
<p class="who"><strong>${nameOf(user)}</strong></p>
${summary(req, user)}
${attributes(req, user)}
${mfa(req, user)}
${groups(req, user, mine, all, refused?.at === 'group' ? message : undefined)}
${actions(req, user)}`,
  };
}

/** GET /users/:username */
export function userPage(req: ConsoleRequest): Promise<ConsoleAnswer> {
  return withUser(req, (user) => renderUser(req, user));
}
