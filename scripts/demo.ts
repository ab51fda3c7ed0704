/**
 * npm run demo: the blog's story on the simulated AWS account, as GitHub would run the action. Builds dist/ if
 * needed, starts the simulator (scenario seed), runs dist/index.js with INPUT_* variables and the OIDC endpoint, and
 * tells, step by step and printing only what each step adds:
 *   1. the account is non-compliant (S3 access logging, EBS default encryption);
 *   2. the rules and runbooks deployed as code (deploy: apply), with each runbook's least-privilege policy;
 *   3. the alert the S3 finding raises (AWS Config runs the alerting runbook automatically; every SNS message the
 *      simulator received, read from GET /_sim/state);
 *   4. the remediation plan (remediate: plan), its approval, the EBS fix and its verification (remediate: apply);
 *   5. the account re-checked.
 * Every step runs with fail-on: never (a scheduled check would fail the job on this account; the demo says so).
 * Exits 0 when every step behaved as intended.
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
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT, runDist, type ActionRunResult } from '../test/helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import { decodeCommandValue, renderForTerminal, sectionsOf } from './lib/terminal-markdown.js';

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

/** The story's step being told: its reports go to compliance-report/demo/step-N. */
let current = 0;

function section(n: number, title: string): void {
  current = n;
  out();
  out(`=== ${n}. ${title} ${'='.repeat(Math.max(0, 72 - title.length))}`);
}

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const EBS_RULE = 'ec2-ebs-encryption-by-default';

/**
 * examples/seed as the blog has it, but with the EBS binding manual (automatic: false): S3 findings raise their alert
 * automatically, the EBS fix goes through the plan and its approval.
 */
function demoManifest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'compliance-gate-demo-'));
  cpSync(join(REPO_ROOT, 'examples', 'seed'), dir, { recursive: true });
  const file = join(dir, 'compliance.yml');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`- rule: ${EBS_RULE}`);
  if (at < 0) throw new Error(`examples/seed/compliance.yml has no remediation for ${EBS_RULE}`);
  writeFileSync(file, text.slice(0, at) + text.slice(at).replace('automatic: true', 'automatic: false'));
  return file;
}

interface SimState {
  sns: { messages: { subject?: string; message: string; publishedBy?: string }[] };
  resources: { ebsEncryptionByDefault: Record<string, boolean> };
}

/** The simulator's state, read as any client would: GET /_sim/state. */
async function simState(sim: Simulator): Promise<SimState> {
  const res = await fetch(`${sim.url}/_sim/state`);
  return (await res.json()) as SimState;
}

/** Prints the SNS messages published since `seen` (every one of them, in full); returns the new count. */
async function printNewMessages(sim: Simulator, seen: number): Promise<number> {
  const { messages } = (await simState(sim)).sns;
  const fresh = messages.slice(seen);
  if (fresh.length === 0) out('  (no new SNS message)');
  for (const m of fresh) {
    out(
      `  SNS message${m.subject ? `, subject "${m.subject}"` : ''}${m.publishedBy ? ` (published by ${m.publishedBy})` : ''}:`
    );
    for (const line of m.message.split('\n')) out(`    ${line}`);
  }
  return messages.length;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map(l => (l === '' ? '' : `  ${l}`))
    .join('\n');
}

/** The step's failure message, decoded as GitHub shows it (multi-line messages on several lines). */
function failureOf(r: ActionRunResult): string | undefined {
  const m = /^::error::(.*)$/m.exec(r.stdout);
  return m ? decodeCommandValue(m[1] ?? '') : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

async function main(): Promise<number> {
  buildIfNeeded();
  const reportRoot = join(REPO_ROOT, 'compliance-report', 'demo');
  rmSync(reportRoot, { recursive: true, force: true });
  const manifest = demoManifest();
  const problems: string[] = [];
  const sim = await startSimulator({ scenario: 'seed' });
  const action = async (inputs: Record<string, string>): Promise<ActionRunResult> => {
    const step = current;
    const reportDir = join(reportRoot, `step-${step}`);
    mkdirSync(reportDir, { recursive: true });
    const r = await runDist({
      cwd: reportDir,
      inputs: {
        'aws-region': 'us-east-1',
        'role-to-assume': ROLE,
        'fail-on': 'never',
        'report-dir': 'compliance-report',
        ...inputs
      },
      // The manifest's directory is the checkout (GITHUB_WORKSPACE): the files it names must lie inside it.
      env: { ...sim.env('main'), GITHUB_WORKSPACE: inputs.config ? dirname(inputs.config) : reportDir }
    });
    const failure = failureOf(r);
    if (r.exitCode !== 0 || failure) problems.push(`step ${step} exited ${r.exitCode}${failure ? `: ${failure}` : ''}`);
    writeFileSync(join(reportDir, 'step-summary.md'), r.summary);
    return r;
  };
  const expect = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  try {
    out(`Simulated AWS account ${sim.state.accountId} (${sim.state.region}) at ${sim.url}, scenario seed.`);
    out(`Each step runs node dist/index.js as GitHub does; its job summary is in compliance-report/demo/step-N/.`);

    section(1, 'The account is non-compliant');
    out('  A scheduled check reads AWS Config (fail-on: never here; on a schedule the job would fail):');
    const checked = await action({});
    out(indent(renderForTerminal(checked.summary)));
    expect(checked.outputs['noncompliant-count'] === '3', 'step 1: expected 3 non-compliant resources');

    section(2, 'The rules and runbooks deployed as code');
    out(
      `  deploy: apply of ${relative(REPO_ROOT, join(REPO_ROOT, 'examples/seed/compliance.yml'))} (the EBS binding set to`
    );
    out('  automatic: false for the demo, so its fix goes through approval):');
    const deployed = await action({ config: manifest, deploy: 'apply' });
    const deploySection = sectionsOf(deployed.summary, /^Deploy/).split('<details><summary>Least-privilege')[0] ?? '';
    out(indent(renderForTerminal(deploySection)));
    const planFile = join(reportRoot, 'step-2', deployed.outputs['plan-file'] ?? '');
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as {
      runbooks: { name: string; hash: string; policy: unknown; notes: string[] }[];
    };
    out();
    out("  The least-privilege IAM policy of each runbook's assume role, derived from its steps (plan.json):");
    for (const rb of plan.runbooks) {
      out();
      out(`  ${rb.name} (sha256 ${rb.hash.slice(0, 12)})`);
      out(indent(renderForTerminal(['```json', JSON.stringify(rb.policy, null, 2), '```'].join('\n'))));
      for (const note of rb.notes) out(`  - ${note}`);
    }
    expect(deployed.outputs['drift-count'] !== undefined, 'step 2: expected a deploy plan');

    section(3, 'The alert the S3 finding raises');
    out(
      '  Deploying the rules made AWS Config evaluate them again; its automatic remediation ran the alerting runbook'
    );
    out('  on each bucket without access logging, and the runbook published to my-sns-topic. Messages received:');
    let seen = 0;
    for (let i = 0; i < 100 && (await simState(sim)).sns.messages.length < 2; i++) await sleep(100);
    seen = await printNewMessages(sim, seen);
    expect(seen >= 1, 'step 3: expected the S3 alert on my-sns-topic');

    section(4, 'The remediation plan');
    out(`  remediate: plan for ${EBS_RULE} (a dry run: nothing changes):`);
    const planned = await action({ config: manifest, remediate: 'plan', 'remediate-rules': EBS_RULE, alert: 'never' });
    out(indent(renderForTerminal(sectionsOf(planned.summary, /^🛠️ Remediation/))));
    const hash = planned.outputs['remediation-plan-hash'] ?? '';
    expect(/^[0-9a-f]{64}$/.test(hash), 'step 4: expected a remediation plan hash');

    section(5, 'Its approval, the EBS fix and its verification');
    out(`  A reviewer approves plan ${hash.slice(0, 12)}… (on GitHub: a protected environment's required reviewers);`);
    out(
      '  the apply run gets approved-plan-hash and the plan file, runs exactly that plan, then re-evaluates the rule'
    );
    out("  and reads the setting again to verify it (alert: on-change sends the action's own summary to SNS):");
    const approvedPlan = join(reportRoot, 'step-4', planned.outputs['remediation-plan-file'] ?? '');
    const applied = await action({
      config: manifest,
      remediate: 'apply',
      'remediate-rules': EBS_RULE,
      'approved-plan-hash': hash,
      'approved-plan-file': approvedPlan,
      alert: 'on-change'
    });
    out(indent(renderForTerminal(sectionsOf(applied.summary, /^(🛠️ Remediat|✅ Fixed in this run)/))));
    const ebs = (await simState(sim)).resources.ebsEncryptionByDefault['us-east-1'];
    out();
    out(`  EBS encryption by default in us-east-1 is now: ${String(ebs)}. New SNS messages:`);
    seen = await printNewMessages(sim, seen);
    expect(
      applied.outputs['remediated-count'] === '1' && ebs === true,
      'step 5: expected EBS encryption fixed and verified'
    );

    section(6, 'The account re-checked');
    const rechecked = await action({ config: manifest });
    out(indent(renderForTerminal(sectionsOf(rechecked.summary, /^(✅|❌) Compliance gate|^Rules$/))));
    seen = await printNewMessages(sim, seen);
    expect(
      rechecked.outputs['noncompliant-count'] === '2',
      'step 6: expected the 2 buckets, and only them, non-compliant'
    );
  } finally {
    await sim.close();
  }

  out();
  out('=== Result ' + '='.repeat(69));
  if (problems.length === 0) {
    out('  Every step behaved as intended. EBS default encryption is on and verified; the 2 buckets still fail the');
    out('  gate: the alerting runbook tells people, it does not turn logging on.');
    return 0;
  }
  for (const p of problems) out(`  ${p}`);
  return 1;
}

main().then(
  code => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
);
