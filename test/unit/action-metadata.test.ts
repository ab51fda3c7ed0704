/** action.yml against the metadata schema that `npm run lint` checks (scripts/lint-actions.ts). */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkActionMetadata } from '../../scripts/lint-actions.js';
import { REPO_ROOT } from '../helpers/action-env.js';

const GOOD = `name: x
description: d
inputs:
  a-b:
    description: an input
    required: false
    default: ''
outputs:
  o:
    description: an output
runs:
  using: node24
  main: dist/index.js
branding:
  icon: shield
  color: green
`;

describe('action metadata schema', () => {
  it('accepts the repository action.yml and a minimal valid one', () => {
    expect(checkActionMetadata(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))).toEqual([]);
    expect(checkActionMetadata(GOOD)).toEqual([]);
  });

  it('names the line of each problem', () => {
    expect(checkActionMetadata(GOOD.replace('color: green', 'color: pink'))).toEqual([
      'action.yml:16: branding.color: must be one of white, black, yellow, blue, green, orange, red, purple, gray-dark'
    ]);
    expect(checkActionMetadata(GOOD.replace('    description: an input\n', ''))).toEqual([
      "action.yml:5: inputs.a-b: must have required property 'description'"
    ]);
    expect(checkActionMetadata(GOOD.replace("    default: ''", '    defualt: x'))).toEqual([
      "action.yml:7: inputs.a-b: unknown key 'defualt'"
    ]);
    expect(checkActionMetadata(GOOD.replace('required: false', 'required: maybe'))).toEqual([
      'action.yml:6: inputs.a-b.required: must be boolean'
    ]);
  });

  it('requires the node24 runtime', () => {
    const problems = checkActionMetadata(GOOD.replace('node24', 'node20'));
    expect(problems).toEqual([
      "action.yml: runs.using must be node24 (the runtime dist/ is built and tested for), got 'node20'"
    ]);
    expect(checkActionMetadata(GOOD.replace('node24', 'node12')).length).toBeGreaterThan(1);
  });
});
