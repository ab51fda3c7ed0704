/**
 * The scheduled compliance check end to end against the simulated account: seed (the blog's account), faults,
 * a hostile resource id, staleness, re-evaluation, and the large `scale` account (call count = lower bound).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, runInProcess, type ActionRunResult } from '../helpers/action-env.js';
import { expectedNonCompliantCounts } from 'aws-sim/scenarios/scale';
import { startSimulator, type Simulator } from 'aws-sim';
import type { Clock } from '../../src/util/clock.js';
import { recordChanges } from '../helpers/sim-clock.js';

const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';

/** Real time, but waiting is a single turn of the event loop (the simulator evaluates asynchronously). */
const fastClock: Clock = { now: () => new Date(), sleep: () => new Promise(r => setTimeout(r, 5)) };

interface ReportJson {
  schemaVersion: number;
  run: { accountId: string; region: string };
  gate: { result: string; noncompliantCount: number };
  accounts: { accountId: string; regions: { region: string; status: string }[] }[];
  rules: {
    accountId: string;
    region: string;
    name: string;
    status: string;
    findings: { accountId: string; region: string; resourceType: string; resourceId: string; fingerprint: string }[];
  }[];
}

function report(r: ActionRunResult): ReportJson {
  return JSON.parse(readFileSync(join(r.dir, r.outputs['report-file']!), 'utf8')) as ReportJson;
}

/** The report without the fields that differ between runs (times). */
function stable(r: ReportJson): unknown {
  return r.rules.map(rule => ({ name: rule.name, status: rule.status, findings: rule.findings }));
}

async function check(sim: Simulator, extra: Record<string, string> = {}): Promise<ActionRunResult> {
  return runInProcess({
    inputs: { 'aws-region': 'us-east-1', 'role-to-assume': ROLE, ...extra },
    env: sim.env('main'),
    deps: { clock: fastClock }
  });
}

const results: ActionRunResult[] = [];
afterEach(() => {
  for (const r of results.splice(0)) cleanup(r);
});
const keep = (r: ActionRunResult): ActionRunResult => (results.push(r), r);

describe('seed', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('fails on 3 non-compliant resources in 2 rules, and reports every one', async () => {
    sim.reset();
    const r = keep(await check(sim));
    expect(r.exitCode).toBe(1);
    expect(r.outputs).toMatchObject({
      result: 'fail',
      'noncompliant-count': '3',
      'checked-rules': '2',
      'report-file': 'compliance-report/compliance-report.json'
    });
    expect(r.outputs['noncompliant-rules']!.split(',').sort()).toEqual([
      'ec2-ebs-encryption-by-default',
      's3-bucket-logging-enabled'
    ]);
    expect(r.stdout).toContain('::error::Compliance gate failed: 3 non-compliant resources in 2 rules');
    for (const text of [
      's3-bucket-logging-enabled',
      'ec2-ebs-encryption-by-default',
      'claims-uploads',
      'access-logs',
      '123456789012'
    ]) {
      expect(r.summary).toContain(text);
    }
    expect(r.summary.indexOf('Compliance gate failed')).toBeLessThan(r.summary.indexOf('### Rules'));
    const json = report(r);
    expect(json.schemaVersion).toBe(2);
    // A single-account run: one account, one checked region, the run's own; every rule result and finding names them.
    expect(json.accounts).toEqual([
      { accountId: json.run.accountId, regions: [{ region: json.run.region, status: 'checked' }] }
    ]);
    for (const rule of json.rules) {
      expect([rule.accountId, rule.region]).toEqual([json.run.accountId, json.run.region]);
      for (const f of rule.findings) expect([f.accountId, f.region]).toEqual([json.run.accountId, json.run.region]);
    }
    expect(json.gate).toMatchObject({ result: 'fail', noncompliantCount: 3 });
    const ids = json.rules.flatMap(rule => rule.findings.map(f => `${rule.name} ${f.resourceType} ${f.resourceId}`));
    expect(ids.sort()).toEqual([
      'ec2-ebs-encryption-by-default AWS::::Account 123456789012',
      's3-bucket-logging-enabled AWS::S3::Bucket access-logs',
      's3-bucket-logging-enabled AWS::S3::Bucket claims-uploads'
    ]);
    // annotations: one per rule, naming the count
    expect(r.stdout).toMatch(/^::error title=[^:]*s3-bucket-logging-enabled[^:]*::2 non-compliant/m);
    // progress: one group per phase
    expect(r.stdout).toContain('::group::Read rule compliance');
    expect(r.stdout).toContain('::group::Read non-compliant resources');
  });

  it('makes the fewest calls: one compliance read, one status read, one details page per non-compliant rule, two recorder reads', async () => {
    sim.reset();
    keep(await check(sim));
    expect(sim.calls().byOperation).toEqual({
      'sts:AssumeRoleWithWebIdentity': 1,
      'sts:GetCallerIdentity': 1,
      'config:DescribeComplianceByConfigRule': 1,
      'config:DescribeConfigRuleEvaluationStatus': 1,
      'config:GetComplianceDetailsByConfigRule': 2,
      // The recorder records every type, so the rules' triggers need not be read (no DescribeConfigRules).
      'config:DescribeConfigurationRecorders': 1,
      'config:DescribeConfigurationRecorderStatus': 1
    });
  });

  it('passes with fail-on: never, still reporting the findings', async () => {
    sim.reset();
    const r = keep(await check(sim, { 'fail-on': 'never' }));
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ result: 'pass', 'noncompliant-count': '3' });
    expect(r.summary).toContain('3 non-compliant resources in 2 rules (fail-on: never)');
  });

  it('checks only the named rules', async () => {
    sim.reset();
    const r = keep(await check(sim, { rules: 'ec2-ebs-encryption-by-default' }));
    expect(r.outputs).toMatchObject({ 'checked-rules': '1', 'noncompliant-count': '1' });
  });

  it('reports an unknown rule as an error that fails the gate, naming the call and code', async () => {
    sim.reset();
    const r = keep(await check(sim, { rules: 'ec2-ebs-encryption-by-default\nno-such-rule', 'fail-on': 'never' }));
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(r.summary).toContain('NoSuchConfigRuleException');
    expect(report(r).rules.find(x => x.name === 'no-such-rule')?.status).toBe('error');
    expect(report(r).rules.find(x => x.name === 'ec2-ebs-encryption-by-default')?.status).toBe('noncompliant');
  });

  it('labels results older than max-result-age as stale', async () => {
    sim.reset();
    const r = keep(await check(sim, { 'max-result-age': '30m', 'fail-on': 'stale' }));
    expect(r.exitCode).toBe(1);
    expect(report(r).rules.map(x => x.status)).toEqual(['stale', 'stale']);
    expect(r.stdout).toContain('::error::Compliance gate failed: 2 rules with stale results');
    expect(r.summary).toMatch(/stale/i);
  });

  it('evaluate: true re-evaluates, and a second run within a minute waits instead of failing', async () => {
    sim.reset();
    // Fix the bucket behind one finding: the fresh evaluation must see it.
    sim.state.resources.s3Buckets['claims-uploads']!.logging = { targetBucket: 'access-logs' };
    recordChanges(sim); // the recorder records the change after its delay (seed: recorderDelaySeconds 2)
    const first = keep(await check(sim, { evaluate: 'true' }));
    expect(first.outputs['noncompliant-count']).toBe('2');
    expect(sim.calls().byOperation['config:StartConfigRulesEvaluation']).toBe(1);
    const second = keep(await check(sim, { evaluate: 'true' }));
    expect(second.outputs['noncompliant-count']).toBe('2');
    expect(second.stdout).toContain('an evaluation started less than a minute ago; waiting for it instead');
    expect(second.stdout).not.toMatch(/LimitExceededException/);
  });

  it('with 30% throttling and 5% server errors the report equals the fault-free one', async () => {
    sim.reset();
    const clean = report(keep(await check(sim)));
    sim.resetCalls();
    sim.setFaults({ throttleRate: 0.3, serverErrorRate: 0.05, seed: 7 });
    const faulty = keep(await check(sim));
    expect(Object.keys(sim.calls().faulted).length).toBeGreaterThan(0);
    expect(stable(report(faulty))).toEqual(stable(clean));
    sim.setFaults({});
  });

  it('renders a hostile resource id inert in the summary, annotations and log', async () => {
    sim.reset();
    const hostile = 'x](javascript:alert(1)) <img src=x onerror=alert(1)> |\n::error::pwned';
    sim.state.resources.s3Buckets[hostile] = { name: hostile };
    recordChanges(sim); // the recorder records the change after its delay (seed: recorderDelaySeconds 2)
    const r = keep(await check(sim, { evaluate: 'true', 'fail-on': 'never' }));
    expect(report(r).rules.flatMap(x => x.findings.map(f => f.resourceId))).toContain(hostile);
    expect(r.summary).not.toContain('<img');
    expect(r.summary).not.toMatch(/(^|[^\\])\]\(javascript/m);
    for (const line of r.stdout.split('\n')) expect(line.startsWith('::error::pwned')).toBe(false);
    for (const line of r.summary.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
  });
});

describe('scale: 130 rules, 20,000 resources', () => {
  const params = { rules: '130', resources: '20000', 'noncompliant-ratio': '0.3' };
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'scale', params });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('makes exactly the lower bound of calls, keeps the summary under 1 MiB and the JSON report complete', async () => {
    const expected = expectedNonCompliantCounts(params);
    const rules = Object.keys(expected).length;
    const findings = Object.values(expected).reduce((a, b) => a + b, 0);
    const detailPages = Object.values(expected).reduce((n, c) => n + Math.ceil(c / 100), 0);
    // STS (2), compliance pages, status pages, detail pages, and the recorder and its status (2).
    const lowerBound = 2 + Math.ceil(rules / 25) + Math.ceil(rules / 50) + detailPages + 2;

    const r = keep(await check(sim, { 'fail-on': 'never' }));
    expect(r.exitCode).toBe(0);
    const calls = sim.calls();
    expect(calls.byOperation['config:DescribeComplianceByConfigRule']).toBe(Math.ceil(rules / 25));
    expect(calls.byOperation['config:GetComplianceDetailsByConfigRule']).toBe(detailPages);
    expect(calls.total).toBe(lowerBound);

    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
    expect(r.summary).toMatch(/left out/);
    expect(r.summary).toContain('compliance-report.json');
    const json = report(r);
    expect(json.rules).toHaveLength(rules);
    expect(json.rules.reduce((n, x) => n + x.findings.length, 0)).toBe(findings);
    expect(r.outputs['noncompliant-count']).toBe(String(findings));
    const errorAnnotations = r.stdout.split('\n').filter(l => l.startsWith('::error'));
    expect(errorAnnotations.length).toBeLessThanOrEqual(10);
  });
});
