import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareWithBaseline, knownFingerprints } from '../../../src/baseline/compare.js';
import {
  loadBaseline,
  parseBaseline,
  readableSchemaVersion,
  ruleKey,
  type Baseline
} from '../../../src/baseline/load.js';
import { BASELINE_SUMMARY, baselineSection } from '../../../src/report/sections/baseline.js';
import type { ComplianceResult, RuleResult } from '../../../src/compliance/types.js';
import { InputError, SourceError, SourceErrors } from '../../../src/errors.js';
import { buildJsonReport, REPORT_SCHEMA_VERSION } from '../../../src/report/json.js';
import { SummaryBuilder } from '../../../src/report/markdown/layout.js';
import { finding, MALICIOUS_ID, run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

const GENERATED_AT = '2025-02-01T08:00:00Z';

function reportText(result: ComplianceResult = sampleResult()): string {
  return `${JSON.stringify(buildJsonReport({ result, gate: sampleGate(), run, generatedAt: GENERATED_AT }), null, 2)}\n`;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

/** Line (1-based) of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex(l => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not found`);
  return i + 1;
}

const logging = 's3-bucket-logging-enabled';

describe('parseBaseline', () => {
  it('reads every finding of a report, waived ones marked, with the run metadata', () => {
    const b = parseBaseline(reportText(), 'base/compliance-report.json');
    expect(b.file).toBe('base/compliance-report.json');
    expect(b.generatedAt).toBe(GENERATED_AT);
    expect([b.accountId, b.region, b.sha]).toEqual(['123456789012', 'us-east-1', run.sha]);
    expect(b.findings.size).toBe(5);
    const legacy = finding(logging, 'AWS::S3::Bucket', 'legacy-archive');
    expect(b.findings.get(legacy.fingerprint)).toEqual({
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: logging,
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'legacy-archive',
      fingerprint: legacy.fingerprint,
      waived: true
    });
    expect(b.schemaVersion).toBe(2);
    expect(b.rules.get(ruleKey('123456789012', 'us-east-1', 'iam-root-access-key-check'))).toBe('error');
    expect(b.rules.size).toBe(7);
  });

  it('rejects text that is not JSON, with the position of the problem', () => {
    const err = thrown(() => parseBaseline('{\n  "schemaVersion": 1,\n  "rules": [\n', 'bad.json'));
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).file).toBe('bad.json');
    expect((err as SourceError).line).toBeGreaterThanOrEqual(3);
    expect(err.message).toMatch(/^bad\.json:\d+:\d+: not a compliance-gate JSON report: .*not valid JSON/);
  });

  it('rejects JSON that is not a report', () => {
    for (const text of ['[]', '"x"', '{"runs": []}', 'null']) {
      const err = thrown(() => parseBaseline(text, 'results.sarif'));
      expect(err).toBeInstanceOf(SourceError);
      expect(err.message).toBe(
        'results.sarif:1:1: not a compliance-gate JSON report: expected the compliance-report.json an earlier run wrote (report-dir); it has no schemaVersion'
      );
    }
  });

  it('reads the schemaVersion the report writer writes (the schema is the one description of the format)', () => {
    expect(readableSchemaVersion()).toBe(REPORT_SCHEMA_VERSION);
  });

  it('rejects another schemaVersion at its line', () => {
    const text = reportText().replace('"schemaVersion": 2', '"schemaVersion": 3');
    const err = thrown(() => parseBaseline(text, 'r.json')) as SourceError;
    expect(err).toBeInstanceOf(SourceError);
    expect(err.line).toBe(lineOf(text, '"schemaVersion"'));
    expect(err.detail).toBe(
      'schemaVersion 3 is not supported: this version of compliance-gate reads report schemaVersion 1 or 2'
    );
  });

  it('rejects a report that does not match its schema, naming each problem with its line', () => {
    const fp = finding(logging, 'AWS::S3::Bucket', 'claims-uploads').fingerprint;
    const text = reportText()
      .replace(`"fingerprint": "${fp}"`, '"fingerprint": "not-a-fingerprint"')
      .replace('"region": "us-east-1",', '"region": 7,');
    const err = thrown(() => parseBaseline(text, 'r.json'));
    expect(err).toBeInstanceOf(SourceErrors);
    const errors = (err as SourceErrors).errors;
    expect(errors.map(e => e.line).sort((a, b) => a - b)).toEqual([
      lineOf(text, '"region": 7'),
      lineOf(text, 'not-a-fingerprint')
    ]);
    expect(errors.map(e => e.detail).sort()).toEqual([
      '/rules/5/findings/1/fingerprint: must match pattern "^[0-9a-f]{32}$"',
      '/run/region: must be string'
    ]);
  });

  it('lists at most 20 schema problems and counts the rest', () => {
    const data = JSON.parse(reportText()) as { extra?: unknown; rules: { findings: { fingerprint: string }[] }[] };
    const many: RuleResult = {
      accountId: '123456789012',
      region: 'us-east-1',
      ruleName: 'many',
      status: 'noncompliant',
      findings: Array.from({ length: 30 }, (_, i) => finding('many', 'AWS::EC2::Volume', `vol-${i}`))
    };
    const big = JSON.parse(reportText({ ...sampleResult(), rules: [many] })) as typeof data;
    for (const f of big.rules[0]!.findings) f.fingerprint = 'x';
    const err = thrown(() => parseBaseline(JSON.stringify(big), 'big.json')) as SourceErrors;
    expect(err.errors).toHaveLength(21);
    expect(err.errors[20]?.detail).toBe('10 more problems not listed');
    data.extra = true;
    expect((thrown(() => parseBaseline(JSON.stringify(data), 'e.json')) as SourceErrors).errors[0]?.detail).toBe(
      'the report: unexpected property "extra"'
    );
  });
});

describe('loadBaseline', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cg-baseline-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a report file', async () => {
    const file = path.join(dir, 'compliance-report.json');
    await writeFile(file, reportText());
    const b = await loadBaseline(file);
    expect(b.file).toBe(file);
    expect(b.findings.size).toBe(5);
  });

  it('names the input and the file when the file cannot be read', async () => {
    const file = path.join(dir, 'missing.json');
    let err: unknown;
    try {
      await loadBaseline(file, { input: 'baseline-report' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('baseline-report');
    expect((err as Error).message).toBe(
      `baseline-report: cannot read the baseline report ${file}: the file does not exist`
    );
    await expect(loadBaseline(dir)).rejects.toThrow(/^baseline: cannot read the baseline report/);
  });
});

describe('compareWithBaseline', () => {
  const base = parseBaseline(reportText(), 'base.json');

  function current(): ComplianceResult {
    const r = sampleResult();
    const rules = r.rules.map(rule => {
      if (rule.ruleName === logging) {
        // claims-uploads still there, access-logs fixed, the malicious one still there, legacy still waived,
        // one new bucket
        return {
          ...rule,
          findings: [
            ...rule.findings.filter(f => f.resourceId !== 'access-logs'),
            finding(logging, 'AWS::S3::Bucket', 'new-bucket', { annotation: 'Logging is off' })
          ]
        };
      }
      if (rule.ruleName === 'cloudtrail-enabled') return { ...rule, status: 'error' as const, findings: [] };
      return rule;
    });
    return { ...r, rules };
  }

  it('splits counted findings into new and existing, and lists what was fixed', () => {
    const c = compareWithBaseline(current(), base);
    expect(c.new.map(f => f.resourceId)).toEqual(['new-bucket']);
    expect(c.existing.map(f => f.resourceId)).toEqual(['claims-uploads', MALICIOUS_ID]);
    expect(c.fixed).toEqual([
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: logging,
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'access-logs',
        fingerprint: finding(logging, 'AWS::S3::Bucket', 'access-logs').fingerprint
      }
    ]);
    expect(c.waived).toBe(1);
    expect(c.warnings).toEqual([]);
    expect(c.baseline).toEqual({ file: 'base.json', generatedAt: GENERATED_AT, sha: run.sha });
  });

  it('knows the existing and fixed findings, not the new ones nor those not re-checked', () => {
    const c = compareWithBaseline(current(), base);
    const known = knownFingerprints(c);
    expect([...known].sort()).toEqual([...c.existing, ...c.fixed].map(f => f.fingerprint).sort());
    expect(known.size).toBe(3);
    for (const f of [...c.new, ...c.unknown]) expect(known.has(f.fingerprint)).toBe(false);
  });

  it('does not call findings of a rule that errored or is gone fixed', () => {
    const c = compareWithBaseline(current(), base);
    expect(c.unknown.map(f => [f.ruleName, f.resourceId])).toEqual([['cloudtrail-enabled', '123456789012']]);
    const gone = compareWithBaseline({ ...current(), rules: [] }, base);
    expect(gone.fixed).toEqual([]);
    expect(gone.unknown).toHaveLength(5);
  });

  it('does not count a waived finding as new, even when the baseline lacks it', () => {
    const fresh = finding(logging, 'AWS::S3::Bucket', 'waived-new', {
      waiver: { rule: logging, resourceId: 'waived-new', reason: 'r', owner: 'o', expires: '2099-01-01' }
    });
    const r = current();
    r.rules[1]!.findings.push(fresh);
    const c = compareWithBaseline(r, base);
    expect(c.new.map(f => f.resourceId)).toEqual(['new-bucket']);
    expect(c.waived).toBe(2);
  });

  it('warns when the baseline is from another account or region', () => {
    const other: Baseline = { ...base, accountId: '999999999999', region: 'eu-west-1' };
    expect(compareWithBaseline(current(), other).warnings).toEqual([
      'the baseline is from account 999999999999, this run checked 123456789012',
      'the baseline is from region eu-west-1, this run checked us-east-1'
    ]);
  });
});

describe('baselineSection', () => {
  const base = parseBaseline(reportText(), 'reports/base.json');
  const r = sampleResult();
  r.rules[1]!.findings = r.rules[1]!.findings.filter(f => f.resourceId !== 'access-logs');
  r.rules[1]!.findings.push(finding(logging, 'AWS::S3::Bucket', 'new|bucket', { annotation: 'Logging *off*' }));
  const comparison = compareWithBaseline(r, base);

  it('shows the counts, the new findings in a table, fixed and existing collapsed', () => {
    const section = baselineSection(comparison);
    expect([section.id, section.order, section.priority]).toEqual([
      BASELINE_SUMMARY.id,
      BASELINE_SUMMARY.order,
      BASELINE_SUMMARY.priority
    ]);
    const md = new SummaryBuilder().add(section).render().markdown;
    expect(md).toContain('### Compared with the baseline');
    expect(md).toContain('**1 new non-compliant resource** · 3 existing · 1 fixed · 1 waived (not counted)');
    expect(md).toContain('Baseline `reports/base.json` generated 2025-02-01 08:00 UTC, commit 0123456789ab');
    expect(md).toContain('#### New since the baseline');
    expect(md).toContain('| s3-bucket-logging-enabled | AWS::S3::Bucket | new\\|bucket | Logging \\*off\\* |');
    expect(md).toContain('<details><summary>Fixed since the baseline (1)</summary>');
    expect(md).toContain('| s3-bucket-logging-enabled | AWS::S3::Bucket | access-logs |');
    expect(md).toContain('<details><summary>Already in the baseline (3)</summary>');
    // AWS-sourced text is inert
    expect(md).not.toContain('<img');
    expect(md).toContain('x\\](javascript:alert(1))');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
  });

  it('says when nothing is new, and shows warnings', () => {
    const none = compareWithBaseline(sampleResult(), { ...base, region: 'eu-west-1' });
    const md = new SummaryBuilder().add(baselineSection(none, { order: 3, priority: 9 })).render().markdown;
    expect(md).toContain('no new non-compliant resources · 4 existing · 0 fixed');
    expect(md).not.toContain('#### New since the baseline');
    expect(md).toContain('> ⚠️ the baseline is from region eu-west-1, this run checked us-east-1');
  });

  it('leaves rows out within a small budget and says so', () => {
    const many = sampleResult();
    many.rules[1]!.findings = Array.from({ length: 200 }, (_, i) => finding(logging, 'AWS::S3::Bucket', `bucket-${i}`));
    const c = compareWithBaseline(many, base);
    const out = new SummaryBuilder(3000).add(baselineSection(c)).render();
    expect(out.bytes).toBeLessThanOrEqual(3000);
    expect(out.omittedBySection.baseline).toBeGreaterThan(0);
    expect(out.markdown).toMatch(/_\d+ baseline rows left out to keep the job summary within its size limit/);
    expect(out.markdown).toContain('**200 new non-compliant resources**');
  });
});
