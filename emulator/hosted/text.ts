/** What the managed login says, in English and Korean (해요체), chosen by `lang=`. */

/** The languages of the managed login. */
export type HostedLang = 'en' | 'ko';

/** A sentence in both languages. */
export type Bilingual = Record<HostedLang, string>;

/** `lang=ko` picks Korean, as Cognito's managed login takes `lang`; anything else is English. */
export function langOf(url: URL): HostedLang {
  return url.searchParams.get('lang') === 'ko' ? 'ko' : 'en';
}

/** `lang=` when given, else the browser's first preference (Accept-Language), as Google does. */
export function preferredLang(request: Request, url: URL): HostedLang {
  const asked = url.searchParams.get('lang');
  if (asked !== null) return asked === 'ko' ? 'ko' : 'en';
  const first = (request.headers.get('accept-language') ?? '').split(',')[0]?.trim() ?? '';
  return /^ko\b/i.test(first) ? 'ko' : 'en';
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export const TEXT = {
  badge: {
    en: 'Local Cognito emulator · managed login',
    ko: '로컬 Cognito 에뮬레이터 · 관리형 로그인',
  },
  signInTitle: { en: 'Sign in', ko: '로그인' },
  signInIntro: {
    en: 'Sign in with your email and password to continue to {app}.',
    ko: '이메일과 비밀번호로 로그인하면 {app} 앱으로 돌아가요.',
  },
  signInIntroProviders: {
    en: 'Sign in to continue to {app}.',
    ko: '로그인하면 {app} 앱으로 돌아가요.',
  },
  email: { en: 'Email', ko: '이메일' },
  password: { en: 'Password', ko: '비밀번호' },
  submit: { en: 'Sign in', ko: '로그인' },
  forgot: { en: 'Forgot your password?', ko: '비밀번호를 잊으셨나요?' },
  signUp: { en: 'New here? Create an account', ko: '처음이신가요? 계정 만들기' },
  language: { en: 'Language', ko: '언어' },
  emailMissing: { en: 'Enter your email.', ko: '이메일을 입력하세요.' },
  passwordMissing: { en: 'Enter your password.', ko: '비밀번호를 입력하세요.' },
  incorrect: {
    en: 'Incorrect email or password.',
    ko: '이메일 또는 비밀번호가 올바르지 않아요.',
  },
  noUser: { en: 'No account uses this email.', ko: '이 이메일을 쓰는 계정이 없어요.' },
  lockedOut: {
    en: 'Too many wrong passwords. Wait a moment, then try again.',
    ko: '비밀번호를 너무 여러 번 틀렸어요. 잠시 후 다시 시도하세요.',
  },
  notConfirmed: {
    en: 'This account is not confirmed yet. Enter the verification code from your email first.',
    ko: '아직 확인되지 않은 계정이에요. 먼저 이메일로 받은 인증 코드를 입력하세요.',
  },
  disabled: { en: 'This account is disabled.', ko: '사용이 중지된 계정이에요.' },
  resetRequired: {
    en: 'Your password must be reset before you can sign in.',
    ko: '로그인하기 전에 비밀번호를 재설정해야 해요.',
  },
  newPasswordRequired: {
    en: 'This account has a temporary password. Sign in on the site once to choose your own.',
    ko: '임시 비밀번호가 설정된 계정이에요. 사이트에서 한 번 로그인해 새 비밀번호를 정하세요.',
  },
  formExpired: {
    en: 'This sign-in form has expired. Enter your email and password again.',
    ko: '로그인 양식이 만료되었어요. 이메일과 비밀번호를 다시 입력하세요.',
  },
  refused: { en: 'Could not sign in', ko: '로그인하지 못했어요' },
  errorTitle: {
    en: 'Something is wrong with this sign-in link',
    ko: '로그인 링크에 문제가 있어요',
  },
  errorHelp: {
    en: 'The app that sent you here asked for something this user pool does not allow. Its developer can fix the app client’s settings.',
    ko: '이 페이지로 보낸 앱이 사용자 풀에서 허용하지 않는 요청을 했어요. 앱 개발자가 앱 클라이언트 설정을 고칠 수 있어요.',
  },
  noClientId: {
    en: 'The link names no app client (client_id).',
    ko: '링크에 앱 클라이언트(client_id)가 없어요.',
  },
  unknownClient: {
    en: 'The app client {client} does not exist.',
    ko: '{client} 앱 클라이언트가 없어요.',
  },
  noRedirect: { en: 'The link names no redirect_uri.', ko: '링크에 redirect_uri가 없어요.' },
  unlistedRedirect: {
    en: 'The redirect_uri {uri} is not one of this app client’s callback URLs.',
    ko: '이 앱 클라이언트의 콜백 URL 목록에 없는 redirect_uri예요: {uri}',
  },
  unlistedLogout: {
    en: 'The logout_uri {uri} is not one of this app client’s sign-out URLs.',
    ko: '이 앱 클라이언트의 로그아웃 URL 목록에 없는 logout_uri예요: {uri}',
  },
  noLogoutTarget: {
    en: 'The sign-out link names neither a logout_uri nor a redirect_uri.',
    ko: '로그아웃 링크에 logout_uri도 redirect_uri도 없어요.',
  },
  notFound: { en: 'Page not found', ko: '페이지를 찾을 수 없어요' },
  continueWith: { en: 'Continue with {provider}', ko: '{provider} 계정으로 계속하기' },
  or: { en: 'or', ko: '또는' },
  federationExpired: {
    en: 'This sign-in has expired or was already used. Go back to the app and sign in again.',
    ko: '만료되었거나 이미 사용된 로그인이에요. 앱으로 돌아가 다시 로그인하세요.',
  },
  googleBadge: {
    en: 'Local Google stand-in — not Google',
    ko: '로컬 Google 대역 — 진짜 Google이 아니에요',
  },
  googleTitle: { en: 'Choose an account', ko: '계정 선택' },
  googleIntro: {
    en: 'Pick a test account to continue signing in to {app}.',
    ko: '테스트 계정을 골라 {app} 로그인을 계속하세요.',
  },
  googleNote: {
    en: 'Nothing here reaches Google. The accounts are made up and no password is asked: Cognito gets an ID token signed by this stand-in.',
    ko: '여기서는 Google에 아무것도 보내지 않아요. 계정은 지어낸 것이고 비밀번호도 묻지 않아요. Cognito는 이 대역이 서명한 ID 토큰을 받아요.',
  },
  googleAccounts: { en: 'Test accounts', ko: '테스트 계정' },
  googleUnverified: { en: 'email not verified', ko: '이메일 미확인' },
  googleOther: { en: 'Use another account', ko: '다른 계정 사용' },
  googleName: { en: 'Name', ko: '이름' },
  googleContinue: { en: 'Continue', ko: '계속' },
  googleCancel: { en: 'Cancel and go back', ko: '취소하고 돌아가기' },
  googleNameMissing: { en: 'Enter a name.', ko: '이름을 입력하세요.' },
  googleEmailInvalid: {
    en: 'Enter an email address such as you@example.com.',
    ko: 'you@example.com 같은 이메일 주소를 입력하세요.',
  },
  googleErrorTitle: {
    en: 'The stand-in cannot take this sign-in request',
    ko: '대역이 이 로그인 요청을 받을 수 없어요',
  },
  googleUnknownClient: {
    en: 'Error 401: invalid_client. No Google provider of the emulator’s pools uses the client ID {client}.',
    ko: '오류 401: invalid_client. 에뮬레이터의 어떤 풀도 {client} 클라이언트 ID로 Google 공급자를 쓰지 않아요.',
  },
  googleRedirectMismatch: {
    en: 'Error 400: redirect_uri_mismatch. The stand-in sends people back only to {uri}.',
    ko: '오류 400: redirect_uri_mismatch. 대역이 돌려보내는 주소는 {uri} 하나뿐이에요.',
  },
  googleBadRequest: {
    en: 'Error 400: invalid_request. The request needs response_type=code and the openid scope.',
    ko: '오류 400: invalid_request. 요청에 response_type=code와 openid 범위가 있어야 해요.',
  },
} satisfies Record<string, Bilingual>;
