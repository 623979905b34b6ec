/** Korean texts for the hosted sign-in's callback page; the type asks for every English key. */
import type { enHosted } from './en-hosted.ts';

export const koHosted: Readonly<Record<keyof typeof enHosted, string>> = {
  'title.callback': '로그인 중 · 와일드 라이즈',
  'callback.heading': '로그인하는 중이에요',
  'callback.working': '로그인을 마무리하는 중…',
  'callback.failedHeading': '로그인을 마치지 못했어요',
  'callback.AccessDenied':
    '로그인이 취소됐거나, 이 계정으로는 여기에 로그인할 수 없어요. 다시 시도해 보세요.',
  'callback.StaleState':
    '이 응답은 이 탭에서 시작한 로그인의 것이 아니에요. 오래됐거나 다른 탭에서 열렸어요. 처음부터 다시 로그인하세요.',
  'callback.InvalidGrant':
    '로그인 코드가 이미 쓰였거나 만료됐어요(코드는 5분 동안 유효해요). 다시 로그인하세요.',
  'callback.InvalidClient':
    '앱 클라이언트가 사이트를 거부했어요(invalid_client). 브라우저 앱에는 클라이언트 시크릿이 없는 앱 클라이언트가 필요해요.',
  'callback.UnauthorizedClient':
    '앱 클라이언트에 이 로그인 방식이 설정되어 있지 않아요. 인증 코드 부여와 openid, email, profile, aws.cognito.signin.user.admin 범위가 필요해요.',
  'callback.TokenMismatch': '돌아온 토큰이 이 로그인의 것이 아니에요. 다시 로그인하세요.',
  'callback.Refused': '로그인 서비스가 요청을 거부했어요({error}). 다시 로그인하세요.',
  'callback.Network':
    '로그인 서비스에 연결하지 못해 로그인을 마치지 못했어요. 인터넷 연결을 확인하고 다시 로그인하세요.',
  'callback.notConfigured':
    '이 사이트에는 호스팅 로그인이 설정되어 있지 않아요. VITE_COGNITO_DOMAIN 값이 없어요.',
  'callback.back': '로그인으로 돌아가기',
};
