/**
 * The committed model facts (packages/aws-sim/models/) against the AWS Smithy models they are extracted from. The
 * staleness check needs ../shared/reference/aws-models beside the repository (as in CI); a plain clone skips that one
 * test and its name says so. The other tests run everywhere.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_MODELS_DIR,
  FACTS_DIR,
  KEPT_TRAITS,
  MODEL_SOURCES,
  extractAll,
  extractModelFacts,
  factsFile,
  type ModelService
} from '../scripts/extract-models.js';
import { getModel, modelsDir } from '../src/core/smithy.js';

const SERVICES = Object.keys(MODEL_SOURCES) as ModelService[];
const SHARED_PRESENT = existsSync(path.join(DEFAULT_MODELS_DIR, MODEL_SOURCES.sts));
const whenShared = SHARED_PRESENT ? it : it.skip;
const skipNote = SHARED_PRESENT ? '' : ' (skipped: ../shared not present)';

const committed = (service: ModelService): string => readFileSync(path.join(FACTS_DIR, factsFile(service)), 'utf8');

describe('model facts', () => {
  whenShared(`are up to date with ../shared/reference/aws-models${skipNote}`, () => {
    const fresh = extractAll(DEFAULT_MODELS_DIR);
    for (const service of SERVICES) {
      // A mismatch: run `npx tsx packages/aws-sim/scripts/extract-models.ts` and commit packages/aws-sim/models/.
      expect({ service, facts: committed(service) }).toEqual({ service, facts: fresh[service] });
    }
  });

  it('are what the simulator loads, with every operation it serves', () => {
    expect(path.resolve(modelsDir())).toBe(path.resolve(FACTS_DIR));
    expect(getModel('config').operation('PutConfigRule')?.input).toBe(
      'com.amazonaws.configservice#PutConfigRuleRequest'
    );
    expect(getModel('ssm').protocol).toBe('awsJson1_1');
    expect(getModel('sts').protocol).toBe('awsQuery');
    expect(getModel('sns').xmlNamespace).toBe('http://sns.amazonaws.com/doc/2010-03-31/');
    expect(getModel('sts').version).toBe('2011-06-15');
  });

  it('hold only kept traits and no documentation text', () => {
    for (const service of SERVICES) {
      const text = committed(service);
      expect(text).not.toContain('smithy.api#documentation');
      const traitNames = new Set([...text.matchAll(/"([a-z.]+#[A-Za-z0-9_]+)":/g)].map(m => m[1]!));
      for (const name of traitNames) {
        // Shape ids are keys too ("com.amazonaws.sts#Foo":...): only smithy./aws. namespaced names are traits.
        if (name.startsWith('smithy.') || name.startsWith('aws.'))
          expect([service, name, KEPT_TRAITS.has(name)]).toEqual([service, name, true]);
      }
    }
  });

  it('extraction drops documentation and unknown traits, keeps member order, sorts shapes and traits', () => {
    const ast = {
      smithy: '2.0',
      shapes: {
        'ns#Zed': { type: 'string', traits: { 'smithy.api#pattern': '^z$', 'smithy.api#documentation': '<p>Z</p>' } },
        'ns#Svc': {
          type: 'service',
          version: '2020-01-01',
          operations: [{ target: 'ns#Op' }],
          traits: { 'aws.protocols#awsJson1_1': {}, 'smithy.rules#endpointRuleSet': { big: true } }
        },
        'ns#Op': { type: 'operation', input: { target: 'ns#In' }, errors: [{ target: 'ns#Err' }] },
        'ns#In': {
          type: 'structure',
          members: {
            B: { target: 'ns#Zed', traits: { 'smithy.api#required': {}, 'smithy.api#documentation': 'b' } },
            A: { target: 'smithy.api#String' }
          }
        },
        'ns#Err': {
          type: 'structure',
          members: {},
          traits: { 'smithy.api#error': 'client', 'smithy.api#httpError': 400 }
        },
        'ns#Old': {
          type: 'string',
          traits: { 'smithy.api#enum': [{ value: 'X', name: 'X_NAME', documentation: 'doc', tags: ['t'] }] }
        }
      }
    };
    const text = extractModelFacts(ast, 'test.json');
    expect(text).not.toContain('documentation');
    expect(text).not.toContain('endpointRuleSet');
    const facts = JSON.parse(text) as { source: string; shapes: Record<string, unknown> };
    expect(facts.source).toBe('test.json');
    expect(Object.keys(facts.shapes)).toEqual(['ns#Err', 'ns#In', 'ns#Old', 'ns#Op', 'ns#Svc', 'ns#Zed']);
    expect(facts.shapes['ns#In']).toEqual({
      type: 'structure',
      members: { B: { target: 'ns#Zed', traits: { 'smithy.api#required': {} } }, A: { target: 'smithy.api#String' } }
    });
    expect(Object.keys((facts.shapes['ns#In'] as { members: object }).members)).toEqual(['B', 'A']);
    expect(facts.shapes['ns#Old']).toEqual({
      type: 'string',
      traits: { 'smithy.api#enum': [{ value: 'X', name: 'X_NAME' }] }
    });
    expect(facts.shapes['ns#Op']).toEqual({
      type: 'operation',
      input: { target: 'ns#In' },
      errors: [{ target: 'ns#Err' }]
    });
    expect(facts.shapes['ns#Svc']).toEqual({
      type: 'service',
      version: '2020-01-01',
      operations: [{ target: 'ns#Op' }],
      traits: { 'aws.protocols#awsJson1_1': {} }
    });
    expect(extractModelFacts(ast, 'test.json')).toBe(text);
    expect(() => extractModelFacts({ shapes: { 'ns#A': { type: 'string' } } }, 'x.json')).toThrow(
      'x.json: no service shape'
    );
    expect(() => extractModelFacts({}, 'x.json')).toThrow('x.json: not a Smithy JSON AST');
  });
});
