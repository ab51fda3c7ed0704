import { describe, expect, it } from '@jest/globals';
import { typeMismatch } from '../../../../src/runbooks/validate/parameters.js';

describe('typeMismatch', () => {
  it.each([
    ['x', 'String', undefined],
    [1, 'Integer', undefined],
    [1.5, 'Integer', 'is a number, but the type is Integer'],
    [true, 'Boolean', undefined],
    ['true', 'Boolean', 'is a string, but the type is Boolean'],
    [['a'], 'StringList', undefined],
    [['a', 1], 'StringList', 'is a list, but the type is StringList'],
    [['i-1'], 'List<AWS::EC2::Instance::Id>', undefined],
    [{ a: 'b' }, 'StringMap', undefined],
    [[{ a: 'b' }], 'MapList', undefined],
    [['a'], 'MapList', 'is a list, but the type is MapList'],
    [null, 'String', 'is empty, but the type is String'],
    ['my-bucket', 'AWS::S3::Bucket::Name', undefined],
    [false, 'String', 'is a boolean, but the type is String (quote it)']
  ])('%j as %s', (value, type, expected) => {
    expect(typeMismatch(value, type)).toBe(expected);
  });
});
