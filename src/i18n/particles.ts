/**
 * Korean particles that follow the word before them: 로시난테가 but 부케팔로스가, 황금빛을 but
 * 유니콘을. A Hangul syllable's final consonant picks the form; Latin letters and digits are read as
 * a Korean speaker would say them.
 */

/**
 * The particle pairs the message tables may use, named "after a consonant/after a vowel", with the
 * form written when the word's ending cannot be told.
 */
const FORMS = {
  '이/가': { consonant: '이', vowel: '가', either: '이(가)' },
  '을/를': { consonant: '을', vowel: '를', either: '을(를)' },
  '은/는': { consonant: '은', vowel: '는', either: '은(는)' },
  '과/와': { consonant: '과', vowel: '와', either: '과(와)' },
  '으로/로': { consonant: '으로', vowel: '로', either: '(으)로' },
  '이에요/예요': { consonant: '이에요', vowel: '예요', either: '(이)에요' },
} as const;

/** A particle pair, e.g. `이/가`. */
export type Particle = keyof typeof FORMS;

/** True when `text` names one of the particle pairs. */
export function isParticle(text: string): text is Particle {
  return Object.hasOwn(FORMS, text);
}

/** How a word ends, as far as particles care. */
type Ending = 'vowel' | 'consonant' | 'rieul';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** A syllable's final consonant is its offset from 가 modulo 28; 0 is none, 8 is ㄹ. */
const FINALS = 28;
const RIEUL = 8;

/** Digits as Korean reads them: 영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구. */
const DIGIT_ENDINGS: readonly Ending[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];

/** Capital letters spelled out (an acronym): 엘, 엠, 엔 and 알 end in a consonant; the rest do not. */
const LETTER_ENDINGS: Readonly<Record<string, Ending>> = {
  L: 'rieul',
  M: 'consonant',
  N: 'consonant',
  R: 'rieul',
};

/**
 * How a Latin word ends when said in Korean: "-m", "-n" and "-ng" keep their consonant (팀, 런,
 * 링), "-l" is ㄹ (휠); other endings come out with a vowel (rider → 라이더, mark → 마크).
 */
function latinWordEnding(word: string): Ending {
  const lower = word.toLowerCase();
  if (lower.endsWith('l')) return 'rieul';
  if (/[mn]$|ng$/.test(lower)) return 'consonant';
  return 'vowel';
}

/** The ending of `word`, or null when its last letter is neither Hangul, Latin nor a digit. */
function ending(word: string): Ending | null {
  // Closing quotes, brackets and full stops are not said; the letter before them decides.
  const spoken = word.replace(/[\s)\]}"'’”.!?]+$/u, '');
  const last = spoken.at(-1);
  if (last === undefined) return null;
  const code = last.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % FINALS;
    if (final === 0) return 'vowel';
    return final === RIEUL ? 'rieul' : 'consonant';
  }
  if (/[0-9]/.test(last)) return DIGIT_ENDINGS[Number(last)] ?? null;
  const latin = /[A-Za-z]+$/.exec(spoken)?.[0];
  if (latin === undefined) return null;
  // All capitals is an acronym, said letter by letter.
  if (latin === latin.toUpperCase()) return LETTER_ENDINGS[last] ?? 'vowel';
  return latinWordEnding(latin);
}

/**
 * `word` followed by the form of `particle` that fits its last sound: withParticle('로시난테', '이/가')
 * is 로시난테가. A word whose ending cannot be told (another script) gets both forms: 이(가).
 */
export function withParticle(word: string, particle: Particle): string {
  const forms = FORMS[particle];
  const end = ending(word);
  if (end === null) return word + forms.either;
  // 으로 is the one particle where ㄹ counts as a vowel: 서울로, not 서울으로.
  const vowelLike = end === 'vowel' || (end === 'rieul' && particle === '으로/로');
  return word + (vowelLike ? forms.vowel : forms.consonant);
}
