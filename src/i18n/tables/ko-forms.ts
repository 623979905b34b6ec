/** Korean texts for the register, verify and sign-in forms, and every error message; the type asks for every English key. */
import type { enForms } from './en-forms.ts';

export const koForms: Readonly<Record<keyof typeof enForms, string>> = {
  'register.heading': '회원 가입',
  'register.lead': '계정을 만들고 유니콘을 불러 보세요.',
  'register.password2': '비밀번호 확인',
  'register.submit': '가입하기',
  'register.haveAccount': '이미 가입하셨나요?',
  'register.rulesHeading': '비밀번호 조건',
  'register.mismatch': '비밀번호가 서로 달라요.',
  'register.creating': '계정을 만드는 중…',
  'rules.length': '8자 이상',
  'rules.upper': '영문 대문자(A–Z)',
  'rules.lower': '영문 소문자(a–z)',
  'rules.digit': '숫자(0–9)',
  'rules.symbol': '특수 문자(예: ! @ # $)',
  'rules.met': '충족됨',
  'rules.unmet': '아직 충족되지 않음',
  'form.emailRequired': '이메일 주소를 입력하세요.',
  'form.emailInvalid': 'name@example.com 형식으로 이메일 주소를 입력하세요.',
  'form.passwordRequired': '비밀번호를 입력하세요.',
  'form.passwordUnmet': '비밀번호가 아직 모든 조건을 충족하지 않아요. 아래 목록을 확인하세요.',
  'form.confirmRequired': '확인을 위해 비밀번호를 한 번 더 입력하세요.',
  'form.passwordsMatch': '두 비밀번호가 같아요.',
  'password.edgeSpace': '비밀번호는 공백으로 시작하거나 끝날 수 없어요.',
  'password.tooLong': '비밀번호는 256자 이하로 입력하세요.',
  'form.codeRequired': '이메일로 받은 인증 코드를 입력하세요.',
  'form.codeLength': '인증 코드 6자리를 모두 입력하세요.',
  'form.codeDigitsOnly': '인증 코드는 숫자(0–9)로만 입력하세요.',
  'verify.heading': '이메일 인증',
  'verify.lead': '이메일로 6자리 인증 코드를 보냈어요. 코드를 입력해 이메일 주소를 인증하세요.',
  'verify.submit': '인증하기',
  'verify.confirming': '확인하는 중…',
  'verify.sentTo': '{destination:으로/로} 인증 코드를 보냈어요.',
  'code.resentAt': '{time}에 {destination:으로/로} 새 인증 코드를 보냈어요.',
  'code.resendIn': '{seconds}초 후에 인증 코드 다시 받기',
  'code.sending': '인증 코드를 보내는 중…',
  'verify.unconfirmed':
    '이메일 주소를 아직 인증하지 않았어요. 이메일로 받은 인증 코드를 입력하거나 새 코드를 받으세요.',
  'verify.devHint':
    '로컬 에뮬레이터: 인증 코드는 npm run dev를 실행한 터미널에 출력되고 메일함에도 들어와요.',
  'verify.devMailbox': '메일함 열기',
  'verify.noAccount': '계정이 없으신가요?',
  'signin.heading': '로그인',
  'signin.lead': '다시 만나서 반가워요.',
  'signin.forgot': '비밀번호를 잊으셨나요?',
  'signin.noAccount': '와일드 라이즈가 처음이신가요?',
  'signin.signingIn': '로그인하는 중…',
  'signin.verified': '이메일 인증을 마쳤어요. 로그인하세요.',
  'signin.passwordChanged': '비밀번호를 바꿨어요. 새 비밀번호로 로그인하세요.',
  'hosted.or': '또는',
  'hosted.google': 'Google로 계속하기',
  'hosted.managed': '호스팅 로그인 페이지 사용하기',
  'hosted.opening': '로그인 페이지를 여는 중…',
  'hosted.startFailed':
    '호스팅 로그인을 시작하지 못했어요. 인터넷 연결을 확인하고 다시 시도하세요.',
  'forgot.heading': '비밀번호 재설정',
  'forgot.lead': '새 비밀번호를 설정할 수 있도록 이메일로 인증 코드를 보내 드려요.',
  'forgot.submit': '인증 코드 받기',
  'forgot.back': '로그인으로 돌아가기',
  'reset.newPassword': '새 비밀번호',
  'reset.submit': '새 비밀번호로 바꾸기',
  'reset.password2': '새 비밀번호 확인',
  'reset.saving': '비밀번호를 저장하는 중…',
  'twoStep.heading': '2단계 인증',
  'twoStep.scan':
    '인증 앱(Google Authenticator, Microsoft Authenticator, 1Password 등)으로 QR 코드를 스캔하거나 키를 직접 입력하세요.',
  'twoStep.qrLabel': '인증 앱에 와일드 라이즈({email}) 계정을 추가하는 QR 코드',
  'twoStep.keyLabel': '설정 키',
  'twoStep.copyKey': '키 복사',
  'twoStep.keyCopied': '키를 클립보드에 복사했어요.',
  'twoStep.copyFailed': '브라우저가 키 복사를 허용하지 않았어요. 키를 직접 선택해 복사하세요.',
  'twoStep.codeLabel': '인증 앱의 인증 코드',
  'twoStep.codeHint': '6자리 숫자예요. 앱에 30초마다 새 코드가 나와요.',
  'twoStep.codeRequired': '인증 앱에 나온 인증 코드를 입력하세요.',
  'twoStep.wrongCode':
    '인증 코드가 올바르지 않거나 이미 사용한 코드예요. 인증 앱에 지금 나온 코드를 입력하세요.',
  'twoStep.signinLead': '인증 앱에서 와일드 라이즈 항목에 나온 6자리 인증 코드를 입력하세요.',
  'twoStep.setupLead':
    '이 와일드 라이즈는 모든 라이더에게 2단계 인증을 요구해요. 인증 앱에 추가한 다음, 앱에 나온 인증 코드를 입력하세요.',
  'emailCode.button': '이메일로 인증 코드 받기',
  'emailCode.sending': '인증 코드를 보내는 중…',
  'emailCode.heading': '이메일을 확인하세요',
  'emailCode.lead': '이메일로 받은 로그인 인증 코드를 입력하세요. 3분 동안 쓸 수 있어요.',
  'emailCode.codeLabel': '로그인 인증 코드',
  'emailCode.codeHint': '이메일로 받은 8자리 숫자',
  'emailCode.codeLength': '인증 코드 8자리를 모두 입력하세요.',
  'emailCode.submit': '로그인',
  'emailCode.signingIn': '로그인하는 중…',
  'emailCode.ended':
    '이 인증 코드는 더 이상 쓸 수 없어요(입력 횟수를 넘겼거나 만료되었어요). 새 인증 코드를 받으세요.',
  'twoStep.verify': '확인',
  'twoStep.verifying': '인증 코드를 확인하는 중…',
  'twoStep.sessionExpired':
    '인증 코드를 너무 오래 기다려서 로그인이 만료되었어요. 비밀번호를 다시 입력한 다음 새 인증 코드를 입력하세요.',
  'error.network': '로그인 서비스에 연결할 수 없어요. 인터넷 연결을 확인하고 다시 시도하세요.',
  'error.UsernameExistsException':
    '이 이메일로 가입한 계정이 이미 있어요. 로그인하거나, 아직 인증하지 않았다면 인증을 마치세요.',
  'error.InvalidPasswordException':
    '비밀번호가 조건에 맞지 않아요. 8자 이상이어야 하고 영문 대문자, 소문자, 숫자, 특수 문자가 모두 들어가야 해요.',
  'error.passwordLength': '비밀번호가 너무 짧아요.',
  'error.passwordUpper': '비밀번호에 영문 대문자가 있어야 해요.',
  'error.passwordLower': '비밀번호에 영문 소문자가 있어야 해요.',
  'error.passwordDigit': '비밀번호에 숫자가 있어야 해요.',
  'error.passwordSymbol': '비밀번호에 특수 문자(예: ! @ # $)가 있어야 해요.',
  'error.InvalidParameterException':
    '입력한 값이 올바르지 않아요. 이메일 주소와 다른 항목을 확인하세요.',
  'error.invalidEmail': '올바른 이메일 주소가 아니에요.',
  'error.noVerifiedEmail':
    '이 계정에는 인증된 이메일 주소가 없어서 재설정 코드를 보낼 수 없어요. 먼저 이메일을 인증하세요.',
  'error.srpNotEnabled':
    '앱 클라이언트에서 SRP 로그인(ALLOW_USER_SRP_AUTH)이 허용되어 있지 않아요. 사용자 풀의 앱 클라이언트 설정에서 켜세요.',
  'error.CodeMismatchException':
    '인증 코드가 올바르지 않아요. 이메일을 확인해 다시 입력하거나 새 코드를 받으세요.',
  'error.ExpiredCodeException':
    '인증 코드가 만료되었거나 이미 사용되었어요. 새 코드를 받아 다시 시도하세요.',
  'error.NotAuthorizedException': '이메일 또는 비밀번호가 올바르지 않아요.',
  'error.attemptsExceeded':
    '비밀번호를 너무 여러 번 틀렸어요. 잠시 후 다시 시도하거나 비밀번호를 재설정하세요.',
  'error.alreadyConfirmed': '이미 인증된 계정이에요. 로그인하세요.',
  'error.clientSecret':
    '앱 클라이언트에 클라이언트 시크릿이 있어서 브라우저 앱에서 쓸 수 없어요(“Unable to verify secret hash”). 시크릿이 없는 앱 클라이언트를 만들고 그 ID를 설정하세요.',
  'error.userDisabled': '사용이 중지된 계정이에요.',
  'error.UserNotConfirmedException': '이메일 주소를 아직 인증하지 않았어요.',
  'error.UserNotFoundException': '이 이메일로 가입한 계정이 없어요. 주소를 확인하거나 가입하세요.',
  'error.LimitExceededException': '시도 횟수가 너무 많아요. 잠시 후 다시 시도하세요.',
  'error.TooManyRequestsException': '요청이 너무 많아요. 몇 초 뒤에 다시 시도하세요.',
  'error.TooManyFailedAttemptsException':
    '인증 코드를 너무 여러 번 틀렸어요. 새 코드를 받아 다시 시도하세요.',
  'error.CodeDeliveryFailureException':
    '인증 코드 이메일을 보내지 못했어요. 주소를 확인하고 나중에 다시 시도하세요.',
  'error.ResourceNotFoundException':
    '설정한 사용자 풀이나 앱 클라이언트를 찾을 수 없어요. VITE_COGNITO_USER_POOL_ID와 VITE_COGNITO_USER_POOL_CLIENT_ID를 확인하세요.',
  'error.InternalErrorException': '로그인 서비스에 문제가 생겼어요. 잠시 후 다시 시도하세요.',
  'error.PasswordResetRequiredException':
    '비밀번호를 재설정해야 해요. “비밀번호를 잊으셨나요?”를 누르세요.',
  'error.UserLambdaValidationException': '사용자 풀의 검증 규칙이 이 요청을 거부했어요.',
  'error.InvalidUserPoolConfigurationException':
    '사용자 풀이 이 작업(예: 이메일 발송)을 하도록 설정되어 있지 않아요. 설정을 확인하세요.',
  'error.ForbiddenException': '사용자 풀의 방화벽이 요청을 차단했어요.',
  'error.UnsupportedChallenge':
    '이 계정에는 이 사이트가 지원하지 않는 로그인 단계(MFA, 새 비밀번호 등)가 필요해요.',
  'error.EmailCodeUnavailable':
    '이 계정으로는 이메일 인증 코드를 보낼 수 없어요. 비밀번호로 로그인하세요.',
  'error.userAuthNotEnabled':
    '앱 클라이언트가 선택 기반 로그인(ALLOW_USER_AUTH)을 허용하지 않아요. 사용자 풀의 앱 클라이언트 설정에서 켜세요.',
  'error.UnknownError': '문제가 생겼어요. 다시 시도하세요.',
  'passkeys.signIn': '패스키로 로그인',
  'passkeys.signingIn': '패스키를 기다리는 중…',
  'passkeys.cancelled': '패스키 요청이 취소되었거나 시간이 지났어요. 준비되면 다시 시도해 주세요.',
  'passkeys.alreadyRegistered': '이 기기에는 이미 이 계정의 패스키가 있어요.',
  'passkeys.noPasskey':
    '이 계정에는 아직 패스키가 없어요. 비밀번호로 로그인한 뒤 계정 메뉴에서 패스키를 추가해 주세요.',
  'passkeys.refused':
    '브라우저가 여기서 패스키를 사용할 수 없어요. 패스키는 https 사이트와 localhost에서 쓸 수 있고, 127.0.0.1 같은 IP 주소에서는 쓸 수 없어요.',
  'passkeys.notAccepted':
    '이 패스키를 확인할 수 없어요. 다시 시도하거나 비밀번호로 로그인해 주세요.',
  'passkeys.notEnabled': '이 사용자 풀에서는 패스키가 켜져 있지 않아요.',
  'passkeys.wrongSite':
    '이 패스키는 다른 사이트 주소(신뢰 당사자)용이에요. 패스키를 만든 주소에서 Wild Rydes를 열어 주세요.',
  'passkeys.expired': '패스키 요청 시간이 지났어요. 다시 시도해 주세요.',
};
