import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError, SourceErrors } from '../../../src/errors.js';
import { loadTemplates, repoRelative, rootPatterns, TEMPLATE_EXTENSIONS } from '../../../src/cfn/load.js';
import { FIXTURES, REPO_ROOT, SEED_TEMPLATE } from './helpers.js';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('loadTemplates', () => {
  it('expands multi-line globs from the repository root, with exclusions and comments', async () => {
    const index = await loadTemplates(
      [`# templates of the seed and the fixtures\n${SEED_TEMPLATE}\n${FIXTURES}/*\n!${FIXTURES}/bad`, ''],
      REPO_ROOT
    );
    expect(index.templates.map(t => t.file)).toEqual([
      SEED_TEMPLATE,
      `${FIXTURES}/app.json`,
      `${FIXTURES}/short-tags.yaml`
    ]);
    expect(index.skipped).toEqual([
      { file: `${FIXTURES}/custom-tags-not-cfn.yaml`, reason: 'it has no Resources section' },
      { file: `${FIXTURES}/empty.yaml`, reason: 'the file is empty' },
      { file: `${FIXTURES}/not-cfn.yaml`, reason: 'it has no Resources section' },
      { file: `${FIXTURES}/notes.txt`, reason: `not a template file (expected ${TEMPLATE_EXTENSIONS.join(', ')})` }
    ]);
    expect(index.byPhysicalName('AWS::S3::Bucket', 'claims-uploads').map(r => r.file)).toEqual([SEED_TEMPLATE]);
    expect(index.byLogicalId('OrdersTable')[0]?.position.file).toBe(`${FIXTURES}/app.json`);
  });

  it('reports paths relative to cwd with forward slashes', async () => {
    const index = await loadTemplates(['./*.json', '**/storage.yaml'], path.join(REPO_ROOT, FIXTURES));
    expect(index.templates.map(t => t.file)).toEqual(['app.json']);
    const seed = await loadTemplates(['templates/'], path.join(REPO_ROOT, 'examples/seed'));
    expect(seed.templates.map(t => [t.file, t.resources.length])).toEqual([['templates/storage.yaml', 3]]);
    expect(seed.templates[0]?.resources[0]?.position.file).toBe('templates/storage.yaml');
  });

  it('reports the problems of every malformed template at once', async () => {
    const err = await rejection(loadTemplates([`${FIXTURES}/bad/*`], REPO_ROOT));
    expect(err).toBeInstanceOf(SourceErrors);
    const errors = (err as SourceErrors).errors;
    expect(new Set(errors.map(e => e.file))).toEqual(
      new Set([
        `${FIXTURES}/bad/duplicate-ids.yaml`,
        `${FIXTURES}/bad/malformed.yaml`,
        `${FIXTURES}/bad/syntax-error.template`
      ])
    );
    expect(errors).toHaveLength(7);
    expect(err.message).toContain(`${FIXTURES}/bad/malformed.yaml:2:3: logical id "My-Bucket" must be alphanumeric`);
  });

  it('returns an empty index when nothing is asked for or nothing matches', async () => {
    const none = await loadTemplates(['', '  \n# only a comment'], REPO_ROOT);
    expect(none.templates).toEqual([]);
    expect(none.skipped).toEqual([]);
    const nothing = await loadTemplates(['no-such-dir/**/*.yaml'], REPO_ROOT);
    expect(nothing.templates).toEqual([]);
    expect(nothing.byLogicalId('Anything')).toEqual([]);
  });

  it('refuses patterns that leave the repository, naming the input', async () => {
    const err = await rejection(loadTemplates(['../shared/**/*.yaml'], REPO_ROOT, { input: 'cfn-templates' }));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('cfn-templates');
    expect(err.message).toContain("leaves the repository ('..')");
    const abs = await rejection(loadTemplates([path.join(REPO_ROOT, SEED_TEMPLATE)], path.join(REPO_ROOT, FIXTURES)));
    expect(abs).toBeInstanceOf(InputError);
    expect((abs as InputError).input).toBe('templates');
    expect(abs.message).toContain('is outside the repository');
  });

  describe('in a repository whose path has glob characters', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'cg-templates-'));
      const repo = path.join(dir, 'repo [1] *');
      await mkdir(path.join(repo, 'infra', 'nested'), { recursive: true });
      await writeFile(
        path.join(repo, 'infra', 'bucket.yml'),
        'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n'
      );
      await writeFile(
        path.join(repo, 'infra', 'nested', 'queue.template'),
        '{"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}}'
      );
      await mkdir(path.join(dir, 'other'), { recursive: true });
      await writeFile(path.join(dir, 'other', 'x.yaml'), 'Resources:\n  X:\n    Type: AWS::SNS::Topic\n');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('matches inside the repository only, and reads .yml and .template files', async () => {
      const repo = path.join(dir, 'repo [1] *');
      const index = await loadTemplates(['infra/**'], repo);
      expect(index.templates.map(t => t.file)).toEqual(['infra/bucket.yml', 'infra/nested/queue.template']);
      expect(index.byPhysicalName('AWS::S3::Bucket', 'logs')[0]?.position).toEqual({
        file: 'infra/bucket.yml',
        line: 2,
        col: 3
      });
    });

    it('follows a symbolic link that stays in the repository and reports the path under the repository', async () => {
      const repo = path.join(dir, 'repo [1] *');
      await symlink(path.join(repo, 'infra'), path.join(repo, 'inner'));
      const index = await loadTemplates(['inner/*.yml'], repo);
      // followed links keep the path under the repository: the link is part of it
      expect(index.templates.map(t => t.file)).toEqual(['inner/bucket.yml']);
    });

    it('refuses a symbolic link in the repository that points out of it, naming the input and the path', async () => {
      const repo = path.join(dir, 'repo [1] *');
      await symlink(path.join(dir, 'other'), path.join(repo, 'linked'));
      await expect(loadTemplates(['linked/*.yaml'], repo)).rejects.toThrow(
        /^templates: .*linked\/x\.yaml is outside the workspace .*\(it resolves to .*other\/x\.yaml\)/
      );
    });
  });
});

describe('rootPatterns', () => {
  it('roots relative patterns at the root, escaping its glob characters, and keeps negations', () => {
    expect(rootPatterns(['a/*.yaml\n!a/skip.yaml', '  ./b/**  ', '# c', '.'], '/r [x]/*')).toEqual([
      `/r [[]x]/[*]${path.sep}a/*.yaml`,
      `!/r [[]x]/[*]${path.sep}a/skip.yaml`,
      `/r [[]x]/[*]${path.sep}b/**`,
      '/r [[]x]/[*]'
    ]);
    expect(rootPatterns(['/abs/*.yaml'], '/r')).toEqual(['/abs/*.yaml']);
  });

  it('refuses .. segments', () => {
    expect(() => rootPatterns(['a/../../b'], '/r')).toThrow(InputError);
  });
});

describe('repoRelative', () => {
  it('gives forward-slash paths inside the root and undefined outside', () => {
    expect(repoRelative('/r', '/r/a/b.yaml')).toBe('a/b.yaml');
    expect(repoRelative('/r', '/elsewhere/b.yaml')).toBeUndefined();
    expect(repoRelative('/r', '/r')).toBeUndefined();
  });
});
