/**
 * The simulated organization through the real SDK clients: routing by the caller's account and the signed region,
 * STS AssumeRole with trust policies and external ids, Organizations DescribeOrganization / ListAccounts, Config
 * aggregators, and throttling as a token bucket.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  DescribeConfigurationAggregatorSourcesStatusCommand,
  DescribeConfigurationAggregatorsCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  GetAggregateConfigRuleComplianceSummaryCommand,
  GetComplianceDetailsByConfigRuleCommand,
  PutConfigurationAggregatorCommand,
  type AggregateComplianceByConfigRule
} from '@aws-sdk/client-config-service';
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
  type Account
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSimulator, type Simulator } from '../src/index.js';
import { MIX } from '../src/scenarios/org.js';
import { managementCreds, memberCreds, memberRoleArn, rejection, type Creds } from './support/org.js';

const MEMBERS = ['222222222222', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777'];
const ALL = ['111111111111', ...MEMBERS];
const REGIONS = ['us-east-1', 'us-west-2'];

describe('organization world', () => {
  let sim: Simulator;
  let mgmt: Creds;
  const clients: { destroy(): void }[] = [];
  const config = (credentials: Creds, region = 'us-east-1', maxAttempts = 1): ConfigServiceClient => {
    const c = new ConfigServiceClient({ region, endpoint: sim.url, credentials, maxAttempts });
    clients.push(c);
    return c;
  };
  const orgs = (credentials: Creds): OrganizationsClient => {
    const c = new OrganizationsClient({ region: 'us-east-1', endpoint: sim.url, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const sts = (credentials: Creds): STSClient => {
    const c = new STSClient({ region: 'us-east-1', endpoint: sim.url, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'org' });
    mgmt = await managementCreds(sim);
  });
  afterEach(() => {
    sim.setFaults({});
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await sim.close();
  });

  describe('routing by account and region', () => {
    it('answers each account and region from its own Config state', async () => {
      const perAccount: Record<string, string[]> = {};
      for (const account of ['111111111111', '444444444444']) {
        const creds = account === '111111111111' ? mgmt : await memberCreds(sim, mgmt, account);
        const who = await sts(creds).send(new GetCallerIdentityCommand({}));
        expect(who.Account).toBe(account);
        for (const region of REGIONS) {
          const rules = await config(creds, region).send(new DescribeConfigRulesCommand({}));
          // ARNs name the account and region that answered.
          for (const r of rules.ConfigRules ?? [])
            expect(r.ConfigRuleArn).toMatch(new RegExp(`^arn:aws:config:${region}:${account}:`));
          const compliance = await config(creds, region).send(new DescribeComplianceByConfigRuleCommand({}));
          perAccount[`${account}/${region}`] = (compliance.ComplianceByConfigRules ?? []).map(
            c => `${c.ConfigRuleName}=${c.Compliance?.ComplianceType}`
          );
        }
      }
      // MIX: 111 us-east-1 seed (both rules failing), us-west-2 compliant; 444 us-east-1 ebs-only.
      expect(perAccount).toEqual({
        '111111111111/us-east-1': [
          'ec2-ebs-encryption-by-default=NON_COMPLIANT',
          's3-bucket-logging-enabled=NON_COMPLIANT'
        ],
        '111111111111/us-west-2': ['ec2-ebs-encryption-by-default=COMPLIANT', 's3-bucket-logging-enabled=COMPLIANT'],
        '444444444444/us-east-1': [
          'ec2-ebs-encryption-by-default=NON_COMPLIANT',
          's3-bucket-logging-enabled=COMPLIANT'
        ],
        '444444444444/us-west-2': ['ec2-ebs-encryption-by-default=COMPLIANT', 's3-bucket-logging-enabled=COMPLIANT']
      });
      expect(MIX['444444444444']).toEqual(['ebs-only', 'compliant']);
    });

    it('answers a region that does not exist as AWS answers a disabled region', async () => {
      const err = await rejection(config(mgmt, 'mars-north-1').send(new DescribeConfigRulesCommand({})));
      expect(err.name).toBe('UnrecognizedClientException');
      expect(err.$metadata?.httpStatusCode).toBe(403);
      // Any real region of a known account exists, with nothing set up in it.
      const empty = await config(mgmt, 'eu-west-3').send(new DescribeConfigRulesCommand({}));
      expect(empty.ConfigRules).toEqual([]);
    });

    it('keeps sim.state as the default account and region, and shows every account in /_sim/state', async () => {
      expect(sim.state.accountId).toBe('111111111111');
      expect(sim.state.region).toBe('us-east-1');
      const view = (await (await fetch(`${sim.url}/_sim/state`)).json()) as {
        accountId: string;
        world: { accounts: Record<string, { regions: Record<string, unknown> }>; organization: { id: string } };
      };
      expect(view.accountId).toBe('111111111111');
      expect(Object.keys(view.world.accounts).sort()).toEqual(ALL);
      expect(Object.keys(view.world.accounts['777777777777']!.regions).sort()).toEqual(REGIONS);
    });
  });

  describe('STS AssumeRole', () => {
    it('issues credentials of the target account to the trusted management role (role chaining)', async () => {
      const creds = await memberCreds(sim, mgmt, '555555555555');
      const who = await sts(creds).send(new GetCallerIdentityCommand({}));
      expect(who.Arn).toBe('arn:aws:sts::555555555555:assumed-role/compliance-gate-member/fan-out');
      expect(who.Account).toBe('555555555555');
    });

    it('refuses a caller the trust policy does not name, as STS answers (AccessDenied, 403)', async () => {
      // A member's session is not the management account's compliance-gate role.
      const member = await memberCreds(sim, mgmt, '222222222222');
      const err = await rejection(
        sts(member).send(new AssumeRoleCommand({ RoleArn: memberRoleArn('333333333333'), RoleSessionName: 'probe' }))
      );
      expect(err.name).toBe('AccessDenied');
      expect(err.$metadata?.httpStatusCode).toBe(403);
      expect(err.message).toBe(
        'User: arn:aws:sts::222222222222:assumed-role/compliance-gate-member/fan-out is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/compliance-gate-member'
      );
      const missing = await rejection(
        sts(mgmt).send(
          new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::999999999999:role/nope', RoleSessionName: 'probe' })
        )
      );
      expect(missing.name).toBe('AccessDenied');
    });

    it('checks the sts:ExternalId condition when the trust policy has one', async () => {
      const role = sim.state.roles[memberRoleArn('111111111111')]!;
      role.assumeRoleTrust = { ...role.assumeRoleTrust!, externalIds: ['ext-123'] };
      try {
        // "sts:ExternalId ... the condition key is present in the request when the principal provides an external ID"
        for (const ext of [undefined, 'wrong']) {
          const err = await rejection(memberCreds(sim, mgmt, '111111111111', ext));
          expect(err.name).toBe('AccessDenied');
        }
        const ok = await memberCreds(sim, mgmt, '111111111111', 'ext-123');
        expect((await sts(ok).send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111');
      } finally {
        delete role.assumeRoleTrust.externalIds;
      }
    });

    it('limits a chained session to one hour ("Role chaining limits ... to a maximum of one hour")', async () => {
      const err = await rejection(
        sts(mgmt).send(
          new AssumeRoleCommand({
            RoleArn: memberRoleArn('222222222222'),
            RoleSessionName: 'probe',
            DurationSeconds: 7200
          })
        )
      );
      expect(err.name).toBe('ValidationError');
      expect(err.message).toMatch(/1 hour session limit for roles assumed by role chaining/);
    });
  });

  describe('Organizations', () => {
    it('describes the organization to any account in it', async () => {
      const member = await memberCreds(sim, mgmt, '333333333333');
      const out = await orgs(member).send(new DescribeOrganizationCommand({}));
      expect(out.Organization).toMatchObject({
        Id: 'o-a1b2c3d4e5',
        MasterAccountId: '111111111111',
        FeatureSet: 'ALL',
        Arn: 'arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5'
      });
    });

    it('pages ListAccounts (MaxResults 1..20) with every account and its Status', async () => {
      const seen: Account[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await orgs(mgmt).send(
          new ListAccountsCommand({ MaxResults: 3, ...(token ? { NextToken: token } : {}) })
        );
        expect((out.Accounts ?? []).length).toBeLessThanOrEqual(3);
        seen.push(...(out.Accounts ?? []));
        token = out.NextToken;
        pages++;
      } while (token);
      expect(pages).toBe(3);
      expect(seen.map(a => a.Id)).toEqual(ALL);
      expect(new Set(seen.map(a => a.Status))).toEqual(new Set(['ACTIVE']));
      expect(seen[1]!.Arn).toBe('arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222222222222');
      const bad = await rejection(orgs(mgmt).send(new ListAccountsCommand({ MaxResults: 21 })));
      expect(bad.name).toBe('ValidationException');
    });

    it('refuses ListAccounts to a member ("only from the management account or a delegated administrator")', async () => {
      const member = await memberCreds(sim, mgmt, '444444444444');
      const err = await rejection(orgs(member).send(new ListAccountsCommand({})));
      expect(err.name).toBe('AccessDeniedException');
      expect(err.$metadata?.httpStatusCode).toBe(403);
    });

    it('answers AWSOrganizationsNotInUseException to an account outside any organization', async () => {
      const lone = await startSimulator({ scenario: 'seed' });
      try {
        const c = new OrganizationsClient({
          region: 'us-east-1',
          endpoint: lone.url,
          credentials: lone.staticCredentials(),
          maxAttempts: 1
        });
        const err = await rejection(c.send(new ListAccountsCommand({})));
        c.destroy();
        expect(err.name).toBe('AWSOrganizationsNotInUseException');
      } finally {
        await lone.close();
      }
    });

    it('lists SUSPENDED accounts with their status (org-scale suspended=2)', async () => {
      const big = await startSimulator({
        scenario: 'org-scale',
        params: { accounts: '5', regions: '1', rules: '2', findings: '2', suspended: '2' }
      });
      try {
        const creds = await managementCreds(big);
        const c = new OrganizationsClient({
          region: 'us-east-1',
          endpoint: big.url,
          credentials: creds,
          maxAttempts: 1
        });
        const out = await c.send(new ListAccountsCommand({}));
        c.destroy();
        expect(out.Accounts?.map(a => a.Status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'SUSPENDED']);
        expect(out.NextToken).toBeUndefined();
      } finally {
        await big.close();
      }
    });
  });

  describe('Config aggregator', () => {
    it('reports each source with LastUpdateStatus, the failing one with its error', async () => {
      const out = await config(mgmt).send(
        new DescribeConfigurationAggregatorSourcesStatusCommand({ ConfigurationAggregatorName: 'org-aggregator' })
      );
      const list = out.AggregatedSourceStatusList ?? [];
      expect(list).toHaveLength(14);
      const failed = list.filter(s => s.LastUpdateStatus !== 'SUCCEEDED');
      expect(failed).toEqual([
        expect.objectContaining({
          SourceId: '777777777777',
          AwsRegion: 'us-west-2',
          SourceType: 'ORGANIZATION',
          LastUpdateStatus: 'FAILED',
          LastErrorCode: 'AccessDeniedException'
        })
      ]);
      const onlyFailed = await config(mgmt).send(
        new DescribeConfigurationAggregatorSourcesStatusCommand({
          ConfigurationAggregatorName: 'org-aggregator',
          UpdateStatus: ['FAILED']
        })
      );
      expect(onlyFailed.AggregatedSourceStatusList?.map(s => s.SourceId)).toEqual(['777777777777']);
    });

    it('aggregates exactly what each reachable account reports itself, and nothing from the failing source', async () => {
      const aggregated: AggregateComplianceByConfigRule[] = [];
      let token: string | undefined;
      do {
        const out = await config(mgmt).send(
          new DescribeAggregateComplianceByConfigRulesCommand({
            ConfigurationAggregatorName: 'org-aggregator',
            Limit: 5,
            ...(token ? { NextToken: token } : {})
          })
        );
        aggregated.push(...(out.AggregateComplianceByConfigRules ?? []));
        token = out.NextToken;
      } while (token);
      const fromAggregator = aggregated
        .map(
          a =>
            `${a.AccountId}/${a.AwsRegion}/${a.ConfigRuleName}=${a.Compliance?.ComplianceType}:${a.Compliance?.ComplianceContributorCount?.CappedCount ?? 0}`
        )
        .sort();

      const direct: string[] = [];
      for (const account of ALL) {
        const creds = account === '111111111111' ? mgmt : await memberCreds(sim, mgmt, account);
        for (const region of REGIONS) {
          if (account === '777777777777' && region === 'us-west-2') continue;
          const out = await config(creds, region).send(new DescribeComplianceByConfigRuleCommand({}));
          for (const c of out.ComplianceByConfigRules ?? []) {
            direct.push(
              `${account}/${region}/${c.ConfigRuleName}=${c.Compliance?.ComplianceType}:${c.Compliance?.ComplianceContributorCount?.CappedCount ?? 0}`
            );
          }
        }
      }
      expect(fromAggregator).toEqual(direct.sort());
      expect(fromAggregator.some(e => e.startsWith('777777777777/us-west-2/'))).toBe(false);

      // Details for one (rule, account, region) equal the account's own details.
      const details = await config(mgmt).send(
        new GetAggregateComplianceDetailsByConfigRuleCommand({
          ConfigurationAggregatorName: 'org-aggregator',
          ConfigRuleName: 's3-bucket-logging-enabled',
          AccountId: '666666666666',
          AwsRegion: 'us-east-1',
          ComplianceType: 'NON_COMPLIANT',
          Limit: 2
        })
      );
      const own = await config(await memberCreds(sim, mgmt, '666666666666')).send(
        new GetComplianceDetailsByConfigRuleCommand({
          ConfigRuleName: 's3-bucket-logging-enabled',
          ComplianceTypes: ['NON_COMPLIANT']
        })
      );
      const ids = (
        rs: {
          EvaluationResultIdentifier?:
            { EvaluationResultQualifier?: { ResourceId?: string | undefined } | undefined } | undefined;
        }[]
      ) => rs.map(r => r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId);
      expect(details.AggregateEvaluationResults).toHaveLength(2);
      expect(details.NextToken).toBeDefined();
      const rest = await config(mgmt).send(
        new GetAggregateComplianceDetailsByConfigRuleCommand({
          ConfigurationAggregatorName: 'org-aggregator',
          ConfigRuleName: 's3-bucket-logging-enabled',
          AccountId: '666666666666',
          AwsRegion: 'us-east-1',
          ComplianceType: 'NON_COMPLIANT',
          Limit: 2,
          NextToken: details.NextToken
        })
      );
      expect([...ids(details.AggregateEvaluationResults ?? []), ...ids(rest.AggregateEvaluationResults ?? [])]).toEqual(
        ids(own.EvaluationResults ?? [])
      );
      expect(details.AggregateEvaluationResults?.[0]).toMatchObject({
        AccountId: '666666666666',
        AwsRegion: 'us-east-1'
      });
    });

    it('filters by one AccountId and one AwsRegion, and refuses filters AWS refuses', async () => {
      const out = await config(mgmt).send(
        new DescribeAggregateComplianceByConfigRulesCommand({
          ConfigurationAggregatorName: 'org-aggregator',
          Filters: { AccountId: '333333333333', AwsRegion: 'us-west-2' }
        })
      );
      expect(
        out.AggregateComplianceByConfigRules?.map(r => `${r.ConfigRuleName}=${r.Compliance?.ComplianceType}`)
      ).toEqual(['ec2-ebs-encryption-by-default=COMPLIANT', 's3-bucket-logging-enabled=NON_COMPLIANT']);
      // "The allowed values are COMPLIANT and NON_COMPLIANT." (ConfigRuleComplianceFilters.ComplianceType)
      const err = await rejection(
        config(mgmt).send(
          new DescribeAggregateComplianceByConfigRulesCommand({
            ConfigurationAggregatorName: 'org-aggregator',
            Filters: { ComplianceType: 'INSUFFICIENT_DATA' }
          })
        )
      );
      expect(err.name).toBe('ValidationException');
      const none = await rejection(
        config(mgmt).send(new DescribeAggregateComplianceByConfigRulesCommand({ ConfigurationAggregatorName: 'nope' }))
      );
      expect(none.name).toBe('NoSuchConfigurationAggregatorException');
    });

    it('summarises rule compliance per account', async () => {
      const out = await config(mgmt).send(
        new GetAggregateConfigRuleComplianceSummaryCommand({
          ConfigurationAggregatorName: 'org-aggregator',
          GroupByKey: 'ACCOUNT_ID'
        })
      );
      const byAccount = Object.fromEntries(
        (out.AggregateComplianceCounts ?? []).map(c => [
          c.GroupName,
          [
            c.ComplianceSummary?.CompliantResourceCount?.CappedCount,
            c.ComplianceSummary?.NonCompliantResourceCount?.CappedCount
          ]
        ])
      );
      expect(byAccount['222222222222']).toEqual([4, 0]);
      expect(byAccount['777777777777']).toEqual([2, 0]); // us-west-2 is the failing source
    });

    it('creates account aggregators and refuses organization ones to members', async () => {
      const put = await config(mgmt).send(
        new PutConfigurationAggregatorCommand({
          ConfigurationAggregatorName: 'two-accounts',
          AccountAggregationSources: [{ AccountIds: ['222222222222', '333333333333'], AllAwsRegions: true }]
        })
      );
      expect(put.ConfigurationAggregator?.ConfigurationAggregatorArn).toMatch(
        /^arn:aws:config:us-east-1:111111111111:config-aggregator\//
      );
      const status = await config(mgmt).send(
        new DescribeConfigurationAggregatorSourcesStatusCommand({ ConfigurationAggregatorName: 'two-accounts' })
      );
      expect(status.AggregatedSourceStatusList?.map(s => `${s.SourceId}/${s.AwsRegion}/${s.SourceType}`)).toEqual([
        '222222222222/us-east-1/ACCOUNT',
        '222222222222/us-west-2/ACCOUNT',
        '333333333333/us-east-1/ACCOUNT',
        '333333333333/us-west-2/ACCOUNT'
      ]);
      const listed = await config(mgmt).send(new DescribeConfigurationAggregatorsCommand({}));
      expect(listed.ConfigurationAggregators?.map(a => a.ConfigurationAggregatorName)).toEqual([
        'org-aggregator',
        'two-accounts'
      ]);
      const both = await rejection(
        config(mgmt).send(
          new PutConfigurationAggregatorCommand({
            ConfigurationAggregatorName: 'x',
            AccountAggregationSources: [
              { AccountIds: ['222222222222'], AllAwsRegions: true, AwsRegions: ['us-east-1'] }
            ]
          })
        )
      );
      expect(both.name).toBe('InvalidParameterValueException');
      const member = await memberCreds(sim, mgmt, '222222222222');
      const denied = await rejection(
        config(member).send(
          new PutConfigurationAggregatorCommand({
            ConfigurationAggregatorName: 'x',
            OrganizationAggregationSource: {
              RoleArn: 'arn:aws:iam::222222222222:role/compliance-gate-member',
              AllAwsRegions: true
            }
          })
        )
      );
      expect(denied.name).toBe('OrganizationAccessDeniedException');
    });
  });

  describe('throttling as a rate', () => {
    it('answers ThrottlingException past the burst, per account, and refills on the simulator clock', async () => {
      // Rate 0.001/s: the real time the test takes refills well under one token.
      sim.setFaults({ throttle: { 'config:DescribeConfigRules': { rate: 0.001, burst: 3 } } });
      const member = await memberCreds(sim, mgmt, '222222222222');
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        outcomes.push(
          await config(mgmt)
            .send(new DescribeConfigRulesCommand({}))
            .then(
              () => 'ok',
              (e: Error) => e.name
            )
        );
      }
      expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ThrottlingException', 'ThrottlingException']);
      // Another account has its own bucket; another operation is not limited.
      await expect(config(member).send(new DescribeConfigRulesCommand({}))).resolves.toBeDefined();
      await expect(config(mgmt).send(new DescribeComplianceByConfigRuleCommand({}))).resolves.toBeDefined();
      // 1000 simulator seconds at 0.001/s is one token.
      sim.advanceClock(1000);
      await expect(config(mgmt).send(new DescribeConfigRulesCommand({}))).resolves.toBeDefined();
      const err = await rejection(config(mgmt).send(new DescribeConfigRulesCommand({})));
      expect(err.name).toBe('ThrottlingException');
      expect(err.$metadata?.httpStatusCode).toBe(400);
      expect(sim.calls().faulted['config:DescribeConfigRules']).toBe(3);
    });

    it('throttles a whole service with the awsQuery code (Throttling) and refuses a bad rate', async () => {
      sim.setFaults({ throttle: { sts: { rate: 0.001, burst: 1 } } });
      await expect(sts(mgmt).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
      const err = await rejection(sts(mgmt).send(new GetCallerIdentityCommand({})));
      expect(err.name).toBe('Throttling');
      expect(() => sim.setFaults({ throttle: { sts: { rate: 0, burst: 1 } } })).toThrow(/faults.throttle.sts must be/);
    });
  });
});

describe('scenarios org and org-scale', () => {
  it('reads org-scale parameters strictly, naming the bad one', async () => {
    const { parseOrgScaleParams, build } = await import('../src/scenarios/org-scale.js');
    expect(parseOrgScaleParams({})).toEqual({ accounts: 20, regions: 2, rules: 20, findings: 10, suspended: 0 });
    expect(() => parseOrgScaleParams({ acounts: '3' })).toThrow(/unknown parameter 'acounts'/);
    expect(() => parseOrgScaleParams({ regions: '9' })).toThrow(/regions must be an integer from 1 to 8, got '9'/);
    expect(() => parseOrgScaleParams({ accounts: '2', suspended: '2' })).toThrow(/suspended \(2\) must be fewer/);
    const s = build({ accounts: '3', regions: '3', rules: '4', findings: '7' });
    expect(s.world?.states.map(x => `${x.accountId}/${x.region}`)).toEqual([
      '111111111111/us-west-2',
      '111111111111/eu-west-1',
      '200000000001/us-east-1',
      '200000000001/us-west-2',
      '200000000001/eu-west-1',
      '200000000002/us-east-1',
      '200000000002/us-west-2',
      '200000000002/eu-west-1'
    ]);
    // 7 findings per account over 3 regions (3 + 2 + 2), plus one compliant bucket per region.
    const buckets = [s.state, ...s.world!.states.slice(0, 2)].map(x => Object.keys(x.resources.s3Buckets).length);
    expect(buckets).toEqual([4, 3, 3]);
  });

  it('refuses a world whose organization lacks its management account', async () => {
    const { normalizeScenario } = await import('../src/core/scenario.js');
    expect(() =>
      normalizeScenario(
        {
          world: { organization: { id: 'o-x', managementAccountId: '111111111111', featureSet: 'ALL', accounts: [] } }
        },
        'test'
      )
    ).toThrow(/world.organization.accounts must include the management account 111111111111/);
  });
});
