/**
 * Remediation outcomes and alerts as notes on the Security Hub findings that AWS Config's integration makes (input
 * security-hub: notes). For each outcome (and, when an alert was sent, each alerted finding without an outcome) the
 * finding of that rule and resource is looked up (GetFindings: ProductName Config, Title the rule, ResourceId the
 * resource's ARN, RecordState ACTIVE; AWS Config Developer Guide, "Integrating AWS Config with AWS Security Hub",
 * https://docs.aws.amazon.com/config/latest/developerguide/setting-up-aws-config-with-aws-security-hub.html) and
 * updated with BatchUpdateFindings: a note of at most 512 characters by `compliance-gate` naming the outcome, the
 * runbook and version, the execution id and the run URL, and the workflow status RESOLVED (verified) or NOTIFIED
 * (alerted, failed, not verified, cancelled). At most 100 findings per call and 20 values per filter
 * (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateFindings.html,
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFindingFilters.html).
 *
 * Findings not found are listed; a Security Hub error is reported, never a reason to stop or undo remediation.
 */
import {
  BatchUpdateFindingsCommand,
  paginateGetFindings,
  type AwsSecurityFindingIdentifier,
  type SecurityHubClient
} from '@aws-sdk/client-securityhub';
import { AwsCallError } from '../errors.js';
import type { Logger } from '../logging.js';
import { sanitizeForLog } from '../util/text.js';
import type { TargetOutcome } from './verify.js';

export const NOTE_MAX = 512;
export const UPDATED_BY = 'compliance-gate';
const MAX_UPDATE = 100;
const MAX_FILTER_VALUES = 20;

export interface HubNote {
  rule: string;
  resourceType: string;
  resourceId: string;
  workflow: 'RESOLVED' | 'NOTIFIED';
  text: string;
}

export interface SecurityHubResult {
  updated: number;
  /** "rule resourceType resourceId" of the notes whose finding was not found (or not processed, with why). */
  notFound: string[];
  error?: string;
}

/** The ARN AWS Config gives a resource (Resources[].Id in its findings); undefined when the type is not known. */
export function configResourceArn(accountId: string, region: string, type: string, id: string): string | undefined {
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
      return id.startsWith('arn:') ? id : undefined;
  }
}

/** At most 512 characters (the API's limit on Note.Text): the run URL is kept, the middle is cut. */
export function fitNote(head: string, runUrl: string | undefined): string {
  const tail = runUrl ? ` Run: ${runUrl}` : '';
  if (head.length + tail.length <= NOTE_MAX) return head + tail;
  const room = Math.max(0, NOTE_MAX - tail.length - 1);
  return (head.slice(0, room) + '…' + tail).slice(0, NOTE_MAX);
}

const OUTCOME_WORDS: Record<TargetOutcome['status'], string> = {
  verified: 'remediated and verified compliant',
  'succeeded-unverified': 'remediation succeeded, compliance not verified',
  alerted: 'alerting runbook ran (it changes nothing; the finding stays open)',
  failed: 'remediation failed',
  'timed-out': 'remediation timed out',
  skipped: 'remediation skipped',
  cancelled: 'remediation cancelled'
};

/** The notes of a run: one per outcome that acted (skipped targets get none), then one per alerted finding. */
export function notesOf(
  outcomes: readonly TargetOutcome[],
  alerted: readonly { ruleName: string; resourceType: string; resourceId: string }[],
  runUrl: string | undefined
): HubNote[] {
  const notes: HubNote[] = [];
  const seen = new Set<string>();
  for (const o of outcomes) {
    if (o.status === 'skipped') continue;
    const t = o.target;
    seen.add(`${t.rule}\n${t.resourceType}\n${t.resourceId}`);
    const head =
      `compliance-gate: ${OUTCOME_WORDS[o.status]}. Runbook ${t.runbook.name} version ${t.runbook.version}` +
      `${o.executionId ? `, execution ${o.executionId}` : ''}.` +
      `${o.status !== 'verified' && o.message ? ` ${o.message}` : ''}`;
    notes.push({
      rule: t.rule,
      resourceType: t.resourceType,
      resourceId: t.resourceId,
      workflow: o.status === 'verified' ? 'RESOLVED' : 'NOTIFIED',
      text: fitNote(head, runUrl)
    });
  }
  for (const f of alerted) {
    if (seen.has(`${f.ruleName}\n${f.resourceType}\n${f.resourceId}`)) continue;
    notes.push({
      rule: f.ruleName,
      resourceType: f.resourceType,
      resourceId: f.resourceId,
      workflow: 'NOTIFIED',
      text: fitNote('compliance-gate: non-compliant, alert sent to the team.', runUrl)
    });
  }
  return notes;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const describe = (n: HubNote): string => `${n.rule} ${n.resourceType} ${n.resourceId}`;

/** Finds each note's finding and updates it; errors are returned, never thrown. */
export async function noteFindings(
  client: () => Promise<SecurityHubClient>,
  notes: readonly HubNote[],
  where: { accountId: string; region: string },
  logger: Logger
): Promise<SecurityHubResult> {
  const result: SecurityHubResult = { updated: 0, notFound: [] };
  if (notes.length === 0) return result;
  try {
    const hub = await client();
    const found = new Map<HubNote, AwsSecurityFindingIdentifier[]>();
    const byRule = new Map<string, HubNote[]>();
    for (const n of notes) {
      const arn = configResourceArn(where.accountId, where.region, n.resourceType, n.resourceId);
      if (arn === undefined) {
        result.notFound.push(`${describe(n)} (no known ARN for ${n.resourceType})`);
        continue;
      }
      byRule.set(n.rule, [...(byRule.get(n.rule) ?? []), n]);
    }
    for (const [rule, ruleNotes] of byRule) {
      const arnOf = new Map(
        ruleNotes.map(n => [configResourceArn(where.accountId, where.region, n.resourceType, n.resourceId)!, n])
      );
      for (const arns of chunks([...arnOf.keys()], MAX_FILTER_VALUES)) {
        const pages = paginateGetFindings(
          { client: hub, pageSize: 100 },
          {
            Filters: {
              ProductName: [{ Value: 'Config', Comparison: 'EQUALS' }],
              Title: [{ Value: rule, Comparison: 'EQUALS' }],
              ResourceId: arns.map(Value => ({ Value, Comparison: 'EQUALS' as const })),
              RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }]
            }
          }
        );
        for await (const page of pages) {
          for (const f of page.Findings ?? []) {
            for (const res of f.Resources ?? []) {
              const n = res.Id !== undefined ? arnOf.get(res.Id) : undefined;
              if (n && f.Id && f.ProductArn)
                found.set(n, [...(found.get(n) ?? []), { Id: f.Id, ProductArn: f.ProductArn }]);
            }
          }
        }
      }
      for (const n of ruleNotes) if (!found.has(n)) result.notFound.push(describe(n));
    }
    // Findings that get the same note and status share calls, at most 100 findings each.
    const groups = new Map<string, { n: HubNote; ids: AwsSecurityFindingIdentifier[] }>();
    for (const [n, ids] of found) {
      const key = `${n.workflow}\n${n.text}`;
      const g = groups.get(key) ?? { n, ids: [] };
      g.ids.push(...ids);
      groups.set(key, g);
    }
    for (const { n, ids } of groups.values()) {
      for (const batch of chunks(ids, MAX_UPDATE)) {
        const res = await hub.send(
          new BatchUpdateFindingsCommand({
            FindingIdentifiers: batch,
            Note: { Text: n.text, UpdatedBy: UPDATED_BY },
            Workflow: { Status: n.workflow }
          })
        );
        result.updated += res.ProcessedFindings?.length ?? 0;
        for (const u of res.UnprocessedFindings ?? []) {
          result.notFound.push(`${describe(n)} (${u.ErrorCode ?? 'unprocessed'}: ${u.ErrorMessage ?? ''})`);
        }
      }
    }
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
    result.error = err.message;
    logger.warn(sanitizeForLog(`Security Hub notes: ${err.message}`));
  }
  if (result.notFound.length > 0) {
    logger.info(
      sanitizeForLog(`Security Hub: no finding for ${result.notFound.length} note(s): ${result.notFound.join('; ')}`)
    );
  }
  return result;
}
