/**
 * The Groups pages: the pool's groups (ListGroups), a form that creates one (CreateGroup, its
 * refusals at the field they concern), a group's members (ListUsersInGroup), and removing a
 * member or the group, each asking first.
 */

import type { CognitoError } from '../core/cognito-error.ts';
import { type Html, html } from './html.ts';
import {
  askFirst,
  attribute,
  below,
  field,
  groupPath,
  href,
  nameOf,
  readGroups,
  readUser,
  refusal,
  refusalText,
  userPath,
  type WireGroup,
  type WireUser,
} from './users/parts.ts';
import { T } from './users/text.ts';
import type { Bilingual, ConsoleAnswer, ConsoleRequest, ConsoleRoute } from './view.ts';
import { fill, WORDS } from './words.ts';

type GroupField = 'name' | 'description' | 'precedence';

/** Which field of the create form a CreateGroup refusal is about (its validation names members). */
function fieldOf(error: CognitoError): GroupField {
  if (/'description'/.test(error.message)) return 'description';
  if (/'precedence'/.test(error.message)) return 'precedence';
  return 'name';
}

function createForm(req: ConsoleRequest, errors: Partial<Record<GroupField, string>>): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  const value = (name: string) => req.form.get(name) ?? '';
  const at = (name: GroupField) => (errors[name] === undefined ? {} : { error: errors[name] });
  return html`<section aria-labelledby="create-heading">
<h2 id="create-heading">${t(T.createGroup)}</h2>
<form method="post" action="${href(req, '/groups')}" class="filter">
  ${field({ id: 'group-name', name: 'name', label: t(WORDS.name), value: value('name'), required: true, autocomplete: 'off', ...at('name') })}
  ${field({ id: 'group-description', name: 'description', label: t(T.description), value: value('description'), autocomplete: 'off', ...at('description') })}
  ${field({ id: 'group-precedence', name: 'precedence', label: t(T.precedence), value: value('precedence'), type: 'number', min: 0, hint: t(T.precedenceHint), ...at('precedence') })}
  <button type="submit">${t(T.createGroup)}</button>
</form>
</section>`;
}

function groupsTable(req: ConsoleRequest, groups: WireGroup[]): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  if (groups.length === 0) return html`<p class="empty">${t(T.noGroups)}</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="groups-caption" tabindex="0">
<table>
  <caption id="groups-caption">${t(T.groupsTable)}</caption>
  <thead><tr>
    <th scope="col">${t(WORDS.name)}</th>
    <th scope="col">${t(T.description)}</th>
    <th scope="col">${t(T.precedence)}</th>
  </tr></thead>
  <tbody>${groups.map(
    (group) => html`<tr>
    <th scope="row"><a href="${href(req, groupPath(group.name))}">${group.name}</a></th>
    <td>${group.description ?? ''}</td>
    <td>${group.precedence ?? ''}</td>
  </tr>`,
  )}</tbody>
</table>
</div>`;
}

async function listPage(
  req: ConsoleRequest,
  errors: Partial<Record<GroupField, string>> = {},
): Promise<ConsoleAnswer> {
  const groups = readGroups(await req.call('ListGroups', { UserPoolId: req.poolId }));
  const deleted = req.url.searchParams.get('done') === 'deleted';
  const refused = Object.keys(errors).length > 0;
  return {
    kind: 'page',
    ...(refused ? { status: 400 } : {}),
    section: 'groups',
    title: T.groups,
    ...(deleted
      ? {
          notice: {
            tone: 'success' as const,
            message: fill(req.lang, T.doneDeletedGroup, {
              group: req.url.searchParams.get('group') ?? '',
            }),
          },
        }
      : {}),
    body: html`${groupsTable(req, groups)}
${createForm(req, errors)}`,
  };
}

/** POST /groups: CreateGroup with what the form holds; a refusal returns the form as typed. */
async function createGroup(req: ConsoleRequest): Promise<ConsoleAnswer> {
  const name = req.form.get('name') ?? '';
  const description = req.form.get('description') ?? '';
  const precedence = (req.form.get('precedence') ?? '').trim();
  if (precedence !== '' && !/^-?\d+$/.test(precedence)) {
    return listPage(req, { precedence: fill(req.lang, T.notWholeNumber) });
  }
  try {
    await req.call('CreateGroup', {
      UserPoolId: req.poolId,
      GroupName: name,
      ...(description === '' ? {} : { Description: description }),
      ...(precedence === '' ? {} : { Precedence: Number(precedence) }),
    });
  } catch (error) {
    const refused = refusal(error);
    return listPage(req, { [fieldOf(refused)]: refusalText(req, refused) });
  }
  return { kind: 'redirect', to: below(req, groupPath(name), { done: 'created' }) };
}

/** Runs `page` for the group the route names, or answers 404 when the pool has no such group. */
async function withGroup(
  req: ConsoleRequest,
  page: (group: WireGroup) => Promise<ConsoleAnswer> | ConsoleAnswer,
): Promise<ConsoleAnswer> {
  const name = req.params.group ?? '';
  let answer: Record<string, unknown>;
  try {
    answer = await req.call('GetGroup', { UserPoolId: req.poolId, GroupName: name });
  } catch (error) {
    const refused = refusal(error);
    if (
      refused.type !== 'ResourceNotFoundException' &&
      refused.type !== 'InvalidParameterException'
    ) {
      throw error;
    }
    return {
      kind: 'page',
      status: 404,
      section: 'groups',
      title: T.group,
      body: html`<p class="empty">${fill(req.lang, T.groupNotFound, { group: name })}</p>
<p><a href="${href(req, '/groups')}">${fill(req.lang, T.backToGroups)}</a></p>`,
    };
  }
  const [group] = readGroups({ Groups: [answer.Group] });
  if (!group) throw new Error('GetGroup answered without a group.');
  return page(group);
}

function membersTable(req: ConsoleRequest, group: WireGroup, members: WireUser[]): Html {
  const t = (entry: Bilingual) => fill(req.lang, entry);
  if (members.length === 0) return html`<p class="empty">${t(T.noMembers)}</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="members-heading" tabindex="0">
<table>
  <thead><tr>
    <th scope="col">${t(WORDS.username)}</th>
    <th scope="col">${t(T.email)}</th>
    <th scope="col">${t(T.status)}</th>
    <th scope="col"><span class="visually-hidden">${t(T.actions)}</span></th>
  </tr></thead>
  <tbody>${members.map(
    (user) => html`<tr>
    <th scope="row"><a href="${href(req, userPath(user.username))}">${user.username}</a></th>
    <td>${attribute(user, 'email') ?? ''}</td>
    <td>${user.status}</td>
    <td><a href="${href(req, groupPath(group.name, 'members', encodeURIComponent(user.username), 'remove'))}">${t(T.remove)}<span class="visually-hidden">: ${nameOf(user)}</span></a></td>
  </tr>`,
  )}</tbody>
</table>
</div>`;
}

const DONE: Readonly<Record<string, Bilingual>> = {
  created: T.doneCreatedGroup,
  removed: T.doneRemoved,
};

/** GET /groups/:group: what the group is, its members (the first 60), and deleting it. */
function groupPage(req: ConsoleRequest): Promise<ConsoleAnswer> {
  return withGroup(req, async (group) => {
    const t = (entry: Bilingual) => fill(req.lang, entry);
    const answer = await req.call('ListUsersInGroup', {
      UserPoolId: req.poolId,
      GroupName: group.name,
      Limit: 60,
    });
    const members = (Array.isArray(answer.Users) ? answer.Users : []).map(readUser);
    const done = req.url.searchParams.get('done') ?? '';
    const entry = Object.hasOwn(DONE, done) ? DONE[done] : undefined;
    return {
      kind: 'page',
      section: 'groups',
      title: T.group,
      ...(entry === undefined
        ? {}
        : {
            notice: {
              tone: 'success' as const,
              message: fill(req.lang, entry, {
                group: group.name,
                user: req.url.searchParams.get('user') ?? '',
              }),
            },
          }),
      body: html`<p class="subject"><a href="${href(req, '/groups')}">${t(T.backToGroups)}</a></p>
<p class="who"><strong>${group.name}</strong></p>
<dl class="facts">
  <dt>${t(T.description)}</dt><dd>${group.description ?? t(WORDS.none)}</dd>
  <dt>${t(T.precedence)}</dt><dd>${group.precedence ?? t(WORDS.none)}</dd>
</dl>
<section>
  <h2 id="members-heading">${t(T.members)}</h2>
  ${membersTable(req, group, members)}
</section>
<div class="actions filter">
  <a class="button danger" href="${href(req, groupPath(group.name, 'delete'))}">${t(T.deleteGroup)}</a>
</div>`,
    };
  });
}

function memberPath(req: ConsoleRequest, group: WireGroup): string {
  return groupPath(group.name, 'members', encodeURIComponent(req.params.username ?? ''), 'remove');
}

/** The Groups pages' routes. */
export const groupRoutes: ConsoleRoute[] = [
  { method: 'GET', pattern: '/groups', view: (req) => listPage(req) },
  { method: 'POST', pattern: '/groups', view: createGroup },
  { method: 'GET', pattern: '/groups/:group', view: groupPage },
  {
    method: 'GET',
    pattern: '/groups/:group/delete',
    view: (req) =>
      withGroup(req, (group) =>
        askFirst(req, {
          section: 'groups',
          title: T.deleteGroup,
          question: fill(req.lang, T.askDeleteGroup, { group: group.name }),
          action: href(req, groupPath(group.name, 'delete')),
          button: fill(req.lang, T.deleteGroup),
          back: href(req, groupPath(group.name)),
        }),
      ),
  },
  {
    method: 'POST',
    pattern: '/groups/:group/delete',
    view: (req) =>
      withGroup(req, async (group) => {
        await req.call('DeleteGroup', { UserPoolId: req.poolId, GroupName: group.name });
        return {
          kind: 'redirect',
          to: below(req, '/groups', { done: 'deleted', group: group.name }),
        };
      }),
  },
  {
    method: 'GET',
    pattern: '/groups/:group/members/:username/remove',
    view: (req) =>
      withGroup(req, async (group) => {
        const user = readUser(
          await req.call('AdminGetUser', {
            UserPoolId: req.poolId,
            Username: req.params.username ?? '',
          }),
        );
        return askFirst(req, {
          section: 'groups',
          title: T.removeFromGroup,
          question: fill(req.lang, T.askRemove, { user: nameOf(user), group: group.name }),
          action: href(req, memberPath(req, group)),
          button: fill(req.lang, T.remove),
          back: href(req, groupPath(group.name)),
        });
      }),
  },
  {
    method: 'POST',
    pattern: '/groups/:group/members/:username/remove',
    view: (req) =>
      withGroup(req, async (group) => {
        const username = req.params.username ?? '';
        const user = readUser(
          await req.call('AdminGetUser', { UserPoolId: req.poolId, Username: username }),
        );
        await req.call('AdminRemoveUserFromGroup', {
          UserPoolId: req.poolId,
          Username: username,
          GroupName: group.name,
        });
        return {
          kind: 'redirect',
          to: below(req, groupPath(group.name), { done: 'removed', user: nameOf(user) }),
        };
      }),
  },
];
