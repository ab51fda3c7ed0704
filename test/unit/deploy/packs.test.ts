import { describe, expect, it } from '@jest/globals';
import { loadDesiredState, resolveManifest } from '../../../src/desired/load.js';
import type { DesiredRule, DesiredState } from '../../../src/desired/model.js';
import { templateArgument } from '../../../src/deploy/packs/aws.js';
import { templateRuleName } from '../../../src/deploy/packs/phase.js';
import { buildPackPlan, type ActualPack } from '../../../src/deploy/packs/plan.js';
import {
  MANIFEST_PACK_NAME,
  TEMPLATE_BODY_MAX_BYTES,
  desiredPacks,
  packNameOf,
  packsRefusal,
  type DesiredPack
} from '../../../src/deploy/packs/template.js';
import { AwsCallError } from '../../../src/errors.js';

const at = { file: 'compliance.yml', line: 3, col: 5 };
function rule(name: string, origin: string): DesiredRule {
  return {
    name,
    owner: 'AWS',
    identifier: 'S3_BUCKET_LOGGING_ENABLED',
    inputParameters: { a: '1' },
    description: 'a long description that the compact template leaves out',
    hipaaSections: [],
    origin,
    position: at
  };
}
function state(rules: DesiredRule[], documents: DesiredState['documents'] = []): DesiredState {
  return { manifestFile: 'compliance.yml', rules, documents, remediations: [], waivers: [] };
}

describe('pack templates', () => {
  it('the built-in hipaa-security pack fits the 51,200-byte TemplateBody limit as one compact JSON template', async () => {
    const options = {
      config: '.github/compliance.yml',
      configExplicit: false,
      conformancePack: 'hipaa-security',
      region: 'us-east-1',
      accountId: '123456789012',
      today: '2026-01-01'
    };
    const built = await loadDesiredState(resolveManifest(options)!, options);
    const [pack, ...more] = desiredPacks(built.state);
    expect(more).toEqual([]);
    expect(pack!.name).toBe('hipaa-security');
    expect(pack!.rules.length).toBeGreaterThan(100);
    // Measured: 34,109 bytes for 130 rules (a third under the limit).
    expect(pack!.bytes).toBeLessThanOrEqual(TEMPLATE_BODY_MAX_BYTES);
    expect(pack!.bytes).toBe(Buffer.byteLength(pack!.body));
    expect(pack!.body).not.toMatch(/\n|Description/);
    const parsed = JSON.parse(pack!.body) as { Resources: Record<string, { Type: string }> };
    expect(Object.keys(parsed.Resources)).toHaveLength(pack!.rules.length);
    expect(templateArgument(pack!, undefined)).toEqual({ TemplateBody: pack!.body });
  });

  it('groups rules by origin; manifest rules become the generated pack; InputParameters is an object', () => {
    const packs = desiredPacks(
      state([rule('a', 'manifest'), rule('b', 'pack packs/My_Pack.v2.yaml'), rule('c', 'manifest')])
    );
    expect(packs.map(p => [p.name, p.rules.map(r => r.name)])).toEqual([
      [MANIFEST_PACK_NAME, ['a', 'c']],
      ['My-Pack-v2', ['b']]
    ]);
    const body = JSON.parse(packs[0]!.body) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(body.Resources['Ra']!.Properties).toEqual({
      ConfigRuleName: 'a',
      Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_LOGGING_ENABLED' },
      InputParameters: { a: '1' }
    });
  });

  it('pack names follow the ConformancePackName pattern', () => {
    expect(packNameOf('pack hipaa-security')).toBe('hipaa-security');
    expect(packNameOf('pack ./9-packs/ops best.yml')).toBe('ops-best');
    expect(packNameOf('pack 123.yaml')).toBe('pack');
    expect(packNameOf('manifest')).toBe(MANIFEST_PACK_NAME);
  });

  it('refuses runbooks and two origins with one pack name', () => {
    const doc = { name: 'rb', position: { file: 'm.yml', line: 9, col: 3 } } as DesiredState['documents'][number];
    const s = state([rule('a', 'manifest')], [doc]);
    expect(packsRefusal(s, desiredPacks(s), 'conformance-pack')).toBe(
      'deploy-as: conformance-pack deploys Config rules and remediation configurations only; the manifest declares 1 runbook(s) (first: rb at m.yml:9). Deploy them with deploy-as: rules.'
    );
    const twins = state([rule('a', 'pack x/ops.yml'), rule('b', 'pack y/ops.yaml')]);
    expect(packsRefusal(twins, desiredPacks(twins), 'conformance-pack')).toBe(
      'deploy-as: conformance-pack: pack y/ops.yaml and pack x/ops.yml both become conformance pack ops; rename one file.'
    );
    expect(
      packsRefusal(state([rule('a', 'manifest')]), desiredPacks(state([rule('a', 'manifest')])), 'x')
    ).toBeUndefined();
  });

  it('past the limit: an error naming the limit and template-s3-bucket, with or without a bucket', () => {
    const big = { ...desiredPacks(state([rule('a', 'manifest')]))[0]!, bytes: TEMPLATE_BODY_MAX_BYTES + 1 };
    const at = { ...big, bytes: TEMPLATE_BODY_MAX_BYTES };
    expect(templateArgument(at, undefined)).toEqual({ TemplateBody: at.body });
    for (const bucket of [undefined, 'my-bucket']) {
      let err: unknown;
      try {
        templateArgument(big, bucket);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AwsCallError);
      expect((err as Error).message).toContain("51201 bytes, over AWS Config's 51200-byte TemplateBody limit");
      expect((err as Error).message).toContain(bucket ? 'template-s3-bucket (my-bucket)' : 'template-s3-bucket');
    }
  });

  it('template rule names: AWS Config suffixes them per pack', () => {
    expect(templateRuleName('s3-bucket-logging-enabled-conformance-pack-abc123xyz')).toBe('s3-bucket-logging-enabled');
    expect(templateRuleName('plain-rule')).toBe('plain-rule');
  });
});

describe('pack plan', () => {
  const [pack] = desiredPacks(state([rule('a', 'manifest')])) as [DesiredPack];
  const actual = (over: Partial<ActualPack> = {}): Map<string, ActualPack> =>
    new Map([[pack.name, { name: pack.name, arn: 'arn:p', hash: pack.hash, managed: true, parameters: {}, ...over }]]);
  const untaggedActual = (): Map<string, ActualPack> => {
    const m = actual();
    delete m.get(pack.name)!.hash;
    return m;
  };
  const line = (p: ReturnType<typeof buildPackPlan>): string[] =>
    p.items.map(i =>
      `${i.action} ${i.object} ${i.name} ${i.changes.map(c => `${c.field}=${c.from}->${c.to}`).join(';')}`.trim()
    );

  it('creates a missing pack; the same hash and no parameters are unchanged; each pack is one drift item', () => {
    const created = buildPackPlan([pack], new Map(), 'conformance-pack', { mode: 'apply', prune: false });
    expect(line(created)).toEqual([`create conformance-pack ${MANIFEST_PACK_NAME}`]);
    expect(created.drift).toBe(1);
    const same = buildPackPlan([pack], actual(), 'conformance-pack', { mode: 'apply', prune: false });
    expect(same.counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 1 });
    expect(same.drift).toBe(0);
  });

  it('updates on a changed or missing hash tag, out-of-band parameters, CREATE_FAILED and changed exclusions', () => {
    const p = buildPackPlan(
      [pack],
      actual({ hash: 'old', parameters: { X: '1' }, state: 'CREATE_FAILED', excludedAccounts: ['1'] }),
      'organization-conformance-pack',
      { mode: 'apply', prune: false, excludedAccounts: ['2'] }
    );
    expect(line(p)).toEqual([
      `update organization-conformance-pack ${MANIFEST_PACK_NAME} Template (sha256)=old->${pack.hash};ConformancePackInputParameters={"X":"1"}->(none);ExcludedAccounts=1->2;ConformancePackState=CREATE_FAILED->CREATE_COMPLETE`
    ]);
    expect(p.drift).toBe(1);
    const untagged = buildPackPlan([pack], untaggedActual(), 'conformance-pack', {
      mode: 'apply',
      prune: false
    });
    expect(line(untagged)[0]).toContain('Template (sha256)=(untagged)->');
    // Exclusions are an organization pack's only.
    const plain = buildPackPlan([pack], actual({ excludedAccounts: ['1'] }), 'conformance-pack', {
      mode: 'apply',
      prune: false
    });
    expect(plain.drift).toBe(0);
  });

  it('destroy and prune delete only packs tagged managed-by=compliance-gate', () => {
    const others = new Map([
      ...actual(),
      ['old-managed', { name: 'old-managed', arn: 'a', managed: true, parameters: {} }],
      ['theirs', { name: 'theirs', arn: 'b', managed: false, parameters: {} }]
    ]);
    expect(line(buildPackPlan([pack], others, 'conformance-pack', { mode: 'destroy', prune: false }))).toEqual([
      `delete conformance-pack ${MANIFEST_PACK_NAME}`
    ]);
    expect(
      line(buildPackPlan([pack], actual({ managed: false }), 'conformance-pack', { mode: 'destroy', prune: false }))
    ).toEqual([`unchanged conformance-pack ${MANIFEST_PACK_NAME}`]);
    expect(line(buildPackPlan([pack], others, 'conformance-pack', { mode: 'apply', prune: true }))).toEqual([
      `unchanged conformance-pack ${MANIFEST_PACK_NAME}`,
      'delete conformance-pack old-managed'
    ]);
    expect(buildPackPlan([pack], others, 'conformance-pack', { mode: 'apply', prune: false }).items).toHaveLength(1);
  });
});
