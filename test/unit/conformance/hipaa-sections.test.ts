import { describe, it, expect } from '@jest/globals';
import {
  compareSectionIds,
  isSectionId,
  normaliseSectionId,
  sortSections
} from '../../../src/conformance/hipaa-sections.js';

describe('HIPAA section ids', () => {
  it('normalises the forms public mappings use', () => {
    expect(normaliseSectionId('164.312(e)(2)(ii))')).toBe('164.312(e)(2)(ii)');
    expect(normaliseSectionId(' 164.308(a)(1)(ii)(A) ')).toBe('164.308(a)(1)(ii)(A)');
    expect(normaliseSectionId('§164.312(b)')).toBe('164.312(b)');
    expect(normaliseSectionId('164.312')).toBe('164.312');
  });

  it('rejects what is not a Security Rule paragraph', () => {
    for (const bad of [
      '164.312(e)(2)(ii',
      '164.312(E)',
      '165.312(a)',
      '164.312(a)(ii)(1)',
      '164.312(a)(1)(xx)',
      'abc',
      ''
    ]) {
      expect(normaliseSectionId(bad)).toBeUndefined();
    }
    expect(isSectionId('164.312(a)(2)(iv)')).toBe(true);
    expect(isSectionId('164.312(a)(2)(iv))')).toBe(false);
  });

  it('orders ids as the regulation numbers them, roman numerals included', () => {
    const sorted = sortSections([
      '164.312(b)',
      '164.308(a)(7)(ii)(C)',
      '164.308(a)(1)(ii)(B)',
      '164.312(a)(2)(iv)',
      '164.312(a)(2)(i)',
      '164.308(a)(1)(ii)(A)',
      '164.312(a)(1)',
      '164.308(a)(10)',
      '164.312(b)',
      '164.314(b)(2)(i)',
      '164.308(a)(4)(ii)(A)',
      '164.308(a)(4)(i)'
    ]);
    expect(sorted).toEqual([
      '164.308(a)(1)(ii)(A)',
      '164.308(a)(1)(ii)(B)',
      '164.308(a)(4)(i)',
      '164.308(a)(4)(ii)(A)',
      '164.308(a)(7)(ii)(C)',
      '164.308(a)(10)',
      '164.312(a)(1)',
      '164.312(a)(2)(i)',
      '164.312(a)(2)(iv)',
      '164.312(b)',
      '164.314(b)(2)(i)'
    ]);
    expect(compareSectionIds('164.312(a)', '164.312(a)(1)')).toBeLessThan(0);
    expect(compareSectionIds('164.312(a)(2)(ix)', '164.312(a)(2)(v)')).toBeGreaterThan(0);
    expect(compareSectionIds('164.312(b)', '164.312(b)')).toBe(0);
  });
});
