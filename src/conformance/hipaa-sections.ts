/**
 * HIPAA Security Rule section ids (45 CFR Part 164 Subpart C), e.g. 164.312(a)(2)(iv): normalising, checking and
 * ordering them the way the regulation numbers its paragraphs.
 */

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/**
 * 164.3xx, then paragraph levels in order: (a) lower-case letter, (1) number, (ii) roman numeral, (A) capital
 * letter. A level may be present only when the one before it is.
 */
const SECTION_ID =
  /^164\.3(?:0[2-9]|1[0-8])(?:\([a-z]\)(?:\(\d{1,2}\)(?:\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)(?:\([A-Z]\))?)?)?)?$/;

/** Whether a string is a well-formed section id (normalised form). */
export function isSectionId(id: string): boolean {
  return SECTION_ID.test(id);
}

/**
 * Normalises a section id as written in public mappings: drops whitespace, a leading "§", and unbalanced closing
 * parentheses (e.g. the stray one in "164.312(e)(2)(ii))"). Returns undefined when the result is not well formed.
 */
export function normaliseSectionId(raw: string): string | undefined {
  let id = raw.replace(/\s+/g, '').replace(/^§/, '');
  const count = (ch: string): number => id.split(ch).length - 1;
  while (id.endsWith(')') && count(')') > count('(')) id = id.slice(0, -1);
  return isSectionId(id) ? id : undefined;
}

function sortKey(id: string): number[] {
  const match = /^164\.(\d+)(.*)$/.exec(id);
  if (match === null) return [Number.MAX_SAFE_INTEGER];
  const key = [Number(match[1])];
  for (const part of (match[2] ?? '').matchAll(/\(([^)]+)\)/g)) {
    const p = part[1] ?? '';
    const roman = ROMAN.indexOf(p);
    if (/^\d+$/.test(p)) key.push(Number(p));
    else if (roman >= 0 && key.length === 3) key.push(roman + 1);
    else key.push(p.charCodeAt(0));
  }
  return key;
}

/** Orders section ids as the regulation does: 164.308(a)(1) < 164.308(a)(1)(ii)(A) < 164.308(a)(3)(i) < 164.312. */
export function compareSectionIds(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i];
    const y = kb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Sorted, de-duplicated copy. */
export function sortSections(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareSectionIds);
}
