/**
 * IAM in the simulated account through the real SDK clients: every request is authorized for the calling role and a
 * denial reads as the service answers it (IAM User Guide, "Access denied error messages"); automation steps run as
 * the runbook's AutomationAssumeRole; starting an execution with a role needs iam:PassRole; the control route
 * `PUT /_sim/roles/NAME/policy` and the CLI's `--role-policy FILE`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ConfigServiceClient, DescribeConfigRulesCommand, PutConfigRuleCommand } from '@aws-sdk/client-config-service';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  CreateDocumentCommand,
  GetAutomationExecutionCommand,
  GetDocumentCommand,
  SSMClient,
  StartAutomationExecutionCommand
} from '@aws-sdk/client-ssm';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { setRolePolicy, startSimulator, type PolicyDocument, type Simulator } from '../src/index.js';
import { INSTANT_LIFECYCLES } from './support/instant.js';

const ACCOUNT = '123456789012';
const region = 'us-east-1';
const GATE_ROLE = `arn:aws:iam::${ACCOUNT}:role/compliance-gate`;
const REMEDIATION_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-remediation-role`;
const ALERT_ROLE = `arn:aws:iam::${ACCOUNT}:role/my-hipaa-alerting-role`;
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:my-sns-topic`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/compliance-gate/iam-test`;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type SdkError = Error & { name: string; $metadata: { httpStatusCode?: number } };
async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to be rejected');
}

const policy = (...Statement: PolicyDocument['Statement'][]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: Statement.flat()
});

/** Session credentials of the action's role, as the action gets them (GitHub OIDC token -> STS). */
async function roleCredentials(sim: Simulator, sts: STSClient) {
  const env = sim.env();
  const res = await fetch(`${env['ACTIONS_ID_TOKEN_REQUEST_URL']}&audience=sts.amazonaws.com`, {
    headers: { authorization: `Bearer ${env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']}` }
  });
  const token = ((await res.json()) as { value: string }).value;
  const out = await sts.send(
    new AssumeRoleWithWebIdentityCommand({ RoleArn: GATE_ROLE, RoleSessionName: 'iam-test', WebIdentityToken: token })
  );
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!
  };
}

describe('IAM through the SDK clients', () => {
  let sim: Simulator;
  let sts: STSClient;
  let config: ConfigServiceClient;
  let ssm: SSMClient;
  let sns: SNSClient;
  let roleSts: STSClient;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
    sts = new STSClient({ region, endpoint: sim.url, maxAttempts: 1 });
    const credentials = await roleCredentials(sim, sts);
    const opts = { region, endpoint: sim.url, credentials, maxAttempts: 1 };
    config = new ConfigServiceClient(opts);
    ssm = new SSMClient(opts);
    sns = new SNSClient(opts);
    roleSts = new STSClient(opts);
    await ssm.send(
      new CreateDocumentCommand({
        Name: 'my-hipaa-alerting-runbook',
        DocumentType: 'Automation',
        DocumentFormat: 'YAML',
        Content: readFileSync(path.join(repoRoot, 'examples/seed/runbooks/my-hipaa-alerting-runbook.yaml'), 'utf8')
      })
    );
  });
  afterAll(async () => {
    for (const c of [sts, config, ssm, sns, roleSts]) c.destroy();
    await sim.close();
  });
  beforeEach(() => {
    // Not sim.reset(): it would drop the session credentials; only the action role's policy changes between tests.
    delete sim.state.roles[GATE_ROLE]!.policies;
  });

  it('lets the action role do everything by default (seed)', async () => {
    const out = await config.send(new DescribeConfigRulesCommand({}));
    expect(out.ConfigRules?.length).toBeGreaterThan(0);
  });

  it('Config: AccessDeniedException (400) naming the action and the rule, implicit and explicit', async () => {
    setRolePolicy(sim.state, 'compliance-gate', policy({ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }));
    const e = await rejection(config.send(new DescribeConfigRulesCommand({})));
    expect(e.name).toBe('AccessDeniedException');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message).toBe(
      `User: ${SESSION} is not authorized to perform: config:DescribeConfigRules because no identity-based policy allows the config:DescribeConfigRules action`
    );

    setRolePolicy(
      sim.state,
      'compliance-gate',
      policy(
        { Effect: 'Allow', Action: 'config:*', Resource: '*' },
        { Effect: 'Deny', Action: 'config:PutConfigRule', Resource: '*' }
      )
    );
    const rules = await config.send(new DescribeConfigRulesCommand({}));
    const rule = rules.ConfigRules![0]!;
    const put = await rejection(
      config.send(
        new PutConfigRuleCommand({ ConfigRule: { ConfigRuleName: rule.ConfigRuleName, Source: rule.Source } })
      )
    );
    expect(put.name).toBe('AccessDeniedException');
    expect(put.message).toBe(
      `User: ${SESSION} is not authorized to perform: config:PutConfigRule on resource: ${rule.ConfigRuleArn} with an explicit deny in an identity-based policy`
    );
  });

  it('SSM: AccessDeniedException (400) on the document ARN', async () => {
    setRolePolicy(
      sim.state,
      'compliance-gate',
      policy({
        Effect: 'Allow',
        Action: 'ssm:GetDocument',
        Resource: `arn:aws:ssm:${region}:${ACCOUNT}:document/Other`
      })
    );
    const e = await rejection(ssm.send(new GetDocumentCommand({ Name: 'my-hipaa-remediation-runbook' })));
    expect(e.name).toBe('AccessDeniedException');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message).toBe(
      `User: ${SESSION} is not authorized to perform: ssm:GetDocument on resource: arn:aws:ssm:${region}:${ACCOUNT}:document/my-hipaa-remediation-runbook because no identity-based policy allows the ssm:GetDocument action`
    );
  });

  it('SNS: AuthorizationError (403) on the topic', async () => {
    setRolePolicy(
      sim.state,
      'compliance-gate',
      policy({ Effect: 'Allow', Action: 'sns:Publish', Resource: `${TOPIC}-x` })
    );
    const e = await rejection(sns.send(new PublishCommand({ TopicArn: TOPIC, Message: 'hello' })));
    // The wire code is AuthorizationError; the SDK names the modelled exception AuthorizationErrorException.
    expect(e.name).toBe('AuthorizationErrorException');
    expect((e as SdkError & { Error?: { Code?: string } }).Error?.Code).toBe('AuthorizationError');
    expect(e.$metadata.httpStatusCode).toBe(403);
    expect(e.message).toBe(
      `User: ${SESSION} is not authorized to perform: SNS:Publish on resource: ${TOPIC} because no identity-based policy allows the SNS:Publish action`
    );
  });

  it('STS: GetCallerIdentity needs no permission, even under an explicit deny of everything', async () => {
    setRolePolicy(sim.state, 'compliance-gate', policy({ Effect: 'Deny', Action: '*', Resource: '*' }));
    const me = await roleSts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(SESSION);
  });

  it('StartAutomationExecution with an AutomationAssumeRole needs iam:PassRole on that role', async () => {
    setRolePolicy(sim.state, 'compliance-gate', policy({ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }));
    const e = await rejection(
      ssm.send(
        new StartAutomationExecutionCommand({
          DocumentName: 'my-hipaa-alerting-runbook',
          Parameters: { AutomationAssumeRole: [ALERT_ROLE], TopicArn: [TOPIC], Message: ['claims-uploads'] }
        })
      )
    );
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toBe(
      `User: ${SESSION} is not authorized to perform: iam:PassRole on resource: ${ALERT_ROLE} because no identity-based policy allows the iam:PassRole action`
    );
    setRolePolicy(
      sim.state,
      'compliance-gate',
      policy(
        { Effect: 'Allow', Action: 'ssm:*', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: ALERT_ROLE }
      )
    );
    const ok = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: 'my-hipaa-alerting-runbook',
        Parameters: { AutomationAssumeRole: [ALERT_ROLE], TopicArn: [TOPIC], Message: ['claims-uploads'] }
      })
    );
    expect(ok.AutomationExecutionId).toBeDefined();
  });

  it("fails a step the assume role may not call, with the service's error in AWS's step failure form", async () => {
    await ssm.send(
      new CreateDocumentCommand({
        Name: 'ReadEbsDefault',
        DocumentType: 'Automation',
        DocumentFormat: 'YAML',
        Content: `schemaVersion: '0.3'
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  AutomationAssumeRole:
    type: String
mainSteps:
  - name: Enable
    action: aws:executeAwsApi
    inputs:
      Service: ec2
      Api: EnableEbsEncryptionByDefault
  - name: Check
    action: aws:assertAwsResourceProperty
    inputs:
      Service: ec2
      Api: GetEbsEncryptionByDefault
      PropertySelector: $.EbsEncryptionByDefault
      DesiredValues: ['True']
`
      })
    );
    const { AutomationExecutionId: id } = await ssm.send(
      new StartAutomationExecutionCommand({
        DocumentName: 'ReadEbsDefault',
        Parameters: { AutomationAssumeRole: [REMEDIATION_ROLE] }
      })
    );
    sim.advanceClock(0);
    const e = (await ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }))).AutomationExecution!;
    expect(e.AutomationExecutionStatus).toBe('Failed');
    expect(e.StepExecutions?.map(s => [s.StepName, s.StepStatus])).toEqual([
      ['Enable', 'Success'],
      ['Check', 'Failed']
    ]);
    const who = `arn:aws:sts::${ACCOUNT}:assumed-role/my-hipaa-remediation-role/${id}`;
    expect(e.StepExecutions![1]!.FailureMessage).toBe(
      `An error occurred (UnauthorizedOperation) when calling the GetEbsEncryptionByDefault operation: You are not authorized to perform this operation. User: ${who} is not authorized to perform: ec2:GetEbsEncryptionByDefault because no identity-based policy allows the ec2:GetEbsEncryptionByDefault action`
    );
    expect(e.FailureMessage).toMatch(
      /Step Check \(aws:assertAwsResourceProperty\) failed: .*ec2:GetEbsEncryptionByDefault/
    );
    expect(sim.state.resources.ebsEncryptionByDefault[region]).toBe(true);
  });

  it('the blog alerting runbook may publish to its topic only', async () => {
    const start = async (topic: string) => {
      const { AutomationExecutionId: id } = await ssm.send(
        new StartAutomationExecutionCommand({
          DocumentName: 'my-hipaa-alerting-runbook',
          Parameters: { AutomationAssumeRole: [ALERT_ROLE], TopicArn: [topic], Message: ['claims-uploads'] }
        })
      );
      sim.advanceClock(0);
      return (await ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: id }))).AutomationExecution!;
    };
    expect((await start(TOPIC)).AutomationExecutionStatus).toBe('Success');
    const other = `arn:aws:sns:us-east-1:${ACCOUNT}:other-topic`;
    sim.state.resources.snsTopics[other] = { arn: other };
    const denied = await start(other);
    expect(denied.AutomationExecutionStatus).toBe('Failed');
    expect(denied.FailureMessage).toMatch(/\(AuthorizationError\).*perform: SNS:Publish on resource: .*other-topic/);
  });
});

describe('PUT /_sim/roles/NAME/policy', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'seed', options: { ...INSTANT_LIFECYCLES } });
  });
  afterAll(async () => {
    await sim.close();
  });
  const put = (role: string, body: string) =>
    fetch(`${sim.url}/_sim/roles/${role}/policy`, { method: 'PUT', body }).then(async r => ({
      status: r.status,
      body: (await r.json()) as { message?: string; ok?: boolean }
    }));

  it('replaces the role policy until reset, and refuses bad documents and unknown roles clearly', async () => {
    const doc = policy({ Effect: 'Allow', Action: 'sns:Publish', Resource: TOPIC });
    expect(await put('compliance-gate', JSON.stringify(doc))).toEqual({
      status: 200,
      body: { ok: true, role: 'compliance-gate', policy: doc }
    });
    expect(sim.state.roles[GATE_ROLE]!.policies).toEqual([doc]);

    const bad = await put('compliance-gate', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}');
    expect(bad).toEqual({
      status: 400,
      body: { message: 'role compliance-gate: Statement[0] must have exactly one of Resource and NotResource' }
    });
    expect((await put('compliance-gate', '{oops')).body.message).toMatch(
      /^role compliance-gate: the policy document is not valid JSON/
    );
    expect(sim.state.roles[GATE_ROLE]!.policies).toEqual([doc]);
    const unknown = await put('ghost', JSON.stringify(doc));
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/^no role 'ghost' in account 123456789012 \(roles: compliance-gate, /);
    expect((await fetch(`${sim.url}/_sim/roles/compliance-gate/policy`)).status).toBe(405);

    await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
    expect(sim.state.roles[GATE_ROLE]!.policies).toBeUndefined();
    expect(sim.state.roles[REMEDIATION_ROLE]!.policies).toHaveLength(1);
  });
});

describe('npm run sim -- --role-policy FILE', () => {
  function runCli(args: string[], env: Record<string, string>) {
    const child = spawn(process.execPath, ['packages/aws-sim/bin/aws-sim.mjs', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<{ code: number | null; stderr: string }>(resolve =>
      child.on('exit', code => resolve({ code, stderr }))
    );
    const ready = new Promise<Record<string, string>>((resolve, reject) => {
      const vars: Record<string, string> = {};
      createInterface({ input: child.stdout }).on('line', line => {
        if (line === 'ready') resolve(vars);
        const m = /^([A-Z_]+)=(.*)$/.exec(line);
        if (m) vars[m[1]!] = m[2]!;
      });
      void exit.then(({ code }) => reject(new Error(`CLI exited (${code}) before ready: ${stderr}`)));
    });
    return { ready, exit };
  }

  it('starts the action role with FILE (relative to INIT_CWD) as its only policy, kept across reset', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-role-policy-'));
    try {
      const doc = policy({ Effect: 'Allow', Action: 'config:Describe*', Resource: '*' });
      writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(doc));
      const cli = runCli(['--scenario', 'seed', '--role-policy', 'policy.json'], { INIT_CWD: dir });
      const vars = await cli.ready;
      const url = vars['AWS_ENDPOINT_URL']!;
      try {
        const roleOf = async () =>
          ((await (await fetch(`${url}/_sim/state`)).json()) as { roles: Record<string, { policies?: unknown }> })
            .roles[GATE_ROLE]!.policies;
        expect(await roleOf()).toEqual([doc]);
        await fetch(`${url}/_sim/reset`, { method: 'POST' });
        expect(await roleOf()).toEqual([doc]);
      } finally {
        process.kill(Number(vars['SIM_PID']), 'SIGTERM');
        await cli.exit;
      }

      writeFileSync(path.join(dir, 'bad.json'), '{"Statement":[{"Effect":"Allow","Action":"*"}]}');
      const bad = runCli(['--role-policy', 'bad.json'], { INIT_CWD: dir });
      await expect(bad.ready).rejects.toThrow(
        `--role-policy ${path.join(dir, 'bad.json')}: Statement[0] must have exactly one of Resource and NotResource`
      );
      expect((await bad.exit).code).toBe(1);
      const missing = runCli(['--role-policy', 'missing.json'], { INIT_CWD: dir });
      await expect(missing.ready).rejects.toThrow(
        `--role-policy ${path.join(dir, 'missing.json')}: cannot read it (ENOENT)`
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
