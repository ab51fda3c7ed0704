import { describe, expect, it } from '@jest/globals';
import type { ComplianceResult } from '../../../src/compliance/types.js';
import type { Waiver } from '../../../src/manifest/load.js';
import { decideWaivers, findingsCovered, markProposedWaivers, type BaseWaivers } from '../../../src/gate/waivers.js';
import { decideGate } from '../../../src/gate/gate.js';
import { applyWaivers } from '../../../src/gate/waivers.js';

const waiver = (over: Partial<Waiver> = {}): Waiver => ({
  rule: 's3-bucket-logging-enabled',
  resourceId: 'claims-uploads',
  reason: 'Vendor bucket, logging in their account',
  owner: 'alice',
  expires: '2027-06-30',
  source: 'compliance.yml:40',
  ...over
});

const base = (...waivers: Waiver[]): BaseWaivers => ({ readable: true, waivers });

describe('decideWaivers: a head waiver applies only if the base holds it, expiring no later', () => {
  it('the same waiver on base and head applies', () => {
    const w = waiver();
    expect(decideWaivers([w], base(waiver()))).toEqual({ effective: [w], proposed: [] });
  });

  it('reason and owner edited: applies, with the head text', () => {
    const head = waiver({ reason: 'Reworded reason', owner: 'bob' });
    const d = decideWaivers([head], base(waiver()));
    expect(d.effective).toEqual([head]);
    expect(d.proposed).toEqual([]);
  });

  it('a later expiry than the base is a new waiver: proposed, naming the base expiry', () => {
    const head = waiver({ expires: '2027-07-01' });
    const d = decideWaivers([head], base(waiver({ expires: '2027-06-30' })));
    expect(d.effective).toEqual([]);
    expect(d.proposed).toEqual([{ ...head, why: 'later-expiry', baseExpires: '2027-06-30' }]);
  });

  it('an earlier expiry applies, with the head expiry', () => {
    const head = waiver({ expires: '2027-01-15' });
    const d = decideWaivers([head], base(waiver({ expires: '2027-06-30' })));
    expect(d.effective).toEqual([head]);
    expect(d.effective[0]!.expires).toBe('2027-01-15');
    expect(d.proposed).toEqual([]);
  });

  it('the expiry day itself: equal dates apply, one day later does not', () => {
    expect(
      decideWaivers([waiver({ expires: '2027-03-01' })], base(waiver({ expires: '2027-03-01' }))).effective
    ).toHaveLength(1);
    const later = decideWaivers([waiver({ expires: '2027-03-02' })], base(waiver({ expires: '2027-03-01' })));
    expect(later.effective).toHaveLength(0);
    expect(later.proposed[0]!.why).toBe('later-expiry');
    // across a month and a year boundary
    expect(
      decideWaivers([waiver({ expires: '2028-01-01' })], base(waiver({ expires: '2027-12-31' }))).proposed
    ).toHaveLength(1);
    expect(
      decideWaivers([waiver({ expires: '2027-12-31' })], base(waiver({ expires: '2028-01-01' }))).effective
    ).toHaveLength(1);
  });

  it('a waiver new in the head is proposed', () => {
    const added = waiver({ resourceId: 'phi-exports' });
    const d = decideWaivers([waiver(), added], base(waiver()));
    expect(d.effective).toEqual([waiver()]);
    expect(d.proposed).toEqual([{ ...added, why: 'new' }]);
  });

  it('a waiver removed in the head gives nothing (neither applied nor proposed)', () => {
    expect(decideWaivers([], base(waiver()))).toEqual({ effective: [], proposed: [] });
  });

  it('a different resource or a different rule is not the same waiver', () => {
    const otherResource = waiver({ resourceId: 'claims-uploads-2' });
    const otherRule = waiver({ rule: 's3-bucket-versioning-enabled' });
    const d = decideWaivers([otherResource, otherRule], base(waiver()));
    expect(d.effective).toEqual([]);
    expect(d.proposed.map(p => p.why)).toEqual(['new', 'new']);
  });

  it('rule and resource are compared exactly (case matters, as AWS ids do)', () => {
    expect(decideWaivers([waiver({ resourceId: 'Claims-Uploads' })], base(waiver())).proposed).toHaveLength(1);
  });

  it('the base unreadable: every head waiver is proposed', () => {
    const head = [waiver(), waiver({ resourceId: 'phi-exports' })];
    const d = decideWaivers(head, { readable: false, reason: 'HTTP 403' });
    expect(d.effective).toEqual([]);
    expect(d.proposed).toEqual(head.map(w => ({ ...w, why: 'base-unreadable' })));
  });

  it('a base listing the same waiver twice grants its latest expiry', () => {
    const b = base(
      waiver({ expires: '2027-01-01' }),
      waiver({ expires: '2027-09-01' }),
      waiver({ expires: '2027-02-01' })
    );
    expect(decideWaivers([waiver({ expires: '2027-09-01' })], b).effective).toHaveLength(1);
    expect(decideWaivers([waiver({ expires: '2027-09-02' })], b).proposed[0]!.baseExpires).toBe('2027-09-01');
  });
});

describe('markProposedWaivers: shown on their findings, still counted', () => {
  const result: ComplianceResult = {
    checkedAt: '2026-12-01T00:00:00Z',
    accountId: '123456789012',
    region: 'us-east-1',
    accounts: [{ accountId: '123456789012', regions: [{ region: 'us-east-1', status: 'checked' }] }],
    rules: [
      {
        accountId: '123456789012',
        region: 'us-east-1',
        ruleName: 's3-bucket-logging-enabled',
        status: 'noncompliant',
        complianceType: 'NON_COMPLIANT',
        findings: [
          {
            accountId: '123456789012',
            region: 'us-east-1',
            ruleName: 's3-bucket-logging-enabled',
            resourceType: 'AWS::S3::Bucket',
            resourceId: 'claims-uploads',
            fingerprint: 'a'.repeat(32)
          },
          {
            accountId: '123456789012',
            region: 'us-east-1',
            ruleName: 's3-bucket-logging-enabled',
            resourceType: 'AWS::S3::Bucket',
            resourceId: 'phi-exports',
            fingerprint: 'b'.repeat(32)
          }
        ]
      }
    ]
  };

  it('the proposed waiver is on its finding; the gate counts it; the applied one is waived', () => {
    const { effective, proposed } = decideWaivers([waiver(), waiver({ resourceId: 'phi-exports' })], base(waiver()));
    const marked = markProposedWaivers(applyWaivers(result, effective, '2026-12-01'), proposed, '2026-12-01');
    const [claims, phi] = marked.rules[0]!.findings;
    expect(claims!.waiver).toBeDefined();
    expect(claims!.proposedWaiver).toBeUndefined();
    expect(phi!.waiver).toBeUndefined();
    expect(phi!.proposedWaiver).toMatchObject({ resourceId: 'phi-exports', expires: '2027-06-30' });
    expect(phi!.proposedWaiver).not.toHaveProperty('why');
    const gate = decideGate(marked, ['noncompliant']);
    expect(gate.result).toBe('fail');
    expect(gate.noncompliantCount).toBe(1);
    expect(gate.waivedCount).toBe(1);
    expect(findingsCovered(marked, proposed[0]!)).toBe(1);
    expect(findingsCovered(marked, waiver())).toBe(0); // waived, not counted
    // the input is not changed
    expect(result.rules[0]!.findings[1]!.proposedWaiver).toBeUndefined();
  });

  it('an expired proposed waiver marks nothing', () => {
    const proposed = [{ ...waiver({ expires: '2026-11-30' }), why: 'new' as const }];
    expect(markProposedWaivers(result, proposed, '2026-12-01')).toBe(result);
  });
});
