/**
 * The Pool page: the shown pool's settings and its app clients, read-only — the emulator's
 * config file is the source of truth, as the AWS console's pool pages are for a real pool.
 */

import { html } from './html.ts';
import type {
  Bilingual,
  ConsoleAnswer,
  ConsoleLang,
  ConsoleRequest,
  ConsoleRoute,
} from './view.ts';
import { fill, WORDS } from './words.ts';

const TEXT = {
  title: { en: 'Pool and app clients', ko: '풀과 앱 클라이언트' },
  readOnly: {
    en: 'Read-only: change these in the emulator’s config file (--config) and restart it.',
    ko: '읽기 전용이에요. 에뮬레이터의 설정 파일(--config)에서 바꾸고 다시 시작하세요.',
  },
  id: { en: 'Pool id', ko: '풀 ID' },
  signIn: { en: 'Signs in with', ko: '로그인 방식' },
  byEmail: { en: 'Email address', ko: '이메일 주소' },
  passwords: { en: 'Password policy', ko: '비밀번호 정책' },
  minimum: { en: 'Minimum length', ko: '최소 길이' },
  characters: { en: '{n} characters', ko: '{n}자' },
  needs: { en: 'Must contain', ko: '꼭 들어가야 하는 문자' },
  upper: { en: 'an uppercase letter', ko: '대문자' },
  lower: { en: 'a lowercase letter', ko: '소문자' },
  number: { en: 'a number', ko: '숫자' },
  symbol: { en: 'a symbol', ko: '특수 문자' },
  nothing: { en: 'nothing in particular', ko: '정해진 것 없음' },
  codes: { en: 'Codes', ko: '인증 코드' },
  signUpCode: {
    en: 'Sign-up and email change codes live',
    ko: '가입·이메일 변경 인증 코드 유효 시간',
  },
  resetCode: { en: 'Password reset codes live', ko: '비밀번호 재설정 인증 코드 유효 시간' },
  codeLimit: { en: 'Codes per user', ko: '사용자당 인증 코드 요청' },
  perWindow: { en: '{n} per {window}', ko: '{window}에 {n}번까지' },
  lockout: { en: 'Sign-in lockout', ko: '로그인 잠금' },
  lockoutAfter: { en: 'Starts after', ko: '잠금 시작' },
  failures: { en: '{n} wrong passwords', ko: '비밀번호를 {n}번 틀린 뒤' },
  longest: { en: 'Longest lockout', ko: '최대 잠금 시간' },
  handshake: { en: 'Sign-in handshake (SRP) lives', ko: '로그인 핸드셰이크(SRP) 유효 시간' },
  clients: { en: 'App clients', ko: '앱 클라이언트' },
  clientId: { en: 'Client id', ko: '클라이언트 ID' },
  secret: { en: 'Client secret', ko: '클라이언트 보안 키' },
  hasSecret: { en: 'Yes (requests need SECRET_HASH)', ko: '있어요(요청에 SECRET_HASH가 필요해요)' },
  noSecret: { en: 'No', ko: '없어요' },
  flows: { en: 'Allowed sign-in flows', ko: '허용된 로그인 흐름' },
  existence: { en: 'Prevent user existence errors', ko: '사용자 존재 오류 방지' },
  oauth: { en: 'Hosted sign-in (OAuth 2.0)', ko: '호스팅 로그인(OAuth 2.0)' },
  grants: { en: 'Grants', ko: '허용된 권한 부여 방식' },
  scopes: { en: 'Scopes', ko: '범위(scope)' },
  callbacks: { en: 'Callback URLs', ko: '콜백 URL' },
  signOuts: { en: 'Sign-out URLs', ko: '로그아웃 URL' },
  providers: { en: 'Identity providers', ko: '자격 증명 공급자' },
  rotation: { en: 'Refresh-token rotation', ko: '갱신 토큰 교체' },
  grace: { en: 'On, old token kept {n} s', ko: '켜짐, 이전 토큰 {n}초 유지' },
  firstFactors: { en: 'First sign-in factors', ko: '첫 로그인 수단' },
  idToken: { en: 'ID token lives', ko: 'ID 토큰 유효 시간' },
  accessToken: { en: 'Access token lives', ko: '액세스 토큰 유효 시간' },
  refreshToken: { en: 'Refresh token lives', ko: '갱신 토큰 유효 시간' },
  seconds: { en: '{n} s', ko: '{n}초' },
  minutes: { en: '{n} min', ko: '{n}분' },
  hours: { en: '{n} h', ko: '{n}시간' },
  days: { en: '{n} days', ko: '{n}일' },
} satisfies Record<string, Bilingual>;

/** A lifetime in its largest whole unit: 180 → "3 min", 86400 → "24 h", 2592000 → "30 days". */
export function duration(seconds: number, lang: ConsoleLang): string {
  const units: [number, Bilingual][] = [
    [86_400, TEXT.days],
    [3_600, TEXT.hours],
    [60, TEXT.minutes],
  ];
  for (const [size, unit] of units) {
    // A day is said in hours below a week: "24 h" is how Cognito's console writes code lifetimes.
    if (size === 86_400 && seconds < 7 * 86_400) continue;
    if (seconds % size === 0) return fill(lang, unit, { n: seconds / size });
  }
  return fill(lang, TEXT.seconds, { n: seconds });
}

/** A setting's list, comma-separated, or "none". */
function listed(values: readonly string[], lang: ConsoleLang): string {
  return values.length === 0 ? WORDS.none[lang] : values.join(', ');
}

function facts(rows: readonly [Bilingual, string][], lang: ConsoleLang) {
  return html`<dl class="facts">${rows.map(([term, value]) => html`<dt>${term[lang]}</dt><dd>${value}</dd>`)}</dl>`;
}

async function poolPage(request: ConsoleRequest): Promise<ConsoleAnswer> {
  const { lang } = request;
  const pool = request.poolConfig();
  const policy = pool.passwordPolicy;
  const needs = [
    policy.requireUppercase && TEXT.upper[lang],
    policy.requireLowercase && TEXT.lower[lang],
    policy.requireNumbers && TEXT.number[lang],
    policy.requireSymbols && TEXT.symbol[lang],
  ].filter((need) => need !== false);
  const clients = pool.clients.map(
    (client) => html`<section aria-labelledby="client-${client.id}">
<h3 id="client-${client.id}">${client.name}</h3>
${facts(
  [
    [TEXT.clientId, client.id],
    [TEXT.secret, (client.secret === undefined ? TEXT.noSecret : TEXT.hasSecret)[lang]],
    [TEXT.flows, client.explicitAuthFlows.join(', ')],
    [TEXT.existence, (client.preventUserExistenceErrors ? WORDS.on : WORDS.off)[lang]],
    [TEXT.idToken, duration(client.idTokenValidity, lang)],
    [TEXT.accessToken, duration(client.accessTokenValidity, lang)],
    [TEXT.refreshToken, duration(client.refreshTokenValidity, lang)],
    [
      TEXT.rotation,
      client.refreshTokenRotation.feature === 'ENABLED'
        ? fill(lang, TEXT.grace, { n: client.refreshTokenRotation.retryGracePeriodSeconds })
        : WORDS.off[lang],
    ],
    [TEXT.oauth, (client.allowedOAuthFlowsUserPoolClient ? WORDS.on : WORDS.off)[lang]],
    ...(client.allowedOAuthFlowsUserPoolClient
      ? ([
          [TEXT.grants, listed(client.allowedOAuthFlows, lang)],
          [TEXT.scopes, listed(client.allowedOAuthScopes, lang)],
          [TEXT.callbacks, listed(client.callbackUrls, lang)],
          [TEXT.signOuts, listed(client.logoutUrls, lang)],
          [TEXT.providers, listed(client.supportedIdentityProviders, lang)],
        ] as [Bilingual, string][])
      : []),
  ],
  lang,
)}
</section>`,
  );
  const body = html`<p>${TEXT.readOnly[lang]}</p>
<section aria-labelledby="pool-heading">
<h2 id="pool-heading">${WORDS.userPool[lang]}</h2>
${facts(
  [
    [TEXT.id, pool.id],
    [WORDS.name, pool.name],
    [
      TEXT.signIn,
      (pool.usernameAttributes.includes('email') ? TEXT.byEmail : WORDS.username)[lang],
    ],
    [WORDS.mfa, pool.mfaConfiguration],
    [TEXT.firstFactors, listed(pool.signInPolicy.allowedFirstAuthFactors, lang)],
  ],
  lang,
)}
<h3>${TEXT.passwords[lang]}</h3>
${facts(
  [
    [TEXT.minimum, fill(lang, TEXT.characters, { n: policy.minimumLength })],
    [TEXT.needs, needs.length === 0 ? TEXT.nothing[lang] : needs.join(', ')],
  ],
  lang,
)}
<h3>${TEXT.codes[lang]}</h3>
${facts(
  [
    [TEXT.signUpCode, duration(pool.signUpCodeValidity, lang)],
    [TEXT.resetCode, duration(pool.forgotPasswordCodeValidity, lang)],
    [
      TEXT.codeLimit,
      fill(lang, TEXT.perWindow, {
        n: pool.codeRequestLimit,
        window: duration(pool.codeRequestWindow, lang),
      }),
    ],
  ],
  lang,
)}
<h3>${TEXT.lockout[lang]}</h3>
${facts(
  [
    [TEXT.lockoutAfter, fill(lang, TEXT.failures, { n: pool.lockoutAfterFailures })],
    [TEXT.longest, duration(pool.maxLockoutSeconds, lang)],
    [TEXT.handshake, duration(pool.srpHandshakeValidity, lang)],
  ],
  lang,
)}
</section>
<section aria-labelledby="clients-heading">
<h2 id="clients-heading">${TEXT.clients[lang]}</h2>
${clients}
</section>`;
  return { kind: 'page', section: 'pool', title: TEXT.title, body };
}

/** The pool page's routes. */
export const poolRoutes: readonly ConsoleRoute[] = [
  { method: 'GET', pattern: '/pool', view: poolPage },
];
