/**
 * npm run bench: the action's speed and memory targets (issue 15), each printed with its figure, goal and
 * met/missed, measured on the built dist/index.js against the simulator. Build first: `npm run build`.
 *  1. bytes: dist/index.js, plus the chunks a plain check loads (recorded with test/helpers/record-loads.mjs), plus
 *     every chunk;
 *  2. cold start: `node dist/index.js` to its first network request (the OIDC token request) vs a bare `node -e 0`
 *     in the same run (configure-aws-credentials' bundle cannot be obtained here: it is not on the npm registry);
 *  3. the scheduled check on the `scale` account (130 rules, 30% non-compliant) with 40 ms latency: calls vs the
 *     lower bound, wall time vs the bound the latency allows, and a boto3-style peer (8 parallel paginators with
 *     the SDK, in this process) side by side;
 *  4. the same under a rate cap on GetComplianceDetailsByConfigRule: wall time vs the bound the rate allows;
 *  5. peak RSS at 10k, 30k and 100k findings, and the growth per finding;
 *  6. parsing a 10 MB conformance pack template with 60,000 rules (and half and a quarter of it).
 * `npm run bench -- pack-parse` runs entry 6 only (it needs no build). The machine's load shows in the timings:
 * medians are printed; re-run on a quiet machine for figures to compare.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigServiceClient,
  paginateDescribeComplianceByConfigRule,
  paginateDescribeConfigRuleEvaluationStatus,
  paginateGetComplianceDetailsByConfigRule
} from '@aws-sdk/client-config-service';
import { buildActionEnv, parseOutputFile, REPO_ROOT } from '../test/helpers/action-env.js';
import { startSimulator, type Simulator } from 'aws-sim';
import { expectedNonCompliantCounts } from 'aws-sim/scenarios/scale';
import { parseConformancePack } from '../src/conformance/template/index.js';
import { ALWAYS_FRESH_SECONDS } from '../src/compliance/freshness.js';

/** How long before the simulator's start the scale scenario's rules were evaluated (scenarios/scale.ts). */
const SCALE_EVALUATED_AGO_SECONDS = 1800;
const LATENCY_MS = 40;

const DIST = join(REPO_ROOT, 'dist', 'index.js');
const RECORDER = pathToFileURL(join(REPO_ROOT, 'test', 'helpers', 'record-loads.mjs')).href;
const ROLE = 'arn:aws:iam::123456789012:role/compliance-gate';
const out = (line: string): void => void process.stdout.write(line + '\n');
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

/** A pass-through proxy in front of the simulator that records when the first request of any kind arrives. */
async function recordingProxy(target: string): Promise<{
  url: string;
  firstRequestAt: () => number | undefined;
  reset: () => void;
  close: () => Promise<void>;
}> {
  let first: number | undefined;
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    if (first === undefined) first = performance.now();
    const proxied = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      }
    );
    proxied.on('error', () => res.destroy());
    req.pipe(proxied);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstRequestAt: () => first,
    reset: () => (first = undefined),
    close: () => new Promise(r => server.close(() => r()))
  };
}

interface Run {
  exitCode: number;
  wallMs: number;
  firstRequestMs?: number;
  maxRssKiB: number;
  outputs: Record<string, string>;
  /** The modules (dist files) the process loaded, with a load recorder. */
  loaded?: string[];
}

async function runDist(
  env: Record<string, string>,
  inputs: Record<string, string>,
  opts: { proxy?: Awaited<ReturnType<typeof recordingProxy>>; recordLoads?: boolean } = {}
): Promise<Run> {
  const { env: actionEnv, dir } = buildActionEnv({ inputs, env });
  const probe = join(dir, 'rss.txt');
  const loads = join(dir, 'loads.txt');
  opts.proxy?.reset();
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(AWS_|INPUT_|GITHUB_|ACTIONS_|NODE_OPTIONS)/.test(k)) base[k] = v;
  const args = ['--require', join(REPO_ROOT, 'bench', 'rss-probe.cjs')];
  if (opts.recordLoads) args.push('--import', RECORDER);
  const start = performance.now();
  const child = spawn(process.execPath, [...args, DIST], {
    cwd: dir,
    env: { ...base, ...actionEnv, RSS_PROBE_FILE: probe, ...(opts.recordLoads ? { LOADS_FILE: loads } : {}) },
    stdio: ['ignore', 'ignore', 'ignore']
  });
  const exitCode = await new Promise<number>(r => child.on('close', c => r(c ?? 1)));
  const wallMs = performance.now() - start;
  const first = opts.proxy?.firstRequestAt();
  const run: Run = {
    exitCode,
    wallMs,
    maxRssKiB: Number(readFileSync(probe, 'utf8')),
    outputs: parseOutputFile(readFileSync(actionEnv.GITHUB_OUTPUT!, 'utf8'))
  };
  if (first !== undefined) run.firstRequestMs = first - start;
  if (opts.recordLoads && existsSync(loads)) run.loaded = readFileSync(loads, 'utf8').split('\n').filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  return run;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const inputsOf = (extra: Record<string, string> = {}): Record<string, string> => ({
  'aws-region': 'us-east-1',
  'role-to-assume': ROLE,
  'fail-on': 'never',
  ...extra
});

/** Entry, chunks a plain check loads, all chunks. */
async function bytes(sim: Simulator): Promise<void> {
  const dist = join(REPO_ROOT, 'dist');
  const size = (f: string): number => statSync(join(dist, f)).size;
  const chunks = readdirSync(dist).filter(f => f.endsWith('.js') && f !== 'index.js');
  const entry = size('index.js');
  const r = await runDist(sim.env('main'), inputsOf(), { recordLoads: true });
  if (r.exitCode !== 0) throw new Error(`plain check failed (exit ${r.exitCode})`);
  const loaded = (r.loaded ?? []).filter(u => u.startsWith(pathToFileURL(dist).href)).map(u => basename(u));
  const loadedChunks = chunks.filter(c => loaded.includes(c));
  const plain = entry + loadedChunks.reduce((n, c) => n + size(c), 0);
  const all = entry + chunks.reduce((n, c) => n + size(c), 0);
  out(`bytes: entry dist/index.js ${mb(entry)} (${entry})`);
  out(
    `  entry + the ${loadedChunks.length} of ${chunks.length} chunks a plain check loads (${loadedChunks.join(', ')}): ${mb(plain)} (${plain}); goal <= 2,000,000: ${verdict(plain <= 2_000_000)}`
  );
  out(`  entry + all ${chunks.length} chunks: ${mb(all)} (${all}) (reference: 3.19 MB loaded by a plain check before)`);
}

/** Cold start to the first network request (the OIDC token request) vs `node -e 0`, interleaved, medians. */
async function startup(sim: Simulator): Promise<number> {
  const proxy = await recordingProxy(sim.url);
  try {
    const env = sim.env('main');
    const oidc = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL!);
    const proxied = {
      ...env,
      AWS_ENDPOINT_URL: proxy.url,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${proxy.url}${oidc.pathname}${oidc.search}`
    };
    const times: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      floors.push(performance.now() - t0);
      const r = await runDist(proxied, inputsOf(), { proxy });
      if (r.firstRequestMs === undefined || r.exitCode !== 0)
        throw new Error(`startup run ${i} failed (exit ${r.exitCode})`);
      times.push(r.firstRequestMs);
    }
    const m = median(times);
    const f = median(floors);
    out(
      `cold start: node dist/index.js -> first network request (OIDC token): median ${m.toFixed(0)} ms of ${times.length} (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`
    );
    out(`  node -e 0 (same run, interleaved): median ${f.toFixed(0)} ms`);
    out(
      `  ratio ${(m / f).toFixed(2)}x; goal <= 1.75x (0.8x configure-aws-credentials, which is about 2.2x node -e 0): ${verdict(m / f <= 1.75)}`
    );
    out(
      '  configure-aws-credentials bundle: not measured (not on the npm registry; GitHub not reachable here): the 1.75x goal of the issue stands in'
    );
    return m;
  } finally {
    await proxy.close();
  }
}

interface ScaleShape {
  params: Record<string, string>;
  rules: number;
  findings: number;
  detailPages: number;
  maxRulePages: number;
  lowerBound: number;
}

function shape(params: Record<string, string>): ScaleShape {
  const expected = expectedNonCompliantCounts(params);
  const rules = Object.keys(expected).length;
  const pages = Object.values(expected).map(c => Math.ceil(c / 100));
  const findings = Object.values(expected).reduce((a, b) => a + b, 0);
  // STS (2), compliance pages (25 rules each), status pages (50 each), detail pages (100 results each), the
  // configuration recorder with its status (2), and rule descriptions for freshness (none: the scale account's rules
  // were evaluated 30 minutes ago, under ALWAYS_FRESH_SECONDS).
  const describedForFreshness = SCALE_EVALUATED_AGO_SECONDS > ALWAYS_FRESH_SECONDS ? rules : 0;
  const detailPages = pages.reduce((a, b) => a + b, 0);
  const lowerBound =
    2 + Math.ceil(rules / 25) + Math.ceil(rules / 50) + detailPages + 2 + Math.ceil(describedForFreshness / 25);
  return { params, rules, findings, detailPages, maxRulePages: Math.max(...pages), lowerBound };
}

/**
 * The boto3-style peer: what a script with 8 threads does, in TypeScript with the SDK: list rule compliance and
 * statuses, then 8 parallel paginators over the non-compliant rules' details. Time from its first call to its end.
 */
async function peer(sim: Simulator): Promise<{ ms: number; findings: number }> {
  const client = new ConfigServiceClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: sim.staticCredentials(),
    maxAttempts: 3
  });
  const start = performance.now();
  const noncompliant: string[] = [];
  for await (const page of paginateDescribeComplianceByConfigRule({ client }, {}))
    for (const c of page.ComplianceByConfigRules ?? [])
      if (c.Compliance?.ComplianceType === 'NON_COMPLIANT') noncompliant.push(c.ConfigRuleName!);
  for await (const page of paginateDescribeConfigRuleEvaluationStatus({ client, pageSize: 50 }, {}))
    void page.ConfigRulesEvaluationStatus;
  let findings = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < noncompliant.length) {
      const name = noncompliant[next++]!;
      for await (const page of paginateGetComplianceDetailsByConfigRule(
        { client, pageSize: 100 },
        { ConfigRuleName: name, ComplianceTypes: ['NON_COMPLIANT'] }
      ))
        findings += page.EvaluationResults?.length ?? 0;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const ms = performance.now() - start;
  client.destroy();
  return { ms, findings };
}

/** The check on the scale account with latency: calls, wall time vs the latency bound, the peer side by side. */
async function scale(coldStartMs: number): Promise<void> {
  const s = shape({ rules: '130', resources: '20000', 'noncompliant-ratio': '0.3' });
  const sim = await startSimulator({ scenario: 'scale', params: s.params, faults: { latencyMs: LATENCY_MS } });
  try {
    const walls: number[] = [];
    let calls = 0;
    for (let i = 0; i < 3; i++) {
      sim.resetCalls();
      const r = await runDist(sim.env('main'), inputsOf());
      if (r.exitCode !== 0) throw new Error(`scale run failed (exit ${r.exitCode})`);
      if (r.outputs['noncompliant-count'] !== String(s.findings))
        throw new Error(`scale: noncompliant-count ${r.outputs['noncompliant-count']}, expected ${s.findings}`);
      walls.push(r.wallMs);
      calls = sim.calls().total;
    }
    const peers: number[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await peer(sim);
      if (p.findings !== s.findings) throw new Error(`peer read ${p.findings} findings, not ${s.findings}`);
      peers.push(p.ms);
    }
    // The rounds no client can avoid: STS (2, in sequence), the compliance pages (in sequence: each page's token
    // comes from the one before), then the longest rule's detail pages (in sequence); all else can overlap.
    const rounds = 2 + Math.ceil(s.rules / 25) + s.maxRulePages;
    const bound = coldStartMs + rounds * LATENCY_MS;
    const wall = median(walls);
    out(
      `scale: ${s.rules} rules, 20000 resources, ${s.findings} findings, ${LATENCY_MS} ms latency per call (3 runs each)`
    );
    out(`  calls ${calls}, lower bound ${s.lowerBound}: ${verdict(calls === s.lowerBound)} (goal: equal)`);
    out(
      `  wall time median ${(wall / 1000).toFixed(2)} s; bound ${(bound / 1000).toFixed(2)} s (cold start + ${rounds} round trips in sequence): ${(wall / bound).toFixed(2)}x; goal <= 1.3x: ${verdict(wall / bound <= 1.3)}`
    );
    const work = wall - coldStartMs;
    const peerMs = median(peers);
    out(
      `  boto3-style peer (8 parallel paginators, SDK, in process, from its first call): median ${(peerMs / 1000).toFixed(2)} s; the action from its first request: ${(work / 1000).toFixed(2)} s (wall less cold start); action/peer ${(work / peerMs).toFixed(2)}x; goal <= 1x: ${verdict(work <= peerMs)}`
    );
  } finally {
    await sim.close();
  }
}

/** Under a rate cap on the details reads: wall time vs the bound the rate allows; throttled calls. */
async function throttled(coldStartMs: number): Promise<void> {
  const rate = 50;
  const burst = 10;
  const s = shape({ rules: '130', resources: '20000', 'noncompliant-ratio': '0.3' });
  const sim = await startSimulator({
    scenario: 'scale',
    params: s.params,
    faults: {
      latencyMs: LATENCY_MS,
      throttle: { 'config:GetComplianceDetailsByConfigRule': { rate, burst } }
    }
  });
  try {
    const r = await runDist(sim.env('main'), inputsOf());
    if (r.exitCode !== 0) throw new Error(`throttled run failed (exit ${r.exitCode})`);
    const calls = sim.calls();
    const faulted = calls.faulted['config:GetComplianceDetailsByConfigRule'] ?? 0;
    // Before the details: STS and the compliance and status pages; then the pages at the rate (less the burst).
    const bound = coldStartMs + (2 + Math.ceil(s.rules / 25)) * LATENCY_MS + ((s.detailPages - burst) / rate) * 1000;
    out(
      `throttle: GetComplianceDetailsByConfigRule capped at ${rate}/s (burst ${burst}), ${s.detailPages} detail pages, ${LATENCY_MS} ms latency (1 run)`
    );
    out(
      `  wall time ${(r.wallMs / 1000).toFixed(2)} s; bound ${(bound / 1000).toFixed(2)} s (the pages at the rate): ${(r.wallMs / bound).toFixed(2)}x; goal <= 1.3x: ${verdict(r.wallMs / bound <= 1.3)}`
    );
    out(
      `  throttled calls ${faulted} (${((faulted / s.detailPages) * 100).toFixed(1)}% of the pages); findings ${r.outputs['noncompliant-count']} of ${s.findings}: ${verdict(r.outputs['noncompliant-count'] === String(s.findings))}`
    );
  } finally {
    await sim.close();
  }
}

/** Peak RSS at 10k, 30k and 100k findings; growth per finding. */
async function memory(): Promise<void> {
  const points: { findings: number; rssKiB: number }[] = [];
  for (const resources of ['6667', '20000', '66667']) {
    const s = shape({ rules: '130', resources, 'noncompliant-ratio': '0.3' });
    const sim = await startSimulator({ scenario: 'scale', params: s.params });
    try {
      const r = await runDist(sim.env('main'), inputsOf());
      if (r.exitCode !== 0) throw new Error(`memory run at ${s.findings} findings failed (exit ${r.exitCode})`);
      points.push({ findings: s.findings, rssKiB: r.maxRssKiB });
      out(`memory: ${s.findings} findings: peak RSS ${mb(r.maxRssKiB * 1024)}`);
    } finally {
      await sim.close();
    }
  }
  const [low, , high] = points as [(typeof points)[0], (typeof points)[0], (typeof points)[0]];
  const perFinding = ((high.rssKiB - low.rssKiB) * 1024) / (high.findings - low.findings);
  out(`  at ${high.findings} findings: goal <= 300 MB (286.1 MiB): ${verdict(high.rssKiB * 1024 <= 300_000_000)}`);
  out(
    `  growth ${perFinding.toFixed(0)} bytes per finding (${low.findings} -> ${high.findings}); goal <= 246 (a tenth of 2.4 KiB): ${verdict(perFinding <= 246)}`
  );
}

function organization(): void {
  const built = existsSync(join(REPO_ROOT, 'src', 'compliance', 'aggregator.ts'));
  out(
    `organization (aggregator 500 accounts x 3 regions x 130 rules; fan-out 100 x 2): not measured: ${built ? 'the read paths exist but the bench has no entry for them yet' : 'needs i12-read (the action has no organization read path in this base)'}`
  );
}

/** A conformance pack template with `rules` managed rules, about 170 bytes each (60,000 rules: about 10 MB). */
export function packTemplate(rules: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: generated by bench/run.ts', 'Resources:'];
  for (let i = 0; i < rules; i++) {
    lines.push(
      `  Rule${i}:`,
      '    Type: AWS::Config::ConfigRule',
      '    Properties:',
      `      ConfigRuleName: rule-${i}`,
      '      Source: {Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED}'
    );
  }
  return `${lines.join('\n')}\n`;
}

function packParse(): void {
  const sizes = [15_000, 30_000, 60_000];
  const perRule: number[] = [];
  for (const rules of sizes) {
    const text = packTemplate(rules);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const pack = parseConformancePack(text, 'bench-pack.yaml', { context: { region: 'us-east-1' } });
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (pack.rules.length !== rules) throw new Error(`pack-parse: ${pack.rules.length} rules parsed, not ${rules}`);
    perRule.push(cpuMs / rules);
    out(
      `pack-parse: ${rules} rules, ${mb(Buffer.byteLength(text))}: wall ${(wallMs / 1000).toFixed(2)} s, CPU ${(cpuMs / 1000).toFixed(2)} s, ${Math.round((rules / wallMs) * 1000)} rules/s`
    );
  }
  const growth = perRule[perRule.length - 1]! / perRule[0]!;
  out(
    `  CPU per rule at ${sizes[sizes.length - 1]} vs ${sizes[0]} rules: x${growth.toFixed(2)} (linear: about 1; quadratic: ${sizes[sizes.length - 1]! / sizes[0]!})`
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('pack-parse')) return packParse();
  const sim = await startSimulator({ scenario: 'seed' });
  let coldStart: number;
  try {
    await bytes(sim);
    coldStart = await startup(sim);
  } finally {
    await sim.close();
  }
  await scale(coldStart);
  await throttled(coldStart);
  await memory();
  organization();
  packParse();
}

const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
main()
  .then(() => rmSync(scratch, { recursive: true, force: true }))
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
