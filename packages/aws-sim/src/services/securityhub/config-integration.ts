/**
 * AWS Config's integration with Security Hub, as the simulated account runs it: every evaluation result of a Config
 * rule becomes (or updates) one finding per rule and resource, in the shape AWS Config sends (AWS Config Developer
 * Guide, "Integrating AWS Config with AWS Security Hub",
 * https://docs.aws.amazon.com/config/latest/developerguide/setting-up-aws-config-with-aws-security-hub.html;
 * Security Hub User Guide, "AWS Config" under AWS service integrations,
 * https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-internal-providers.html):
 * ProductArn arn:aws:securityhub:REGION::product/aws/config, ProductName "Config", CompanyName "AWS", the rule's ARN
 * in GeneratorId, the rule's name in Title, the resource's ARN in Resources[].Id (`AWS::::Account:ID` for the account),
 * Compliance.Status PASSED / FAILED (NOT_AVAILABLE for not applicable), and ProductFields aws/config/ConfigRuleName,
 * ConfigRuleArn and ConfigComplianceType. A resource that no longer has a result is archived (RecordState ARCHIVED).
 * Nothing happens while Security Hub is not enabled in the account.
 */
import { createHash } from 'node:crypto';
import type { AccountState } from '../../core/state.js';
import type { AsffFinding } from './state.js';

/** What the integration reads of a rule's evaluation (services/config/state.ts RuleRecord, structurally). */
export interface EvaluatedRule {
  rule: { ConfigRuleName: string; ConfigRuleArn: string; Description?: string };
  results: readonly {
    resourceType: string;
    resourceId: string;
    complianceType: string;
    resultRecordedTime: string;
    annotation?: string;
  }[];
}

/** The ARN AWS Config gives a resource (configuration item `arn`); the account is `AWS::::Account:ID`. */
export function configResourceArn(state: Pick<AccountState, 'accountId' | 'region'>, type: string, id: string): string {
  const { accountId, region } = state;
  switch (type) {
    case 'AWS::::Account':
      return `AWS::::Account:${id}`;
    case 'AWS::S3::Bucket':
      return `arn:aws:s3:::${id}`;
    case 'AWS::EC2::Volume':
      return `arn:aws:ec2:${region}:${accountId}:volume/${id}`;
    case 'AWS::EC2::VPC':
      return `arn:aws:ec2:${region}:${accountId}:vpc/${id}`;
    case 'AWS::RDS::DBInstance':
      return `arn:aws:rds:${region}:${accountId}:db:${id}`;
    case 'AWS::CloudTrail::Trail':
      return `arn:aws:cloudtrail:${region}:${accountId}:trail/${id}`;
    default:
      return id.startsWith('arn:') ? id : `arn:aws:config:${region}:${accountId}:resource/${type}/${id}`;
  }
}

/** ASFF resource type names: AWS::S3::Bucket -> AwsS3Bucket; the account -> AwsAccount. */
function asffType(type: string): string {
  return type === 'AWS::::Account' ? 'AwsAccount' : type.split('::').join('');
}

const COMPLIANCE: Record<string, AsffFinding['Compliance']['Status']> = {
  COMPLIANT: 'PASSED',
  NON_COMPLIANT: 'FAILED',
  NOT_APPLICABLE: 'NOT_AVAILABLE'
};

/** Mirrors the rule's current results into Security Hub findings (enabled accounts only). */
export function mirrorRuleEvaluation(state: AccountState, rec: EvaluatedRule, now: Date): void {
  const hub = state.securityHub;
  if (!hub?.enabled) return;
  const productArn = `arn:aws:securityhub:${state.region}::product/aws/config`;
  const ruleArn = rec.rule.ConfigRuleArn;
  const seen = new Set<string>();
  // The rule's Config findings by id: one pass over the findings, not one per result (20k resources x 130 rules).
  const existing = new Map<string, (typeof hub.findings)[number]>();
  for (const x of hub.findings) if (x.ProductArn === productArn && x.GeneratorId === ruleArn) existing.set(x.Id, x);
  for (const r of rec.results) {
    const arn = configResourceArn(state, r.resourceType, r.resourceId);
    const id = `${ruleArn}/finding/${createHash('sha1').update(`${r.resourceType}|${arn}`).digest('hex')}`;
    seen.add(id);
    const status = COMPLIANCE[r.complianceType] ?? 'NOT_AVAILABLE';
    const at = r.resultRecordedTime;
    // The id starts with the rule's ARN, which is the finding's GeneratorId: the map holds it if it exists.
    let f = existing.get(id);
    if (!f) {
      f = {
        SchemaVersion: '2018-10-08',
        Id: id,
        ProductArn: productArn,
        ProductName: 'Config',
        CompanyName: 'AWS',
        Region: state.region,
        GeneratorId: ruleArn,
        AwsAccountId: state.accountId,
        Types: ['Software and Configuration Checks'],
        FirstObservedAt: at,
        LastObservedAt: at,
        CreatedAt: at,
        UpdatedAt: at,
        Severity: { Label: 'INFORMATIONAL', Normalized: 0 },
        Title: rec.rule.ConfigRuleName,
        Description: rec.rule.Description ?? rec.rule.ConfigRuleName,
        ProductFields: {},
        Resources: [{ Type: asffType(r.resourceType), Id: arn, Partition: 'aws', Region: state.region }],
        Compliance: { Status: status },
        WorkflowState: 'NEW',
        Workflow: { Status: 'NEW' },
        RecordState: 'ACTIVE'
      };
      hub.findings.push(f);
      existing.set(id, f);
    }
    const changed = f.Compliance.Status !== status || f.RecordState !== 'ACTIVE';
    f.Compliance = { Status: status };
    f.Severity = status === 'FAILED' ? { Label: 'MEDIUM', Normalized: 40 } : { Label: 'INFORMATIONAL', Normalized: 0 };
    f.LastObservedAt = at;
    f.UpdatedAt = now.toISOString();
    f.RecordState = 'ACTIVE';
    // Security Hub sets a RESOLVED finding back to NEW when its compliance fails again
    // (https://docs.aws.amazon.com/securityhub/latest/userguide/finding-workflow-status.html).
    if (changed && status === 'FAILED' && f.Workflow.Status === 'RESOLVED') f.Workflow = { Status: 'NEW' };
    f.ProductFields = {
      'aws/config/ConfigRuleName': rec.rule.ConfigRuleName,
      'aws/config/ConfigRuleArn': ruleArn,
      'aws/config/ConfigComplianceType': r.complianceType,
      'aws/securityhub/ProductName': 'Config',
      'aws/securityhub/CompanyName': 'AWS',
      'aws/securityhub/FindingId': `${productArn}/${id}`
    };
  }
  for (const f of hub.findings) {
    if (f.GeneratorId === ruleArn && f.ProductArn === productArn && !seen.has(f.Id) && f.RecordState === 'ACTIVE') {
      f.RecordState = 'ARCHIVED';
      f.UpdatedAt = now.toISOString();
    }
  }
}
