/** Korean texts for what every page shows: titles, the header, the language switch and the landing page; the type asks for every English key. */
import type { enSite } from './en-site.ts';

export const koSite: Readonly<Record<keyof typeof enSite, string>> = {
  'title.index': '와일드 라이즈',
  'title.register': '회원 가입 · 와일드 라이즈',
  'title.verify': '이메일 인증 · 와일드 라이즈',
  'title.signin': '로그인 · 와일드 라이즈',
  'title.ride': '탑승 · 와일드 라이즈',
  'common.skip': '본문으로 건너뛰기',
  'common.working': '처리 중…',
  'common.email': '이메일',
  'common.password': '비밀번호',
  'common.code': '인증 코드',
  'common.codeHint': '이메일로 받은 6자리 숫자',
  'common.showPassword': '비밀번호 보기',
  'common.signIn': '로그인',
  'common.register': '회원 가입',
  'common.resendCode': '인증 코드 다시 받기',
  'lang.switch': 'English',
  'lang.switchLabel': '영어로 전환',
  'landing.headline': '매일 타는 유니콘',
  'landing.lead':
    '와일드 라이즈가 필요할 때마다 가까운 유니콘을 연결해 드려요. 이메일로 가입하고 인증하면 바로 탈 수 있어요.',
  'landing.giddyUp': '가입하고 유니콘 타기',
  'landing.haveAccount': '이미 가입하셨나요?',
  'landing.stepsHeading': '이용 방법',
  'landing.step1Title': '가입',
  'landing.step1': '이메일 주소와 안전한 비밀번호로 가입하세요.',
  'landing.step2Title': '인증',
  'landing.step2': '이메일로 받은 6자리 인증 코드를 입력하세요.',
  'landing.step3Title': '탑승',
  'landing.step3': '탑승 위치를 고르면 유니콘이 데리러 와요.',
};
