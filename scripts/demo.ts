/**
 * npm run demo: the whole flow on the simulated AWS account, as GitHub would run the action.
 * Builds dist/ if needed, starts the simulator (scenario seed), runs dist/index.js with INPUT_* variables and the
 * OIDC endpoint, prints the job summary for a terminal and the report paths, and stops the simulator.
 * Exits 0 when the demo ran as intended (the gate's failure on this account is the expected result).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT, runDist, type ActionRunResult } from '../test/helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
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

interface Step {
  title: string;
  /** The step's inputs; a function gets the earlier steps' results (e.g. to pass an approved plan hash on). */
  inputs: Record<string, string> | ((earlier: ActionRunResult[]) => Record<string, string>);
  expect: (r: ActionRunResult, sim: Simulator) => string | undefined;
  /** Shows what changed in the simulated account. */
  after?: (sim: Simulator) => void;
}

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const SEED_MANIFEST = join(REPO_ROOT, 'examples', 'seed', 'compliance.yml');

/** examples/seed with automatic remediation off, so the demo shows the manual, approved flow. */
function manualSeedManifest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'compliance-gate-demo-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const file = join(dir, 'compliance.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/automatic: true/g, 'automatic: false'));
  return file;
}

function showAccount(sim: Simulator): void {
  out(
    `  EBS encryption by default in us-east-1 now: ${String(sim.state.resources.ebsEncryptionByDefault['us-east-1'])}`
  );
  const messages = sim.state.sns.messages.map(m => m.message);
  out(`  SNS messages on my-sns-topic: ${messages.length === 0 ? 'none' : ''}`);
  for (const m of messages) out(`    - ${m.split('\n')[0]}`);
}

async function runSteps(scenario: string, intro: string, steps: Step[], reportRoot: string): Promise<string[]> {
  const problems: string[] = [];
  const sim = await startSimulator({ scenario });
  try {
    section(`Simulated AWS account: scenario ${scenario}`);
    out(`  ${intro}`);
    out(`  endpoint ${sim.url}  account ${sim.state.accountId}  region ${sim.state.region}`);
    out('  buckets: ' + Object.keys(sim.state.resources.s3Buckets).join(', '));
    out(`  EBS encryption by default in us-east-1: ${String(sim.state.resources.ebsEncryptionByDefault['us-east-1'])}`);
    const earlier: ActionRunResult[] = [];
    for (const [i, step] of steps.entries()) {
      const reportDir = join(reportRoot, `${scenario}-${i + 1}`);
      mkdirSync(reportDir, { recursive: true });
      section(`${step.title} (node dist/index.js, as GitHub runs it)`);
      sim.resetCalls();
      const inputs = typeof step.inputs === 'function' ? step.inputs(earlier) : step.inputs;
      const result = await runDist({
        inputs: {
          'aws-region': 'us-east-1',
          'role-to-assume': ROLE,
          'report-dir': reportDir,
          'sarif-file': join(reportDir, 'compliance.sarif'),
          ...inputs
        },
        // The manifest's directory is the checkout (GITHUB_WORKSPACE): the files it names must lie inside it.
        env: { ...sim.env('main'), GITHUB_WORKSPACE: inputs.config ? dirname(inputs.config) : REPO_ROOT }
      });
      show(result);
      out(`  AWS calls made: ${sim.calls().total}`);
      out('  report files:');
      for (const f of readdirSync(reportDir)) out(`    ${join(reportDir, f)}`);
      step.after?.(sim);
      earlier.push(result);
      const problem = step.expect(result, sim);
      if (problem) problems.push(`${step.title}: ${problem}`);
    }
  } finally {
    await sim.close();
  }
  return problems;
}

async function main(): Promise<number> {
  buildIfNeeded();
  const reportRoot = join(REPO_ROOT, 'compliance-report', 'demo');
  rmSync(reportRoot, { recursive: true, force: true });

  const seedManual = manualSeedManifest();
  const problems = [
    ...(await runSteps(
      'seed',
      "The blog's account: Config rules deployed, a bucket without access logging, EBS default encryption off.",
      [
        {
          title: 'Scheduled compliance check',
          inputs: { 'allowed-account-ids': '123456789012' },
          expect: r =>
            r.exitCode === 1 && r.outputs.result === 'fail' && r.outputs['noncompliant-count'] === '3'
              ? undefined
              : 'expected the gate to fail on 3 non-compliant resources'
        },
        {
          title: 'Deploy the runbooks and remediation bindings (deploy: apply; automatic remediation off for the demo)',
          inputs: { config: seedManual, deploy: 'apply', 'fail-on': 'never' },
          expect: r => (r.exitCode === 0 ? undefined : 'expected the deploy to succeed')
        },
        {
          title: 'Remediation plan (remediate: plan, a dry run: nothing changes)',
          inputs: { config: seedManual, deploy: 'off', remediate: 'plan', 'fail-on': 'never', alert: 'never' },
          after: showAccount,
          expect: (r, sim) =>
            r.outputs['remediation-plan-hash'] && sim.state.sns.messages.length === 0
              ? undefined
              : 'expected a plan and no change'
        },
        {
          title: 'Remediation of the approved plan (remediate: apply, approved-plan-hash from the plan step)',
          inputs: earlier => ({
            config: seedManual,
            deploy: 'off',
            remediate: 'apply',
            'approved-plan-hash': earlier[earlier.length - 1]?.outputs['remediation-plan-hash'] ?? '',
            alert: 'never'
          }),
          after: showAccount,
          expect: (r, sim) =>
            r.outputs['remediated-count'] === '3' &&
            sim.state.resources.ebsEncryptionByDefault['us-east-1'] === true &&
            r.outputs['noncompliant-count'] === '2'
              ? undefined
              : 'expected 3 remediations, EBS encryption on, and the 2 buckets still failing the gate'
        }
      ],
      reportRoot
    )),
    ...(await runSteps(
      'blank',
      'The same resources, no Config rules yet: deploy examples/seed/compliance.yml (the blog as code).',
      [
        {
          title: 'Deploy plan (deploy: plan)',
          inputs: { config: SEED_MANIFEST, deploy: 'plan' },
          expect: r => (r.outputs['drift-count'] === '6' ? undefined : 'expected 6 differences (drift-count=6)')
        },
        {
          title: 'Deploy (deploy: apply)',
          inputs: { config: SEED_MANIFEST, deploy: 'apply', 'fail-on': 'never' },
          expect: r => (r.exitCode === 0 ? undefined : 'expected the apply to succeed')
        },
        {
          title: 'Check after deploy (deploy: plan, evaluate: true, fail-on: noncompliant,drift)',
          inputs: { config: SEED_MANIFEST, deploy: 'plan', evaluate: 'true', 'fail-on': 'noncompliant,drift' },
          after: sim => {
            out('  The bindings are automatic: AWS Config ran the runbooks on the new findings by itself.');
            out('  ec2-ebs-encryption-by-default is periodic: AWS Config does not re-evaluate it on the change;');
            out("  the check's fresh evaluation (evaluate: true) sees the fix.");
            showAccount(sim);
          },
          expect: (r, sim) =>
            r.outputs['drift-count'] === '0' &&
            r.outputs['noncompliant-count'] === '2' &&
            sim.state.resources.ebsEncryptionByDefault['us-east-1'] === true &&
            r.exitCode === 1
              ? undefined
              : 'expected no drift, EBS encryption turned on by automatic remediation, and the 2 buckets still failing'
        }
      ],
      reportRoot
    ))
  ];

  section('Result');
  if (problems.length === 0) {
    out('  Every step behaved as intended. The gate fails on these accounts on purpose: they hold');
    out('  3 non-compliant resources in 2 rules (2 buckets without access logging, EBS default encryption off);');
    out('  after the approved remediation, EBS encryption is on (verified) and the 2 buckets still fail the gate:');
    out('  the alerting runbook tells people, it does not turn logging on.');
    return 0;
  }
  for (const p of problems) out(`  ${p}`);
  return 1;
}

main().then(
  code => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
);
