/** Korean texts of the configuration notice, loaded only by a build whose configuration has a problem; the type asks for every English key. */
import type { enConfig } from './en-config.ts';

export const koConfig: Readonly<Record<keyof typeof enConfig, string>> = {
  'config.noticeTitle': 'Cognito 사용자 풀이 설정되지 않았어요',
  'config.invalidTitle': 'Cognito 설정에 문제가 있어요',
  'config.NotConfigured':
    'VITE_COGNITO_USER_POOL_ID와 VITE_COGNITO_USER_POOL_CLIENT_ID를 설정한 뒤(.env.example 참고) 사이트를 다시 빌드하세요. 그전까지는 가입도 로그인도 할 수 없어요.',
  'config.MissingSetting':
    '{variable} 값이 없어요. 값을 설정한 뒤(.env.example 참고) 사이트를 다시 빌드하세요.',
  'config.MalformedUserPoolId':
    '{variable} 값이 사용자 풀 ID 형식이 아니에요. 풀 ID는 <리전>_<ID> 형식이에요(예: ap-northeast-2_AbC123xyz).',
  'config.RegionMismatch':
    '{variable} 값이 사용자 풀 ID의 리전과 달라요. 비워 두면 풀 ID의 리전을 써요.',
  'config.ClientSecretPresent':
    '{variable} 값이 설정되어 있어요. 브라우저 앱은 시크릿이 있는 앱 클라이언트를 쓸 수 없어요. Cognito가 “Unable to verify secret hash” 오류를 돌려주고, 시크릿도 공개돼요. 이 값을 지우고 클라이언트 시크릿이 없는 앱 클라이언트를 만드세요.',
  'config.MalformedInvokeUrl':
    '{variable} 값이 http(s) URL이 아니에요. API 스테이지의 호출 URL을 넣으세요.',
  'config.MalformedCognitoEndpoint':
    '{variable} 값이 http(s) URL이 아니에요. Cognito와 호환되는 서비스의 기본 URL(로컬 에뮬레이터라면 http://127.0.0.1:9229)을 넣거나, Amazon Cognito를 쓰려면 비워 두세요.',
  'config.MalformedTileUrl':
    '{variable} 값이 지도 타일 URL 템플릿이 아니에요. {z}, {x}, {y}가 들어가야 해요(예: https://tile.openstreetmap.org/{z}/{x}/{y}.png).',
  'config.MalformedCognitoDomain':
    '{variable} 값이 사용자 풀 도메인이 아니에요. Cognito 콘솔에 나온 도메인을 넣으세요(예: https://wildrydes.auth.us-east-1.amazoncognito.com). http는 localhost의 로컬 에뮬레이터에만 쓸 수 있어요.',
  'config.MalformedOAuthUrl':
    '{variable} 값이 https로 시작하는 전체 URL이 아니에요(http는 localhost에서만 돼요). 앱 클라이언트에 등록한 콜백 URL이나 로그아웃 URL과 똑같아야 해요.',
  'config.UnknownSignInFactor':
    '{variable} 값에 이 사이트가 모르는 로그인 방식이 있어요. 사용자 풀의 로그인 옵션에서 켠 EMAIL_OTP, WEB_AUTHN을 쉼표로 구분해 넣으세요.',
};
