import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { buildDesiredState } from '../../../src/desired/build.js';
import { deploySources, resolveManifest } from '../../../src/desired/load.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { workflowFileFromEnv } from '../../../src/run-context.js';
import { REPO_ROOT } from '../../helpers/action-env.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'manifest');

describe('where the desired rules are declared', () => {
  it("a built-in pack's rules are declared where the manifest names the pack, not in the action's data file", async () => {
    const manifest = loadManifest(join(FIXTURES, 'valid.yml'), '2026-11-22');
    const { state } = await buildDesiredState(manifest, deploySources('us-east-1', '123456789012'));
    const packRules = state.rules.filter(r => r.origin === 'pack hipaa-security');
    expect(packRules).toHaveLength(129); // 130 minus the one excluded
    for (const r of packRules) expect(r.position).toEqual({ file: join(FIXTURES, 'valid.yml'), line: 4, col: 5 });
    const single = state.rules.find(r => r.origin === 'manifest' && r.name === 's3-bucket-logging-enabled');
    expect(single?.position.line).toBe(9);
  });

  it('the conformance-pack input is declared in the workflow that gives it', () => {
    const manifest = resolveManifest({
      config: '.github/compliance.yml',
      configExplicit: false,
      conformancePack: 'hipaa-security',
      region: 'us-east-1',
      accountId: '123456789012',
      today: '2026-11-22',
      workflowFile: '.github/workflows/pr-check.yml'
    });
    expect(manifest?.packs[0]?.position.file).toBe('.github/workflows/pr-check.yml');
  });

  it('reads the workflow file from GITHUB_WORKFLOW_REF', () => {
    expect(
      workflowFileFromEnv({
        GITHUB_WORKFLOW_REF: 'example-org/healthcare-infra/.github/workflows/pr-check.yml@refs/pull/42/merge'
      })
    ).toBe('.github/workflows/pr-check.yml');
    expect(workflowFileFromEnv({})).toBeUndefined();
  });
});
