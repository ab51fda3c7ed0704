/** Waivers "proposed: applies after merge" in the JSON report (schema-valid) and the job summary. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { decideWaivers, markProposedWaivers, type ProposedWaiver } from '../../../src/gate/waivers.js';
import type { Waiver } from '../../../src/manifest/load.js';
import { buildJsonReport } from '../../../src/report/json.js';
import { buildSummary } from '../../../src/report/summary.js';
import { proposedWaiversSection } from '../../../src/report/sections/waivers.js';
import { MALICIOUS_ID, run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

const schema = JSON.parse(
  readFileSync(new URL('../../../src/report/compliance-report.schema.json', import.meta.url), 'utf8')
) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const BASE_SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const w = (resourceId: string, over: Partial<Waiver> = {}): Waiver => ({
  rule: 's3-bucket-logging-enabled',
  resourceId,
  reason: 'Pending vendor fix',
  owner: 'bob',
  expires: '2025-09-30',
  source: 'compliance.yml:50',
  ...over
});

function scenario(): { proposed: ProposedWaiver[]; result: ReturnType<typeof sampleResult> } {
  const head = [w('claims-uploads'), w('access-logs', { expires: '2025-12-31' }), w('gone-bucket')];
  const { proposed } = decideWaivers(head, { readable: true, waivers: [w('access-logs', { expires: '2025-10-31' })] });
  return { proposed, result: markProposedWaivers(sampleResult(), proposed, '2025-03-01') };
}

describe('JSON report', () => {
  it('lists proposed waivers and the base, marks their findings, and stays schema-valid', () => {
    const { proposed, result } = scenario();
    const report = buildJsonReport({
      result,
      gate: sampleGate(),
      run,
      generatedAt: '2025-03-01T10:11:00Z',
      waivers: { proposed, base: { eventName: 'pull_request', sha: BASE_SHA, via: 'git' } }
    });
    expect(validate(report)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.waiverBase).toEqual({ eventName: 'pull_request', sha: BASE_SHA, readWith: 'git' });
    expect(report.proposedWaivers).toEqual([
      expect.objectContaining({
        resource: 'access-logs',
        status: 'proposed: applies after merge',
        why: 'later-expiry',
        baseExpires: '2025-10-31',
        findings: 1
      }),
      expect.objectContaining({ resource: 'claims-uploads', why: 'new', findings: 1 }),
      expect.objectContaining({ resource: 'gone-bucket', why: 'new', findings: 0 })
    ]);
    const s3 = report.rules.find(r => r.name === 's3-bucket-logging-enabled')!;
    const claims = s3.findings.find(f => f.resourceId === 'claims-uploads')!;
    expect(claims.waived).toBe(false);
    expect(claims.proposedWaiver).toEqual({
      reason: 'Pending vendor fix',
      owner: 'bob',
      expires: '2025-09-30',
      source: 'compliance.yml:50'
    });
    // counted: waived resources unchanged (only legacy-archive)
    expect(s3.waivedCount).toBe(1);
    expect(s3.noncompliantCount).toBe(3);
  });

  it('an unreadable base is reported with its reason', () => {
    const report = buildJsonReport({
      result: sampleResult(),
      gate: sampleGate(),
      run,
      generatedAt: '2025-03-01T10:11:00Z',
      waivers: {
        proposed: [{ ...w('x'), why: 'base-unreadable' }],
        base: { eventName: 'merge_group', unreadable: 'HTTP 403' }
      }
    });
    expect(validate(report)).toBe(true);
    expect(report.waiverBase).toEqual({ eventName: 'merge_group', unreadable: 'HTTP 403' });
  });

  it('without waivers input the report has neither field (push, schedule)', () => {
    const report = buildJsonReport({ result: sampleResult(), gate: sampleGate(), run, generatedAt: 'x' });
    expect(report).not.toHaveProperty('waiverBase');
    expect(report).not.toHaveProperty('proposedWaivers');
  });

  it('the schema refuses a finding both waived and proposed, and an unknown why', () => {
    const { proposed, result } = scenario();
    const good = buildJsonReport({
      result,
      gate: sampleGate(),
      run,
      generatedAt: 'x',
      waivers: { proposed, base: { eventName: 'pull_request', sha: BASE_SHA } }
    });
    const bad1 = structuredClone(good);
    const waived = bad1.rules.flatMap(r => r.findings).find(f => f.waived)!;
    waived.proposedWaiver = { reason: 'r', owner: 'o', expires: '2025-01-01' };
    expect(validate(bad1)).toBe(false);
    const bad2 = structuredClone(good) as unknown as { proposedWaivers: { why: string }[] };
    bad2.proposedWaivers[0]!.why = 'because';
    expect(validate(bad2)).toBe(false);
  });
});

describe('job summary', () => {
  it('a section names each proposed waiver, why, and how many findings count', () => {
    const { proposed, result } = scenario();
    const section = proposedWaiversSection(proposed, { eventName: 'pull_request', sha: BASE_SHA }, result)!;
    const md = buildSummary({ result, gate: sampleGate(), run, sections: [section] }).markdown;
    expect(md).toContain('### Waivers proposed: applies after merge');
    expect(md).toContain('`abcdef012345`');
    expect(md).toMatch(
      /\| s3-bucket-logging-enabled(<br>[^|]*)? \| access-logs \| bob, 2025-12-31 \| expires later than on the base branch \(2025-10-31\) \| 1 \|/
    );
    expect(md).toMatch(/\| claims-uploads \| bob, 2025-09-30 \| not on the base branch \| 1 \|/);
    // the finding row says it too, and the verdict comes first
    expect(md).toContain('proposed: applies after merge, counted: Pending vendor fix (owner bob, expires 2025-09-30)');
    expect(md.indexOf('Compliance gate failed')).toBeLessThan(md.indexOf('### Waivers proposed'));
    expect(md.indexOf('### Waivers proposed')).toBeLessThan(md.indexOf('### Rules'));
  });

  it('an unreadable base says why; nothing proposed gives no section', () => {
    const result = sampleResult();
    const s = proposedWaiversSection(
      [{ ...w('claims-uploads'), why: 'base-unreadable' }],
      { eventName: 'pull_request', unreadable: 'contents API failed: HTTP 403' },
      result
    )!;
    const md = buildSummary({ result, gate: sampleGate(), run, sections: [s] }).markdown;
    expect(md).toContain("The base branch's waivers are unknown: contents API failed: HTTP 403.");
    expect(md).toContain('base manifest unavailable');
    expect(proposedWaiversSection([], { eventName: 'pull_request' }, result)).toBeUndefined();
  });

  it('waiver text is escaped', () => {
    const result = sampleResult();
    const s = proposedWaiversSection(
      [{ ...w(MALICIOUS_ID, { owner: '<b>x</b> | y' }), why: 'new' }],
      { eventName: 'pull_request' },
      result
    )!;
    const md = buildSummary({ result, gate: sampleGate(), run, sections: [s] }).markdown;
    expect(md).not.toContain('<img src=x');
    expect(md).not.toContain('<b>x</b>');
  });
});
