import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SourceError, SourceErrors } from '../../../src/errors.js';
import {
  allSteps,
  documentNameFromFile,
  locate,
  parseRunbook,
  scanTemplate,
  walkSteps
} from '../../../src/runbooks/parse.js';
import type { Runbook } from '../../../src/runbooks/types.js';
import { itWithReference } from '../../helpers/reference.js';

const REFERENCE = '../shared/reference/runbooks';
const FIXTURES = 'test/fixtures/runbooks';

function load(file: string): Runbook {
  return parseRunbook(readFileSync(file, 'utf8'), file);
}

function thrown(fn: () => unknown): SourceErrors {
  try {
    fn();
  } catch (err) {
    if (err instanceof SourceErrors) return err;
    throw err;
  }
  throw new Error('expected SourceErrors');
}

describe('documentNameFromFile', () => {
  it.each([
    ['runbooks/my-hipaa-alerting-runbook.yaml', 'my-hipaa-alerting-runbook'],
    ['C:\\repo\\runbooks\\Fix.Thing.json', 'Fix.Thing'],
    ['plain', 'plain'],
    ['dir/.hidden', '.hidden'],
    ['a/b/EnableEbsEncryptionByDefault.yml', 'EnableEbsEncryptionByDefault']
  ])('%s -> %s', (file, name) => {
    expect(documentNameFromFile(file)).toBe(name);
  });
});

describe('scanTemplate', () => {
  it('finds references with their offsets and trims the expression', () => {
    expect(scanTemplate('a {{x}} b {{ Step.Out }}')).toEqual([
      { raw: '{{x}}', expression: 'x', index: 2 },
      { raw: '{{ Step.Out }}', expression: 'Step.Out', index: 10 }
    ]);
    expect(scanTemplate('no references here')).toEqual([]);
  });

  it('flags malformed references', () => {
    expect(scanTemplate('{{ }}')).toEqual([{ raw: '{{ }}', expression: '', index: 0, error: 'empty' }]);
    expect(scanTemplate('x {{ open')).toEqual([
      { raw: '{{ open', expression: 'open', index: 2, error: 'unterminated' }
    ]);
    expect(scanTemplate('{{ a {{ b }}')[0]?.error).toBe('nested');
  });
});

describe('parseRunbook: the reference runbooks, read as they are', () => {
  itWithReference('EnableEbsEncryptionByDefault.yaml: steps, parameter, outputs and positions', () => {
    const rb = load(`${REFERENCE}/EnableEbsEncryptionByDefault.yaml`);
    expect(rb.name).toBe('EnableEbsEncryptionByDefault');
    expect(rb.format).toBe('YAML');
    expect(rb.schemaVersion).toBe('0.3');
    expect(rb.assumeRole).toBe('{{ AutomationAssumeRole }}');
    expect(rb.refs.map(r => [r.expression, r.pos])).toEqual([['AutomationAssumeRole', { line: 17, col: 14 }]]);
    expect(rb.parameters.map(p => [p.name, p.type, p.hasDefault, p.pos])).toEqual([
      ['AutomationAssumeRole', 'String', false, { line: 19, col: 3 }]
    ]);
    expect(rb.parameters[0]?.allowedPattern).toBe('^arn:(?:aws|aws-us-gov|aws-cn):iam::\\d{12}:role/[\\w+=,.@-]+$');
    expect(rb.steps.map(s => [s.name, s.action, s.pos])).toEqual([
      ['ModifyAccount', 'aws:executeAwsApi', { line: 27, col: 5 }],
      ['VerifyEbsEncryptionByDefault', 'aws:assertAwsResourceProperty', { line: 44, col: 5 }]
    ]);
    expect(rb.steps[0]?.inputs).toEqual({ Service: 'ec2', Api: 'EnableEbsEncryptionByDefault' });
    expect(rb.steps[0]?.isEnd).toBe(false);
    expect(rb.steps[0]?.outputs).toEqual([
      { name: 'EnableEbsEncryptionByDefaultResponse', selector: '$', type: 'StringMap', pos: { line: 40, col: 9 } }
    ]);
    expect(rb.steps[1]?.inputs.DesiredValues).toEqual(['True']);
    expect(rb.steps[1]?.isEnd).toBe(true);
    expect(rb.outputs).toEqual([
      { value: 'ModifyAccount.EnableEbsEncryptionByDefaultResponse', pos: { line: 24, col: 5 } }
    ]);
    expect(rb.description).toContain('AWSConfigRemediation-EnableEbsEncryptionByDefault');
  });

  itWithReference('EnableDefaultEncryptionS3.yaml: branch, two end steps, four parameters, reference positions', () => {
    const rb = load(`${REFERENCE}/EnableDefaultEncryptionS3.yaml`);
    expect(rb.parameters.map(p => p.name)).toEqual(['AccountId', 'AutomationAssumeRole', 'BucketName', 'KmsKeyAlias']);
    const kms = rb.parameters.find(p => p.name === 'KmsKeyAlias');
    expect(kms?.default).toBe('default-s3-encryption');
    expect(kms?.allowedPattern).toBe('^$|^[a-zA-Z0-9/_-]{1,256}$');
    expect(rb.steps.map(s => [s.name, s.action, s.isEnd])).toEqual([
      ['ChooseEncryptionMethod', 'aws:branch', undefined],
      ['EncryptWithAES', 'aws:executeAwsApi', true],
      ['EncryptWithCMK', 'aws:executeAwsApi', true]
    ]);
    expect(rb.steps[0]?.inputs.Default).toBe('EncryptWithCMK');
    expect(rb.steps[0]?.refs.map(r => [r.raw, r.path, r.pos])).toEqual([
      ['{{KmsKeyAlias}}', ['mainSteps', 0, 'inputs', 'Choices', 0, 'Variable'], { line: 51, col: 20 }]
    ]);
    expect(rb.steps[2]?.refs.map(r => r.expression)).toEqual(['BucketName', 'AccountId', 'KmsKeyAlias']);
    expect(rb.steps[2]?.refs[2]?.pos).toEqual({ line: 81, col: 30 });
    expect(rb.outputs).toEqual([]);
  });

  itWithReference(
    'ConfigureDynamoDBAutoScaling.yaml: scripts with typed Integer outputs, cross-step references',
    () => {
      const rb = load(`${REFERENCE}/ConfigureDynamoDBAutoScaling.yaml`);
      expect(rb.parameters.map(p => p.name)).toEqual([
        'TableId',
        'MinProvisionedReadCapacity',
        'TargetReadUtilization',
        'MinProvisionedWriteCapacity',
        'TargetWriteUtilization',
        'AutomationAssumeRole'
      ]);
      expect(rb.steps.map(s => s.action)).toEqual([
        'aws:executeScript',
        'aws:executeScript',
        'aws:executeAwsApi',
        'aws:executeAwsApi',
        'aws:executeAwsApi',
        'aws:executeAwsApi'
      ]);
      const calc = rb.steps[0];
      expect(calc?.inputs.Runtime).toBe('python3.11');
      expect(calc?.inputs.Handler).toBe('calculate_max_capacity');
      expect(calc?.outputs.map(o => [o.name, o.selector, o.type])).toEqual([
        ['MaxReadCapacity', '$.Payload.MaxReadCapacity', 'Integer'],
        ['MaxWriteCapacity', '$.Payload.MaxWriteCapacity', 'Integer']
      ]);
      expect(rb.steps[1]?.outputs.every(o => o.type === 'Integer')).toBe(true);
      const register = rb.steps.find(s => s.name === 'RegisterScalableTarget_WriteUnits');
      expect(register?.refs.map(r => [r.expression, r.pos.line])).toEqual([
        ['TableId', 112],
        ['StringParamsToInt.MinProvisionedWriteCapacity', 115],
        ['CalculateMaxCapacity.MaxWriteCapacity', 116]
      ]);
      expect(rb.steps[4]?.outputs).toEqual([
        { name: 'Output', selector: '$.Payload', type: 'StringMap', pos: { line: 145, col: 9 } }
      ]);
    }
  );
});

describe('parseRunbook: our fixtures', () => {
  it('JSON parses as YAML, with positions inside the JSON text', () => {
    const file = `${FIXTURES}/valid.json`;
    const rb = load(file);
    expect(rb.format).toBe('JSON');
    expect(rb.name).toBe('valid');
    expect(rb.pos).toEqual({ line: 1, col: 1 });
    expect(rb.parameters.map(p => [p.name, p.pos])).toEqual([
      ['AutomationAssumeRole', { line: 6, col: 5 }],
      ['BucketName', { line: 7, col: 5 }],
      ['TargetBucket', { line: 8, col: 5 }]
    ]);
    expect(rb.steps[0]?.pos).toEqual({ line: 11, col: 5 });
    expect(rb.steps[0]?.refs.map(r => [r.expression, r.pos])).toEqual([
      ['BucketName', { line: 17, col: 20 }],
      ['TargetBucket', { line: 19, col: 48 }],
      ['BucketName', { line: 19, col: 86 }]
    ]);
  });

  it('loops carry their nested steps; script code is not scanned for references', () => {
    const rb = load(`${FIXTURES}/valid-full.yaml`);
    const loop = rb.steps.find(s => s.action === 'aws:loop');
    expect(loop?.steps.map(s => [s.name, s.loop, s.path])).toEqual([
      ['StopOne', 'StopEach', ['mainSteps', 5, 'inputs', 'Steps', 0]],
      ['CountAttempt', 'StopEach', ['mainSteps', 5, 'inputs', 'Steps', 1]]
    ]);
    // The loop's own refs do not include its nested steps' refs.
    expect(loop?.refs.map(r => r.expression)).toEqual(['InstanceIds']);
    expect(allSteps(rb.steps).map(s => s.name)).toContain('CountAttempt');
    const script = rb.steps.find(s => s.name === 'Summarise');
    expect(script?.refs.map(r => r.expression)).toEqual(['ReadEncryption.Rules', 'variable:Attempts', 'LogGroup']);
    expect(rb.variables).toEqual([{ name: 'Attempts', type: 'Integer', default: 0, pos: { line: 42, col: 3 } }]);
    const params = Object.fromEntries(rb.parameters.map(p => [p.name, p]));
    expect(params.InstanceIds?.default).toEqual(['i-0123456789abcdef0']);
    expect(params.Environment?.allowedValues).toEqual(['dev', 'prod']);
    expect(params.DryRun?.default).toBe(false);
  });

  it('resolves YAML aliases, pointing at the alias', () => {
    const text = [
      "schemaVersion: '0.3'",
      'parameters:',
      '  Topic: { type: String }',
      'mainSteps:',
      '  - name: One',
      '    action: aws:executeAwsApi',
      '    inputs: &publish',
      '      Service: sns',
      '      Api: Publish',
      "      TopicArn: '{{ Topic }}'",
      '  - name: Two',
      '    action: aws:executeAwsApi',
      '    inputs: *publish',
      ''
    ].join('\n');
    const rb = parseRunbook(text, 'alias.yaml');
    expect(rb.steps[1]?.inputs).toEqual({ Service: 'sns', Api: 'Publish', TopicArn: '{{ Topic }}' });
    expect(rb.steps[0]?.refs.map(r => r.pos)).toEqual([{ line: 10, col: 18 }]);
    expect(rb.steps[1]?.refs.map(r => [r.expression, r.pos])).toEqual([['Topic', { line: 13, col: 13 }]]);
  });

  it('takes the document name from options when given', () => {
    const rb = parseRunbook(readFileSync(`${FIXTURES}/valid.json`, 'utf8'), 'x/y.json', { name: 'Custom-Name' });
    expect(rb.name).toBe('Custom-Name');
    expect(rb.file).toBe('x/y.json');
  });

  itWithReference('keeps the content byte for byte', () => {
    const text = readFileSync(`${REFERENCE}/EnableDefaultEncryptionS3.yaml`, 'utf8');
    expect(parseRunbook(text, 'a.yaml').content).toBe(text);
  });
});

describe('walkSteps', () => {
  it('visits each step before its nested steps, with its own list and its enclosing loop', () => {
    const text = [
      "schemaVersion: '0.3'",
      'mainSteps:',
      '  - { name: A, action: aws:sleep, inputs: { Duration: PT1S } }',
      '  - name: L',
      '    action: aws:loop',
      '    inputs:',
      '      Iterators: [a, b]',
      '      Steps:',
      '        - { name: N1, action: aws:sleep, inputs: { Duration: PT1S } }',
      '        - { name: N2, action: aws:sleep, inputs: { Duration: PT1S } }',
      '  - { name: B, action: aws:sleep, inputs: { Duration: PT1S } }'
    ].join('\n');
    const rb = parseRunbook(text, 'walk.yaml');
    const seen: string[] = [];
    walkSteps(rb.steps, (step, siblings, loop) => {
      seen.push(`${step.name} in [${siblings.map(s => s.name).join(',')}] loop=${loop?.name ?? '-'}`);
    });
    expect(seen).toEqual([
      'A in [A,L,B] loop=-',
      'L in [A,L,B] loop=-',
      'N1 in [N1,N2] loop=L',
      'N2 in [N1,N2] loop=L',
      'B in [A,L,B] loop=-'
    ]);
    expect(allSteps(rb.steps).map(s => s.name)).toEqual(['A', 'L', 'N1', 'N2', 'B']);
  });
});

describe('locate', () => {
  itWithReference('returns value or key positions and falls back to the nearest existing ancestor', () => {
    const rb = load(`${REFERENCE}/EnableEbsEncryptionByDefault.yaml`);
    expect(locate(rb, ['schemaVersion'])).toEqual({ line: 4, col: 16 });
    expect(locate(rb, ['schemaVersion'], 'key')).toEqual({ line: 4, col: 1 });
    expect(locate(rb, ['mainSteps', 0, 'inputs', 'Missing'])).toEqual({ line: 37, col: 7 });
    expect(locate(rb, ['nothing', 'here'])).toEqual(rb.pos);
    // An empty value points at its key.
    const empty = parseRunbook("schemaVersion: '0.3'\ndescription:\nmainSteps: []\n", 'e.yaml');
    expect(locate(empty, ['description'])).toEqual({ line: 2, col: 1 });
  });
});

describe('parseRunbook: what cannot be parsed at all', () => {
  it('reports YAML syntax errors with their position', () => {
    // Inline rather than a fixture file: prettier --check would choke on a broken YAML file in the tree.
    const file = 'runbooks/syntax-error.yaml';
    const text = [
      "schemaVersion: '0.3'",
      'mainSteps:',
      '  - name: Wait',
      '    action: aws:sleep',
      '    inputs: [Duration: PT1S',
      '  - name: Other',
      ''
    ].join('\n');
    const err = thrown(() => parseRunbook(text, file));
    expect(err.errors.length).toBeGreaterThanOrEqual(1);
    expect(err.errors[0]).toBeInstanceOf(SourceError);
    expect(err.errors[0]?.file).toBe(file);
    expect([err.errors[0]?.line, err.errors[0]?.col]).toEqual([6, 3]);
    expect(err.errors[0]?.detail).toMatch(/^invalid YAML\/JSON: /);
    expect(err.message).toContain(`${file}:6:3: invalid YAML/JSON`);
  });

  it('reports duplicate keys at the second key', () => {
    const err = thrown(() => load(`${FIXTURES}/duplicate-keys.yaml`));
    expect(err.errors.map(e => [e.line, e.col, e.detail])).toEqual([
      [7, 1, 'invalid YAML/JSON: Map keys must be unique']
    ]);
  });

  it('reports a document that is not a mapping, or empty, or several documents', () => {
    const list = thrown(() => load(`${FIXTURES}/not-a-mapping.yaml`));
    expect(list.errors.map(e => [e.line, e.col])).toEqual([[1, 1]]);
    expect(list.errors[0]?.detail).toContain('the document is not a mapping');
    expect(thrown(() => parseRunbook('# only a comment\n', 'e.yaml')).errors[0]?.detail).toContain(
      'the document is empty'
    );
    const multi = thrown(() => parseRunbook("schemaVersion: '0.3'\n---\nmainSteps: []\n", 'm.yaml'));
    expect(multi.errors[0]?.detail).toContain('multiple documents');
    const json = thrown(() => parseRunbook('{"schemaVersion": "0.3",\n  "mainSteps": [}', 'j.json'));
    expect(json.errors[0]?.line).toBe(2);
  });

  it('refuses a file whose extension gives no DocumentFormat', () => {
    const file = `${FIXTURES}/not-yaml.txt`;
    expect(() => load(file)).toThrow(`${file}:1:1: a runbook file must end in .yaml, .yml or .json`);
  });
});
