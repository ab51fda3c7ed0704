import { describe, it, expect } from '@jest/globals';
import {
  codeSpan,
  escapeHtml,
  escapeMarkdown,
  sanitizeForLog,
  toSingleLine,
  truncate,
  truncateBytes
} from '../../../src/util/text.js';
import { MALICIOUS_ID } from '../../fixtures/report/sample.js';

describe('escapeMarkdown', () => {
  it('renders the malicious resource id inert', () => {
    const out = escapeMarkdown(MALICIOUS_ID);
    expect(out).toBe('x\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; \\| ::error::pwned');
    expect(out).not.toContain('<');
    expect(out).not.toMatch(/(^|[^\\])\]\(/);
    expect(out).not.toMatch(/(^|[^\\])\|/);
  });

  it('escapes every Markdown punctuation and HTML character it owns', () => {
    expect(escapeMarkdown('\\`*_{}[]()#+-!|~$')).toBe('\\\\\\`\\*\\_\\{\\}\\[\\]()#+-!\\|\\~\\$');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown(' - item')).toBe(' \\- item');
    expect(escapeMarkdown('1. item')).toBe('\\1. item');
    expect(escapeMarkdown(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('keeps the text on one line', () => {
    expect(escapeMarkdown('a\nb\r\nc\u2028d')).toBe('a b  c d');
  });
});

describe('escapeHtml', () => {
  it('encodes entities and removes line breaks', () => {
    expect(escapeHtml('<img src=x onerror="a">&\'\n')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39; ');
  });
});

describe('toSingleLine', () => {
  it('replaces controls, separators and bidi overrides', () => {
    expect(toSingleLine('a\tb\u0000c\u007fd\u0085e\u202ef\u2066g')).toBe('a b c d e f g');
  });
});

describe('sanitizeForLog', () => {
  it('neutralises a leading workflow command', () => {
    expect(sanitizeForLog('::error::pwned')).toBe(': :error::pwned');
    expect(sanitizeForLog('   ::add-mask::secret')).toBe('   : :add-mask::secret');
    expect(sanitizeForLog('\t::set-output name=x::y')).toBe(' : :set-output name=x::y');
  });

  it('keeps everything on one line so no later line can start a command', () => {
    const out = sanitizeForLog('bucket\n::error::pwned\r::stop-commands::abc');
    expect(out).not.toMatch(/[\r\n]/);
    expect(out).toBe('bucket ::error::pwned ::stop-commands::abc');
  });

  it('neutralises the legacy ##[ form anywhere in the line', () => {
    const out = sanitizeForLog('x ##[error]bad ##[set-output name=a;]b');
    expect(out).not.toContain('##[');
    expect(out).toBe('x # #[error]bad # #[set-output name=a;]b');
  });

  it('leaves ordinary text alone', () => {
    expect(sanitizeForLog('s3-bucket-logging-enabled: 3 non-compliant')).toBe(
      's3-bucket-logging-enabled: 3 non-compliant'
    );
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run', () => {
    expect(codeSpan('report/a.json')).toBe('`report/a.json`');
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('`x')).toBe('`` `x ``');
  });
});

describe('truncate', () => {
  it('cuts by code points with an ellipsis', () => {
    expect(truncate('abcdef', 10)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('abc', 1)).toBe('a');
  });
});

describe('truncateBytes', () => {
  it('never splits a multi-byte character', () => {
    expect(truncateBytes('aé😀', 10)).toBe('aé😀');
    expect(truncateBytes('aé😀', 6)).toBe('aé');
    expect(truncateBytes('aé😀', 2)).toBe('a');
    expect(Buffer.byteLength(truncateBytes('😀'.repeat(100), 37))).toBeLessThanOrEqual(37);
  });
});
