/**
 * Conformance packs and organization conformance packs through the real SDK client: template parsing into the
 * account's rules (with Config's `-conformance-pack-<suffix>` rule names), status lifecycle, compliance, the
 * 51,200-byte TemplateBody limit, TemplateS3Uri, and per-member status of organization packs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConfigServiceClient,
  DeleteConformancePackCommand,
  DeleteOrganizationConformancePackCommand,
  DescribeConfigRulesCommand,
  DescribeConformancePackComplianceCommand,
  DescribeConformancePackStatusCommand,
  DescribeConformancePacksCommand,
  DescribeOrganizationConformancePackStatusesCommand,
  DescribeOrganizationConformancePacksCommand,
  DescribeRemediationConfigurationsCommand,
  GetConformancePackComplianceSummaryCommand,
  GetOrganizationConformancePackDetailedStatusCommand,
  ListConformancePackComplianceScoresCommand,
  PutConformancePackCommand,
  PutOrganizationConformancePackCommand
} from '@aws-sdk/client-config-service';
import { startSimulator, type Simulator } from '../src/index.js';
import { TEMPLATE_BODY_MAX_BYTES } from '../src/services/config/conformance-packs.js';
import { managementCreds, memberCreds, rejection, type Creds } from './support/org.js';

const TEMPLATE = `
Parameters:
  TargetBucket:
    Type: String
    Default: access-logs
Conditions:
  WithTarget: !Not [!Equals [!Ref TargetBucket, ""]]
Resources:
  S3Logging:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: s3-bucket-logging-enabled
      Scope:
        ComplianceResourceTypes: [AWS::S3::Bucket]
      InputParameters:
        targetBucket: !If [WithTarget, !Ref TargetBucket, !Ref AWS::NoValue]
      Source:
        Owner: AWS
        SourceIdentifier: S3_BUCKET_LOGGING_ENABLED
  EbsDefault:
    Type: AWS::Config::ConfigRule
    Properties:
      ConfigRuleName: ec2-ebs-encryption-by-default
      Source:
        Owner: AWS
        SourceIdentifier: EC2_EBS_ENCRYPTION_BY_DEFAULT
  S3LoggingRemediation:
    Type: AWS::Config::RemediationConfiguration
    Properties:
      ConfigRuleName: !Ref S3Logging
      TargetType: SSM_DOCUMENT
      TargetId: AWS-ConfigureS3BucketLogging
      Automatic: false
      Parameters:
        BucketName:
          ResourceValue:
            Value: RESOURCE_ID
        TargetBucket:
          StaticValue:
            Values: [access-logs]
        GrantedPermission:
          StaticValue:
            Values: [FULL_CONTROL]
        GranteeType:
          StaticValue:
            Values: [Group]
        GranteeUri:
          StaticValue:
            Values: [http://acs.amazonaws.com/groups/s3/LogDelivery]
        AutomationAssumeRole:
          StaticValue:
            Values: [arn:aws:iam::111111111111:role/my-hipaa-remediation-role]
`;

describe('conformance packs', () => {
  let sim: Simulator;
  let mgmt: Creds;
  const clients: ConfigServiceClient[] = [];
  const config = (credentials: Creds, region = 'us-east-1'): ConfigServiceClient => {
    const c = new ConfigServiceClient({ region, endpoint: sim.url, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'org' });
    mgmt = await managementCreds(sim);
  });
  afterEach(() => {
    sim.reset();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await sim.close();
  });
  const reauth = async (): Promise<Creds> => (mgmt = await managementCreds(sim));

  it('deploys the template rules with the pack suffix, reports status, compliance and score, and deletes them', async () => {
    const c = config(await reauth());
    const put = await c.send(new PutConformancePackCommand({ ConformancePackName: 'hipaa', TemplateBody: TEMPLATE }));
    expect(put.ConformancePackArn).toMatch(
      /^arn:aws:config:us-east-1:111111111111:conformance-pack\/hipaa\/conformance-pack-/
    );
    const status = await c.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: ['hipaa'] }));
    expect(status.ConformancePackStatusDetails?.[0]?.ConformancePackState).toBe('CREATE_COMPLETE');

    const rules = (await c.send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [];
    const packRules = rules.filter(r => r.ConfigRuleName?.includes('-conformance-pack-'));
    expect(packRules.map(r => r.ConfigRuleName!.replace(/-conformance-pack-[a-z0-9]+$/, '')).sort()).toEqual([
      'ec2-ebs-encryption-by-default',
      's3-bucket-logging-enabled'
    ]);
    const suffixes = new Set(packRules.map(r => /-conformance-pack-([a-z0-9]+)$/.exec(r.ConfigRuleName!)![1]));
    expect(suffixes.size).toBe(1);
    expect(packRules.every(r => r.CreatedBy === 'config-conforms.amazonaws.com')).toBe(true);
    const logging = packRules.find(r => r.ConfigRuleName!.startsWith('s3-bucket-logging-enabled'))!;
    expect(JSON.parse(logging.InputParameters!)).toEqual({ targetBucket: 'access-logs' });
    const remediation = await c.send(
      new DescribeRemediationConfigurationsCommand({ ConfigRuleNames: [logging.ConfigRuleName!] })
    );
    expect(remediation.RemediationConfigurations?.[0]?.TargetId).toBe('AWS-ConfigureS3BucketLogging');

    // Evaluated by the same engine: the seed account has buckets without logging and EBS encryption off.
    sim.advanceClock(1);
    const compliance = await c.send(new DescribeConformancePackComplianceCommand({ ConformancePackName: 'hipaa' }));
    expect(compliance.ConformancePackRuleComplianceList?.map(r => r.ComplianceType)).toEqual([
      'NON_COMPLIANT',
      'NON_COMPLIANT'
    ]);
    const summary = await c.send(new GetConformancePackComplianceSummaryCommand({ ConformancePackNames: ['hipaa'] }));
    expect(summary.ConformancePackComplianceSummaryList).toEqual([
      { ConformancePackName: 'hipaa', ConformancePackComplianceStatus: 'NON_COMPLIANT' }
    ]);
    const scores = await c.send(new ListConformancePackComplianceScoresCommand({}));
    // 1 compliant of 4 rule-resource combinations (3 buckets + the account).
    expect(scores.ConformancePackComplianceScores?.[0]).toMatchObject({ ConformancePackName: 'hipaa', Score: '25.00' });
    const bad = await rejection(
      c.send(
        new DescribeConformancePackComplianceCommand({
          ConformancePackName: 'hipaa',
          Filters: { ConfigRuleNames: ['nope'] }
        })
      )
    );
    expect(bad.name).toBe('NoSuchConfigRuleInConformancePackException');

    await c.send(new DeleteConformancePackCommand({ ConformancePackName: 'hipaa' }));
    const after = (await c.send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [];
    expect(after.some(r => r.ConfigRuleName?.includes('-conformance-pack-'))).toBe(false);
    const gone = await rejection(c.send(new DescribeConformancePacksCommand({ ConformancePackNames: ['hipaa'] })));
    expect(gone.name).toBe('NoSuchConformancePackException');
  });

  it('reads CREATE_IN_PROGRESS until the pack is deployed (option conformancePackSeconds)', async () => {
    const delayed = await startSimulator({ scenario: 'org', options: { conformancePackSeconds: 30 } });
    try {
      const c = new ConfigServiceClient({
        region: 'us-east-1',
        endpoint: delayed.url,
        credentials: await managementCreds(delayed),
        maxAttempts: 1
      });
      await c.send(new PutConformancePackCommand({ ConformancePackName: 'hipaa', TemplateBody: TEMPLATE }));
      const state = async (): Promise<string | undefined> =>
        (await c.send(new DescribeConformancePackStatusCommand({}))).ConformancePackStatusDetails?.[0]
          ?.ConformancePackState;
      expect(await state()).toBe('CREATE_IN_PROGRESS');
      const busy = await rejection(c.send(new DeleteConformancePackCommand({ ConformancePackName: 'hipaa' })));
      expect(busy.name).toBe('ResourceInUseException');
      delayed.advanceClock(30);
      expect(await state()).toBe('CREATE_COMPLETE');
      c.destroy();
    } finally {
      await delayed.close();
    }
  });

  it('ends CREATE_FAILED with the reason when Config refuses a rule of the template, leaving no rule behind', async () => {
    const c = config(await reauth());
    const template = TEMPLATE.replace(
      'SourceIdentifier: EC2_EBS_ENCRYPTION_BY_DEFAULT',
      'SourceIdentifier: S3_BUCKET_LOGGING_ENABLED\n      InputParameters: {"notAParameter": "x"}'
    );
    await c.send(new PutConformancePackCommand({ ConformancePackName: 'broken', TemplateBody: template }));
    const status = (await c.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: ['broken'] })))
      .ConformancePackStatusDetails?.[0];
    expect(status?.ConformancePackState).toBe('CREATE_FAILED');
    expect(status?.ConformancePackStatusReason).toMatch(/InvalidParameterValueException/);
    const rules = (await c.send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [];
    expect(rules.some(r => r.ConfigRuleName?.includes('-conformance-pack-'))).toBe(false);
  });

  it('refuses a TemplateBody over 51,200 bytes, an invalid template, and reads TemplateS3Uri', async () => {
    const c = config(await reauth());
    // "The structure containing the template body has a minimum length of 1 byte and a maximum length of 51,200 bytes."
    const padding = `\n# ${'x'.repeat(TEMPLATE_BODY_MAX_BYTES)}`;
    const big = await rejection(
      c.send(new PutConformancePackCommand({ ConformancePackName: 'big', TemplateBody: TEMPLATE + padding }))
    );
    expect(big.name).toBe('ValidationException');
    // Multi-byte characters: within 51,200 characters but over 51,200 bytes.
    const wide = `${TEMPLATE}\n# ${'é'.repeat((TEMPLATE_BODY_MAX_BYTES - TEMPLATE.length) / 2)}`;
    expect(wide.length).toBeLessThanOrEqual(TEMPLATE_BODY_MAX_BYTES);
    const wideErr = await rejection(
      c.send(new PutConformancePackCommand({ ConformancePackName: 'wide', TemplateBody: wide }))
    );
    expect(wideErr.name).toBe('ValidationException');
    const exact = `${TEMPLATE}#${'x'.repeat(TEMPLATE_BODY_MAX_BYTES - Buffer.byteLength(TEMPLATE) - 1)}`;
    expect(Buffer.byteLength(exact)).toBe(TEMPLATE_BODY_MAX_BYTES);
    await expect(
      c.send(new PutConformancePackCommand({ ConformancePackName: 'exact', TemplateBody: exact }))
    ).resolves.toBeDefined();

    const invalid = await rejection(
      c.send(
        new PutConformancePackCommand({
          ConformancePackName: 'bucket',
          TemplateBody: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n'
        })
      )
    );
    expect(invalid.name).toBe('ConformancePackTemplateValidationException');
    expect(invalid.message).toMatch(/AWS::S3::Bucket/);
    const both = await rejection(
      c.send(
        new PutConformancePackCommand({
          ConformancePackName: 'both',
          TemplateBody: TEMPLATE,
          TemplateS3Uri: 's3://b/k'
        })
      )
    );
    expect(both.name).toBe('InvalidParameterValueException');
    const unknownParam = await rejection(
      c.send(
        new PutConformancePackCommand({
          ConformancePackName: 'p',
          TemplateBody: TEMPLATE,
          ConformancePackInputParameters: [{ ParameterName: 'Nope', ParameterValue: '1' }]
        })
      )
    );
    expect(unknownParam.name).toBe('ConformancePackTemplateValidationException');

    await fetch(`${sim.url}/_sim/world`, {
      method: 'POST',
      body: JSON.stringify({ s3Objects: { 's3://templates/hipaa.yaml': TEMPLATE } })
    });
    await c.send(
      new PutConformancePackCommand({ ConformancePackName: 'from-s3', TemplateS3Uri: 's3://templates/hipaa.yaml' })
    );
    const status = await c.send(new DescribeConformancePackStatusCommand({ ConformancePackNames: ['from-s3'] }));
    expect(status.ConformancePackStatusDetails?.[0]?.ConformancePackState).toBe('CREATE_COMPLETE');
    const missing = await rejection(
      c.send(
        new PutConformancePackCommand({ ConformancePackName: 'missing', TemplateS3Uri: 's3://templates/none.yaml' })
      )
    );
    expect(missing.name).toBe('ConformancePackTemplateValidationException');
  });

  it('deploys an organization pack to every member but the excluded, with each member status and the failing member error', async () => {
    const c = config(await reauth());
    await c.send(
      new PutOrganizationConformancePackCommand({
        OrganizationConformancePackName: 'org-hipaa',
        TemplateBody: TEMPLATE,
        ExcludedAccounts: ['555555555555']
      })
    );
    const detailed = await c.send(
      new GetOrganizationConformancePackDetailedStatusCommand({ OrganizationConformancePackName: 'org-hipaa' })
    );
    const byAccount = Object.fromEntries(
      (detailed.OrganizationConformancePackDetailedStatuses ?? []).map(s => [s.AccountId, [s.Status, s.ErrorCode]])
    );
    expect(byAccount).toEqual({
      '111111111111': ['CREATE_SUCCESSFUL', undefined],
      '222222222222': ['CREATE_SUCCESSFUL', undefined],
      '333333333333': ['CREATE_SUCCESSFUL', undefined],
      '444444444444': ['CREATE_SUCCESSFUL', undefined],
      '666666666666': ['CREATE_FAILED', 'NoAvailableConfigurationRecorderException'],
      '777777777777': ['CREATE_SUCCESSFUL', undefined]
    });
    const failed = detailed.OrganizationConformancePackDetailedStatuses?.find(s => s.AccountId === '666666666666');
    expect(failed?.ErrorMessage).toMatch(/666666666666/);
    expect(failed?.ConformancePackName).toMatch(/^OrgConformsPack-org-hipaa-/);
    const filtered = await c.send(
      new GetOrganizationConformancePackDetailedStatusCommand({
        OrganizationConformancePackName: 'org-hipaa',
        Filters: { Status: 'CREATE_FAILED' }
      })
    );
    expect(filtered.OrganizationConformancePackDetailedStatuses?.map(s => s.AccountId)).toEqual(['666666666666']);
    // "CREATE_FAILED when an organization conformance pack creation failed in one or more member accounts"
    const overall = await c.send(new DescribeOrganizationConformancePackStatusesCommand({}));
    expect(overall.OrganizationConformancePackStatuses?.[0]?.Status).toBe('CREATE_FAILED');
    const described = await c.send(
      new DescribeOrganizationConformancePacksCommand({ OrganizationConformancePackNames: ['org-hipaa'] })
    );
    expect(described.OrganizationConformancePacks?.[0]?.ExcludedAccounts).toEqual(['555555555555']);

    // The member pack holds rules in the member's own Config, created by the multi-account service.
    const member = config(await memberCreds(sim, mgmt, '222222222222'));
    const packs = await member.send(new DescribeConformancePacksCommand({}));
    expect(packs.ConformancePackDetails?.[0]?.CreatedBy).toBe('config-multiaccountsetup.amazonaws.com');
    const memberRules = (await member.send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [];
    expect(memberRules.filter(r => r.ConfigRuleName?.includes('-conformance-pack-'))).toHaveLength(2);
    const excluded = config(await memberCreds(sim, mgmt, '555555555555'));
    expect((await excluded.send(new DescribeConformancePacksCommand({}))).ConformancePackDetails).toEqual([]);

    // A member may not manage organization packs.
    const denied = await rejection(member.send(new DescribeOrganizationConformancePacksCommand({})));
    expect(denied.name).toBe('OrganizationAccessDeniedException');

    await c.send(new DeleteOrganizationConformancePackCommand({ OrganizationConformancePackName: 'org-hipaa' }));
    expect((await member.send(new DescribeConformancePacksCommand({}))).ConformancePackDetails).toEqual([]);
    const gone = await rejection(
      c.send(new GetOrganizationConformancePackDetailedStatusCommand({ OrganizationConformancePackName: 'org-hipaa' }))
    );
    expect(gone.name).toBe('NoSuchOrganizationConformancePackException');
  });

  it('updates an organization pack: members read UPDATE_*, a newly excluded account loses its pack', async () => {
    const c = config(await reauth());
    await c.send(
      new PutOrganizationConformancePackCommand({
        OrganizationConformancePackName: 'org-hipaa',
        TemplateBody: TEMPLATE
      })
    );
    await c.send(
      new PutOrganizationConformancePackCommand({
        OrganizationConformancePackName: 'org-hipaa',
        TemplateBody: TEMPLATE,
        ExcludedAccounts: ['444444444444']
      })
    );
    const detailed = await c.send(
      new GetOrganizationConformancePackDetailedStatusCommand({ OrganizationConformancePackName: 'org-hipaa' })
    );
    const byAccount = Object.fromEntries(
      (detailed.OrganizationConformancePackDetailedStatuses ?? []).map(s => [s.AccountId, s.Status])
    );
    expect(byAccount).toEqual({
      '111111111111': 'UPDATE_SUCCESSFUL',
      '222222222222': 'UPDATE_SUCCESSFUL',
      '333333333333': 'UPDATE_SUCCESSFUL',
      '555555555555': 'UPDATE_SUCCESSFUL',
      '666666666666': 'UPDATE_FAILED',
      '777777777777': 'UPDATE_SUCCESSFUL'
    });
    const overall = await c.send(
      new DescribeOrganizationConformancePackStatusesCommand({ OrganizationConformancePackNames: ['org-hipaa'] })
    );
    expect(overall.OrganizationConformancePackStatuses?.[0]?.Status).toBe('UPDATE_FAILED');
    const excluded = config(await memberCreds(sim, mgmt, '444444444444'));
    expect((await excluded.send(new DescribeConformancePacksCommand({}))).ConformancePackDetails).toEqual([]);
    const rules = (await excluded.send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [];
    expect(rules.some(r => r.ConfigRuleName?.includes('-conformance-pack-'))).toBe(false);
    // Rule names stay the same across the update (one suffix per pack).
    const member = config(await memberCreds(sim, mgmt, '222222222222'));
    const names = ((await member.send(new DescribeConfigRulesCommand({}))).ConfigRules ?? [])
      .map(r => r.ConfigRuleName!)
      .filter(n => n.includes('-conformance-pack-'));
    expect(names).toHaveLength(2);
  });
});
