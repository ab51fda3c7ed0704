/**
 * Scenario loading (data and generated), defaults, errors; and the CLI as a user runs it.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { parseArgs } from '../src/cli.js';
import { startSimulator } from '../src/index.js';
import { GITHUB_ISSUER, listScenarios, loadScenario, normalizeScenario } from '../src/core/scenario.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('scenarios', () => {
  it('loads the seed scenario with defaults filled in', async () => {
    const seed = await loadScenario('seed');
    expect(seed.name).toBe('seed');
    expect(seed.github.defaultContext).toBe('main');
    expect(Object.keys(seed.github.contexts)).toEqual(['main', 'pull-request', 'fork-pull-request', 'production']);
    expect(seed.oidc).toEqual({ tokenLifetimeSeconds: 300, issuer: GITHUB_ISSUER });
    expect(seed.state.accountId).toBe('123456789012');
    expect(seed.state.resources.s3Buckets['claims-uploads']?.logging).toBeUndefined();
    expect(seed.state.resources.ebsEncryptionByDefault['us-east-1']).toBe(false);
    expect(listScenarios()).toContain('seed');
  });

  it('names the available scenarios when one is unknown', async () => {
    await expect(loadScenario('no-such-scenario')).rejects.toThrow(
      /Unknown scenario 'no-such-scenario'. Available scenarios: .*seed/
    );
    await expect(loadScenario('../etc/passwd')).rejects.toThrow(/Invalid scenario name/);
  });

  it('completes a partial scenario so any subset of state is valid', () => {
    const s = normalizeScenario({ state: { resources: { s3Buckets: { b: { name: 'b' } } } } }, 'inline', 'partial');
    expect(s.name).toBe('partial');
    expect(s.state.resources.ebsVolumes).toEqual({});
    expect(s.state.resources.snsTopics).toEqual({});
    expect(s.state.resources.s3Buckets['b']).toEqual({ name: 'b' });
    expect(s.state).toMatchObject({
      accountId: '123456789012',
      region: 'us-east-1',
      roles: {},
      credentials: [],
      config: {},
      ssm: {},
      sns: { messages: [] }
    });
    expect(s.github.contexts['main']?.sub).toBe('repo:example-org/example-repo:ref:refs/heads/main');
  });

  it('rejects malformed scenarios, naming the source and the key', () => {
    expect(() => normalizeScenario([], 'x.json')).toThrow(/x.json: a scenario must be an object/);
    expect(() => normalizeScenario({ state: { accountId: '42' } }, 'x.json')).toThrow(
      /x.json: state.accountId must be 12 digits/
    );
    expect(() => normalizeScenario({ github: { defaultContext: 'nightly' } }, 'x.json')).toThrow(
      /defaultContext 'nightly' is not one of main/
    );
    expect(() => normalizeScenario({ github: { contexts: { main: { ref: 'x' } } } }, 'x.json')).toThrow(
      /contexts.main.sub/
    );
    expect(() => normalizeScenario({ faults: { throttleRate: 5 } }, 'x.json')).toThrow(/x.json: faults.throttleRate/);
    expect(() => normalizeScenario({ oidc: { tokenLifetimeSeconds: 0 } }, 'x.json')).toThrow(/tokenLifetimeSeconds/);
    expect(() => normalizeScenario({ options: 3 }, 'x.json')).toThrow(/"options" must be an object/);
  });

  it('builds generated scenarios from NAME.ts with the given params', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-scenarios-'));
    try {
      writeFileSync(
        path.join(dir, 'generated.ts'),
        'export function build(params) {\n' +
          '  const n = Number(params.topics ?? "1");\n' +
          '  const snsTopics = {};\n' +
          '  for (let i = 0; i < n; i++) { const arn = "arn:aws:sns:us-east-1:123456789012:t" + i; snsTopics[arn] = { arn }; }\n' +
          '  return { name: "generated", description: "n topics", state: { resources: { snsTopics } } };\n' +
          '}\n'
      );
      writeFileSync(path.join(dir, 'broken.ts'), 'export const nothing = 1;\n');
      writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n'); // ESM, like the repository
      writeFileSync(path.join(dir, 'bad.json'), '{ not json');
      const s = await loadScenario('generated', { topics: '3' }, dir);
      expect(Object.keys(s.state.resources.snsTopics)).toHaveLength(3);
      expect(s.state.resources.s3Buckets).toEqual({});
      await expect(loadScenario('broken', {}, dir)).rejects.toThrow(/broken.ts: must export build\(params\): Scenario/);
      await expect(loadScenario('bad', {}, dir)).rejects.toThrow(/bad.json: not valid JSON/);
      expect(listScenarios(dir)).toEqual(['bad', 'broken', 'generated']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies scenario faults and options at start, and opts override them', async () => {
    const sim = await startSimulator({
      scenario: { name: 'flaky', faults: { throttleRate: 1, maxConsecutiveFaults: 1 }, options: { a: 1 } }
    });
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: sim.url,
      credentials: sim.staticCredentials(),
      maxAttempts: 1
    });
    try {
      await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'Throttling' });
      expect(sim.calls().faulted).toEqual({ 'sts:GetCallerIdentity': 1 });
    } finally {
      sts.destroy();
      await sim.close();
    }
    const calm = await startSimulator({ scenario: { name: 'flaky', faults: { throttleRate: 1 } }, faults: {} });
    const sts2 = new STSClient({
      region: 'us-east-1',
      endpoint: calm.url,
      credentials: calm.staticCredentials(),
      maxAttempts: 1
    });
    try {
      await expect(sts2.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: '123456789012' });
    } finally {
      sts2.destroy();
      await calm.close();
    }
  });
});

describe('CLI', () => {
  it('parses arguments: scenario, port, context and scenario params', () => {
    expect(
      parseArgs([
        '--scenario',
        'scale',
        '--rules',
        '130',
        '--resources=20000',
        '--port',
        '4566',
        '--context',
        'production'
      ])
    ).toEqual({
      scenario: 'scale',
      port: 4566,
      context: 'production',
      params: { rules: '130', resources: '20000' }
    });
    expect(parseArgs([])).toEqual({ scenario: 'seed', params: {} });
    expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port must be a port number/);
    expect(() => parseArgs(['--rules'])).toThrow(/--rules needs a value/);
    expect(() => parseArgs(['seed'])).toThrow(/unexpected argument 'seed'/);
  });

  /** Spawns the package's `aws-sim` bin (what `npm run sim` runs) and collects KEY=VALUE lines until `ready`. */
  function runCli(args: string[]): {
    ready: Promise<Record<string, string>>;
    exit: Promise<{ code: number | null; stderr: string }>;
  } {
    const child = spawn(process.execPath, ['packages/aws-sim/bin/aws-sim.mjs', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<{ code: number | null; stderr: string }>(resolve =>
      child.on('exit', code => resolve({ code, stderr }))
    );
    const ready = new Promise<Record<string, string>>((resolve, reject) => {
      const vars: Record<string, string> = {};
      const lines = createInterface({ input: child.stdout });
      lines.on('line', line => {
        if (line === 'ready') resolve(vars);
        const m = /^([A-Z_]+)=(.*)$/.exec(line);
        if (m) vars[m[1]!] = m[2]!;
      });
      void exit.then(({ code }) => reject(new Error(`CLI exited (${code}) before ready: ${stderr}`)));
    });
    return { ready, exit };
  }

  it('prints the variables, serves, and exits 0 on SIGTERM', async () => {
    const cli = runCli(['--scenario', 'seed', '--context', 'production']);
    const vars = await cli.ready;
    expect(vars['AWS_ENDPOINT_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(vars['AWS_REGION']).toBe('us-east-1');
    expect(vars['ACTIONS_ID_TOKEN_REQUEST_URL']).toBe(`${vars['AWS_ENDPOINT_URL']}/_oidc/token?api-version=2.0`);
    expect(vars['ACTIONS_ID_TOKEN_REQUEST_TOKEN']).toMatch(/^ghs_sim_/);
    expect(vars['SIM_PID']).toMatch(/^\d+$/);
    // The static key pair, under names the AWS SDK does not read: copying the output never switches credentials.
    expect(vars['SIM_ACCESS_KEY_ID']).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(vars['SIM_SECRET_ACCESS_KEY']).toMatch(/^[A-Za-z0-9/+]{40}$/);
    expect(Object.keys(vars).filter(k => /^AWS_(ACCESS|SECRET|SESSION)/.test(k))).toEqual([]);

    const token = await fetch(`${vars['ACTIONS_ID_TOKEN_REQUEST_URL']}&audience=sts.amazonaws.com`, {
      headers: { authorization: `Bearer ${vars['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}` }
    });
    expect(token.status).toBe(200);
    const jwt = ((await token.json()) as { value: string }).value;
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims['environment']).toBe('production');
    const calls = await fetch(`${vars['AWS_ENDPOINT_URL']}/_sim/calls`);
    expect(await calls.json()).toEqual({ total: 0, byOperation: {}, faulted: {} });

    process.kill(Number(vars['SIM_PID']), 'SIGTERM');
    const { code } = await cli.exit;
    expect(code).toBe(0);
    await expect(fetch(`${vars['AWS_ENDPOINT_URL']}/_sim/calls`)).rejects.toThrow();
  });

  it('fails with the list of scenarios for an unknown one', async () => {
    const cli = runCli(['--scenario', 'no-such-scenario']);
    await expect(cli.ready).rejects.toThrow(/Unknown scenario 'no-such-scenario'. Available scenarios: .*seed/);
    expect((await cli.exit).code).toBe(1);
    const bad = runCli(['--port']);
    await expect(bad.ready).rejects.toThrow(/--port needs a value/);
    expect((await bad.exit).code).toBe(2);
  });
});
