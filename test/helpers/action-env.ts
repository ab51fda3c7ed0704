/**
 * Runs the action as GitHub does: INPUT_* variables, GitHub's run variables, temporary GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Either in-process (run() from src/main.ts) or by spawning the built dist/index.js.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface ActionRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
  env: Record<string, string>;
}

export interface ActionEnvOptions {
  /** Action inputs by their kebab-case names. */
  inputs: Record<string, string>;
  /** Variables from the simulator (sim.env(context)) and anything else. */
  env?: Record<string, string>;
  /** Working directory (report-dir is relative to it); default: a fresh temp dir. */
  cwd?: string;
}

/** Parses the GITHUB_OUTPUT file format (name<<delimiter ... delimiter, or name=value). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export function buildActionEnv(opts: ActionEnvOptions): { env: Record<string, string>; dir: string } {
  const dir = opts.cwd ?? mkdtempSync(join(tmpdir(), 'compliance-gate-'));
  const outputFile = join(dir, 'github-output.txt');
  const summaryFile = join(dir, 'step-summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'example-org/healthcare-infra',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'compliance',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_ACTOR: 'alice',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: dir,
    // Keep the SDK away from any real AWS configuration on the machine.
    AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...opts.env
  };
  for (const [name, value] of Object.entries(opts.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return { env, dir };
}

function collect(dir: string, env: Record<string, string>, exitCode: number, stdout: string, stderr: string) {
  const outputs = parseOutputFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8'));
  const summary = existsSync(env.GITHUB_STEP_SUMMARY!) ? readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') : '';
  return { exitCode, stdout, stderr, outputs, summary, dir, env };
}

const AWS_AND_GITHUB = /^(AWS_|INPUT_|GITHUB_|ACTIONS_|RUNNER_)/;

/** Runs src/main.ts's run() in this process with the environment set; restores everything afterwards. */
export async function runInProcess(
  opts: ActionEnvOptions & { deps?: Partial<import('../../src/main.js').RunDeps> }
): Promise<ActionRunResult> {
  const { env, dir } = buildActionEnv(opts);
  const saved = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  for (const k of Object.keys(process.env)) if (AWS_AND_GITHUB.test(k)) delete process.env[k];
  Object.assign(process.env, env);
  process.chdir(dir);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  let exitCode = 0;
  try {
    const { run } = await import('../../src/main.js');
    process.exitCode = undefined;
    await run(opts.deps ?? {});
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    process.stdout.write = write;
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  return collect(dir, env, exitCode, chunks.join(''), '');
}

/** Spawns `node dist/index.js` as the runner does. */
export async function runDist(opts: ActionEnvOptions): Promise<ActionRunResult> {
  return spawnDist(opts).done;
}

/** Spawns `node dist/index.js` and returns the child (to signal it) and its result once it exits. */
export function spawnDist(opts: ActionEnvOptions): { child: ChildProcess; done: Promise<ActionRunResult> } {
  const { env, dir } = buildActionEnv(opts);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !AWS_AND_GITHUB.test(k)) base[k] = v;
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'index.js')], {
    cwd: dir,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<number>(res => child.on('close', code => res(code ?? 1))).then(exitCode =>
    collect(dir, env, exitCode, stdout, stderr)
  );
  return { child, done };
}

export function cleanup(result: { dir: string }): void {
  rmSync(result.dir, { recursive: true, force: true });
}

/** Every place a secret could leak to, joined, for scanning. */
export function everythingPrinted(r: ActionRunResult): string {
  const reportDir = join(r.dir, r.env['INPUT_REPORT-DIR'] ?? 'compliance-report');
  let reports = '';
  for (const f of ['compliance-report.json']) {
    const p = join(reportDir, f);
    if (existsSync(p)) reports += readFileSync(p, 'utf8');
  }
  return [r.stdout, r.stderr, JSON.stringify(r.outputs), r.summary, reports].join('\n');
}
