/**
 * Pieces the Users and Groups pages share: links that keep the chosen pool, the wire forms of
 * users and groups read from operation answers (unknown until checked), dates, form fields with
 * their errors, and the "are you sure?" page every destructive action shows first.
 */

import { CognitoError } from '../../core/cognito-error.ts';
import type { Json } from '../../core/input.ts';
import { type Html, html } from '../html.ts';
import type { Bilingual, ConsoleAnswer, ConsoleRequest, ConsoleSection } from '../view.ts';
import { fill } from '../words.ts';
import { T } from './text.ts';

/** A path below the console's base with its query, keeping `?pool=` when the page has one. */
export function below(
  req: ConsoleRequest,
  path: string,
  query: Readonly<Record<string, string | readonly string[] | undefined>> = {},
): string {
  const params = new URLSearchParams();
  const pool = req.url.searchParams.get('pool');
  if (pool !== null) params.set('pool', pool);
  for (const [name, value] of Object.entries(query)) {
    for (const one of typeof value === 'string' ? [value] : (value ?? [])) params.append(name, one);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A link or form action: `below()` under the console's base. */
export function href(
  req: ConsoleRequest,
  path: string,
  query?: Readonly<Record<string, string | readonly string[] | undefined>>,
): string {
  return req.base + below(req, path, query);
}

/** A user's path: usernames hold `@`, `+`, `/` or are UUIDs, so each is one encoded segment. */
export function userPath(username: string, ...rest: string[]): string {
  return ['/users', encodeURIComponent(username), ...rest].join('/');
}

/** A group's path, its name one encoded segment. */
export function groupPath(name: string, ...rest: string[]): string {
  return ['/groups', encodeURIComponent(name), ...rest].join('/');
}

/** A user as AdminGetUser, ListUsers and ListUsersInGroup answer. */
export interface WireUser {
  username: string;
  attributes: { name: string; value: string }[];
  created: number;
  modified: number;
  enabled: boolean;
  status: string;
  mfaMethods: string[];
  preferredMfa: string | undefined;
}

/** A group as the group operations answer. */
export interface WireGroup {
  name: string;
  description: string | undefined;
  precedence: number | undefined;
}

function record(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('The emulator answered something other than an object.');
  }
  return Object.fromEntries(Object.entries(value));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads one user of an operation's answer. */
export function readUser(value: unknown): WireUser {
  const user = record(value);
  const attributes = list(user.Attributes ?? user.UserAttributes).map((entry) => {
    const attribute = record(entry);
    return { name: str(attribute.Name) ?? '', value: str(attribute.Value) ?? '' };
  });
  return {
    username: str(user.Username) ?? '',
    attributes,
    created: typeof user.UserCreateDate === 'number' ? user.UserCreateDate : 0,
    modified: typeof user.UserLastModifiedDate === 'number' ? user.UserLastModifiedDate : 0,
    enabled: user.Enabled === true,
    status: str(user.UserStatus) ?? '',
    mfaMethods: list(user.UserMFASettingList).flatMap((method) => str(method) ?? []),
    preferredMfa: str(user.PreferredMfaSetting),
  };
}

/** Reads the groups of a group list's answer. */
export function readGroups(answer: Json): WireGroup[] {
  return list(answer.Groups).map((entry) => {
    const group = record(entry);
    return {
      name: str(group.GroupName) ?? '',
      description: str(group.Description),
      precedence: typeof group.Precedence === 'number' ? group.Precedence : undefined,
    };
  });
}

/** The user's attribute, if set. */
export function attribute(user: WireUser, name: string): string | undefined {
  return user.attributes.find((a) => a.name === name)?.value;
}

/** How pages name a user: the email when there is one (the site signs in with it), else the username. */
export function nameOf(user: WireUser): string {
  return attribute(user, 'email') ?? user.username;
}

/** A time from the wire (seconds since the epoch), in UTC to the minute. */
export function when(seconds: number): Html {
  const iso = new Date(seconds * 1000).toISOString();
  return html`<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`;
}

/** Cognito's refusal, or the error rethrown when it is not one. */
export function refusal(error: unknown): CognitoError {
  if (error instanceof CognitoError) return error;
  throw error;
}

/** What Cognito said, shown where it applies: its message, its code beside it. */
export function refusalText(req: ConsoleRequest, error: CognitoError): string {
  return `${error.message} (${fill(req.lang, T.refused, { code: error.type })})`;
}

/** A text field with its label, an optional hint, and Cognito's refusal at the field. */
export function field(options: {
  id: string;
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'password' | 'number';
  hint?: string;
  error?: string;
  required?: boolean;
  autocomplete?: string;
  min?: number;
}): Html {
  const { id, error, hint } = options;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="field">
  <label for="${id}">${options.label} <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${
    options.required ? html` required` : null
  }${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : null}${
    options.min === undefined ? null : html` min="${options.min}"`
  }${described ? html` aria-describedby="${described}"` : null}${error ? html` aria-invalid="true"` : null}></label>
  ${hint ? html`<p class="muted" id="${id}-hint">${hint}</p>` : null}
  ${error ? html`<p class="notice notice-error field-error" id="${id}-error">${error}</p>` : null}
</div>`;
}

/** A form of one POST button (the page's other actions are links to their own steps). */
export function postButton(
  action: string,
  label: string,
  tone: 'plain' | 'danger' = 'plain',
): Html {
  return html`<form method="post" action="${action}" class="inline-form"><button type="submit"${
    tone === 'danger' ? html` class="primary"` : null
  }>${label}</button></form>`;
}

/**
 * The step before a destructive action: GET shows the question and a POST button, so nothing
 * changes until the person presses it, and it works without script.
 */
export function askFirst(
  req: ConsoleRequest,
  options: {
    section: ConsoleSection;
    title: Bilingual;
    question: string;
    action: string;
    button: string;
    back: string;
    extra?: Html;
  },
): ConsoleAnswer {
  return {
    kind: 'page',
    section: options.section,
    title: options.title,
    body: html`<div class="ask">
  <p class="question">${options.question}</p>
  ${options.extra ?? null}
  <div class="actions filter">
    ${postButton(options.action, options.button, 'danger')}
    <a href="${options.back}">${fill(req.lang, T.cancel)}</a>
  </div>
</div>`,
  };
}
