/**
 * npm run demo: the whole flow on the simulated AWS account, as GitHub would run the action.
 * Builds dist/ if needed, starts the simulator (scenario seed), runs dist/index.js with INPUT_* variables and the
 * OIDC endpoint, prints the job summary for a terminal and the report paths, and stops the simulator.
 * Exits 0 when the demo ran as intended (the gate's failure on this account is the expected result).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runDist, type ActionRunResult } from '../test/helpers/action-env.js';
import { startSimulator } from '../test/sim/index.js';
import { renderSummaryForTerminal } from './lib/terminal-summary.js';

const out = (line = ''): void => {
  process.stdout.write(line + '\n');
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const dist = join(REPO_ROOT, 'dist', 'index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newestMtime(join(REPO_ROOT, 'src'))) return;
  out('Building dist/ (npm run build) ...');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

function section(title: string): void {
  out();
  out(`=== ${title} ${'='.repeat(Math.max(0, 74 - title.length))}`);
}

function show(result: ActionRunResult): void {
  out(renderSummaryForTerminal(result.summary));
  section('Step outputs');
  for (const [k, v] of Object.entries(result.outputs)) out(`  ${k} = ${v}`);
  const failure = /^::error::(.*)$/m.exec(result.stdout);
  out();
  out(`  exit code ${result.exitCode}${failure ? `: ${failure[1]}` : ''}`);
}

async function main(): Promise<number> {
  buildIfNeeded();
  const reportDir = join(REPO_ROOT, 'compliance-report', 'demo');
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });

  const sim = await startSimulator({ scenario: 'seed' });
  try {
    section('Simulated AWS account: scenario seed');
    out(`  endpoint ${sim.url}  account ${sim.state.accountId}  region ${sim.state.region}`);
    out('  buckets: ' + Object.keys(sim.state.resources.s3Buckets).join(', '));
    out(`  EBS encryption by default in us-east-1: ${String(sim.state.resources.ebsEncryptionByDefault['us-east-1'])}`);

    section('Scheduled compliance check (node dist/index.js, as GitHub runs it)');
    const result = await runDist({
      inputs: {
        'aws-region': 'us-east-1',
        'role-to-assume': 'arn:aws:iam::123456789012:role/compliance-gate',
        'allowed-account-ids': '123456789012',
        'report-dir': reportDir
      },
      env: sim.env('main')
    });
    show(result);

    section('Report files');
    for (const f of readdirSync(reportDir)) out(`  ${join(reportDir, f)}`);

    const calls = sim.calls();
    out();
    out(`  AWS calls made: ${calls.total}`);

    const expected = result.exitCode === 1 && result.outputs.result === 'fail' && result.outputs['noncompliant-count'] === '3';
    section('Result');
    if (expected) {
      out('  The gate failed, as expected: this account has 3 non-compliant resources in 2 rules.');
      out('  The demo ran as intended.');
      return 0;
    }
    out('  The demo did not behave as intended (see above).');
    if (result.stderr) out(result.stderr);
    return 1;
  } finally {
    await sim.close();
  }
}

main().then(
  code => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
);
