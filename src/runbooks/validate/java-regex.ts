/**
 * Translates a Java regular expression (java.util.regex.Pattern) into an equivalent JavaScript one.
 *
 * SSM document parameters' `allowedPattern` is a Java regular expression (AWS Systems Manager User Guide, "Data
 * elements and parameters" for schema 0.3 documents), and AWS's own runbooks use Java-only syntax such as the scoped
 * flag group `(?i:...)`, which Node 20 cannot compile. No maintained npm package translates Java patterns (the
 * available ones handle PCRE, Python or Oniguruma), so this module walks the pattern itself: escapes, `\Q...\E`
 * quoting and character classes are parsed, never string-replaced.
 *
 * The output is compiled with the `v` flag (Unicode sets): it matches by code point like Java, accepts `\p{...}`
 * properties and nested classes, which Java's class union (`[a[b]]`) and intersection (`[a&&[b]]`) need.
 *
 * Semantics follow the Pattern javadoc (Java 17):
 * - flags `(?idmsux-idmsux)` (to the end of the enclosing group) and `(?idmsux-idmsux:X)` (inside X): `i` is ASCII
 *   case-insensitivity (`u` extends it to Unicode), expanded as `[aA]` classes (the JS `i` flag is added too when
 *   the pattern starts with it and never turns it off, so that back-references compare case-insensitively);
 *   `s` makes `.` match every character; `m` makes `^`/`$` match at line terminators; `d` makes `\n` the only line
 *   terminator; `x` ignores whitespace and `#` comments. `U` (Unicode character classes) is not translated.
 * - `.` excludes Java's line terminators (\n, \r, \u0085, \u2028, \u2029); `$` and `\Z` also match before a final
 *   line terminator; `\A` is the start and `\z` the end of the input.
 * - `\d \w \s` and the POSIX classes `\p{Alpha}`, `\p{Digit}`, ... are US-ASCII; `\h \H \v \V \R` as in Java 8+.
 * - possessive quantifiers (`*+`, `++`, `?+`, `{n,m}+`) and atomic groups `(?>X)` are emulated exactly with the
 *   lookahead-capture idiom `(?=(X))\k`: a JS lookahead never backtracks into, so the text it captured is consumed
 *   as one unit, which is what "possessive" and "atomic" mean. (Replacing them with the greedy form would not be
 *   the same match set: `a*+a` matches nothing in Java, `a*a` matches `aa`.) Java group numbers are mapped to the
 *   JS ones, which the added groups shift, so back-references keep pointing at the right group.
 *
 * What cannot be translated throws JavaRegexError (the caller reports a warning and does not check values).
 * Known remaining differences, all of which can only make JS accept more: a back-reference to a group that did not
 * take part in the match matches the empty string in JS (Java fails), and lookbehind may be unbounded in JS.
 */

/** A pattern that is not valid Java or has a construct this module cannot translate. */
export class JavaRegexError extends Error {
  override readonly name = 'JavaRegexError';
  constructor(
    readonly reason: string,
    /** Offset in the pattern (UTF-16 index) where the problem was found. */
    readonly index: number
  ) {
    super(`${reason} at offset ${index}`);
  }
}

interface TranslatedRegex {
  source: string;
  flags: string;
}

interface Flags {
  /** CASE_INSENSITIVE */
  i: boolean;
  /** UNICODE_CASE */
  u: boolean;
  /** DOTALL */
  s: boolean;
  /** MULTILINE */
  m: boolean;
  /** COMMENTS */
  x: boolean;
  /** UNIX_LINES */
  d: boolean;
}

/**
 * Group markers in the output before the JS group numbers are known: MARK + C<java group> (a Java group opens),
 * S<n> (an added group opens), R<java group> and s<n> (back-references). A NUL never appears raw in the output
 * (literals are escaped), so a marker cannot be confused with pattern text.
 */
const MARK = String.fromCharCode(0);
const GROUP_OPEN = new RegExp(`${MARK}([CS])(\\d+);`, 'g');
const GROUP_MARK = new RegExp(`${MARK}([CSRs])(\\d+);`, 'g');

/** Java's line terminators (Pattern javadoc, "Line terminators"), as JS class contents. */
const TERMINATORS = '\\n\\r\\x85\\u2028\\u2029';

/** The US-ASCII POSIX classes of java.util.regex.Pattern, as JS class contents. */
const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  // !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  Graph: '\\x21-\\x7E',
  Print: '\\x20-\\x7E',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r'
};

/** Java's binary properties and java.lang.Character classes that JS names differently. */
const PROPERTY_ALIASES: Record<string, string> = {
  Alphabetic: 'Alphabetic',
  Ideographic: 'Ideographic',
  Letter: 'L',
  Lowercase: 'Lowercase',
  Uppercase: 'Uppercase',
  Titlecase: 'Lt',
  Punctuation: 'P',
  Control: 'Cc',
  White_Space: 'White_Space',
  WhiteSpace: 'White_Space',
  Digit: 'Nd',
  Hex_Digit: 'Hex_Digit',
  HexDigit: 'Hex_Digit',
  Join_Control: 'Join_Control',
  JoinControl: 'Join_Control',
  Noncharacter_Code_Point: 'Noncharacter_Code_Point',
  Assigned: 'Assigned',
  Emoji: 'Emoji',
  javaLowerCase: 'Lowercase',
  javaUpperCase: 'Uppercase',
  javaAlphabetic: 'Alphabetic',
  javaIdeographic: 'Ideographic',
  javaMirrored: 'Bidi_Mirrored',
  javaLetter: 'L',
  javaDigit: 'Nd',
  javaTitleCase: 'Lt'
};

const SPACE = ' \\t\\n\\x0B\\f\\r';
const HSPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
/** Characters Java's x (COMMENTS) mode ignores. */
const COMMENT_SPACE = new Set([' ', '\t', '\n', '\x0B', '\f', '\r']);
/** ECMAScript SyntaxCharacter plus '/': escaped with a backslash outside classes. */
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

function hex(cp: number): string {
  return cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${cp.toString(16).toUpperCase()}}`;
}

function isAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** A literal code point outside a class. */
function litOut(cp: number): string {
  const c = String.fromCodePoint(cp);
  if (isAlnum(cp) || cp === 0x5f) return c;
  if (JS_SYNTAX.has(c)) return `\\${c}`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) return hex(cp);
  return c;
}

/** A literal code point inside a `v`-mode class (every ASCII punctuation is escaped, which v mode always allows). */
function litIn(cp: number): string {
  if (isAlnum(cp) || cp === 0x5f) return String.fromCodePoint(cp);
  if (cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff)) return hex(cp);
  return String.fromCodePoint(cp);
}

/** The other-case variants of a code point under the given case-insensitivity (ASCII, or Unicode with `u`). */
function caseVariants(cp: number, unicode: boolean): number[] {
  if (!unicode && cp > 0x7f) return [];
  const c = String.fromCodePoint(cp);
  const out = new Set<number>();
  for (const v of [c.toLowerCase(), c.toUpperCase()]) {
    const vcp = v.codePointAt(0);
    if ([...v].length === 1 && vcp !== undefined && vcp !== cp && (unicode || vcp <= 0x7f)) out.add(vcp);
  }
  return [...out];
}

/** One quantifiable unit of output; `before` is output that precedes it (not quantified with it). */
interface Atom {
  text: string;
  quantifiable: boolean;
  before?: string;
}

/** Translation state for one pattern. */
class Translator {
  private pos = 0;
  /** Java capturing groups opened so far (Java numbers them in order of their opening parenthesis). */
  private javaGroups = 0;
  private synthetic = 0;
  /** Set once the whole pattern is case-insensitive (the JS `i` flag is added). */
  private readonly globalCi: boolean;

  constructor(private readonly p: string) {
    this.globalCi = /^\(\?[idmsuxU]*i[idmsuxU]*\)/.test(p) && !/\(\?[idmsuxU]*-[idmsuxU]*i/.test(p);
  }

  private fail(reason: string, at = this.pos): never {
    throw new JavaRegexError(reason, at);
  }

  private peek(): string | undefined {
    return this.p[this.pos];
  }

  private cp(): number {
    const cp = this.p.codePointAt(this.pos);
    if (cp === undefined) this.fail('unexpected end of pattern');
    return cp;
  }

  private skipComments(flags: Flags): void {
    if (!flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && COMMENT_SPACE.has(c)) this.pos++;
      else if (c === '#') {
        while (this.pos < this.p.length && this.p[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  translate(): TranslatedRegex {
    const flags: Flags = { i: false, u: false, s: false, m: false, x: false, d: false };
    const body = this.alternation(flags);
    if (this.pos < this.p.length) this.fail("unmatched ')'");
    return { source: this.resolveGroups(body), flags: this.globalCi ? 'iv' : 'v' };
  }

  /** Parses alternatives until ')' or the end; `flags` is the enclosing group's (mutated by `(?i)`). */
  private alternation(flags: Flags): string {
    const alternatives: string[] = [];
    let atoms: string[] = [];
    let quantifiable = false;
    for (;;) {
      this.skipComments(flags);
      const start = this.pos;
      const c = this.peek();
      if (c === undefined || c === ')') break;
      if (c === '|') {
        this.pos++;
        alternatives.push(atoms.join(''));
        atoms = [];
        quantifiable = false;
        continue;
      }
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.quantifierBraces() !== undefined)) {
        if (!quantifiable || atoms.length === 0) this.fail(`dangling quantifier '${c}'`, start);
        atoms[atoms.length - 1] = this.quantify(atoms[atoms.length - 1]!, flags);
        quantifiable = false;
        continue;
      }
      const atom = this.atom(flags);
      if (atom === undefined) continue; // (?i), \E, \Q\E: change flags or match nothing
      if (atom.before) atoms.push(atom.before);
      atoms.push(atom.text);
      quantifiable = atom.quantifiable;
    }
    alternatives.push(atoms.join(''));
    return alternatives.join('|');
  }

  /** The `{n}`, `{n,}`, `{n,m}` quantifier at the cursor, if there is one. */
  private quantifierBraces(): string | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.pos));
    return m ? m[0] : undefined;
  }

  private quantify(atom: string, flags: Flags): string {
    const start = this.pos;
    let q: string;
    const c = this.peek()!;
    if (c === '{') {
      q = this.quantifierBraces()!;
      const m = /^\{(\d+)(?:,(\d*))?\}$/.exec(q)!;
      if (m[2] !== undefined && m[2] !== '' && Number(m[2]) < Number(m[1]))
        this.fail('illegal repetition range', start);
      this.pos += q.length;
    } else {
      q = c;
      this.pos++;
    }
    this.skipComments(flags);
    const mode = this.peek();
    if (mode === '?') {
      this.pos++;
      return `${atom}${q}?`;
    }
    if (mode === '+') {
      this.pos++;
      return this.atomic(`${atom}${q}`);
    }
    return `${atom}${q}`;
  }

  /** `(?>X)`: a lookahead captures what X matches without backtracking, and a back-reference consumes it. */
  private atomic(inner: string): string {
    const id = ++this.synthetic;
    return `(?=(${MARK}S${id};${inner}))${MARK}s${id};`;
  }

  private atom(flags: Flags): Atom | undefined {
    const c = this.peek()!;
    switch (c) {
      case '(':
        return this.group(flags);
      case '[': {
        const text = this.characterClass(flags);
        return { text, quantifiable: true };
      }
      case '.':
        this.pos++;
        return {
          text: flags.s ? '[\\s\\S]' : flags.d ? '[^\\n]' : `[^${TERMINATORS}]`,
          quantifiable: true
        };
      case '^':
        this.pos++;
        if (!flags.m) return { text: '^', quantifiable: false };
        return {
          text: flags.d ? '(?:^|(?<=\\n)(?!$))' : `(?:^|(?<=[\\n\\x85\\u2028\\u2029]|\\r(?!\\n))(?!$))`,
          quantifiable: false
        };
      case '$':
        this.pos++;
        return { text: this.dollar(flags), quantifiable: false };
      case '\\':
        return this.escapeOutside(flags);
      default: {
        const cp = this.cp();
        this.pos += cp > 0xffff ? 2 : 1;
        if (c === '{') this.fail("illegal repetition: '{' does not start a quantifier", this.pos - 1);
        return { text: this.literal(cp, flags), quantifiable: true };
      }
    }
  }

  /** Java's `$`: end of input or before a final line terminator; in MULTILINE, before any line terminator. */
  private dollar(flags: Flags): string {
    if (flags.m) {
      return flags.d ? '(?=\\n|$)' : '(?:(?=[\\r\\x85\\u2028\\u2029]|$)|(?<!\\r)(?=\\n))';
    }
    // Not between the \r and \n of a final \r\n (java.util.regex.Pattern.Dollar).
    return flags.d ? '(?=\\n?$)' : `(?=(?:\\r\\n|[${TERMINATORS}])?$)(?!(?<=\\r)\\n)`;
  }

  /** A literal code point outside a class, as a case class when case-insensitive. */
  private literal(cp: number, flags: Flags): string {
    const variants = flags.i ? caseVariants(cp, flags.u) : [];
    if (variants.length === 0) return litOut(cp);
    return `[${[cp, ...variants].map(litIn).join('')}]`;
  }

  private group(outer: Flags): Atom | undefined {
    const open = this.pos;
    this.pos++; // (
    const flags: Flags = { ...outer };
    let prefix: string;
    let quantifiable = true;
    if (this.peek() !== '?') {
      const n = ++this.javaGroups;
      prefix = `(${MARK}C${n};`;
    } else {
      this.pos++;
      const rest = this.p.slice(this.pos);
      const named = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
      const flagGroup = /^([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest);
      if (rest.startsWith(':')) {
        prefix = '(?:';
        this.pos++;
      } else if (rest.startsWith('=') || rest.startsWith('!')) {
        prefix = `(?${rest[0]}`;
        this.pos++;
        quantifiable = false;
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        prefix = `(?${rest.slice(0, 2)}`;
        this.pos += 2;
        quantifiable = false;
      } else if (named) {
        const n = ++this.javaGroups;
        prefix = `(?<${named[1]}>${MARK}C${n};`;
        this.pos += named[0].length;
      } else if (rest.startsWith('>')) {
        this.pos++;
        const body = this.alternation(flags);
        this.close(open);
        return { text: `(?:${this.atomic(body)})`, quantifiable: true };
      } else if (flagGroup && (flagGroup[1] !== '' || flagGroup[2] !== undefined)) {
        this.pos += flagGroup[0].length;
        const target = flagGroup[3] === ')' ? outer : flags;
        this.applyFlags(target, flagGroup[1] ?? '', flagGroup[2] ?? '', open);
        if (flagGroup[3] === ')') return undefined;
        prefix = '(?:';
      } else {
        this.fail('unknown group construct (?', open);
      }
    }
    const body = this.alternation(flags);
    this.close(open);
    return { text: `${prefix}${body})`, quantifiable };
  }

  private close(open: number): void {
    if (this.peek() !== ')') this.fail("unclosed group '('", open);
    this.pos++;
  }

  private applyFlags(flags: Flags, on: string, off: string, at: number): void {
    for (const [letters, value] of [
      [on, true],
      [off, false]
    ] as const) {
      for (const f of letters) {
        if (f === 'U') this.fail('the U flag (UNICODE_CHARACTER_CLASS) is not translated', at);
        flags[f as keyof Flags] = value;
      }
    }
  }

  /** An escape outside a character class. */
  private escapeOutside(flags: Flags): Atom | undefined {
    const start = this.pos;
    this.pos++; // backslash
    const c = this.peek();
    if (c === undefined) this.fail('trailing backslash', start);
    switch (c) {
      case 'A':
        this.pos++;
        return { text: '^', quantifiable: false };
      case 'z':
        this.pos++;
        return { text: '$', quantifiable: false };
      case 'Z':
        this.pos++;
        return { text: this.dollar({ ...flags, m: false }), quantifiable: false };
      case 'b':
      case 'B':
        this.pos++;
        if (this.peek() === '{') this.fail('\\b{g} (grapheme boundary) is not translated', start);
        return { text: `\\${c}`, quantifiable: false };
      case 'G':
        return this.fail('\\G (end of the previous match) is not translated', start);
      case 'X':
        return this.fail('\\X (grapheme cluster) is not translated', start);
      case 'R':
        this.pos++;
        return { text: `(?:\\r\\n|[${VSPACE}])`, quantifiable: true };
      case 'Q': {
        this.pos++;
        const end = this.p.indexOf('\\E', this.pos);
        const chars = [...this.p.slice(this.pos, end < 0 ? undefined : end)];
        this.pos = end < 0 ? this.p.length : end + 2;
        if (chars.length === 0) return undefined;
        const texts = chars.map(ch => this.literal(ch.codePointAt(0)!, flags));
        // A following quantifier applies to the last quoted character only, as in Java.
        return { before: texts.slice(0, -1).join(''), text: texts[texts.length - 1]!, quantifiable: true };
      }
      case 'E':
        // A stray \E (no \Q open) is ignored by Java.
        this.pos++;
        return undefined;
      case 'k': {
        const m = /^k<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.p.slice(this.pos));
        if (!m) this.fail('\\k must be followed by <name>', start);
        this.pos += m[0].length;
        this.checkBackrefCase(flags, start);
        return { text: `\\k<${m[1]}>`, quantifiable: true };
      }
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      // Java: \1-\9 are always back-references; more digits are taken while that many groups exist.
      let n = Number(c);
      this.pos++;
      for (;;) {
        const d = this.peek();
        if (d === undefined || d < '0' || d > '9' || n * 10 + Number(d) > this.javaGroups) break;
        n = n * 10 + Number(d);
        this.pos++;
      }
      this.checkBackrefCase(flags, start);
      return { text: `(?:${MARK}R${n};)`, quantifiable: true };
    }
    const cls = this.classEscape(flags, start);
    if (cls !== undefined) return { text: cls.outside, quantifiable: true };
    return { text: this.literal(this.characterEscape(start), flags), quantifiable: true };
  }

  private checkBackrefCase(flags: Flags, at: number): void {
    if (flags.i && !this.globalCi) {
      this.fail('a back-reference inside a scoped case-insensitive group is not translated', at);
    }
  }

  /**
   * A class escape at the cursor (just after the backslash): `\d \D \w \W \s \S \h \H \v \V \p{..} \P{..}`.
   * Returns its JS form outside a class and as an item inside a `v`-mode class, or undefined when it is not one.
   */
  private classEscape(flags: Flags, start: number): { outside: string; inside: string } | undefined {
    const c = this.peek()!;
    const set = (contents: string, negated: boolean): { outside: string; inside: string } => {
      const text = `[${negated ? '^' : ''}${contents}]`;
      return { outside: text, inside: text };
    };
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        this.pos++;
        return { outside: `\\${c}`, inside: `\\${c}` };
      case 's':
      case 'S':
        this.pos++;
        return set(SPACE, c === 'S');
      case 'h':
      case 'H':
        this.pos++;
        return set(HSPACE, c === 'H');
      case 'v':
      case 'V':
        this.pos++;
        return set(VSPACE, c === 'V');
      case 'p':
      case 'P': {
        this.pos++;
        let name: string;
        if (this.peek() === '{') {
          const close = this.p.indexOf('}', this.pos);
          if (close < 0) this.fail(`unclosed \\${c}{`, start);
          name = this.p.slice(this.pos + 1, close);
          this.pos = close + 1;
        } else {
          const ch = this.peek();
          if (ch === undefined) this.fail(`\\${c} needs a property name`, start);
          name = ch;
          this.pos++;
        }
        return this.property(name, c === 'P', flags, start);
      }
      default:
        return undefined;
    }
  }

  private property(
    rawName: string,
    negated: boolean,
    flags: Flags,
    start: number
  ): { outside: string; inside: string } {
    // Java: POSIX names stand alone; an `Is` prefix names a script, binary property or category.
    const prefixed = rawName.startsWith('Is');
    const name = prefixed ? rawName.slice(2) : rawName;
    let posix = prefixed ? undefined : POSIX[name];
    if (posix !== undefined) {
      // Java: with CASE_INSENSITIVE, \p{Lower} and \p{Upper} match letters of either case.
      if (flags.i && (name === 'Lower' || name === 'Upper')) posix = POSIX.Alpha!;
      const text = `[${negated ? '^' : ''}${posix}]`;
      return { outside: text, inside: text };
    }
    if (name.startsWith('In') || /^(blk|block)=/i.test(name)) {
      this.fail(`Unicode block \\p{${rawName}} is not translated (JavaScript has no block properties)`, start);
    }
    const candidates: string[] = [];
    const eq = /^(gc|general_category|sc|script)=(.+)$/i.exec(name);
    if (eq) {
      const kind = eq[1]!.toLowerCase();
      candidates.push(kind === 'gc' || kind === 'general_category' ? `General_Category=${eq[2]}` : `Script=${eq[2]}`);
    } else {
      const alias = PROPERTY_ALIASES[name];
      if (alias) candidates.push(alias);
      if (name === 'L1') candidates.push('Script=Latin');
      candidates.push(`General_Category=${name}`, `Script=${name}`, name);
    }
    for (const candidate of candidates) {
      const text = `\\${negated ? 'P' : 'p'}{${candidate}}`;
      try {
        new RegExp(text, 'v');
        return { outside: text, inside: text };
      } catch {
        // try the next reading
      }
    }
    return this.fail(`unknown character property \\p{${rawName}}`, start);
  }

  /** A character escape at the cursor (just after the backslash); returns the code point it stands for. */
  private characterEscape(start: number): number {
    const c = this.peek()!;
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (simple[c] !== undefined) {
      this.pos++;
      return simple[c];
    }
    const rest = this.p.slice(this.pos);
    if (c === '0') {
      const m = /^0([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest);
      if (!m) this.fail('illegal octal escape: \\0 needs octal digits', start);
      this.pos += m[0].length;
      return parseInt(m[1]!, 8);
    }
    if (c === 'x') {
      const m = /^x(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/.exec(rest);
      if (!m) this.fail('illegal hexadecimal escape', start);
      const cp = parseInt(m[1] ?? m[2]!, 16);
      if (cp > 0x10ffff) this.fail('hexadecimal code point out of range', start);
      this.pos += m[0].length;
      return cp;
    }
    if (c === 'u') {
      const m = /^u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/.exec(rest);
      if (!m) this.fail('illegal Unicode escape', start);
      const hi = parseInt(m[1]!, 16);
      if (m[2] !== undefined && hi >= 0xd800 && hi <= 0xdbff) {
        this.pos += m[0].length;
        return 0x10000 + ((hi - 0xd800) << 10) + (parseInt(m[2], 16) - 0xdc00);
      }
      this.pos += 5;
      return hi;
    }
    if (c === 'c') {
      const x = this.p[this.pos + 1];
      if (x === undefined) this.fail('\\c needs a control character letter', start);
      this.pos += 2;
      return x.charCodeAt(0) ^ 64;
    }
    if (c === 'N') this.fail('\\N{name} is not translated', start);
    const cp = this.cp();
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
      this.fail(`illegal escape \\${c} (Java rejects a backslash before a letter that is no escape)`, start);
    }
    if (cp >= 0x30 && cp <= 0x39) this.fail(`illegal escape \\${c}`, start);
    // Java: a backslash before any other character quotes it.
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /**
   * A character class `[...]` (cursor on '['), with Java's nested union `[a[b]]` and intersection `[a&&[b]]`,
   * returned as a `v`-mode class.
   */
  private characterClass(flags: Flags): string {
    const open = this.pos;
    this.pos++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const operands: string[][] = [[]];
    let nested = false;
    /** The last item, when it is a single code point (a possible range start). */
    let lastChar: number | undefined;
    for (;;) {
      this.skipComments(flags);
      const c = this.peek();
      if (c === undefined) this.fail("unclosed character class '['", open);
      const items = operands[operands.length - 1]!;
      if (c === ']' && (items.length > 0 || operands.length > 1)) {
        this.pos++;
        break;
      }
      if (c === '&' && this.p[this.pos + 1] === '&') {
        this.pos += 2;
        operands.push([]);
        lastChar = undefined;
        continue;
      }
      if (c === '[') {
        items.push(this.characterClass(flags));
        nested = true;
        lastChar = undefined;
        continue;
      }
      if (c === '-' && lastChar !== undefined && this.p[this.pos + 1] !== ']' && this.p[this.pos + 1] !== undefined) {
        const dash = this.pos;
        this.pos++;
        this.skipComments(flags);
        const hi = this.classChar();
        if (hi === undefined) this.fail('illegal character range: a range ends with a single character', dash);
        if (hi < lastChar) this.fail('illegal character range: the end is below the start', dash);
        items.pop();
        items.push(this.range(lastChar, hi, flags, dash));
        lastChar = undefined;
        continue;
      }
      if (c === '\\') {
        const start = this.pos;
        this.pos++;
        if (this.peek() === 'Q') {
          this.pos++;
          const end = this.p.indexOf('\\E', this.pos);
          const quoted = this.p.slice(this.pos, end < 0 ? undefined : end);
          this.pos = end < 0 ? this.p.length : end + 2;
          for (const ch of quoted) {
            lastChar = ch.codePointAt(0)!;
            items.push(this.classLiteral(lastChar, flags));
          }
          continue;
        }
        const cls = this.classEscape(flags, start);
        if (cls !== undefined) {
          items.push(cls.inside);
          lastChar = undefined;
          continue;
        }
        this.pos = start;
      }
      const cp = this.classChar();
      if (cp === undefined) this.fail('unexpected class escape', this.pos);
      items.push(this.classLiteral(cp, flags));
      lastChar = cp;
    }
    if (operands.some(o => o.length === 0)) this.fail("empty operand of '&&' in a character class", open);
    if (negated && (nested || operands.length > 1)) {
      // Java 8 and Java 9+ disagree on what a negation covers when the class nests or intersects.
      this.fail('a negated class with nested classes or && is not translated (Java versions disagree)', open);
    }
    const body = operands.length === 1 ? operands[0]!.join('') : operands.map(o => `[${o.join('')}]`).join('&&');
    return `[${negated ? '^' : ''}${body}]`;
  }

  /** One single-character item of a class (a literal or a character escape); undefined for a class escape. */
  private classChar(): number | undefined {
    const c = this.peek();
    if (c === undefined) this.fail('unclosed character class', this.pos);
    if (c !== '\\') {
      const cp = this.cp();
      this.pos += cp > 0xffff ? 2 : 1;
      return cp;
    }
    const start = this.pos;
    this.pos++;
    const next = this.peek();
    if (next === undefined) this.fail('trailing backslash', start);
    if ('dDwWsShHvVpPQ'.includes(next)) {
      this.pos = start;
      return undefined;
    }
    if (next === 'b') this.fail('\\b inside a character class is not valid Java', start);
    return this.characterEscape(start);
  }

  private classLiteral(cp: number, flags: Flags): string {
    const variants = flags.i ? caseVariants(cp, flags.u) : [];
    return [cp, ...variants].map(litIn).join('');
  }

  /** A range lo-hi, with its other-case counterparts when case-insensitive (ASCII letters only). */
  private range(lo: number, hi: number, flags: Flags, at: number): string {
    const parts = [`${litIn(lo)}-${litIn(hi)}`];
    if (flags.i) {
      if (flags.u && hi > 0x7f) this.fail('a case-insensitive Unicode range is not translated', at);
      const overlap = (a: number, b: number, shift: number): void => {
        const from = Math.max(lo, a);
        const to = Math.min(hi, b);
        if (from <= to) parts.push(`${litIn(from + shift)}-${litIn(to + shift)}`);
      };
      overlap(0x61, 0x7a, -32); // a-z -> A-Z
      overlap(0x41, 0x5a, 32); // A-Z -> a-z
    }
    return parts.join('');
  }

  /** Replaces group markers by JS group numbers (the added lookahead groups shift Java's numbering). */
  private resolveGroups(body: string): string {
    const jsNumber = new Map<string, number>();
    let n = 0;
    for (const m of body.matchAll(GROUP_OPEN)) jsNumber.set(`${m[1]}${m[2]}`, ++n);
    return body.replace(GROUP_MARK, (_all, kind: string, num: string) => {
      if (kind === 'C' || kind === 'S') return '';
      const target = jsNumber.get(`${kind === 'R' ? 'C' : 'S'}${num}`);
      // Java compiles a reference to a group that does not exist; it never matches.
      return target === undefined ? '(?!)' : `\\${target}`;
    });
  }
}

/** Translates a Java regular expression into JS source and flags; throws JavaRegexError when it cannot. */
export function translateJavaRegex(pattern: string): TranslatedRegex {
  return new Translator(pattern).translate();
}

/**
 * Compiles an SSM `allowedPattern` (a Java regular expression) as a JavaScript RegExp: the one function every
 * allowedPattern check goes through. `error` says why it cannot be compiled (then values are not checked).
 */
export function compileAllowedPattern(pattern: string): { regex: RegExp } | { error: string } {
  let translated: TranslatedRegex;
  try {
    translated = translateJavaRegex(pattern);
  } catch (err) {
    if (err instanceof JavaRegexError) return { error: err.message };
    throw err;
  }
  try {
    return { regex: new RegExp(translated.source, translated.flags) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
