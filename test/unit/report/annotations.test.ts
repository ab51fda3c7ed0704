import { describe, it, expect, jest } from '@jest/globals';
import * as core from '@actions/core';
import {
  buildAnnotations,
  emitAnnotations,
  sanitizeAnnotation,
  type AnnotationSink,
  type AnnotationSinkProperties
} from '../../../src/report/annotations.js';
import type { Annotation } from '../../../src/github/checks.js';
import type { ComplianceResult, RuleResult } from '../../../src/compliance/types.js';
import { finding, largeResult, MALICIOUS_ID, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

function recordingSink(): AnnotationSink & { calls: Array<[string, string, AnnotationSinkProperties | undefined]> } {
  const calls: Array<[string, string, AnnotationSinkProperties | undefined]> = [];
  return {
    calls,
    error: (m, p) => calls.push(['error', m, p]),
    warning: (m, p) => calls.push(['warning', m, p]),
    notice: (m, p) => calls.push(['notice', m, p])
  };
}

describe('buildAnnotations', () => {
  it('annotates worst rules first: errors, non-compliant by count, then stale and insufficient data as warnings', () => {
    const out = buildAnnotations(sampleResult(), sampleGate());
    expect(out.map(a => [a.level, a.title])).toEqual([
      ['error', 'AWS Config error: iam-root-access-key-check'],
      ['error', 'Non-compliant: s3-bucket-logging-enabled'],
      ['error', 'Non-compliant: cloudtrail-enabled'],
      ['warning', 'Stale evaluation: rds-storage-encrypted'],
      ['warning', 'Insufficient data: vpc-flow-logs-enabled']
    ]);
    expect(out[0]?.message).toBe(
      'GetComplianceDetailsByConfigRule failed: ThrottlingException: Rate exceeded (request id req-1)'
    );
    expect(out[2]?.message).toBe('1 non-compliant (HIPAA 164.312(b)): 123456789012');
    expect(out[3]?.message).toBe('Evaluation is stale: last evaluated 2025-01-01 00:00 UTC');
  });

  it('names the count, HIPAA sections and first resources, leaving waived ones out of the count', () => {
    const s3 = buildAnnotations(sampleResult(), sampleGate())[1];
    expect(s3?.message).toMatch(
      /^3 non-compliant \(HIPAA 164\.312\(b\), 164\.308\(a\)\(1\)\(ii\)\(D\)\): access-logs, claims-uploads, x\]\(javascript.*\(1 waived\)$/
    );
    expect(s3?.message).not.toContain('legacy-archive');
  });

  it('keeps the malicious id on one line, with no workflow command', () => {
    const rules: RuleResult[] = [
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: '::error::evil\nrule',
        status: 'noncompliant',
        findings: [finding('r', 'T', `\n::add-mask::${MALICIOUS_ID}`), finding('r', 'T', '##[error]x')]
      }
    ];
    const out = buildAnnotations({ ...sampleResult(), rules }, sampleGate());
    expect(out).toHaveLength(1);
    const a = out[0] as Annotation;
    for (const s of [a.title, a.message]) {
      expect(s).not.toMatch(/[\r\n]/);
      expect(s.trimStart().startsWith('::')).toBe(false);
      expect(s).not.toContain('##[');
    }
    expect(a.title).toBe('Non-compliant: ::error::evil rule');
    expect(a.message).toContain('::add-mask::x](javascript');
  });

  it('shows at most 10 annotations, worst first, the last one counting the rest', () => {
    const { result, gate } = largeResult(30, 30 * 31);
    // make counts distinct: rule i gets i+1 findings
    result.rules.forEach((r, i) => (r.findings = r.findings.slice(0, i + 1)));
    const out = buildAnnotations(result, gate);
    expect(out).toHaveLength(10);
    expect(out.every(a => a.level === 'error')).toBe(true);
    const counts = out.slice(0, 9).map(a => Number(a.message.split(' ')[0]));
    expect(counts).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22]);
    expect(out[9]?.title).toBe('21 more rules need attention');
    expect(out[9]?.message).toMatch(
      /^21 more rules are non-compliant or failed: rule-020-hipaa-check-with-a-long-name, rule-019-.*, \.\.\.; see the job summary/
    );
  });

  it('fills the room left with warnings, never more than max in all', () => {
    const rules: RuleResult[] = [];
    for (let i = 0; i < 8; i++)
      rules.push({
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: `nc-${i}`,
        status: 'noncompliant',
        findings: [finding(`nc-${i}`, 'T', 'id')]
      });
    for (let i = 0; i < 5; i++)
      rules.push({
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: `stale-${i}`,
        status: 'stale',
        findings: []
      });
    const out = buildAnnotations({ ...sampleResult(), rules }, sampleGate());
    expect(out.filter(a => a.level === 'error')).toHaveLength(8);
    expect(out.filter(a => a.level === 'warning').map(a => a.title)).toEqual([
      'Stale evaluation: stale-0',
      'Stale evaluation: stale-1'
    ]);
    expect(buildAnnotations({ ...sampleResult(), rules }, sampleGate(), { max: 3 })).toHaveLength(3);
    expect(buildAnnotations({ ...sampleResult(), rules }, sampleGate(), { max: 0 })).toEqual([]);
  });

  it('reports non-compliance as warnings when the gate passed', () => {
    const gate = { ...sampleGate(), result: 'pass' as const };
    const levels = buildAnnotations(sampleResult(), gate).map(a => a.level);
    expect(levels).toEqual(['warning', 'warning', 'warning', 'warning', 'warning']);
  });

  it('skips a rule whose findings are all waived and lists "+N more" past the shown resources', () => {
    const rules: RuleResult[] = [
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: 'waived-only',
        status: 'noncompliant',
        findings: [
          finding('waived-only', 'T', 'a', {
            waiver: { rule: 'waived-only', resourceId: 'a', reason: 'r', owner: 'o', expires: '2030-01-01' }
          })
        ]
      },
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: 'many',
        status: 'noncompliant',
        findings: ['e', 'd', 'c', 'b', 'a'].map(id => finding('many', 'T', id))
      }
    ];
    const out = buildAnnotations({ ...sampleResult(), rules }, sampleGate(), { resourcesShown: 2 });
    expect(out.map(a => a.title)).toEqual(['Non-compliant: many']);
    expect(out[0]?.message).toBe('5 non-compliant: a, b, +3 more');
  });

  it('anchors annotations where the rule is declared', () => {
    const result: ComplianceResult = {
      ...sampleResult(),
      rules: [
        {
          accountId: '123456789012',
          region: 'us-east-1',
          ruleName: 'cloudtrail-enabled',
          status: 'noncompliant',
          findings: [finding('cloudtrail-enabled', 'T', 'x')]
        }
      ]
    };
    const out = buildAnnotations(result, sampleGate(), {
      locate: name => (name === 'cloudtrail-enabled' ? { file: 'compliance.yml', line: 12, col: 5 } : undefined)
    });
    expect(out[0]).toMatchObject({ file: 'compliance.yml', startLine: 12, startColumn: 5 });
  });
});

describe('sanitizeAnnotation', () => {
  it('drops invalid positions and bounds lengths', () => {
    const a = sanitizeAnnotation({
      level: 'notice',
      title: 't'.repeat(500),
      message: 'm',
      file: 'f',
      startLine: 0,
      startColumn: 3
    });
    expect(a.title.length).toBe(200);
    expect(a.startLine).toBeUndefined();
    expect(a.startColumn).toBeUndefined();
    expect(a.file).toBe('f');
  });
});

describe('emitAnnotations', () => {
  it('calls the sink level with the message and properties', () => {
    const sink = recordingSink();
    emitAnnotations(
      [
        { level: 'error', title: 'T1', message: 'm1', file: 'compliance.yml', startLine: 3, startColumn: 2 },
        { level: 'warning', title: 'T2', message: 'm2\n::error::x' },
        { level: 'notice', title: 'T3', message: 'm3' }
      ],
      sink
    );
    expect(sink.calls).toEqual([
      ['error', 'm1', { title: 'T1', file: 'compliance.yml', startLine: 3, startColumn: 2 }],
      ['warning', 'm2 ::error::x', { title: 'T2' }],
      ['notice', 'm3', { title: 'T3' }]
    ]);
  });

  it('through @actions/core, the malicious id produces exactly one command line per annotation', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    });
    try {
      emitAnnotations(buildAnnotations(sampleResult(), sampleGate()), core);
    } finally {
      spy.mockRestore();
    }
    const lines = written
      .join('')
      .split(/\r?\n/)
      .filter(l => l !== '');
    expect(lines).toHaveLength(5);
    expect(lines.filter(l => l.startsWith('::error '))).toHaveLength(3);
    expect(lines.filter(l => l.startsWith('::warning '))).toHaveLength(2);
    // the only "::" command markers are the one at the start and the one before the message
    const s3 = lines.find(l => l.includes('s3-bucket-logging-enabled')) as string;
    expect(s3).toMatch(/^::error title=Non-compliant%3A s3-bucket-logging-enabled::3 non-compliant/);
    expect(s3).toContain('x](javascript:alert(1)) <img src=x onerror=alert(1)> | ::error::pwned');
  });
});
