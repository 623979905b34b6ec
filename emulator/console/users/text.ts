/**
 * What the Users and Groups pages say, in English and Korean (해요체); the words every page
 * shares are in `../words.ts`. `{name}` slots are filled by `fill` with user data, which the
 * `html` templates escape where it is placed.
 */

import type { Bilingual } from '../view.ts';

/** The Users and Groups pages' own text. */
export const T = {
  users: { en: 'Users', ko: '사용자' },
  user: { en: 'User', ko: '사용자 정보' },
  groups: { en: 'Groups', ko: '그룹' },
  group: { en: 'Group', ko: '그룹 정보' },

  email: { en: 'Email', ko: '이메일' },
  status: { en: 'Status', ko: '상태' },
  enabled: { en: 'Enabled', ko: '사용 가능' },
  created: { en: 'Created', ko: '만든 날짜' },
  modified: { en: 'Last modified', ko: '마지막 수정' },
  usersTable: { en: 'Users of this pool', ko: '이 풀의 사용자' },

  searchLegend: { en: 'Search users', ko: '사용자 검색' },
  searchAttribute: { en: 'Attribute', ko: '속성' },
  searchMatch: { en: 'Match', ko: '조건' },
  startsWith: { en: 'starts with', ko: '다음으로 시작' },
  equals: { en: 'equals', ko: '정확히 일치' },
  searchButton: { en: 'Search', ko: '검색' },
  clearSearch: { en: 'Show all users', ko: '모든 사용자 보기' },
  searchingFor: { en: 'Users where {filter}', ko: '{filter} 조건에 맞는 사용자' },
  noUsers: {
    en: 'No users in this pool yet. People who sign up on the site appear here.',
    ko: '아직 이 풀에 사용자가 없어요. 사이트에서 가입한 사람이 여기에 나타나요.',
  },
  noMatches: { en: 'No users match {filter}.', ko: '{filter} 조건에 맞는 사용자가 없어요.' },
  paging: { en: 'Pages of users', ko: '사용자 목록 페이지' },
  previous: { en: 'Previous page', ko: '이전 페이지' },
  next: { en: 'Next page', ko: '다음 페이지' },

  notFound: { en: 'There is no user {user} in this pool.', ko: '이 풀에 {user} 사용자가 없어요.' },
  backToUsers: { en: 'Back to users', ko: '사용자 목록으로 돌아가기' },
  summary: { en: 'Summary', ko: '요약' },
  attributes: { en: 'Attributes', ko: '속성' },
  mfaMethods: { en: 'Methods set up', ko: '설정한 방법' },
  mfaPreferred: { en: 'Preferred method', ko: '선호하는 방법' },
  memberOf: { en: 'Groups', ko: '소속 그룹' },
  inNoGroup: { en: 'Not in any group.', ko: '소속된 그룹이 없어요.' },
  addToGroup: { en: 'Add to group', ko: '그룹에 추가' },
  groupToAdd: { en: 'Group', ko: '그룹' },
  noGroupsToAdd: {
    en: 'There are no other groups to add this user to.',
    ko: '이 사용자를 추가할 다른 그룹이 없어요.',
  },
  createGroupLink: { en: 'Create a group', ko: '그룹 만들기' },
  actions: { en: 'Actions', ko: '작업' },
  cancel: { en: 'Cancel', ko: '취소' },

  confirm: { en: 'Confirm user', ko: '사용자 확인' },
  enable: { en: 'Enable user', ko: '사용자 활성화' },
  disable: { en: 'Disable user', ko: '사용자 비활성화' },
  resetPassword: { en: 'Reset password', ko: '비밀번호 재설정' },
  setPassword: { en: 'Set password', ko: '비밀번호 설정' },
  signOut: { en: 'Sign out everywhere', ko: '모든 기기에서 로그아웃' },
  mfaOff: { en: 'Turn off two-step sign-in', ko: '2단계 인증 끄기' },
  delete: { en: 'Delete user', ko: '사용자 삭제' },
  remove: { en: 'Remove', ko: '제거' },
  removeFromGroup: { en: 'Remove from group', ko: '그룹에서 제거' },

  askDisable: {
    en: 'Disable {user}? They cannot sign in, and their sessions end, until you enable them again.',
    ko: '{user} 사용자를 비활성화할까요? 다시 활성화할 때까지 로그인할 수 없고 지금 세션도 끝나요.',
  },
  askReset: {
    en: 'Reset the password of {user}? Their password stops working; they choose a new one with a code sent to their verified email.',
    ko: '{user} 사용자의 비밀번호를 재설정할까요? 지금 비밀번호는 더 이상 쓸 수 없고, 인증된 이메일로 받은 인증 코드로 새 비밀번호를 정해야 해요.',
  },
  askSignOut: {
    en: 'Sign {user} out everywhere? Their refresh tokens stop working on every device.',
    ko: '{user} 사용자를 모든 기기에서 로그아웃할까요? 모든 기기에서 갱신 토큰이 더 이상 작동하지 않아요.',
  },
  askMfaOff: {
    en: 'Turn off two-step sign-in for {user}? They sign in with the password alone until they set up an authenticator app again.',
    ko: '{user} 사용자의 2단계 인증을 끌까요? 인증 앱을 다시 설정할 때까지 비밀번호만으로 로그인해요.',
  },
  askDelete: {
    en: 'Delete {user}? This cannot be undone.',
    ko: '{user} 사용자를 삭제할까요? 되돌릴 수 없어요.',
  },
  askRemove: {
    en: 'Remove {user} from the group {group}?',
    ko: '{user} 사용자를 {group} 그룹에서 제거할까요?',
  },

  newPassword: { en: 'New password', ko: '새 비밀번호' },
  permanent: { en: 'Permanent', ko: '영구 비밀번호' },
  permanentHint: {
    en: 'Unless it is permanent, the user must choose a new password when they next sign in (FORCE_CHANGE_PASSWORD).',
    ko: '영구 비밀번호가 아니면 다음 로그인 때 새 비밀번호를 정해야 해요(FORCE_CHANGE_PASSWORD).',
  },
  setPasswordIntro: { en: 'Set a password for {user}.', ko: '{user} 사용자의 비밀번호를 정해요.' },

  doneConfirmed: { en: 'Confirmed {user}.', ko: '{user} 사용자를 확인했어요.' },
  doneEnabled: { en: 'Enabled {user}.', ko: '{user} 사용자를 활성화했어요.' },
  doneDisabled: { en: 'Disabled {user}.', ko: '{user} 사용자를 비활성화했어요.' },
  doneReset: {
    en: 'Reset the password of {user}.',
    ko: '{user} 사용자의 비밀번호를 재설정했어요.',
  },
  donePassword: { en: 'Set the password of {user}.', ko: '{user} 사용자의 비밀번호를 정했어요.' },
  doneSignedOut: {
    en: 'Signed {user} out everywhere.',
    ko: '{user} 사용자를 모든 기기에서 로그아웃했어요.',
  },
  doneMfaOff: {
    en: 'Turned off two-step sign-in for {user}.',
    ko: '{user} 사용자의 2단계 인증을 껐어요.',
  },
  doneDeleted: { en: 'Deleted {user}.', ko: '{user} 사용자를 삭제했어요.' },
  doneAdded: { en: 'Added {user} to {group}.', ko: '{user} 사용자를 {group} 그룹에 추가했어요.' },
  doneRemoved: {
    en: 'Removed {user} from {group}.',
    ko: '{user} 사용자를 {group} 그룹에서 제거했어요.',
  },

  description: { en: 'Description', ko: '설명' },
  precedence: { en: 'Precedence', ko: '우선순위' },
  precedenceHint: {
    en: 'A whole number from 0; lower numbers come first in cognito:groups. Optional.',
    ko: '0 이상의 정수예요. 숫자가 작을수록 cognito:groups에서 앞에 와요. 선택 사항이에요.',
  },
  members: { en: 'Members', ko: '구성원' },
  groupsTable: { en: 'Groups of this pool', ko: '이 풀의 그룹' },
  noGroups: {
    en: 'No groups yet. Groups put a cognito:groups claim in their members’ tokens.',
    ko: '아직 그룹이 없어요. 그룹에 속한 사용자의 토큰에는 cognito:groups 클레임이 들어가요.',
  },
  noMembers: { en: 'No one is in this group yet.', ko: '아직 이 그룹에 아무도 없어요.' },
  createGroup: { en: 'Create group', ko: '그룹 만들기' },
  deleteGroup: { en: 'Delete group', ko: '그룹 삭제' },
  askDeleteGroup: {
    en: 'Delete the group {group}? Its members stay, without it. This cannot be undone.',
    ko: '{group} 그룹을 삭제할까요? 구성원 계정은 그대로 남아요. 되돌릴 수 없어요.',
  },
  groupNotFound: {
    en: 'There is no group {group} in this pool.',
    ko: '이 풀에 {group} 그룹이 없어요.',
  },
  backToGroups: { en: 'Back to groups', ko: '그룹 목록으로 돌아가기' },
  doneCreatedGroup: { en: 'Created the group {group}.', ko: '{group} 그룹을 만들었어요.' },
  doneDeletedGroup: { en: 'Deleted the group {group}.', ko: '{group} 그룹을 삭제했어요.' },
  notWholeNumber: {
    en: 'Precedence must be a whole number from 0 to 2147483647.',
    ko: '우선순위는 0부터 2147483647까지의 정수여야 해요.',
  },
  refused: { en: 'Cognito refused: {code}', ko: 'Cognito가 거절했어요: {code}' },
} satisfies Record<string, Bilingual>;
