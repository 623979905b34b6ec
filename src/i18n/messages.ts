/**
 * Every text the site shows, in English and Korean. Static page text refers to these keys with
 * `data-i18n`; errors map to them in `errors.ts`. `{name}` marks a parameter.
 */

/** One message in every language the site offers. */
export interface Translation {
  readonly en: string;
  readonly ko: string;
}

/** The message table. */
export const messages = {
  'title.index': { en: 'Wild Rydes', ko: '와일드 라이즈' },
  'title.register': { en: 'Register · Wild Rydes', ko: '회원 가입 · 와일드 라이즈' },
  'title.verify': { en: 'Confirm your email · Wild Rydes', ko: '이메일 인증 · 와일드 라이즈' },
  'title.signin': { en: 'Sign in · Wild Rydes', ko: '로그인 · 와일드 라이즈' },
  'title.ride': { en: 'Ride · Wild Rydes', ko: '라이드 · 와일드 라이즈' },

  'common.skip': { en: 'Skip to content', ko: '본문으로 건너뛰기' },
  'common.home': { en: 'Wild Rydes home', ko: '와일드 라이즈 홈' },
  'common.working': { en: 'Working…', ko: '처리 중…' },
  'common.email': { en: 'Email', ko: '이메일' },
  'common.password': { en: 'Password', ko: '비밀번호' },
  'common.code': { en: 'Verification code', ko: '인증 코드' },
  'common.codeHint': { en: '6 digits, from the email', ko: '이메일로 받은 6자리 숫자' },
  'common.showPassword': { en: 'Show password', ko: '비밀번호 보기' },
  'common.signIn': { en: 'Sign in', ko: '로그인' },
  'common.register': { en: 'Register', ko: '회원 가입' },
  'common.resendCode': { en: 'Send a new code', ko: '코드 다시 받기' },
  'lang.switch': { en: '한국어', ko: 'English' },
  'lang.switchLabel': { en: 'Switch to Korean', ko: '영어로 전환' },

  'config.noticeTitle': {
    en: 'No Cognito user pool is configured',
    ko: 'Cognito 사용자 풀이 설정되지 않았습니다',
  },
  'config.invalidTitle': {
    en: 'The Cognito configuration has a problem',
    ko: 'Cognito 설정에 문제가 있습니다',
  },
  'config.NotConfigured': {
    en: 'Set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_USER_POOL_CLIENT_ID (see .env.example), then build the site again. Until then, registering and signing in cannot work.',
    ko: 'VITE_COGNITO_USER_POOL_ID와 VITE_COGNITO_USER_POOL_CLIENT_ID를 설정한 뒤(.env.example 참고) 사이트를 다시 빌드하세요. 그전까지는 가입과 로그인을 할 수 없습니다.',
  },
  'config.MissingSetting': {
    en: '{variable} is not set. Set it (see .env.example), then build the site again.',
    ko: '{variable} 값이 없습니다. 값을 설정한 뒤(.env.example 참고) 사이트를 다시 빌드하세요.',
  },
  'config.MalformedUserPoolId': {
    en: '{variable} is not a user pool id. A pool id looks like <region>_<id>, for example ap-northeast-2_AbC123xyz.',
    ko: '{variable} 값이 사용자 풀 ID 형식이 아닙니다. 풀 ID는 <리전>_<ID> 형식입니다(예: ap-northeast-2_AbC123xyz).',
  },
  'config.RegionMismatch': {
    en: '{variable} does not match the region in the user pool id. Leave it unset to use the pool’s region.',
    ko: '{variable} 값이 사용자 풀 ID의 리전과 다릅니다. 비워 두면 풀 ID의 리전을 사용합니다.',
  },
  'config.ClientSecretPresent': {
    en: '{variable} is set, but a browser app cannot use an app client with a secret: Cognito answers “Unable to verify secret hash”, and the secret would be published. Remove it and create an app client without a client secret.',
    ko: '{variable} 값이 설정되어 있습니다. 브라우저 앱은 시크릿이 있는 앱 클라이언트를 쓸 수 없습니다. Cognito는 “Unable to verify secret hash” 오류를 돌려주고, 시크릿이 공개됩니다. 이 값을 지우고 클라이언트 시크릿 없는 앱 클라이언트를 만드세요.',
  },
  'config.MalformedInvokeUrl': {
    en: '{variable} is not an http(s) URL. Use the invoke URL of your API stage.',
    ko: '{variable} 값이 http(s) URL이 아닙니다. API 스테이지의 호출 URL을 넣으세요.',
  },
  'config.MalformedTileUrl': {
    en: '{variable} is not a map tile URL template. It needs {z}, {x} and {y}, for example https://tile.openstreetmap.org/{z}/{x}/{y}.png.',
    ko: '{variable} 값이 지도 타일 URL 템플릿이 아닙니다. {z}, {x}, {y}가 들어가야 합니다(예: https://tile.openstreetmap.org/{z}/{x}/{y}.png).',
  },

  'landing.headline': { en: 'Daily unicorn transport', ko: '매일 타는 유니콘' },
  'landing.lead': {
    en: 'Wild Rydes matches you with a unicorn nearby whenever you need a ride. Register with your email, confirm it, and you are ready to ryde.',
    ko: '와일드 라이즈는 필요할 때마다 가까운 유니콘을 연결해 드립니다. 이메일로 가입하고 인증하면 바로 탈 수 있습니다.',
  },
  'landing.giddyUp': { en: 'Giddy Up!', ko: '이랴!' },
  'landing.haveAccount': { en: 'Already registered?', ko: '이미 가입하셨나요?' },
  'landing.stepsHeading': { en: 'How it works', ko: '이용 방법' },
  'landing.step1Title': { en: 'Register', ko: '가입' },
  'landing.step1': {
    en: 'Use your email address and a strong password.',
    ko: '이메일 주소와 안전한 비밀번호로 가입하세요.',
  },
  'landing.step2Title': { en: 'Confirm', ko: '인증' },
  'landing.step2': {
    en: 'Enter the 6-digit code we email you.',
    ko: '이메일로 받은 6자리 코드를 입력하세요.',
  },
  'landing.step3Title': { en: 'Ryde', ko: '탑승' },
  'landing.step3': {
    en: 'Pick a pickup point, and a unicorn comes to you.',
    ko: '탑승 위치를 고르면 유니콘이 데리러 옵니다.',
  },

  'register.heading': { en: 'Register', ko: '회원 가입' },
  'register.lead': {
    en: 'Create your account to request a unicorn.',
    ko: '계정을 만들고 유니콘을 불러 보세요.',
  },
  'register.password2': { en: 'Confirm password', ko: '비밀번호 확인' },
  'register.submit': { en: 'Let’s Ryde', ko: '가입하기' },
  'register.haveAccount': { en: 'Already registered?', ko: '이미 가입하셨나요?' },
  'register.rulesHeading': { en: 'Your password needs', ko: '비밀번호 조건' },
  'register.mismatch': {
    en: 'The passwords do not match.',
    ko: '두 비밀번호가 일치하지 않습니다.',
  },
  'rules.length': { en: 'at least 8 characters', ko: '8자 이상' },
  'rules.upper': { en: 'an uppercase letter (A–Z)', ko: '영문 대문자 (A–Z)' },
  'rules.lower': { en: 'a lowercase letter (a–z)', ko: '영문 소문자 (a–z)' },
  'rules.digit': { en: 'a number (0–9)', ko: '숫자 (0–9)' },
  'rules.symbol': { en: 'a symbol, such as ! @ # $', ko: '특수 문자 (예: ! @ # $)' },
  'rules.met': { en: 'met', ko: '충족' },
  'rules.unmet': { en: 'not met yet', ko: '아직 충족되지 않음' },

  'form.emailRequired': { en: 'Enter your email address.', ko: '이메일 주소를 입력하세요.' },
  'form.emailInvalid': {
    en: 'Enter an email address like name@example.com.',
    ko: 'name@example.com 같은 이메일 주소를 입력하세요.',
  },
  'form.passwordRequired': { en: 'Enter your password.', ko: '비밀번호를 입력하세요.' },
  'form.codeRequired': {
    en: 'Enter the code from the email.',
    ko: '이메일로 받은 코드를 입력하세요.',
  },

  'verify.heading': { en: 'Confirm your email', ko: '이메일 인증' },
  'verify.lead': {
    en: 'We emailed you a 6-digit code. Enter it to confirm your address.',
    ko: '이메일로 6자리 코드를 보냈습니다. 코드를 입력해 주소를 인증하세요.',
  },
  'verify.submit': { en: 'Verify', ko: '인증하기' },
  'verify.sentTo': {
    en: 'We sent a code to {destination}.',
    ko: '{destination}(으)로 코드를 보냈습니다.',
  },
  'verify.unconfirmed': {
    en: 'Your email address is not confirmed yet. Enter the code from your email, or send a new one.',
    ko: '이메일 주소가 아직 인증되지 않았습니다. 이메일로 받은 코드를 입력하거나 새 코드를 받으세요.',
  },
  'verify.devHint': {
    en: 'Local emulator: codes are printed in the terminal running npm run dev, and listed in the mailbox.',
    ko: '로컬 에뮬레이터: 코드는 npm run dev를 실행한 터미널에 출력되고 메일함에도 표시됩니다.',
  },
  'verify.devMailbox': { en: 'Open the mailbox', ko: '메일함 열기' },
  'verify.noAccount': { en: 'Need an account?', ko: '계정이 없으신가요?' },

  'signin.heading': { en: 'Sign in', ko: '로그인' },
  'signin.lead': { en: 'Welcome back, rider.', ko: '다시 오신 것을 환영합니다.' },
  'signin.forgot': { en: 'Forgot password?', ko: '비밀번호를 잊으셨나요?' },
  'signin.noAccount': { en: 'New to Wild Rydes?', ko: '와일드 라이즈가 처음이신가요?' },
  'signin.verified': {
    en: 'Your email is confirmed. Sign in to ryde.',
    ko: '이메일이 인증되었습니다. 로그인하세요.',
  },
  'signin.passwordChanged': {
    en: 'Your password has been changed. Sign in with the new one.',
    ko: '비밀번호가 변경되었습니다. 새 비밀번호로 로그인하세요.',
  },
  'forgot.heading': { en: 'Reset your password', ko: '비밀번호 재설정' },
  'forgot.lead': {
    en: 'We will email you a code to set a new password.',
    ko: '새 비밀번호를 설정할 수 있는 코드를 이메일로 보내 드립니다.',
  },
  'forgot.submit': { en: 'Send code', ko: '코드 보내기' },
  'forgot.back': { en: 'Back to sign in', ko: '로그인으로 돌아가기' },
  'reset.newPassword': { en: 'New password', ko: '새 비밀번호' },
  'reset.submit': { en: 'Set new password', ko: '새 비밀번호 설정' },
  'reset.rulesHint': {
    en: 'At least 8 characters, with upper- and lowercase letters, a number and a symbol.',
    ko: '8자 이상, 영문 대문자와 소문자, 숫자, 특수 문자를 포함하세요.',
  },

  'ride.checking': { en: 'Checking your sign-in…', ko: '로그인 상태를 확인하는 중…' },
  'ride.greeting': { en: 'Hello, {email}!', ko: '{email}님, 안녕하세요!' },
  'ride.account': { en: 'Account', ko: '계정' },
  'ride.signOut': { en: 'Sign out', ko: '로그아웃' },
  'ride.signOutEverywhere': { en: 'Sign out everywhere', ko: '모든 기기에서 로그아웃' },
  'ride.mapRegion': { en: 'Pickup map', ko: '탑승 위치 지도' },
  'ride.mapHelp': {
    en: 'Click the map to set your pickup point. With a keyboard: Tab to the map, move it with the arrow keys (+ and − zoom), then press Enter to put the pickup at the centre cross.',
    ko: '지도를 클릭해 탑승 위치를 정하세요. 키보드로는 Tab으로 지도로 이동해 화살표 키로 움직이고(+와 −로 확대·축소) Enter를 누르면 가운데 십자 표시가 탑승 위치가 됩니다.',
  },
  'ride.zoomIn': { en: 'Zoom in', ko: '확대' },
  'ride.zoomOut': { en: 'Zoom out', ko: '축소' },
  'ride.pickCentre': { en: 'Use map centre as pickup', ko: '지도 가운데를 탑승 위치로' },
  'ride.tilesOffline': {
    en: 'Map tiles are offline; picking still works.',
    ko: '지도 이미지는 없지만 탑승 위치는 고를 수 있습니다.',
  },
  'ride.noPickup': { en: 'No pickup point yet.', ko: '아직 탑승 위치가 없습니다.' },
  'ride.pickup': {
    en: 'Pickup point: {latitude}, {longitude}',
    ko: '탑승 위치: {latitude}, {longitude}',
  },
  'ride.setPickup': { en: 'Set Pickup', ko: '탑승 위치 지정' },
  'ride.requestUnicorn': { en: 'Request Unicorn', ko: '유니콘 부르기' },
  'ride.unicornComing': { en: 'Unicorn on the way', ko: '유니콘 오는 중' },
  'ride.onWay.male': {
    en: '{name}, your {color} unicorn, is on his way.',
    ko: '{color} 유니콘 {name}이(가) 데리러 가고 있습니다.',
  },
  'ride.onWay.female': {
    en: '{name}, your {color} unicorn, is on her way.',
    ko: '{color} 유니콘 {name}이(가) 데리러 가고 있습니다.',
  },
  'ride.onWay.other': {
    en: '{name}, your {color} unicorn, is on the way.',
    ko: '{color} 유니콘 {name}이(가) 데리러 가고 있습니다.',
  },
  'ride.arrived': { en: '{name} has arrived. Giddy up!', ko: '{name}이(가) 도착했습니다. 이랴!' },
  'ride.color.Golden': { en: 'Golden', ko: '황금빛' },
  'ride.color.White': { en: 'White', ko: '하얀' },
  'ride.color.Yellow': { en: 'Yellow', ko: '노란' },
  'ride.apiMissingRequest': {
    en: 'No unicorn can come yet: the ride API is not configured (VITE_API_INVOKE_URL). Your pickup point is kept.',
    ko: '아직 유니콘을 부를 수 없습니다. 라이드 API가 설정되지 않았습니다(VITE_API_INVOKE_URL). 탑승 위치는 그대로 둡니다.',
  },
  'ride.signInAgain': { en: 'Sign in again', ko: '다시 로그인' },
  'ride.error.SessionExpired': {
    en: 'Your session has expired. Sign in again to request a unicorn.',
    ko: '로그인 세션이 만료되었습니다. 유니콘을 부르려면 다시 로그인하세요.',
  },
  'ride.error.Network': {
    en: 'Could not reach the ride service. Check your connection and try again.',
    ko: '라이드 서비스에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
  },
  'ride.error.Server': {
    en: 'The ride service had a problem (HTTP {status}), so no unicorn is coming. Try again in a moment.',
    ko: '라이드 서비스에 문제가 생겨(HTTP {status}) 유니콘이 오지 않습니다. 잠시 후 다시 시도하세요.',
  },
  'ride.error.unreadable': {
    en: 'The ride service sent an answer this page cannot read. Try again in a moment.',
    ko: '라이드 서비스가 이 페이지에서 읽을 수 없는 응답을 보냈습니다. 잠시 후 다시 시도하세요.',
  },
  'ride.error.BadRequest': {
    en: 'The ride service did not accept this pickup point. Pick another spot and try again.',
    ko: '라이드 서비스가 이 탑승 위치를 받아들이지 않았습니다. 다른 곳을 골라 다시 시도하세요.',
  },
  'ride.updatesHeading': { en: 'Ride updates', ko: '배차 현황' },
  'ride.apiMissing': {
    en: 'The ride API is not configured yet (set VITE_API_INVOKE_URL). You are signed in: to test an API authorizer, copy your ID token.',
    ko: '라이드 API가 아직 설정되지 않았습니다(VITE_API_INVOKE_URL 설정). 로그인은 되어 있으니 API 권한 부여자를 시험하려면 ID 토큰을 복사하세요.',
  },
  'ride.copyToken': { en: 'Copy ID token', ko: 'ID 토큰 복사' },
  'ride.tokenCopied': {
    en: 'The ID token is on your clipboard.',
    ko: 'ID 토큰을 클립보드에 복사했습니다.',
  },
  'ride.copyFailed': {
    en: 'The browser did not allow copying to the clipboard.',
    ko: '브라우저가 클립보드 복사를 허용하지 않았습니다.',
  },

  'error.network': {
    en: 'Could not reach the sign-in service. Check your connection and try again.',
    ko: '로그인 서비스에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
  },
  'error.UsernameExistsException': {
    en: 'An account with this email already exists. Sign in, or confirm it if you have not yet.',
    ko: '이 이메일로 가입된 계정이 이미 있습니다. 로그인하거나, 아직 인증하지 않았다면 인증을 완료하세요.',
  },
  'error.InvalidPasswordException': {
    en: 'The password does not meet the rules: at least 8 characters, with upper- and lowercase letters, a number and a symbol.',
    ko: '비밀번호가 조건에 맞지 않습니다. 8자 이상이며 영문 대문자, 소문자, 숫자, 특수 문자를 포함해야 합니다.',
  },
  'error.passwordLength': {
    en: 'The password is too short.',
    ko: '비밀번호가 너무 짧습니다.',
  },
  'error.passwordUpper': {
    en: 'The password needs an uppercase letter.',
    ko: '비밀번호에 영문 대문자가 필요합니다.',
  },
  'error.passwordLower': {
    en: 'The password needs a lowercase letter.',
    ko: '비밀번호에 영문 소문자가 필요합니다.',
  },
  'error.passwordDigit': {
    en: 'The password needs a number.',
    ko: '비밀번호에 숫자가 필요합니다.',
  },
  'error.passwordSymbol': {
    en: 'The password needs a symbol, such as ! @ # $.',
    ko: '비밀번호에 특수 문자(예: ! @ # $)가 필요합니다.',
  },
  'error.InvalidParameterException': {
    en: 'Something you entered is not valid. Check the email address and the other fields.',
    ko: '입력한 값이 올바르지 않습니다. 이메일 주소와 다른 항목을 확인하세요.',
  },
  'error.invalidEmail': {
    en: 'That email address is not valid.',
    ko: '올바른 이메일 주소가 아닙니다.',
  },
  'error.noVerifiedEmail': {
    en: 'This account has no confirmed email address, so no reset code can be sent. Confirm the email first.',
    ko: '이 계정에는 인증된 이메일 주소가 없어 재설정 코드를 보낼 수 없습니다. 먼저 이메일을 인증하세요.',
  },
  'error.srpNotEnabled': {
    en: 'The app client does not allow SRP sign-in (ALLOW_USER_SRP_AUTH). Enable it in the user pool’s app client settings.',
    ko: '앱 클라이언트에서 SRP 로그인(ALLOW_USER_SRP_AUTH)이 허용되지 않았습니다. 사용자 풀의 앱 클라이언트 설정에서 켜세요.',
  },
  'error.CodeMismatchException': {
    en: 'That code is not right. Check the email and try again, or send a new code.',
    ko: '코드가 올바르지 않습니다. 이메일을 확인해 다시 입력하거나 새 코드를 받으세요.',
  },
  'error.ExpiredCodeException': {
    en: 'That code has expired or was already used. Send a new code and try again.',
    ko: '코드가 만료되었거나 이미 사용되었습니다. 새 코드를 받아 다시 시도하세요.',
  },
  'error.NotAuthorizedException': {
    en: 'Incorrect email or password.',
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
  },
  'error.attemptsExceeded': {
    en: 'Too many wrong passwords. Wait a moment before trying again, or reset your password.',
    ko: '잘못된 비밀번호를 너무 많이 입력했습니다. 잠시 후 다시 시도하거나 비밀번호를 재설정하세요.',
  },
  'error.alreadyConfirmed': {
    en: 'This account is already confirmed. You can sign in.',
    ko: '이미 인증된 계정입니다. 로그인하세요.',
  },
  'error.clientSecret': {
    en: 'The app client has a client secret, which a browser app cannot use (“Unable to verify secret hash”). Create an app client without a secret and configure its id.',
    ko: '앱 클라이언트에 클라이언트 시크릿이 있어 브라우저 앱에서 쓸 수 없습니다(“Unable to verify secret hash”). 시크릿 없는 앱 클라이언트를 만들고 그 ID를 설정하세요.',
  },
  'error.userDisabled': {
    en: 'This account has been disabled.',
    ko: '이 계정은 사용이 중지되었습니다.',
  },
  'error.UserNotConfirmedException': {
    en: 'Your email address is not confirmed yet.',
    ko: '이메일 주소가 아직 인증되지 않았습니다.',
  },
  'error.UserNotFoundException': {
    en: 'There is no account with this email. Check it, or register.',
    ko: '이 이메일로 가입된 계정이 없습니다. 주소를 확인하거나 가입하세요.',
  },
  'error.LimitExceededException': {
    en: 'Too many attempts. Please wait a while before trying again.',
    ko: '시도 횟수가 너무 많습니다. 잠시 후 다시 시도하세요.',
  },
  'error.TooManyRequestsException': {
    en: 'Too many requests right now. Wait a few seconds and try again.',
    ko: '지금 요청이 너무 많습니다. 몇 초 후 다시 시도하세요.',
  },
  'error.TooManyFailedAttemptsException': {
    en: 'Too many wrong codes. Send a new code and try again.',
    ko: '잘못된 코드를 너무 많이 입력했습니다. 새 코드를 받아 다시 시도하세요.',
  },
  'error.CodeDeliveryFailureException': {
    en: 'The code email could not be sent. Check the address and try again later.',
    ko: '코드 이메일을 보내지 못했습니다. 주소를 확인하고 나중에 다시 시도하세요.',
  },
  'error.ResourceNotFoundException': {
    en: 'The configured user pool or app client does not exist. Check VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_USER_POOL_CLIENT_ID.',
    ko: '설정된 사용자 풀 또는 앱 클라이언트가 없습니다. VITE_COGNITO_USER_POOL_ID와 VITE_COGNITO_USER_POOL_CLIENT_ID를 확인하세요.',
  },
  'error.InternalErrorException': {
    en: 'The sign-in service had an internal problem. Please try again.',
    ko: '로그인 서비스에 내부 문제가 생겼습니다. 다시 시도하세요.',
  },
  'error.PasswordResetRequiredException': {
    en: 'You need to reset your password: use “Forgot password?”.',
    ko: '비밀번호를 재설정해야 합니다. “비밀번호를 잊으셨나요?”를 누르세요.',
  },
  'error.UserLambdaValidationException': {
    en: 'The user pool’s validation rules refused this request.',
    ko: '사용자 풀의 검증 규칙이 이 요청을 거부했습니다.',
  },
  'error.InvalidUserPoolConfigurationException': {
    en: 'The user pool is not set up for this (for example, sending email). Check its settings.',
    ko: '사용자 풀이 이 작업(예: 이메일 발송)을 하도록 설정되어 있지 않습니다. 설정을 확인하세요.',
  },
  'error.ForbiddenException': {
    en: 'The request was blocked by the user pool’s firewall.',
    ko: '사용자 풀의 방화벽이 요청을 차단했습니다.',
  },
  'error.UnsupportedChallenge': {
    en: 'This account needs a sign-in step this site does not offer (such as MFA or a new password).',
    ko: '이 계정에는 이 사이트가 지원하지 않는 로그인 단계(MFA, 새 비밀번호 등)가 필요합니다.',
  },
  'error.UnknownError': {
    en: 'Something went wrong. Please try again.',
    ko: '문제가 발생했습니다. 다시 시도하세요.',
  },
} satisfies Record<string, Translation>;

/** A key of the message table. */
export type MessageKey = keyof typeof messages;
