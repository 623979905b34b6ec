/**
 * The Users page: the table the Cognito console shows, searched with ListUsers' own `Filter`
 * (attribute, `=` or `^=`, value) and paged with its `PaginationToken`. Previous pages are found
 * again from the tokens already seen, carried in the links, since ListUsers only pages forward.
 */

import type { CognitoError } from '../../core/cognito-error.ts';
import { FILTERABLE_ATTRIBUTES } from '../../core/operations/list-users.ts';
import { type Html, html } from '../html.ts';
import type { ConsoleAnswer, ConsoleRequest } from '../view.ts';
import { fill, WORDS } from '../words.ts';
import {
  attribute,
  field,
  href,
  readGroups,
  readUser,
  refusal,
  refusalText,
  userPath,
  type WireUser,
  when,
} from './parts.ts';
import { T } from './text.ts';

const PAGE_SIZE = 20;

interface Search {
  attr: string;
  exact: boolean;
  value: string;
}

function searchOf(req: ConsoleRequest): Search {
  const chosen = req.url.searchParams.get('attr') ?? 'email';
  return {
    attr: FILTERABLE_ATTRIBUTES.find((name) => name === chosen) ?? 'email',
    exact: req.url.searchParams.get('match') === 'exact',
    value: req.url.searchParams.get('q') ?? '',
  };
}

/** ListUsers' filter syntax: `email ^= "jane"`, quotes and backslashes escaped in the value. */
export function filterOf(search: Search): string {
  const quoted = search.value.replace(/["\\]/g, (char) => `\\${char}`);
  return `${search.attr} ${search.exact ? '=' : '^='} "${quoted}"`;
}

function searchForm(req: ConsoleRequest, search: Search, error: string | undefined): Html {
  const pool = req.url.searchParams.get('pool');
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : null}>${label}</option>`;
  return html`<form method="get" action="${href(req, '/users', {})}" class="filter search" role="search" aria-label="${fill(req.lang, T.searchLegend)}">
  ${pool === null ? null : html`<input type="hidden" name="pool" value="${pool}">`}
    <label for="search-attr">${fill(req.lang, T.searchAttribute)} <select id="search-attr" name="attr">${FILTERABLE_ATTRIBUTES.map(
      (name) => option(name, name, name === search.attr),
    )}</select></label>
    <label for="search-match">${fill(req.lang, T.searchMatch)} <select id="search-match" name="match">
        ${option('prefix', fill(req.lang, T.startsWith), !search.exact)}
        ${option('exact', fill(req.lang, T.equals), search.exact)}
      </select></label>
    ${field({
      id: 'search-value',
      name: 'q',
      label: fill(req.lang, WORDS.value),
      value: search.value,
      ...(error === undefined ? {} : { error }),
    })}
    <button type="submit">${fill(req.lang, T.searchButton)}</button>
</form>`;
}

function row(req: ConsoleRequest, user: WireUser, groups: string[]): Html {
  const email = attribute(user, 'email');
  return html`<tr>
  <th scope="row"><a href="${href(req, userPath(user.username))}">${user.username}</a></th>
  <td>${email ?? ''}</td>
  <td>${user.status}</td>
  <td>${fill(req.lang, user.enabled ? WORDS.yes : WORDS.no)}</td>
  <td>${when(user.created)}</td>
  <td>${when(user.modified)}</td>
  <td>${groups.join(', ')}</td>
</tr>`;
}

function table(req: ConsoleRequest, rows: Html[]): Html {
  const t = (entry: { en: string; ko: string }) => fill(req.lang, entry);
  return html`<div class="table-wrap" role="region" aria-labelledby="users-caption" tabindex="0">
<table>
  <caption id="users-caption">${t(T.usersTable)}</caption>
  <thead><tr>
    <th scope="col">${t(WORDS.username)}</th>
    <th scope="col">${t(T.email)}</th>
    <th scope="col">${t(T.status)}</th>
    <th scope="col">${t(T.enabled)}</th>
    <th scope="col">${t(T.created)}</th>
    <th scope="col">${t(T.modified)}</th>
    <th scope="col">${t(T.groups)}</th>
  </tr></thead>
  <tbody>${rows}</tbody>
</table>
</div>`;
}

function pager(
  req: ConsoleRequest,
  token: string | undefined,
  back: string[],
  next: string | undefined,
): Html | null {
  const query = (page: string | undefined, seen: string[]) => {
    const keep = Object.fromEntries(
      ['attr', 'match', 'q', 'limit'].flatMap((name) => {
        const value = req.url.searchParams.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    return { ...keep, ...(page ? { page } : {}), back: seen };
  };
  const previous = back.length > 0 || token !== undefined;
  if (!previous && next === undefined) return null;
  const before = back.slice(0, -1);
  const last = back.at(-1);
  return html`<nav class="pager filter" aria-label="${fill(req.lang, T.paging)}">
  ${previous ? html`<a rel="prev" href="${href(req, '/users', query(last || undefined, before))}">${fill(req.lang, T.previous)}</a>` : null}
  ${next === undefined ? null : html`<a rel="next" href="${href(req, '/users', query(next, [...back, token ?? '']))}">${fill(req.lang, T.next)}</a>`}
</nav>`;
}

/** GET /users: the table, its search, paging, and an empty state that says why it is empty. */
export async function usersPage(req: ConsoleRequest): Promise<ConsoleAnswer> {
  const search = searchOf(req);
  const token = req.url.searchParams.get('page') || undefined;
  const back = req.url.searchParams.getAll('back');
  const limitText = req.url.searchParams.get('limit');
  const limit = limitText === null ? PAGE_SIZE : Number(limitText);
  const filter = search.value === '' ? undefined : filterOf(search);
  let users: WireUser[] = [];
  let next: string | undefined;
  let error: CognitoError | undefined;
  try {
    const answer = await req.call('ListUsers', {
      UserPoolId: req.poolId,
      Limit: limit,
      ...(filter === undefined ? {} : { Filter: filter }),
      ...(token === undefined ? {} : { PaginationToken: token }),
    });
    users = (Array.isArray(answer.Users) ? answer.Users : []).map(readUser);
    next = typeof answer.PaginationToken === 'string' ? answer.PaginationToken : undefined;
  } catch (caught) {
    error = refusal(caught);
  }
  const groups = await Promise.all(
    users.map(async (user) =>
      readGroups(
        await req.call('AdminListGroupsForUser', {
          UserPoolId: req.poolId,
          Username: user.username,
        }),
      ).map((group) => group.name),
    ),
  );
  const empty =
    error === undefined && users.length === 0
      ? html`<p class="empty">${
          filter === undefined ? fill(req.lang, T.noUsers) : fill(req.lang, T.noMatches, { filter })
        }</p>`
      : null;
  const deleted = req.url.searchParams.get('done') === 'deleted';
  return {
    kind: 'page',
    ...(error === undefined ? {} : { status: 400 }),
    section: 'users',
    title: T.users,
    ...(deleted
      ? {
          notice: {
            tone: 'success' as const,
            message: fill(req.lang, T.doneDeleted, {
              user: req.url.searchParams.get('user') ?? '',
            }),
          },
        }
      : {}),
    body: html`${searchForm(req, search, error && refusalText(req, error))}
${filter === undefined ? null : html`<p class="muted search-summary">${fill(req.lang, T.searchingFor, { filter })} · <a href="${href(req, '/users')}">${fill(req.lang, T.clearSearch)}</a></p>`}
${
  empty ??
  (error === undefined
    ? table(
        req,
        users.map((user, i) => row(req, user, groups[i] ?? [])),
      )
    : null)
}
${error === undefined ? pager(req, token, back, next) : null}`,
  };
}
