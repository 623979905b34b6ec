/**
 * The Mailbox page: every code the emulator "sent", newest first, optionally for one address
 * (`?to=`), each with what it is for, when it stops working, a copy button and a link that opens
 * the site's step that takes it. The client script swaps in new mail as it arrives.
 */

import type { Mail } from '../core/pool/pool.ts';
import { html } from './html.ts';
import type {
  Bilingual,
  ConsoleAnswer,
  ConsoleLang,
  ConsoleRequest,
  ConsoleRoute,
} from './view.ts';
import { fill, WORDS } from './words.ts';

const PURPOSE: Record<Mail['purpose'], Bilingual> = {
  'sign-up': { en: 'Sign-up code', ko: '가입 인증 코드' },
  'forgot-password': { en: 'Password reset code', ko: '비밀번호 재설정 인증 코드' },
  'verify-attribute': { en: 'Email change code', ko: '이메일 변경 인증 코드' },
  invitation: { en: 'Temporary password (invitation)', ko: '임시 비밀번호(초대)' },
  'sign-in': { en: 'Sign-in code', ko: '로그인 인증 코드' },
};

/** The site's page that takes each kind of mail, with the address filled in. */
const SITE_STEP: Record<
  Mail['purpose'],
  { page: string; param: string; label: Bilingual } | undefined
> = {
  'sign-up': {
    page: 'verify.html',
    param: 'email',
    label: { en: 'Open the verify page', ko: '인증 페이지 열기' },
  },
  'forgot-password': {
    page: 'signin.html',
    param: 'reset',
    label: { en: 'Open the password reset step', ko: '비밀번호 재설정 단계 열기' },
  },
  invitation: {
    page: 'signin.html',
    param: 'email',
    label: { en: 'Open the sign-in page', ko: '로그인 페이지 열기' },
  },
  // The site changes an email on the ride page, behind a sign-in: no page takes this code by link.
  'verify-attribute': undefined,
  // An email sign-in code is typed into the sign-in that asked for it, which a link cannot reopen.
  'sign-in': undefined,
};

const TEXT = {
  title: { en: 'Mailbox', ko: '메일함' },
  intro: {
    en: 'Codes the emulator would have emailed, newest first. New mail appears here by itself.',
    ko: '에뮬레이터가 이메일로 보냈을 코드예요. 최신 메일이 맨 위에 있고, 새 메일은 저절로 나타나요.',
  },
  address: { en: 'Address', ko: '주소' },
  filter: { en: 'Show', ko: '보기' },
  everyone: { en: 'Show every address', ko: '모든 주소 보기' },
  countOne: { en: '1 message', ko: '메일 1통' },
  countMany: { en: '{count} messages', ko: '메일 {count}통' },
  countOneFor: { en: '1 message to {to}', ko: '{to} 앞으로 온 메일 1통' },
  countManyFor: { en: '{count} messages to {to}', ko: '{to} 앞으로 온 메일 {count}통' },
  empty: {
    en: 'No mail yet. Sign up on the site, and the code appears here.',
    ko: '아직 메일이 없어요. 사이트에서 가입하면 여기에 인증 코드가 나타나요.',
  },
  emptyFor: { en: 'No mail to this address yet.', ko: '이 주소로 온 메일이 아직 없어요.' },
  to: { en: 'To', ko: '받는 사람' },
  sent: { en: 'Sent', ko: '보낸 시각' },
  expires: { en: 'Expires', ko: '만료' },
  expired: { en: 'Expired', ko: '만료됐어요' },
  inMinutes: { en: 'in {n} min', ko: '{n}분 후' },
  inHours: { en: 'in {n} h', ko: '{n}시간 후' },
  noExpiry: { en: 'Does not expire in the emulator', ko: '에뮬레이터에서는 만료되지 않아요' },
  replaced: {
    en: 'A newer code was sent since: this one no longer works.',
    ko: '그 뒤에 새 코드를 보냈어요. 이 코드는 더 이상 쓸 수 없어요.',
  },
  code: { en: 'Code', ko: '코드' },
  password: { en: 'Temporary password', ko: '임시 비밀번호' },
  copy: { en: 'Copy', ko: '복사' },
  copied: { en: 'Copied: {code}', ko: '복사했어요: {code}' },
  selected: {
    en: 'Selected: {code}. Press Ctrl+C (⌘C) to copy it.',
    ko: '선택했어요: {code}. Ctrl+C(⌘C)를 눌러 복사하세요.',
  },
  arrived: { en: 'New mail: {count}.', ko: '새 메일이 {count}통 왔어요.' },
  noSite: {
    en: 'To link codes to the site, start the emulator with --site-url (or EMULATOR_SITE_URL).',
    ko: '코드에서 사이트로 바로 가려면 에뮬레이터를 --site-url(또는 EMULATOR_SITE_URL)과 함께 시작하세요.',
  },
} satisfies Record<string, Bilingual>;

/** `2026-12-02 01:58:36 UTC`: the emulator's clock is what counts, so times are shown in UTC. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function expiry(mail: Mail, now: number, lang: ConsoleLang): string {
  if (mail.expiresAt === undefined) return TEXT.noExpiry[lang];
  const left = Date.parse(mail.expiresAt) - now;
  if (left <= 0) return `${TEXT.expired[lang]} (${utc(mail.expiresAt)})`;
  const minutes = Math.ceil(left / 60_000);
  const when =
    minutes < 120
      ? fill(lang, TEXT.inMinutes, { n: minutes })
      : fill(lang, TEXT.inHours, { n: Math.round(minutes / 60) });
  return `${TEXT.expires[lang]} ${utc(mail.expiresAt)} (${when})`;
}

/** `?to=` compared as Cognito compares emails: case aside. */
function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What a script polls to notice new mail: the mailbox's length and newest time. */
export function mailboxSignature(mails: readonly Mail[]): string {
  return `${mails.length}|${mails.at(-1)?.sentAt ?? ''}`;
}

async function mailboxPage(request: ConsoleRequest): Promise<ConsoleAnswer> {
  const { lang, base, now } = request;
  const all = request.mailbox();
  const to = (request.url.searchParams.get('to') ?? '').trim();
  // A code is replaced by the next one for the same user, pool and purpose.
  const replaced = new Set<Mail>();
  const latest = new Map<string, Mail>();
  for (const mail of all) {
    const key = `${mail.userPoolId}\n${mail.username}\n${mail.purpose}`;
    const earlier = latest.get(key);
    if (earlier) replaced.add(earlier);
    latest.set(key, mail);
  }
  const shown = all.filter((mail) => to === '' || sameAddress(mail.to, to)).reverse();
  const showPool = new Set(all.map((mail) => mail.userPoolId)).size > 1;
  const countText =
    to === ''
      ? shown.length === 1
        ? TEXT.countOne
        : TEXT.countMany
      : shown.length === 1
        ? TEXT.countOneFor
        : TEXT.countManyFor;
  const count = fill(lang, countText, { count: shown.length, to });
  const site = request.siteUrl;
  // In a pool that signs in by email the username is an id nobody types: the address says it all.
  const byEmail = request.poolConfig().usernameAttributes.includes('email');
  const showUsername = (mail: Mail) =>
    mail.username !== mail.to && !(byEmail && mail.userPoolId === request.poolId);

  const items = shown.map((mail, index) => {
    const id = `code-${index}`;
    const step = SITE_STEP[mail.purpose];
    const link =
      site !== undefined && step !== undefined
        ? `${site}/${step.page}?${new URLSearchParams({ [step.param]: mail.to })}`
        : undefined;
    const expired = mail.expiresAt !== undefined && Date.parse(mail.expiresAt) <= now;
    const stale = expired || replaced.has(mail);
    return html`<li class="mail${stale ? ' is-expired' : ''}" data-key="${mail.sentAt}|${mail.userPoolId}|${mail.username}|${mail.purpose}">
<h2>${PURPOSE[mail.purpose][lang]}</h2>
<p>${TEXT.to[lang]}: <strong>${mail.to}</strong>${showUsername(mail) ? html` · ${WORDS.username[lang]}: <code>${mail.username}</code>` : ''}${showPool ? html` · ${WORDS.userPool[lang]}: <code>${mail.userPoolId}</code>` : ''}</p>
<div class="code-row"><p class="code" id="${id}"><span class="visually-hidden">${(mail.purpose === 'invitation' ? TEXT.password : TEXT.code)[lang]}: </span>${mail.code}</p>
<button type="button" hidden data-copy="${mail.code}" data-source="${id}" data-copied="${fill(lang, TEXT.copied, { code: mail.code })}" data-selected="${fill(lang, TEXT.selected, { code: mail.code })}" aria-describedby="${id}">${TEXT.copy[lang]}</button></div>
<p class="muted">${TEXT.sent[lang]} <time datetime="${mail.sentAt}">${utc(mail.sentAt)}</time> · ${expiry(mail, now, lang)}</p>
${replaced.has(mail) ? html`<p>${TEXT.replaced[lang]}</p>` : ''}
${link !== undefined && step !== undefined && !stale ? html`<p class="actions"><a class="button primary" href="${link}">${step.label[lang]}</a></p>` : ''}
</li>`;
  });

  const body = html`<p>${TEXT.intro[lang]}</p>
<form class="filter" method="get" action="${base}/mailbox">
<label>${TEXT.address[lang]} <input type="email" name="to" value="${to}" autocomplete="off" spellcheck="false"></label>
<button type="submit">${TEXT.filter[lang]}</button>
${to !== '' ? html`<a href="${base}/mailbox">${TEXT.everyone[lang]}</a>` : ''}
</form>
${site === undefined ? html`<p class="muted">${TEXT.noSite[lang]}</p>` : ''}
<section data-mailbox-feed="${base}/mailbox" data-signature="${mailboxSignature(all)}" data-arrived="${TEXT.arrived[lang]}" aria-labelledby="mail-count">
<h2 id="mail-count" class="count">${count}</h2>
${shown.length === 0 ? html`<p>${(to === '' ? TEXT.empty : TEXT.emptyFor)[lang]}</p>` : html`<ol class="mails">${items}</ol>`}
</section>`;
  return { kind: 'page', section: 'mailbox', title: TEXT.title, body };
}

/** The mailbox's routes. */
export const mailboxRoutes: readonly ConsoleRoute[] = [
  { method: 'GET', pattern: '/mailbox', view: mailboxPage },
];
