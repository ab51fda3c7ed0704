/**
 * The Java -> JavaScript regular expression translator for SSM allowedPattern. Each case gives strings the Java
 * pattern matches (java.util.regex.Pattern, Matcher.find) and strings it does not; the translation must agree.
 */
import { describe, expect, it } from '@jest/globals';
import {
  JavaRegexError,
  compileAllowedPattern,
  translateJavaRegex
} from '../../../../src/runbooks/validate/java-regex.js';

function compile(pattern: string): RegExp {
  const compiled = compileAllowedPattern(pattern);
  if ('error' in compiled) throw new Error(`${pattern}: ${compiled.error}`);
  return compiled.regex;
}

// [what, Java pattern, matched, not matched]
const CASES: [string, string, string[], string[]][] = [
  // Inline flags.
  ['(?i) over the whole pattern', '(?i)^abc$', ['abc', 'ABC', 'aBc'], ['abd', 'abcd']],
  ['scoped (?i:...) only inside its group', '^(?i:abc)d$', ['ABCd', 'abcd'], ['abcD', 'ABCD']],
  ["AWS's (?i:...) alternation", '^(?i:sse|aws:kms)$', ['SSE', 'aws:KMS'], ['aws-kms', 'sse ']],
  ['(?i) in the middle applies to the end of its group', '^a(?i)b$', ['aB', 'ab'], ['AB']],
  ['(?i) inside a group ends with the group', '^(?:(?i)a)b$', ['Ab'], ['AB']],
  ['(?-i:...) turns it off again', '(?i)^a(?-i:b)c$', ['AbC'], ['ABC']],
  ['(?i) expands class letters and ranges', '^(?i:[a-c]+)$', ['AbC', 'cab'], ['d', 'D']],
  ['(?i) negated class excludes both cases', '^(?i:[^a])$', ['b'], ['a', 'A']],
  ['(?i) range across letters and punctuation', '^(?i)[Y-b]$', ['Y', '_', 'a', 'y', 'B', 'z'], ['c', 'X']],
  ['(?i) with a back-reference compares case-insensitively', '(?i)^(a)\\1$', ['aA', 'Aa'], ['ab']],
  ['(?s) lets . match a newline', '^(?s)a.b$', ['a\nb'], ['ab']],
  ['. excludes Java line terminators', '^a.b$', ['a-b'], ['a\nb', 'a\rb', 'a\u0085b', 'a\u2028b']],
  ['(?m) anchors at every line', '(?m)^b$', ['a\nb\nc', 'b'], ['ab', 'a\nbc']],
  ['(?d) makes \\n the only line terminator', '^(?d)a.b$', ['a\rb'], ['a\nb']],
  ['(?x) ignores whitespace and comments', '(?x) ^ a b # the end\n $', ['ab'], ['a b']],
  ['(?x) keeps escaped whitespace', '(?x)^a\\ b$', ['a b'], ['ab']],
  // Anchors.
  ['\\A and \\z', '\\Aabc\\z', ['abc'], ['abc\n', 'xabc']],
  ['\\Z also before a final line terminator', '\\Aabc\\Z', ['abc', 'abc\n', 'abc\r\n'], ['abc\n\n', 'abcd']],
  ['$ like \\Z, but not between \\r and \\n', '^abc$', ['abc', 'abc\n'], ['abc\n\n']],
  ['\\\\A is a literal backslash and A', '^\\\\A$', ['\\A'], ['A', '']],
  ['\\\\\\A is a backslash, then the start anchor', '\\\\\\A', [], ['\\']],
  // Possessive quantifiers and atomic groups: never give back.
  ['a*+a never matches', 'a*+a', [], ['a', 'aaa']],
  ['a++ matches like a+ at the end', '^a++$', ['a', 'aaa'], ['', 'b']],
  ['?+ possessive', '^a?+a$', ['aa'], ['a']],
  ['{n,m}+ possessive', '^a{1,3}+a$', ['aaaa'], ['aaa', 'aa']],
  ['lazy quantifiers are kept', '^a+?b$', ['aab'], ['b']],
  ['atomic group', '^(?>a|ab)c$', ['ac'], ['abc']],
  ['back-references keep their Java numbers after an atomic group', '^(?>(a))(b)\\2\\1$', ['abba'], ['abab']],
  ['named groups and \\k<name>', '^(?<x>ab)\\k<x>$', ['abab'], ['abba']],
  ['\\12 is group 1 then 2 when there is one group', '^(a)\\12$', ['aa2'], ['a']],
  ['a back-reference to a missing group never matches', '^a\\2$', [], ['a', 'a2']],
  // Classes.
  ['POSIX \\p{Alpha}', '^\\p{Alpha}+$', ['abcXYZ'], ['ab1', 'é']],
  ['POSIX \\p{Digit}, \\p{Upper}, \\p{Lower}', '^\\p{Upper}\\p{Lower}\\p{Digit}$', ['Ab1'], ['aB1', 'AbX']],
  ['POSIX \\p{Alnum} and \\p{XDigit}', '^\\p{Alnum}\\p{XDigit}$', ['zF', '09'], ['zG', '_0']],
  ['POSIX \\p{Punct}', '^\\p{Punct}+$', ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'], ['a', ' ']],
  ['POSIX \\p{Space} is ASCII whitespace', '^\\p{Space}+$', [' \t\n\u000b\f\r'], ['\u00a0']],
  ['\\P{...} negates', '^\\P{Digit}+$', ['abc'], ['a1']],
  ['POSIX class inside a class, and its negation', '^[\\p{Digit}_\\P{Alnum}]+$', ['1_-'], ['a']],
  ['\\p{IsLatin} and \\p{L} are Unicode', '^\\p{IsLatin}\\p{L}$', ['éж'], ['1a']],
  ['\\h horizontal whitespace, \\v vertical', '^\\h\\v$', ['\u00a0\n', '\t\u2028'], ['\n\t']],
  ['\\s is ASCII whitespace in Java', '^\\s$', ['\t'], ['\u00a0', '\u2003']],
  ['\\R line break', '^a\\Rb$', ['a\r\nb', 'a\nb'], ['a\n\nb']],
  ['escapes inside classes are left alone', '^[\\w+=,.@/\\-\\]]+$', ['a+=,.@/-]'], ['a b', '!']],
  ['[\\\\A] is a backslash or A', '^[\\\\A]$', ['\\', 'A'], ['a']],
  ['- at the edges of a class is literal', '^[-a][b-]$', ['-b', 'a-'], ['bb']],
  [']' + ' first in a class is literal', '^[]a]$', [']', 'a'], ['b']],
  ['nested class union', '^[a-c[x-z]]+$', ['axbz'], ['d']],
  ['class intersection', '^[a-z&&[^aeiou]]+$', ['bcd'], ['bad', 'B']],
  ['[a&&b] is empty', '^[ab&&[b]]$', ['b'], ['a']],
  // Quoting and literal escapes.
  ['\\Q...\\E quotes metacharacters', '^\\Q.*+?(\\E$', ['.*+?('], ['a']],
  ['a quantifier after \\Q...\\E applies to the last character', '^\\Qab\\E+$', ['abbb'], ['abab']],
  ['\\Q without \\E quotes to the end', '^a\\Q$^', ['a$^'], ['a']],
  ['\\Q inside a class', '^[\\Q^]\\E]+$', ['^]'], ['a']],
  ['octal, hex, Unicode and control escapes', '^\\0101\\x42\\u0043\\x{44}\\cI$', ['ABCD\t'], ['ABCD']],
  ['a surrogate pair escape is one code point', '^\\uD83D\\uDE00$', ['\u{1F600}'], ['\uD83D']],
  ['. matches a code point, as in Java', '^.$', ['\u{1F600}'], ['ab']],
  ['escaped punctuation Java allows', '^\\-\\,\\\'\\"\\}$', ['-,\'"}'], ['']],
  [
    "AWS's S3 bucket name pattern",
    '(?=^.{3,63}$)(?!^(\\d+\\.)+\\d+$)(^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])$)',
    ['my-bucket.logs'],
    ['10.0.0.1', 'ab', 'My-Bucket']
  ],
  [
    "AWS's role ARN pattern",
    '^arn:(?:aws|aws-us-gov|aws-cn):iam::\\d{12}:role/[\\w+=,.@-]+$',
    ['arn:aws:iam::123456789012:role/R_1'],
    ['arn:aws:iam::1234:role/R']
  ]
];

describe('translateJavaRegex: Java constructs, match for match', () => {
  it.each(CASES)('%s: %s', (_what, pattern, matched, notMatched) => {
    const regex = compile(pattern);
    for (const value of matched) expect([value, regex.test(value)]).toEqual([value, true]);
    for (const value of notMatched) expect([value, regex.test(value)]).toEqual([value, false]);
  });

  it('uses the JS i flag only when (?i) covers the whole pattern', () => {
    expect(translateJavaRegex('(?i)^a$').flags).toBe('iv');
    expect(translateJavaRegex('^(?i:a)$').flags).toBe('v');
    expect(translateJavaRegex('(?i)a(?-i)b').flags).toBe('v');
  });

  it('keeps plain patterns readable', () => {
    expect(translateJavaRegex('\\A[a-z]{2}-\\d+\\z').source).toBe('^[a-z]{2}-\\d+$');
    expect(translateJavaRegex('(?i:ab)').source).toBe('(?:[aA][bB])');
  });
});

// [what, Java pattern, reason]
const UNTRANSLATABLE: [string, string, string][] = [
  ['unclosed group', '^(abc$', "unclosed group '('"],
  ['unmatched )', 'abc)', "unmatched ')'"],
  ['unclosed class', '^[abc$', "unclosed character class '['"],
  ['dangling quantifier', '*a', "dangling quantifier '*'"],
  ['quantifier after a quantifier', 'a**', "dangling quantifier '*'"],
  ['{ that is no quantifier', 'a{x}', "illegal repetition: '{' does not start a quantifier"],
  ['reversed repetition range', 'a{3,1}', 'illegal repetition range'],
  ['reversed class range', '[z-a]', 'illegal character range: the end is below the start'],
  ['unknown escape letter', '\\y', 'illegal escape \\y'],
  ['trailing backslash', 'abc\\', 'trailing backslash'],
  ['Unicode block', '\\p{InGreek}', 'Unicode block \\p{InGreek} is not translated'],
  ['unknown property', '\\p{Nope}', 'unknown character property \\p{Nope}'],
  ['\\G', '\\Ga', '\\G (end of the previous match) is not translated'],
  ['grapheme cluster', '\\X', '\\X (grapheme cluster) is not translated'],
  ['U flag', '(?U)\\w', 'the U flag (UNICODE_CHARACTER_CLASS) is not translated'],
  ['back-reference in a scoped (?i)', '(a)(?i:\\1)', 'a back-reference inside a scoped case-insensitive group'],
  ['negated class with a nested class', '[^a[b]]', 'a negated class with nested classes or && is not translated'],
  ['unknown group construct', '(?<=a)(?*b)', 'unknown group construct (?'],
  ['empty && operand', '[a&&]', "empty operand of '&&' in a character class"]
];

describe('translateJavaRegex: what cannot be translated is reported, not guessed', () => {
  it.each(UNTRANSLATABLE)('%s: %s', (_what, pattern, reason) => {
    expect(() => translateJavaRegex(pattern)).toThrow(JavaRegexError);
    expect(() => translateJavaRegex(pattern)).toThrow(reason);
    const compiled = compileAllowedPattern(pattern);
    expect('error' in compiled && compiled.error).toContain(reason);
  });

  it('names the offset of the problem', () => {
    try {
      translateJavaRegex('ab(cd');
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(JavaRegexError);
      expect((err as JavaRegexError).index).toBe(2);
      expect((err as JavaRegexError).message).toBe("unclosed group '(' at offset 2");
    }
  });

  it('a translation JavaScript still refuses is an error result, not a throw', () => {
    expect(() => translateJavaRegex('(?<a>x)\\k<b>')).not.toThrow();
    const compiled = compileAllowedPattern('(?<a>x)\\k<b>');
    expect('error' in compiled && compiled.error).toMatch(/Invalid regular expression/);
  });
});
