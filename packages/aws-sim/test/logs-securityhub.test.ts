/** CloudWatch Logs and Security Hub of the simulated account through the real SDK clients, over HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand
} from '@aws-sdk/client-cloudwatch-logs';
import { BatchUpdateFindingsCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { startSimulator, type Simulator } from '../src/index.js';

let sim: Simulator;
let logs: CloudWatchLogsClient;
let hub: SecurityHubClient;

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).name;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'seed' });
  const common = { region: 'us-east-1', endpoint: sim.url, credentials: sim.staticCredentials(), maxAttempts: 1 };
  logs = new CloudWatchLogsClient(common);
  hub = new SecurityHubClient(common);
});
afterAll(async () => {
  logs.destroy();
  hub.destroy();
  await sim.close();
});
beforeEach(() => sim.reset());

const G = '/compliance-gate/audit';
const S = 'o/r/1-1/job';

async function groupAndStream(): Promise<void> {
  await logs.send(new CreateLogGroupCommand({ logGroupName: G, kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k' }));
  await logs.send(new PutRetentionPolicyCommand({ logGroupName: G, retentionInDays: 2192 }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: G, logStreamName: S }));
}

describe('CloudWatch Logs', () => {
  it('creates a group with retention and KMS key, refuses a second create and an undocumented retention', async () => {
    await groupAndStream();
    const d = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/compliance-gate' }));
    expect(d.logGroups?.map(g => [g.logGroupName, g.retentionInDays, g.kmsKeyId])).toEqual([
      [G, 2192, 'arn:aws:kms:us-east-1:123456789012:key/k']
    ]);
    expect(await errorName(logs.send(new CreateLogGroupCommand({ logGroupName: G })))).toBe(
      'ResourceAlreadyExistsException'
    );
    expect(await errorName(logs.send(new CreateLogStreamCommand({ logGroupName: G, logStreamName: S })))).toBe(
      'ResourceAlreadyExistsException'
    );
    expect(await errorName(logs.send(new PutRetentionPolicyCommand({ logGroupName: G, retentionInDays: 2191 })))).toBe(
      'InvalidParameterException'
    );
  });

  it('PutLogEvents: count and byte limits (26 bytes per event), order, 24 h span, too new and too old', async () => {
    await groupAndStream();
    const now = sim.now().getTime();
    const put = (logEvents: { timestamp: number; message: string }[]) =>
      logs.send(new PutLogEventsCommand({ logGroupName: G, logStreamName: S, logEvents }));
    const many = (n: number, size: number) =>
      Array.from({ length: n }, () => ({ timestamp: now, message: 'x'.repeat(size) }));
    await put(many(10_000, 1));
    // The model's length constraint on logEvents (1..10,000) answers first.
    expect(await errorName(put(many(10_001, 1)))).toBe('ValidationException');
    // 4 events of (262,118 + 26) bytes = 1,048,576 exactly: accepted; one byte more is refused.
    await put(many(4, 262_118));
    expect(await errorName(put([...many(3, 262_118), { timestamp: now, message: 'x'.repeat(262_119) }]))).toBe(
      'InvalidParameterException'
    );
    expect(
      await errorName(
        put([
          { timestamp: now, message: 'b' },
          { timestamp: now - 1, message: 'a' }
        ])
      )
    ).toBe('InvalidParameterException');
    expect(
      await errorName(
        put([
          { timestamp: now - 25 * 3600_000, message: 'a' },
          { timestamp: now, message: 'b' }
        ])
      )
    ).toBe('InvalidParameterException');
    const r = await put([
      { timestamp: now - 15 * 86400_000, message: 'old' },
      { timestamp: now - 15 * 86400_000 + 1, message: 'old2' }
    ]);
    expect(r.rejectedLogEventsInfo?.tooOldLogEventEndIndex).toBe(2);
    const r2 = await put([
      { timestamp: now, message: 'ok' },
      { timestamp: now + 3 * 3600_000, message: 'future' }
    ]);
    expect(r2.rejectedLogEventsInfo?.tooNewLogEventStartIndex).toBe(1);
    expect(
      await errorName(
        logs.send(
          new PutLogEventsCommand({
            logGroupName: G,
            logStreamName: 'nope',
            logEvents: [{ timestamp: now, message: 'a' }]
          })
        )
      )
    ).toBe('ResourceNotFoundException');
  });

  it('FilterLogEvents pages through the window in timestamp order', async () => {
    await groupAndStream();
    const now = sim.now().getTime();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: G,
        logStreamName: S,
        logEvents: [1, 2, 3].map(i => ({ timestamp: now - 1000 + i, message: `m${i}` }))
      })
    );
    const first = await logs.send(new FilterLogEventsCommand({ logGroupName: G, limit: 2 }));
    expect(first.events?.map(e => e.message)).toEqual(['m1', 'm2']);
    const second = await logs.send(
      new FilterLogEventsCommand({ logGroupName: G, limit: 2, nextToken: first.nextToken })
    );
    expect(second.events?.map(e => e.message)).toEqual(['m3']);
    expect(second.nextToken).toBeUndefined();
    const windowed = await logs.send(new FilterLogEventsCommand({ logGroupName: G, startTime: now - 998 }));
    expect(windowed.events?.map(e => e.message)).toEqual(['m2', 'm3']);
  });
});

describe('Security Hub (Config integration findings)', () => {
  it('mirrors the seed evaluations into ASFF findings and records a note and workflow status', async () => {
    const res = await hub.send(
      new GetFindingsCommand({
        Filters: {
          ProductName: [{ Value: 'Config', Comparison: 'EQUALS' }],
          ResourceId: [{ Value: 'arn:aws:s3:::claims-uploads', Comparison: 'EQUALS' }],
          RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }]
        }
      })
    );
    const findings = res.Findings ?? [];
    expect(findings.length).toBeGreaterThan(0);
    const failed = findings.find(f => f.Compliance?.Status === 'FAILED')!;
    expect(failed.ProductArn).toBe('arn:aws:securityhub:us-east-1::product/aws/config');
    expect(failed.GeneratorId).toMatch(/^arn:aws:config:us-east-1:123456789012:config-rule\//);
    expect(failed.ProductFields?.['aws/config/ConfigRuleName']).toBe(failed.Title);
    const id = { Id: failed.Id!, ProductArn: failed.ProductArn! };
    const updated = await hub.send(
      new BatchUpdateFindingsCommand({
        FindingIdentifiers: [id, { Id: 'missing', ProductArn: failed.ProductArn! }],
        Note: { Text: 'remediated', UpdatedBy: 'compliance-gate' },
        Workflow: { Status: 'RESOLVED' }
      })
    );
    expect(updated.ProcessedFindings).toEqual([id]);
    expect(updated.UnprocessedFindings?.map(u => u.ErrorCode)).toEqual(['FindingNotFound']);
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as {
      securityHub: { findings: { Id: string; Note?: { Text: string }; Workflow: { Status: string } }[] };
    };
    const f = state.securityHub.findings.find(x => x.Id === failed.Id)!;
    expect(f.Note?.Text).toBe('remediated');
    expect(f.Workflow.Status).toBe('RESOLVED');
    expect(
      await errorName(
        hub.send(
          new BatchUpdateFindingsCommand({ FindingIdentifiers: [id], Note: { Text: 'x'.repeat(513), UpdatedBy: 'a' } })
        )
      )
    ).toBe('InvalidInputException');
  });

  it('pages GetFindings at MaxResults', async () => {
    const first = await hub.send(new GetFindingsCommand({ MaxResults: 1 }));
    expect(first.Findings).toHaveLength(1);
    expect(first.NextToken).toBeDefined();
  });
});
