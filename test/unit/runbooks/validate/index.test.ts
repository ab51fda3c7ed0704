import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SourceError, SourceErrors } from '../../../../src/errors.js';
import { parseRunbook } from '../../../../src/runbooks/parse.js';
import {
  DEFAULT_MAX_STEPS,
  assertValidRunbook,
  checkRunbook,
  validateRunbook
} from '../../../../src/runbooks/validate/index.js';
import { REFERENCE_PRESENT } from '../../../helpers/reference.js';

const FIXTURES = 'test/fixtures/runbooks';
const REFERENCE = '../shared/reference/runbooks';
const EXAMPLES = 'examples/seed/runbooks';

/** 1-based line:col of the nth occurrence of needle in text. */
function posOf(text: string, needle: string, nth = 0): { line: number; col: number } {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`needle not found: ${needle}`);
  }
  const before = text.slice(0, idx);
  return { line: before.split('\n').length, col: idx - before.lastIndexOf('\n') };
}

function check(file: string): { text: string; errors: SourceError[] } {
  const text = readFileSync(file, 'utf8');
  return { text, errors: validateRunbook(parseRunbook(text, file)) };
}

/** Asserts an error at the position of `needle` whose detail contains `detail`. */
function expectAt(
  result: { text: string; errors: SourceError[] },
  needle: string,
  detail: string,
  nth = 0,
  offset = 0
): void {
  const found = posOf(result.text, needle, nth);
  const line = found.line;
  const col = found.col + offset;
  const hit = result.errors.find(e => e.line === line && e.col === col && e.detail.includes(detail));
  if (!hit) {
    throw new Error(
      `no error at ${line}:${col} containing "${detail}"; got:\n${result.errors.map(e => e.message).join('\n')}`
    );
  }
  expect(hit.message.startsWith(`${hit.file}:${line}:${col}: `)).toBe(true);
}

describe('validateRunbook: runbooks that must validate clean', () => {
  it.each([
    // AWS's reference runbooks, where ../shared is present (never copied into the repository)
    ...(REFERENCE_PRESENT
      ? [
          `${REFERENCE}/EnableEbsEncryptionByDefault.yaml`,
          `${REFERENCE}/EnableDefaultEncryptionS3.yaml`,
          `${REFERENCE}/ConfigureDynamoDBAutoScaling.yaml`
        ]
      : []),
    `${EXAMPLES}/my-hipaa-alerting-runbook.yaml`,
    `${EXAMPLES}/my-hipaa-remediation-runbook.yaml`,
    `${FIXTURES}/valid-full.yaml`,
    `${FIXTURES}/EncryptQueue.yaml`,
    `${FIXTURES}/valid.json`,
    `${FIXTURES}/policy-actions.yaml`
  ])('%s', file => {
    const text = readFileSync(file, 'utf8');
    const runbook = parseRunbook(text, file);
    expect(validateRunbook(runbook).map(e => e.message)).toEqual([]);
    expect(checkRunbook(runbook).warnings.map(e => e.message)).toEqual([]);
    expect(() => assertValidRunbook(runbook)).not.toThrow();
  });

  it('accepts an unquoted YAML 0.3 schemaVersion', () => {
    const text = readFileSync(`${FIXTURES}/valid-full.yaml`, 'utf8').replace(
      "schemaVersion: '0.3'",
      'schemaVersion: 0.3'
    );
    expect(validateRunbook(parseRunbook(text, 'unquoted.yaml'))).toEqual([]);
  });
});

describe('validateRunbook: each rule names the right line and column', () => {
  it('schemaVersion must be 0.3', () => {
    const r = check(`${FIXTURES}/bad-schema-version.yaml`);
    expectAt(r, "'2.2'", "schemaVersion is '2.2'; Automation runbooks use '0.3'");
    expect(r.errors).toHaveLength(1);
  });

  it('schemaVersion is required', () => {
    const r = check(`${FIXTURES}/missing-schema-version.yaml`);
    expectAt(r, 'description', 'schemaVersion is missing');
  });

  it('mainSteps is required and non-empty', () => {
    expectAt(check(`${FIXTURES}/missing-main-steps.yaml`), 'schemaVersion', 'mainSteps is missing');
    expectAt(check(`${FIXTURES}/empty-main-steps.yaml`), '[]', 'mainSteps must be a non-empty list');
  });

  it('step names are unique, well formed and present', () => {
    const r = check(`${FIXTURES}/bad-step-names.yaml`);
    expectAt(r, 'First', "duplicate step name 'First' (first defined at line 3)", 1);
    expectAt(r, 'Has-Dash', "step name 'Has-Dash' may contain only letters, digits and '_'");
    expectAt(r, 'action: aws:pause', 'step 4: name is required');
    expect(r.errors).toHaveLength(3);
  });

  it('actions must be known, with a suggestion for a wrong case', () => {
    const r = check(`${FIXTURES}/unknown-action.yaml`);
    expectAt(r, 'aws:executeAwsAPI', "unknown action 'aws:executeAwsAPI' (did you mean 'aws:executeAwsApi'?)");
    expectAt(r, 'aws:teleport', "unknown action 'aws:teleport'");
    expectAt(r, 'name: NoAction', "step 'NoAction': action is required");
    expect(r.errors).toHaveLength(3);
  });

  it('each action has its required inputs', () => {
    const r = check(`${FIXTURES}/missing-inputs.yaml`);
    expectAt(r, 'inputs:', "step 'NoApi': inputs.Api is required for aws:executeAwsApi", 0);
    expectAt(r, 'inputs:', "step 'NoSelector': inputs.PropertySelector is required", 1);
    expectAt(r, 'inputs:', "step 'NoSelector': inputs.DesiredValues is required", 1);
    expectAt(r, 'inputs:', "step 'NoChoices': inputs.Choices is required for aws:branch", 2);
    expectAt(r, 'inputs:', "step 'NoDuration': aws:sleep needs one of inputs.Duration, inputs.Timestamp", 3);
    expectAt(r, 'inputs:', "step 'NoHandler': inputs.Handler is required for aws:executeScript", 4);
    // A step without inputs: the error points at the step itself.
    for (const input of ['Service', 'Api', 'PropertySelector', 'DesiredValues']) {
      expectAt(r, 'name: NoInputsAtAll', `inputs.${input} is required for aws:waitForAwsResourceProperty`);
    }
    expect(r.errors).toHaveLength(10);
  });

  it('input values are checked per action', () => {
    const r = check(`${FIXTURES}/bad-inputs.yaml`);
    expectAt(r, 'EC2 Service', "inputs.Service 'EC2 Service' must be a lowercase service namespace");
    expectAt(r, 'Describe Instances', "inputs.Api 'Describe Instances' must be an API operation name");
    expectAt(r, "''", 'inputs.PropertySelector must be a JSONPath such as $.Name or Attributes.Name');
    expectAt(r, '[]', 'inputs.DesiredValues must be a non-empty list');
    expectAt(r, '10 minutes', "inputs.Duration '10 minutes' is not an ISO 8601 duration");
    expectAt(r, 'tomorrow', "inputs.Timestamp 'tomorrow' is not an ISO 8601 date-time");
    expectAt(r, 'NextStep: BadSleep', 'choice 1 needs a Variable and an operator');
    expectAt(r, "Variable: '{{ global:REGION }}'\n          StringEquals", 'choice 2 needs NextStep');
    expectAt(r, '3.11', "step 'BadScript': inputs.Runtime must be a string");
    expect(r.errors).toHaveLength(9);
  });

  it('every {{ }} reference resolves, assumeRole included', () => {
    const r = check(`${FIXTURES}/unresolved-refs.yaml`);
    expectAt(r, '{{ NoSuchRole }}', "no parameter 'NoSuchRole' is declared");
    expectAt(r, '{{ global:MOON }}', 'unknown system variable');
    expectAt(r, '{{ Missing }}', "no parameter 'Missing' is declared");
    expectAt(r, '{{ Describe.Nope }}', "step 'Describe' has no output 'Nope' (it has VolumeIds)");
    expectAt(r, '{{ Nowhere.Out }}', "no step 'Nowhere'");
    expectAt(r, '{{ automation:NOPE }}', 'unknown automation variable');
    expectAt(r, '{{ Describe }}', "'Describe' is a step; reference one of its outputs as Describe.Name");
    expectAt(r, '{{ variable:Counter }}', "no runbook variable 'Counter'");
    expectAt(r, '{{ custom:X }}', "unknown prefix 'custom:'");
    expectAt(r, '{{ }}', 'malformed reference {{ }}: nothing between the braces');
    expectAt(r, "{{ TopicArn'", "'{{' is not closed by '}}'");
    // Resolving ones are not reported: parameters, declared step outputs, globals.
    const { line } = posOf(r.text, '{{ Describe.VolumeIds }}');
    expect(r.errors.filter(e => e.line === line && e.detail.includes('VolumeIds'))).toEqual([]);
    expect(r.errors).toHaveLength(11);
  });

  it('nextStep, onFailure, onCancel and branch targets exist; isEnd is a boolean', () => {
    const r = check(`${FIXTURES}/bad-flow.yaml`);
    expectAt(r, 'Nowhere', "choice 1 NextStep 'Nowhere' names no step");
    expectAt(r, 'AlsoNowhere', "Default 'AlsoNowhere' names no step");
    expectAt(r, 'Missing', "nextStep 'Missing' names no step; it must be a step of mainSteps");
    expectAt(r, 'Retry', "onFailure 'Retry' must be Abort, Continue or step:StepName");
    expectAt(r, 'Continue', "onCancel 'Continue' must be Abort or step:StepName");
    expectAt(r, "'yes'", "isEnd must be true or false, not 'yes'");
    expectAt(r, 'isCritical: 1', 'isCritical must be true or false, not 1', 0, 'isCritical: '.length);
    expectAt(r, '0\n', 'maxAttempts must be a positive integer, not 0');
    expectAt(r, 'soon', "timeoutSeconds must be a positive integer, not 'soon'");
    expectAt(r, 'step:Ghost', "onFailure 'step:Ghost' names no step");
    expect(r.errors).toHaveLength(10);
  });

  it('parameters: type, allowedPattern, defaults, allowedValues, names, properties', () => {
    const r = check(`${FIXTURES}/bad-parameters.yaml`);
    expectAt(r, 'Colour\n', "parameter 'Colour': type 'Colour' is not a parameter type");
    expectAt(r, 'NoType:', "parameter 'NoType': type is required");
    expectAt(r, 'ten', "parameter 'Count': default is a string, but the type is Integer");
    expectAt(r, '42', "parameter 'Name': default is a number, but the type is String (quote it)");
    expectAt(r, 'US-EAST-1', "default 'US-EAST-1' does not match allowedPattern");
    expectAt(r, 'bronze', "default 'bronze' is not one of allowedValues ('gold', 'silver')");
    expectAt(r, '[a, b]', 'default has more items than maxItems 1');
    expectAt(r, 'regex:', "parameter 'Extra': unknown property 'regex'");
    expectAt(r, 'Bad-Name:', "parameter 'Bad-Name': a parameter name is 1 to 50 letters, digits or '_'");
    expectAt(r, 'just a string', "parameter 'NotAMapping' must be a mapping");
    expect(r.errors).toHaveLength(10);
    // Java-only syntax ((?i), possessive ++) compiles and checks the defaults; an untranslatable pattern is a
    // warning, and its default is not checked.
    const warnings = checkRunbook(parseRunbook(r.text, 'bad-parameters.yaml')).warnings;
    const at = posOf(r.text, "'^\\p{InGreek}+$'");
    expect(warnings.map(w => [w.line, w.col, w.detail])).toEqual([
      [
        at.line,
        at.col,
        "parameter 'GreekBlock': allowedPattern ^\\p{InGreek}+$ cannot be checked here (Unicode block \\p{InGreek} " +
          'is not translated (JavaScript has no block properties) at offset 1); the action does not check the default ' +
          'or parameter values against it, SSM still does'
      ]
    ]);
  });

  it('parameter details, variable shapes, branch choices, sleep inputs, Parameter Store references', () => {
    const r = check(`${FIXTURES}/bad-details.yaml`);
    expectAt(r, '[not, a, string]', "parameter 'Described': description must be a string");
    expectAt(r, '[a, b]', "parameter 'PatternList': allowedPattern must be a string");
    expectAt(r, '[]', "parameter 'NoValues': allowedValues must be a non-empty list");
    expectAt(r, '[c]', "parameter 'Zones': default item 'c' is not one of allowedValues ('a', 'b')");
    expectAt(r, '[c]', "parameter 'Zones': default has fewer items than minItems 2");
    expectAt(r, 'abc\n', "parameter 'Short': default is shorter than minChars 5");
    expectAt(r, 'abcdef', "parameter 'Long': default is longer than maxChars 2");
    expectAt(r, '-1', "parameter 'Limits': minChars must be a non-negative integer");
    expectAt(r, 'just text', "variable 'Plain' must be a mapping with at least 'type'");
    expectAt(r, 'scope:', "variable 'Odd': unknown property 'scope'");
    expectAt(r, 'Choices: []', "step 'EmptyChoices': inputs.Choices must be a non-empty list", 0, 'Choices: '.length);
    expectAt(r, 'just text', "step 'OddChoice': choice 1 must be a mapping with NextStep and a condition", 1);
    expectAt(r, 'Timestamp:', "step 'BothTimes': give either inputs.Duration or inputs.Timestamp, not both");
    expectAt(r, '{{ ssm: }}', 'a Parameter Store reference needs a parameter name');
    expectAt(r, '42', "output must be a 'Step.Output' string, not a number");
    expect(r.errors).toHaveLength(15);
  });

  it('at most 200 parameters', () => {
    const params = Array.from({ length: 201 }, (_, i) => `  P${i}:\n    type: String\n`).join('');
    const text = `schemaVersion: '0.3'\nparameters:\n${params}mainSteps:\n  - name: W\n    action: aws:pause\n`;
    const errors = validateRunbook(parseRunbook(text, 'params.yaml'));
    expect(errors.map(e => [e.line, e.col, e.detail])).toEqual([[2, 1, '201 parameters; SSM accepts at most 200']]);
  });

  it('document outputs and step outputs exist and are well formed', () => {
    const r = check(`${FIXTURES}/bad-outputs.yaml`);
    expectAt(r, 'Bool\n', 'output Type must be one of String, StringList, Integer, Boolean, MapList, StringMap');
    expectAt(r, 'Enabled', "duplicate output 'Enabled'", 1);
    expectAt(r, 'Selector: 42', 'output Selector must be a JSONPath', 0, 'Selector: '.length);
    expectAt(r, 'Read.Missing', "output 'Read.Missing' does not exist: step 'Read' has no output 'Missing'");
    expectAt(r, 'Ghost.Output', "no step 'Ghost'");
    expectAt(r, 'NoDot', "output 'NoDot' must be written Step.Output");
    expect(r.errors).toHaveLength(6);
  });

  it('unknown document and step properties are reported at their key', () => {
    const r = check(`${FIXTURES}/unknown-keys.yaml`);
    expectAt(r, 'mainStep:', "unknown top-level property 'mainStep'");
    expectAt(r, 'maxAttemps', "step 'Wait': unknown property 'maxAttemps'");
    expect(r.errors).toHaveLength(2);
  });

  it('aws:loop: iterators or condition, iteration limit, nested scope, non-empty steps', () => {
    const r = check(`${FIXTURES}/bad-loop.yaml`);
    expectAt(r, 'LoopCondition:', 'give either inputs.Iterators or inputs.LoopCondition, not both');
    expectAt(r, '500', 'inputs.MaxIterations must be an integer from 1 to 100');
    expectAt(r, 'Outer', "nextStep 'Outer' names no step; it must be a step of loop 'EachId'", 1);
    expectAt(r, 'Inner', "duplicate step name 'Inner' (first defined at line 19)", 1);
    expectAt(r, '[]', 'inputs.Steps must be a non-empty list of steps');
    expect(r.errors).toHaveLength(5);
  });

  it('runbook variables: type, default, aws:updateVariable target, references', () => {
    const r = check(`${FIXTURES}/bad-variables.yaml`);
    expectAt(r, 'Number', "variable 'Counter': type must be one of");
    expectAt(r, "'yes'", "variable 'Flag': default is a string, but the type is Boolean");
    expectAt(r, 'variable:Nope', "inputs.Name 'variable:Nope' names no variable declared under variables");
    expectAt(r, 'Counter\n', "step 'SetWrongFormat': inputs.Name must be 'variable:NAME'");
    expectAt(r, '{{ variable:Missing }}', "no runbook variable 'Missing'");
    expect(r.errors).toHaveLength(5);
  });

  it('the document name comes from the file name and must be a valid SSM name', () => {
    expectAt(check(`${FIXTURES}/ab.yaml`), 'schemaVersion', "document name 'ab' is not a valid SSM document name");
    expectAt(
      check(`${FIXTURES}/amzn-reserved-name.yaml`),
      'schemaVersion',
      "document name 'amzn-reserved-name' starts with a prefix AWS reserves"
    );
    const text = readFileSync(`${FIXTURES}/valid.json`, 'utf8');
    for (const name of ['AWSConfigRemediation-Mine', 'Amazon-Thing', 'aws-lower']) {
      const errors = validateRunbook(parseRunbook(text, 'x.json', { name }));
      expect(errors.map(e => e.detail)).toEqual([expect.stringContaining('starts with a prefix AWS reserves')]);
    }
    expect(validateRunbook(parseRunbook(text, 'x.json', { name: 'Org.Hipaa_Fix-1' }))).toEqual([]);
    const long = validateRunbook(parseRunbook(text, 'x.json', { name: 'n'.repeat(129) }));
    expect(long[0]?.detail).toContain('is not a valid SSM document name');
  });

  it('content over 64 KB is reported; exactly 64 KB is accepted', () => {
    const base = readFileSync(`${FIXTURES}/valid.json`, 'utf8');
    const padTo = (bytes: number): string => base + ' '.repeat(bytes - Buffer.byteLength(base, 'utf8'));
    expect(validateRunbook(parseRunbook(padTo(65536), 'big.json'))).toEqual([]);
    const errors = validateRunbook(parseRunbook(padTo(65537), 'big.json'));
    expect(errors.map(e => [e.line, e.col, e.detail])).toEqual([
      [1, 1, 'content is 65537 bytes; SSM accepts at most 65536 bytes (64 KB)']
    ]);
    // Bytes, not characters: 33000 two-byte characters are under 65536 characters but over 65536 bytes.
    const wide = `${readFileSync(`${FIXTURES}/valid-full.yaml`, 'utf8')}# ${'é'.repeat(33000)}\n`;
    expect(wide.length).toBeLessThan(65536);
    expect(validateRunbook(parseRunbook(wide, 'wide.yaml')).map(e => e.detail)).toEqual([
      expect.stringMatching(/^content is \d+ bytes; SSM accepts at most 65536 bytes/)
    ]);
  });

  it('step count limit (loop-nested steps included) with a configurable maximum', () => {
    const steps = (n: number): string =>
      Array.from(
        { length: n },
        (_, i) => `  - name: S${i}\n    action: aws:sleep\n    inputs:\n      Duration: PT1S\n`
      ).join('');
    const doc = (n: number): string => `schemaVersion: '0.3'\nmainSteps:\n${steps(n)}`;
    expect(validateRunbook(parseRunbook(doc(DEFAULT_MAX_STEPS), 'many.yaml'))).toEqual([]);
    const over = validateRunbook(parseRunbook(doc(DEFAULT_MAX_STEPS + 1), 'many.yaml'));
    expect(over.map(e => [e.line, e.col, e.detail])).toEqual([[2, 1, `the runbook has 101 steps; the limit is 100`]]);
    const loop = readFileSync(`${FIXTURES}/valid-full.yaml`, 'utf8');
    const limited = validateRunbook(parseRunbook(loop, 'loop.yaml'), { maxSteps: 11 });
    expect(limited.map(e => e.detail)).toEqual(['the runbook has 12 steps; the limit is 11']);
  });
});

describe('validateRunbook: all problems at once', () => {
  it('reports every problem of a file, sorted by position', () => {
    const r = check(`${FIXTURES}/several-problems.yaml`);
    expectAt(r, '0.2', "schemaVersion is 0.2; Automation runbooks use '0.3'");
    expectAt(r, 'Strin\n', "type 'Strin' is not a parameter type");
    expectAt(r, 'inputs:', "step 'Publish': inputs.Api is required", 0);
    expectAt(r, '{{ TopicArn }}', "no parameter 'TopicArn' is declared");
    expectAt(r, 'Publish2', "nextStep 'Publish2' names no step");
    expectAt(r, 'name: Publish', "duplicate step name 'Publish' (first defined at line 6)", 1, 'name: '.length);
    expectAt(r, 'maybe', "isEnd must be true or false, not 'maybe'");
    expect(r.errors).toHaveLength(7);
    const order = r.errors.map(e => e.line * 1000 + e.col);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('assertValidRunbook throws one SourceErrors listing every problem with file:line:col', () => {
    const file = `${FIXTURES}/several-problems.yaml`;
    const runbook = parseRunbook(readFileSync(file, 'utf8'), file);
    let thrown: unknown;
    try {
      assertValidRunbook(runbook);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(SourceErrors);
    const errors = (thrown as SourceErrors).errors;
    expect(errors).toHaveLength(7);
    expect((thrown as SourceErrors).message).toContain('7 problems found');
    expect((thrown as SourceErrors).message).toContain(`${file}:1:16: schemaVersion is 0.2`);
  });

  it('reports structure errors instead of crashing on wrong shapes', () => {
    const text = [
      'schemaVersion: "0.3"',
      'description: 5',
      'assumeRole: [a]',
      'parameters: [x]',
      'variables: nope',
      'outputs: Step.Output',
      'mainSteps:',
      '  - just a string',
      '  - name: [list]',
      '    action: aws:sleep',
      '    inputs: PT1S',
      '    outputs: nope',
      '  - name: Good',
      '    action: aws:executeAwsApi',
      '    inputs: { Service: ec2, Api: DescribeRegions }',
      '    outputs: [ok, { Name: bad name, Selector: $, Type: String }]',
      '    nextStep: 5',
      ''
    ].join('\n');
    const errors = validateRunbook(parseRunbook(text, 'shapes.yaml'));
    const at = (line: number): string[] => errors.filter(e => e.line === line).map(e => e.detail);
    expect(at(2)).toEqual(['description must be a string, not a number']);
    expect(at(3)).toEqual([expect.stringContaining('assumeRole must be a string')]);
    expect(at(4)).toEqual(['parameters must be a mapping of parameter name to definition']);
    expect(at(5)).toEqual(['variables must be a mapping of variable name to definition']);
    expect(at(6)).toEqual(['outputs must be a list of Step.Output names']);
    expect(at(8)).toEqual(['step 1 must be a mapping with name, action and inputs']);
    expect(at(9)).toEqual(['step 2: name must be a string, not a list']);
    expect(at(11).sort()).toEqual([
      'step 2: aws:sleep needs one of inputs.Duration, inputs.Timestamp',
      'step 2: inputs must be a mapping'
    ]);
    expect(at(12)).toEqual(['step 2: outputs must be a list of {Name, Selector, Type}']);
    expect(at(16)).toEqual([
      "step 'Good': output 1 must be a mapping with Name, Selector and Type",
      "step 'Good': output Name must be letters, digits or '_'"
    ]);
    expect(at(17)).toEqual(["step 'Good': nextStep must be a string"]);
  });
});

describe('build-time placeholders', () => {
  it('each %%NAME=...%% or %%NAME%% is an error at its own line: a default, a step input, a script', () => {
    const r = check(`${FIXTURES}/placeholders.yaml`);
    const detail = (p: string): string => `build-time placeholder: build this document first (${p} is still in it)`;
    expectAt(r, '%%ROLE=SO0111-BlockPublicAccess%%', detail('%%ROLE=SO0111-BlockPublicAccess%%'));
    expectAt(r, '%%MODE%%', detail('%%MODE%%'));
    expectAt(r, '%%SCRIPT=block_public_access.py%%', detail('%%SCRIPT=block_public_access.py%%'));
    // The comment is not part of the document: not reported.
    expect(r.errors).toHaveLength(3);
    expect(r.errors.map(e => e.line)).toEqual([8, 19, 22]);
  });

  it('keys, JSON documents and Python percent signs', () => {
    const json = JSON.stringify(
      {
        schemaVersion: '0.3',
        parameters: { '%%PARAM%%': { type: 'String' } },
        mainSteps: [{ name: 'Wait', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }]
      },
      null,
      2
    );
    const errors = validateRunbook(parseRunbook(json, 'doc.json'));
    expect(errors.map(e => e.message)).toContain(
      'doc.json:4:6: build-time placeholder: build this document first (%%PARAM%% is still in it)'
    );
    // Python's printf escapes ('100%%', '%%d%%') are not placeholders: NAME is upper case.
    const script = [
      "schemaVersion: '0.3'",
      'mainSteps:',
      '  - name: Run',
      '    action: aws:executeScript',
      '    inputs:',
      '      Runtime: python3.11',
      '      Handler: handler',
      '      Script: |-',
      "        def handler(e, c): return '100%% of %%d%%' % 5",
      '    isEnd: true'
    ].join('\n');
    expect(validateRunbook(parseRunbook(script, 'script.yaml'))).toEqual([]);
  });
});

describe('selectors and Java allowedPattern as AWS accepts them', () => {
  it("AWS's runbook style validates clean with no warnings", () => {
    const text = readFileSync(`${FIXTURES}/EncryptQueue.yaml`, 'utf8');
    expect(checkRunbook(parseRunbook(text, 'EncryptQueue.yaml'))).toEqual({ errors: [], warnings: [] });
  });

  it('defaults are checked against the translated pattern', () => {
    const text = readFileSync(`${FIXTURES}/EncryptQueue.yaml`, 'utf8').replace('ALIAS/aws/sqs', 'key/aws/sqs');
    const errors = validateRunbook(parseRunbook(text, 'EncryptQueue.yaml'));
    expect(errors.map(e => e.detail)).toEqual([
      "parameter 'KmsKeyId': default 'key/aws/sqs' does not match allowedPattern ^(?i:alias/[\\w/.-]++|arn:aws[\\w-]*+:kms:\\S+)$"
    ]);
  });
});
