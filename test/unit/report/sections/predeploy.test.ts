import { describe, expect, it } from '@jest/globals';
import type { PreDeployResult } from '../../../../src/predeploy/evaluate.js';
import { SummaryBuilder } from '../../../../src/report/markdown/layout.js';
import { preDeploySection } from '../../../../src/report/sections/predeploy.js';

function render(pre: PreDeployResult): string {
  return new SummaryBuilder(100_000).add(preDeploySection(pre)).render().markdown;
}

describe('preDeploySection', () => {
  const base: PreDeployResult = { evaluated: 2, findings: [], notJudged: [], failed: [] };

  it('lists each template resource that could not be evaluated with file:line, as an error', () => {
    const md = render({
      ...base,
      failed: [
        {
          template: 'templates/a.yaml',
          file: 'templates/a.yaml',
          line: 7,
          logicalId: 'Exports',
          reason: 'evaluation did not finish within 300s'
        }
      ]
    });
    expect(md).toContain('1 template resource(s) could not be evaluated: errors that fail the gate.');
    expect(md).toContain('Could not evaluate templates/a.yaml:7 Exports: evaluation did not finish within 300s.');
  });

  it('says when every template was evaluated because the pull request files could not be listed', () => {
    const md = render({ ...base, note: 'pre-deploy: changed evaluated every template: (HTTP 403)' });
    expect(md).toContain('pre-deploy: changed evaluated every template');
    expect(render(base)).not.toContain('could not be evaluated');
  });
});
