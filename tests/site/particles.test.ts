import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Particle, withParticle } from '../../src/i18n/particles.ts';

/** Any Hangul syllable, with its final consonant (0 for none, 8 for ㄹ). */
const syllable = fc
  .integer({ min: 0xac00, max: 0xd7a3 })
  .map((code) => ({ text: String.fromCharCode(code), final: (code - 0xac00) % 28 }));
const word = fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), syllable);

describe('withParticle', () => {
  it.each([
    ['로시난테', '이/가', '로시난테가'],
    ['부케팔로스', '이/가', '부케팔로스가'],
    ['유니콘', '이/가', '유니콘이'],
    ['유니콘', '을/를', '유니콘을'],
    ['탑승 위치', '을/를', '탑승 위치를'],
    ['비밀번호', '은/는', '비밀번호는'],
    ['이메일', '은/는', '이메일은'],
    ['이메일', '과/와', '이메일과'],
    ['비밀번호', '과/와', '비밀번호와'],
    ['집', '으로/로', '집으로'],
    ['서울', '으로/로', '서울로'],
    ['바다', '으로/로', '바다로'],
    ['유니콘', '이에요/예요', '유니콘이에요'],
    ['라이더', '이에요/예요', '라이더예요'],
  ] as const)('writes %s with %s as %s', (noun, particle, expected) => {
    expect(withParticle(noun, particle)).toBe(expected);
  });

  it.each([
    ['Rocinante', '이/가', 'Rocinante가'],
    ['Bucephalus', '이/가', 'Bucephalus가'],
    ['Shadowfax', '이/가', 'Shadowfax가'],
    ['rider', '이/가', 'rider가'],
    ['Moon', '이/가', 'Moon이'],
    ['King', '을/를', 'King을'],
    ['Pearl', '으로/로', 'Pearl로'],
    ['Pearl', '이/가', 'Pearl이'],
    ['a@example.com', '으로/로', 'a@example.com으로'],
    ['SMS', '으로/로', 'SMS로'],
    ['URL', '을/를', 'URL을'],
    ['URL', '으로/로', 'URL로'],
    ['API', '을/를', 'API를'],
  ] as const)('reads the Latin word %s as Korean does: with %s, %s', (noun, particle, expected) => {
    expect(withParticle(noun, particle)).toBe(expected);
  });

  it.each([
    ['1', '이/가', '1이'],
    ['2', '이/가', '2가'],
    ['3', '을/를', '3을'],
    ['7', '으로/로', '7로'],
    ['10', '은/는', '10은'],
    ['2025', '과/와', '2025와'],
    ['6', '이에요/예요', '6이에요'],
  ] as const)('reads the number %s as Korean does: with %s, %s', (noun, particle, expected) => {
    expect(withParticle(noun, particle)).toBe(expected);
  });

  it('looks past closing quotes and brackets to the last spoken letter', () => {
    expect(withParticle('“로시난테”', '이/가')).toBe('“로시난테”가');
    expect(withParticle('유니콘(白)', '이/가')).toBe('유니콘(白)이(가)');
    expect(withParticle('(유니콘)', '을/를')).toBe('(유니콘)을');
  });

  it('writes both forms when the ending cannot be told', () => {
    expect(withParticle('a***@e***', '으로/로')).toBe('a***@e***(으)로');
    expect(withParticle('白馬', '이/가')).toBe('白馬이(가)');
    expect(withParticle('', '을/를')).toBe('을(를)');
  });

  it('follows the last syllable’s final consonant for every Hangul word', () => {
    const pairs: readonly [Particle, string, string][] = [
      ['이/가', '이', '가'],
      ['을/를', '을', '를'],
      ['은/는', '은', '는'],
      ['과/와', '과', '와'],
    ];
    fc.assert(
      fc.property(
        word,
        fc.constantFrom(...pairs),
        ([prefix, last], [particle, consonant, vowel]) => {
          const noun = prefix + last.text;
          expect(withParticle(noun, particle)).toBe(noun + (last.final === 0 ? vowel : consonant));
        },
      ),
    );
  });

  it('takes 로 after a vowel or ㄹ and 으로 after any other final consonant', () => {
    fc.assert(
      fc.property(word, ([prefix, last]) => {
        const noun = prefix + last.text;
        const takesRo = last.final === 0 || last.final === 8;
        expect(withParticle(noun, '으로/로')).toBe(noun + (takesRo ? '로' : '으로'));
      }),
    );
  });
});
