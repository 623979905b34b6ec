/** Korean texts for the ride page: map, pickup, the unicorn’s story, the ride API’s errors and the two-step sign-in panel; the type asks for every English key. */
import type { enRide } from './en-ride.ts';

export const koRide: Readonly<Record<keyof typeof enRide, string>> = {
  'ride.checking': '로그인 상태를 확인하는 중…',
  'ride.greeting': '안녕하세요, {name}님!',
  'ride.account': '계정',
  'ride.signOut': '로그아웃',
  'ride.signOutEverywhere': '모든 기기에서 로그아웃',
  'ride.mapRegion': '탑승 위치 지도',
  'ride.mapHelp':
    '지도를 클릭해 탑승 위치를 정하세요. 키보드로는 Tab 키로 지도에 들어가 화살표 키로 옮기고(+와 −로 확대·축소), Enter 키를 누르면 가운데 십자 표시가 탑승 위치가 돼요.',
  'ride.zoomIn': '확대',
  'ride.zoomOut': '축소',
  'ride.pickCentre': '지도 가운데를 탑승 위치로 정하기',
  'ride.tilesOffline':
    '지금은 지도를 불러올 수 없어요. 그래도 지도를 눌러 탑승 위치를 정할 수 있어요.',
  'ride.retryTiles': '다시 불러오기',
  'ride.noPickup': '아직 탑승 위치를 정하지 않았어요. 지도를 눌러 정해 주세요.',
  'ride.pickup': '탑승 위치: {latitude}, {longitude}',
  'ride.pickupAt': '탑승 위치: {place} ({latitude}, {longitude})',
  'ride.place.downtown': '시애틀 다운타운',
  'ride.place.belltown': '벨타운',
  'ride.place.pioneerSquare': '파이오니어 스퀘어',
  'ride.place.internationalDistrict': '인터내셔널 디스트릭트',
  'ride.place.firstHill': '퍼스트 힐',
  'ride.place.capitolHill': '캐피톨 힐',
  'ride.place.southLakeUnion': '사우스 레이크 유니언',
  'ride.place.queenAnne': '퀸 앤',
  'ride.place.fremont': '프리몬트',
  'ride.place.ballard': '밸러드',
  'ride.requestUnicorn': '유니콘 부르기',
  'ride.unicornComing': '유니콘이 오는 중',
  'ride.onWay.male': '{color} 유니콘 {name:이/가} 데리러 오고 있어요.',
  'ride.onWay.female': '{color} 유니콘 {name:이/가} 데리러 오고 있어요.',
  'ride.onWay.other': '{color} 유니콘 {name:이/가} 데리러 오고 있어요.',
  'ride.arrived': '{name:이/가} 도착했어요. 이랴!',
  'ride.complete': '탑승 완료',
  'ride.requestAnother': '유니콘 다시 부르기',
  'ride.color.Golden': '황금빛',
  'ride.color.White': '하얀',
  'ride.color.Yellow': '노란',
  'ride.apiMissingRequest':
    '아직 유니콘을 부를 수 없어요. 라이드 API가 설정되지 않았어요(VITE_API_INVOKE_URL). 정한 탑승 위치는 그대로 남아 있어요.',
  'ride.signInAgain': '다시 로그인',
  'ride.error.SessionExpired': '로그인이 만료되었어요. 유니콘을 부르려면 다시 로그인하세요.',
  'ride.error.Network': '라이드 서비스에 연결할 수 없어요. 인터넷 연결을 확인하고 다시 시도하세요.',
  'ride.error.Server':
    '라이드 서비스에 문제가 생겨 유니콘을 보낼 수 없어요. 잠시 후 다시 시도하세요.',
  'ride.error.unreadable':
    '라이드 서비스의 응답을 이 페이지에서 읽을 수 없어요. 잠시 후 다시 시도하세요.',
  'ride.error.BadRequest':
    '라이드 서비스가 이 탑승 위치를 받아들이지 않았어요. 다른 곳을 골라 다시 시도하세요.',
  'ride.error.Forbidden':
    '로그인은 되었지만 이 계정으로는 유니콘을 부를 수 없어요. 이 와일드 라이즈를 운영하는 분에게 라이더 그룹에 넣어 달라고 요청하세요.',
  'ride.updatesHeading': '배차 현황',
  'ride.updatesEmpty': '유니콘을 부르면 어떤 유니콘이 언제 도착하는지 여기에 나와요.',
  'ride.apiMissing':
    '라이드 API가 아직 설정되지 않았어요(VITE_API_INVOKE_URL). 로그인은 되어 있으니, API 권한 부여자를 시험하려면 ID 토큰을 복사하세요.',
  'ride.copyToken': 'ID 토큰 복사',
  'ride.tokenCopied': 'ID 토큰을 클립보드에 복사했어요.',
  'ride.copyFailed': '브라우저가 클립보드 복사를 허용하지 않았어요.',
  'twoStep.close': '닫기',
  'twoStep.checking': '2단계 인증을 사용하고 있는지 확인하는 중…',
  'twoStep.isOff': '2단계 인증이 꺼져 있어요. 켜려면 인증 앱에 와일드 라이즈를 추가하세요.',
  'twoStep.isOn':
    '2단계 인증이 켜져 있어요. 로그인할 때 비밀번호 다음에 인증 앱의 인증 코드를 입력해요.',
  'twoStep.turnOn': '켜기',
  'twoStep.turningOn': '켜는 중…',
  'twoStep.turnOff': '2단계 인증 끄기',
  'twoStep.turningOff': '끄는 중…',
  'twoStep.turnedOn': '2단계 인증을 켰어요. 로그인할 때 인증 앱을 곁에 두세요.',
  'twoStep.signInAgain':
    '로그인이 끝났어요(모든 기기에서 로그아웃했을 수 있어요). 2단계 인증을 바꾸려면 다시 로그인하세요.',
  'twoStep.turnedOff': '2단계 인증을 껐어요. 이제 로그인할 때 비밀번호만 입력해요.',
};
