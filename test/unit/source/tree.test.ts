import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { SourceErrors } from '../../../src/errors.js';
import { readSourceTree } from '../../../src/source/cloudformation.js';
import { ErrorSink } from '../../../src/source/collector.js';
import { addSchemaErrors, pointerPath, schemaErrorPosition } from '../../../src/source/schema.js';
import { positionOf, toTree, type PNode } from '../../../src/source/tree.js';
import { readYaml } from '../../../src/source/yaml.js';

function tree(text: string, options = {}): { root: PNode; sink: ErrorSink } {
  const sink = new ErrorSink();
  const root = toTree(readYaml(text), 'f.yml', sink, options);
  if (root === undefined) throw new Error('empty');
  return { root, sink };
}

const TEXT = ['top:', '  list:', '    - a', '    - name: b', '      empty:', '      written: ~', 'other: 1', ''].join(
  '\n'
);

describe('positionOf', () => {
  const { root } = tree(TEXT);
  it('finds values and keys by path', () => {
    expect(positionOf(root, ['top', 'list', 1, 'name'])).toEqual({ file: 'f.yml', line: 4, col: 13 });
    expect(positionOf(root, ['top', 'list', 1, 'name'], 'key')).toEqual({ file: 'f.yml', line: 4, col: 7 });
    expect(positionOf(root, ['top', 'list', 0])).toEqual({ file: 'f.yml', line: 3, col: 7 });
    expect(positionOf(root, [])).toEqual({ file: 'f.yml', line: 1, col: 1 });
  });
  it('falls back to the nearest existing ancestor', () => {
    expect(positionOf(root, ['top', 'list', 1, 'missing', 'deeper'])).toEqual({ file: 'f.yml', line: 4, col: 7 });
    expect(positionOf(root, ['top', 'list', 7])).toEqual({ file: 'f.yml', line: 3, col: 5 });
    expect(positionOf(root, ['top', 'list', 'x'])).toEqual({ file: 'f.yml', line: 3, col: 5 });
  });
  it('points an empty value at its key, a written null at itself', () => {
    expect(positionOf(root, ['top', 'list', 1, 'empty'])).toEqual({ file: 'f.yml', line: 5, col: 7 });
    expect(positionOf(root, ['top', 'list', 1, 'written'])).toEqual({ file: 'f.yml', line: 6, col: 16 });
  });
});

describe('aliases', () => {
  const text = ['base: &b', '  k: v', 'copy: *b', ''].join('\n');
  it('are followed by default, every position at the alias', () => {
    const { root, sink } = tree(text);
    expect(sink.count).toBe(0);
    expect(positionOf(root, ['copy', 'k'])).toEqual({ file: 'f.yml', line: 3, col: 7 });
    expect(positionOf(root, ['base', 'k'])).toEqual({ file: 'f.yml', line: 2, col: 6 });
  });
  it("are refused with the reader's message when asked", () => {
    const { sink } = tree(text, { refuseAliases: 'no aliases here' });
    expect(sink.errors.map(e => e.message)).toEqual(['f.yml:3:7: no aliases here']);
  });
  it('keep scalar ranges only for text written in place', () => {
    const { root } = tree(text, { keepRanges: true });
    const at = (path: string[]): PNode | undefined =>
      path.reduce<PNode | undefined>(
        (n, k) => (n?.kind === 'map' ? n.entries.find(e => e.key === k)?.value : undefined),
        root
      );
    const written = at(['base', 'k']);
    const aliased = at(['copy', 'k']);
    expect(written?.kind === 'scalar' && written.range).toEqual([14, 15]);
    expect(aliased?.kind === 'scalar' && aliased.range).toBeUndefined();
  });
});

describe('CloudFormation dialect', () => {
  it('turns short forms into long forms and reports unknown tags', () => {
    const sink = new ErrorSink();
    const root = readSourceTree('A: !GetAtt R.Arn\nB: !Nope x\n', 't.yaml', sink);
    expect(root?.kind === 'map' && root.entries[0]?.value).toMatchObject({
      kind: 'map',
      entries: [{ key: 'Fn::GetAtt', value: { kind: 'seq', items: [{ value: 'R' }, { value: 'Arn' }] } }]
    });
    expect(sink.errors.map(e => e.message)[0]).toMatch(/^t\.yaml:2:4: unknown tag !Nope/);
  });
});

describe('ErrorSink', () => {
  it('throws everything, sorted by file, line and column, or in the order found', () => {
    const sink = new ErrorSink();
    sink.add({ file: 'b', line: 1, col: 1 }, 'third');
    sink.add({ file: 'a', line: 2, col: 1 }, 'second');
    sink.add({ file: 'a', line: 1, col: 9 }, 'first');
    const sorted = (() => {
      try {
        sink.throwIfAny();
      } catch (e) {
        return (e as SourceErrors).errors.map(x => x.detail);
      }
      return [];
    })();
    expect(sorted).toEqual(['first', 'second', 'third']);
    expect(() => sink.throwInOrderIfAny()).toThrow(/third[\s\S]*second[\s\S]*first/);
    expect(() => new ErrorSink().throwIfAny()).not.toThrow();
    expect(() => new ErrorSink().throwInOrderIfAny()).not.toThrow();
  });
});

describe('JSON-Schema errors at positions', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile({
    type: 'object',
    additionalProperties: false,
    properties: { top: { type: 'object' }, other: { type: 'string' } }
  });
  it('land on the value, or on the unknown key', () => {
    const text = 'top: {}\nother: 1\nextra: x\n';
    const { root } = tree(text);
    expect(validate(readYaml(text).doc.toJS())).toBe(false);
    const sink = new ErrorSink();
    addSchemaErrors(validate.errors, root, { file: 'f.yml', line: 1, col: 1 }, e => e.keyword, sink);
    expect(sink.errors.map(e => e.message)).toEqual(['f.yml:3:1: additionalProperties', 'f.yml:2:8: type']);
    const [first] = validate.errors ?? [];
    expect(first && schemaErrorPosition(first, undefined, { file: 'e', line: 1, col: 1 })).toEqual({
      file: 'e',
      line: 1,
      col: 1
    });
  });
  it('unescape JSON pointers', () => {
    expect(pointerPath('')).toEqual([]);
    expect(pointerPath('/a~1b/0/c~0d')).toEqual(['a/b', 0, 'c~d']);
  });
});
