/**
 * Faults (throttling, 5xx, latency, caps, determinism), the control API (/_sim/...) and the simulator clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { FaultInjector, parseFaultConfig } from '../src/core/faults.js';
import { startSimulator, type CallCounts, type Simulator } from '../src/index.js';
import { handlers } from '../src/services/index.js';
import type { AccountState } from '../src/core/state.js';
import type { SimRuntime } from '../src/core/types.js';

const region = 'us-east-1';

describe('FaultInjector', () => {
  it('is deterministic for a seed', () => {
    const run = (seed: number): string[] => {
      const f = new FaultInjector({ seed, throttleRate: 0.3, serverErrorRate: 0.3 });
      return Array.from({ length: 50 }, (_, i) => f.decide(`sts:Op${i % 3}`).fault ?? '-');
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const kinds = new Set(run(7));
    expect(kinds).toEqual(new Set(['-', 'throttling', 'internal', 'unavailable']));
  });

  it('caps consecutive faults per operation (default 3)', () => {
    const f = new FaultInjector({ throttleRate: 1 });
    const seq = Array.from({ length: 8 }, () => f.decide('config:DescribeConfigRules').fault ?? 'ok');
    expect(seq).toEqual([
      'throttling',
      'throttling',
      'throttling',
      'ok',
      'throttling',
      'throttling',
      'throttling',
      'ok'
    ]);
    const g = new FaultInjector({ serverErrorRate: 1, maxConsecutiveFaults: 1 });
    expect([g.decide('a:B').fault, g.decide('a:B').fault, g.decide('a:C').fault]).toEqual([
      expect.stringMatching(/internal|unavailable/),
      undefined,
      expect.stringMatching(/internal|unavailable/)
    ]);
  });

  it('filters by operation and applies per-operation latency', () => {
    const f = new FaultInjector({
      throttleRate: 1,
      operations: ['DescribeConfigRules', 'sns:Publish'],
      latencyMs: 5,
      latencyByOperation: { 'sns:Publish': 20 }
    });
    expect(f.decide('sts:GetCallerIdentity')).toEqual({ latencyMs: 5 });
    expect(f.decide('config:DescribeConfigRules')).toEqual({ latencyMs: 5, fault: 'throttling' });
    expect(f.decide('sns:Publish')).toEqual({ latencyMs: 20, fault: 'throttling' });
    expect(f.callsUntilExpiry()).toBeUndefined();
  });

  it('rejects malformed fault configurations, naming the key', () => {
    expect(() => parseFaultConfig({ throttleRate: 2 })).toThrow(/faults.throttleRate must be a number between 0 and 1/);
    expect(() => parseFaultConfig({ throttle: 0.5 })).toThrow(/faults.throttle must map operation or service names/);
    expect(() => parseFaultConfig({ throttel: 0.5 })).toThrow(/unknown key 'throttel'/);
    expect(() => parseFaultConfig({ operations: 'Publish' })).toThrow(/faults.operations/);
    expect(() => parseFaultConfig({ latencyMs: -1 })).toThrow(/faults.latencyMs/);
    expect(() => parseFaultConfig({ latencyByOperation: { Publish: 'slow' } })).toThrow(/latencyByOperation/);
    expect(parseFaultConfig(undefined)).toEqual({});
  });
});

describe('faults through the SDK, the control API and the clock', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed' });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    sim.reset();
  });

  const control = async (path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(
      `${sim.url}${path}`,
      body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }
    );
    return { status: res.status, json: await res.json() };
  };

  it('throttling is retried by the SDK and the call succeeds; /_sim/calls shows the faulted attempts', async () => {
    sim.setFaults({ throttleRate: 1, maxConsecutiveFaults: 2, operations: ['sts:GetCallerIdentity'] });
    const sts = new STSClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 5 });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(out.Account).toBe('123456789012');
    expect(out.$metadata.attempts).toBe(3);
    const { json } = await control('/_sim/calls');
    const calls = json as CallCounts;
    expect(calls.byOperation['sts:GetCallerIdentity']).toBe(3);
    expect(calls.faulted['sts:GetCallerIdentity']).toBe(2);
    expect(calls.total).toBe(3);
  });

  it('5xx faults (awsQuery and awsJson1_1) are retried and the calls succeed', async () => {
    sim.setFaults({ serverErrorRate: 1, operations: ['sns:ListTopics', 'ssm:GetParameter'], seed: 42 });
    const sns = new SNSClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 5 });
    const topics = await sns.send(new ListTopicsCommand({}));
    sns.destroy();
    expect(topics.Topics).toHaveLength(1);
    expect(topics.$metadata.attempts).toBe(4);

    const saved = handlers.ssm['GetParameter'];
    handlers.ssm['GetParameter'] = input => ({ Parameter: { Name: input['Name'], Value: 'v' } });
    try {
      const ssm = new SSMClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 5 });
      const p = await ssm.send(new GetParameterCommand({ Name: 'x' }));
      ssm.destroy();
      expect(p.Parameter?.Value).toBe('v');
      expect(p.$metadata.attempts).toBe(4);
    } finally {
      if (saved) handlers.ssm['GetParameter'] = saved;
      else delete handlers.ssm['GetParameter'];
    }
    const calls = sim.calls();
    expect(calls.faulted).toEqual({ 'sns:ListTopics': 3, 'ssm:GetParameter': 3 });
    expect(calls.byOperation).toEqual({ 'sns:ListTopics': 4, 'ssm:GetParameter': 4 });
  });

  it('answers faults with the protocol codes (ThrottlingException / Throttling, InternalFailure, ServiceUnavailable)', async () => {
    sim.setFaults({ throttleRate: 1 });
    const json = await fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' },
      body: '{}'
    });
    expect(json.status).toBe(400);
    expect(json.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    const query = await fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15'
    });
    expect(query.status).toBe(400);
    expect(await query.text()).toMatch(/<Code>Throttling<\/Code>/);

    sim.setFaults({ serverErrorRate: 1, seed: 3 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      sim.setFaults({ serverErrorRate: 1, seed: i + 1 });
      const r = await fetch(sim.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' },
        body: '{}'
      });
      statuses.add(r.status);
      expect(['InternalFailure', 'ServiceUnavailable']).toContain(r.headers.get('x-amzn-errortype'));
    }
    expect(statuses).toEqual(new Set([500, 503]));
    // Faults never touch the control API or the OIDC endpoint.
    expect((await control('/_sim/calls')).status).toBe(200);
    const oidc = await fetch(sim.env()['ACTIONS_ID_TOKEN_REQUEST_URL']!, {
      headers: { authorization: `Bearer ${sim.env()['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}` }
    });
    expect(oidc.status).toBe(200);
  });

  it('reads and replaces faults, advances the clock and resets over HTTP', async () => {
    expect((await control('/_sim/faults', { throttleRate: 0.25, seed: 9 })).status).toBe(200);
    expect((await control('/_sim/faults')).json).toEqual({ throttleRate: 0.25, seed: 9 });
    const bad = await control('/_sim/faults', { throttleRate: 'often' });
    expect(bad.status).toBe(400);
    expect((bad.json as { message: string }).message).toMatch(/throttleRate/);

    const t0 = sim.now().getTime();
    const clock = await control('/_sim/clock', { advanceSeconds: 3600 });
    expect(clock.status).toBe(200);
    expect(Date.parse((clock.json as { now: string }).now) - t0).toBeGreaterThanOrEqual(3600_000);
    expect((await control('/_sim/clock', { advance: 1 })).status).toBe(400);

    sim.state.sns.messages.push({ messageId: 'm', topicArn: 't', message: 'x', publishedAt: new Date().toISOString() });
    const stateBefore = (await control('/_sim/state')).json as AccountState;
    expect(stateBefore.sns.messages).toHaveLength(1);
    expect(stateBefore.credentials.map(c => c.secretAccessKey)).toContain(sim.staticCredentials().secretAccessKey);

    expect((await control('/_sim/reset', {})).status).toBe(200);
    const stateAfter = (await control('/_sim/state')).json as AccountState;
    expect(stateAfter.sns.messages).toEqual([]);
    expect(sim.state.sns.messages).toEqual([]); // the live object was reset in place
    expect(sim.now().getTime() - Date.now()).toBeLessThan(1000);
    expect((await control('/_sim/faults')).json).toEqual({});
    expect(sim.calls()).toEqual({ total: 0, byOperation: {}, faulted: {} });
    // The static key survives a reset.
    const sts = new STSClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    sts.destroy();
    expect(sim.calls().total).toBe(1);
    sim.resetCalls();
    expect(sim.calls().total).toBe(0);

    const env = (await control('/_sim/env?context=production')).json as Record<string, string>;
    expect(env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']).toBe(sim.env('production')['ACTIONS_ID_TOKEN_REQUEST_TOKEN']);
    const unknown = await control('/_sim/nope');
    expect(unknown.status).toBe(404);
    expect((unknown.json as { message: string }).message).toContain('GET /_sim/calls');
  });

  /** The SimRuntime handlers get as ctx.sim, captured from a real request. */
  async function captureRuntime(): Promise<SimRuntime> {
    let runtime: SimRuntime | undefined;
    const saved = handlers.sts['GetCallerIdentity'];
    handlers.sts['GetCallerIdentity'] = (_input, ctx) => {
      runtime = ctx.sim;
      return {};
    };
    try {
      const sts = new STSClient({ region, endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 });
      await sts.send(new GetCallerIdentityCommand({}));
      sts.destroy();
    } finally {
      if (saved) handlers.sts['GetCallerIdentity'] = saved;
    }
    if (!runtime) throw new Error('handler was not called');
    return runtime;
  }

  it('gives handlers a runtime with the URL and the scenario options', async () => {
    const runtime = await captureRuntime();
    expect(runtime.url).toBe(sim.url);
    expect(runtime.options).toEqual({ recorderDelaySeconds: 2, ruleDeleteSeconds: 2, documentActivationSeconds: 1 });
    const withOptions = await startSimulator({ scenario: 'seed', options: { evaluationDelayMs: 5 } });
    try {
      expect(withOptions.scenario.name).toBe('seed');
    } finally {
      await withOptions.close();
    }
  });

  it('runs scheduled tasks when the clock is advanced past them, in due order', async () => {
    const runtime = await captureRuntime();
    const ran: string[] = [];
    runtime.schedule(120_000, () => ran.push('two minutes'));
    runtime.schedule(60_000, () => ran.push('one minute'));
    runtime.schedule(600_000, () => ran.push('ten minutes'));
    runtime.schedule(30_000, () => {
      throw new Error('boom');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      sim.advanceClock(29);
      expect(ran).toEqual([]);
      expect(errors).toHaveLength(0);
      sim.advanceClock(91);
      expect(ran).toEqual(['one minute', 'two minutes']);
    } finally {
      console.error = original;
    }
    expect(sim.scheduledTaskErrors()).toHaveLength(1);
    expect(sim.scheduledTaskErrors()[0]).toContain('boom');
    expect(errors).toHaveLength(1);
    expect(() => sim.advanceClock(-1)).toThrow(/non-negative/);
    sim.reset(); // cancels the ten-minute task
    sim.advanceClock(601);
    expect(ran).toEqual(['one minute', 'two minutes']);
  });

  it('runs a scheduled task on a real timer too', async () => {
    const runtime = await captureRuntime();
    let runs = 0;
    await new Promise<void>(resolve =>
      runtime.schedule(0, () => {
        runs++;
        resolve();
      })
    );
    sim.advanceClock(10); // already ran: advancing must not run it again
    expect(runs).toBe(1);
  });
});
