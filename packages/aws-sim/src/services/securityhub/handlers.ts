/**
 * Security Hub of the simulated account (restJson1): GetFindings (POST /findings) with string filters, paged, and
 * BatchUpdateFindings (PATCH /findings/batchupdate) for notes and workflow status. Findings come from AWS Config's
 * integration (config-integration.ts).
 *
 * Rules followed (Security Hub API Reference):
 * - An account without Security Hub answers InvalidAccessException
 *   (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_GetFindings.html, Errors).
 * - GetFindings: filters of different fields are ANDed, several values of one field are ORed (EQUALS, PREFIX,
 *   CONTAINS; NOT_EQUALS, PREFIX_NOT_EQUALS and NOT_CONTAINS ANDed); MaxResults 1..100 (default 100), NextToken
 *   (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_StringFilter.html). The simulator implements the
 *   string filters listed in FILTER_FIELDS; any other filter is refused (NotImplemented), never ignored.
 * - BatchUpdateFindings: 1..100 FindingIdentifiers; Note.Text at most 512 characters, Note.UpdatedBy at most 128;
 *   Workflow.Status NEW, NOTIFIED, RESOLVED or SUPPRESSED; findings not found are listed in UnprocessedFindings
 *   (FindingNotFound) and the call succeeds
 *   (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchUpdateFindings.html,
 *   https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_NoteUpdate.html).
 */
import type * as SecurityHub from '@aws-sdk/client-securityhub';
import { AwsError, type RequestContext, typedHandlers } from '../../core/types.js';
import { configState } from '../config/state.js';
import type { AsffFinding, SecurityHubState } from './state.js';

const MAX_RESULTS = 100;
const MAX_UPDATE_FINDINGS = 100;
const MAX_NOTE_TEXT = 512;
const MAX_NOTE_UPDATED_BY = 128;

/** Filter field -> the finding's values for it. */
const FILTER_FIELDS: Record<string, (f: AsffFinding) => string[]> = {
  Id: f => [f.Id],
  ProductArn: f => [f.ProductArn],
  ProductName: f => [f.ProductName],
  CompanyName: f => [f.CompanyName],
  AwsAccountId: f => [f.AwsAccountId],
  Region: f => [f.Region],
  GeneratorId: f => [f.GeneratorId],
  Title: f => [f.Title],
  ResourceId: f => f.Resources.map(r => r.Id),
  ResourceType: f => f.Resources.map(r => r.Type),
  ComplianceStatus: f => [f.Compliance.Status],
  WorkflowStatus: f => [f.Workflow.Status],
  RecordState: f => [f.RecordState]
};

const invalidInput = (message: string): AwsError => new AwsError('InvalidInputException', message, 400);

function hub(ctx: RequestContext): SecurityHubState {
  // Config's integration mirrors evaluations as they happen; a first use of the Config state records the
  // scenario's past evaluations (and so their findings).
  configState(ctx.state, ctx.now());
  const h = ctx.state.securityHub;
  if (!h?.enabled) {
    throw new AwsError(
      'InvalidAccessException',
      `Account ${ctx.state.accountId} is not subscribed to AWS Security Hub`,
      401
    );
  }
  return h;
}

type StringFilter = { Value?: string | undefined; Comparison?: string | undefined };

function matchesField(values: readonly string[], filters: readonly StringFilter[]): boolean {
  const positive = filters.filter(f => ['EQUALS', 'PREFIX', 'CONTAINS'].includes(f.Comparison ?? ''));
  const negative = filters.filter(f => !positive.includes(f));
  const hit = (f: StringFilter, v: string): boolean => {
    const want = f.Value ?? '';
    switch (f.Comparison) {
      case 'EQUALS':
      case 'NOT_EQUALS':
        return v === want;
      case 'PREFIX':
      case 'PREFIX_NOT_EQUALS':
        return v.startsWith(want);
      case 'CONTAINS':
      case 'NOT_CONTAINS':
        return v.includes(want);
      default:
        throw invalidInput(`Invalid string filter comparison '${f.Comparison ?? ''}'`);
    }
  };
  if (positive.length > 0 && !positive.some(f => values.some(v => hit(f, v)))) return false;
  return negative.every(f => !values.some(v => hit(f, v)));
}

function getFindings(input: SecurityHub.GetFindingsCommandInput, ctx: RequestContext): unknown {
  const h = hub(ctx);
  const filters = (input.Filters ?? {}) as Record<string, unknown>;
  if (input.SortCriteria && input.SortCriteria.length > 0) {
    throw new AwsError('NotImplemented', 'The simulator does not implement GetFindings SortCriteria', 400);
  }
  const active: Array<[(f: AsffFinding) => string[], StringFilter[]]> = [];
  for (const [field, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    const get = FILTER_FIELDS[field];
    if (!get)
      throw new AwsError('NotImplemented', `The simulator does not implement the GetFindings filter ${field}`, 400);
    active.push([get, value as StringFilter[]]);
  }
  const all = h.findings.filter(f => active.every(([get, fs]) => matchesField(get(f), fs)));
  const max = input.MaxResults ?? MAX_RESULTS;
  const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw invalidInput('Invalid NextToken');
  const page = all.slice(start, start + max);
  return {
    Findings: structuredClone(page),
    ...(start + max < all.length ? { NextToken: String(start + max) } : {})
  };
}

function batchUpdateFindings(input: SecurityHub.BatchUpdateFindingsCommandInput, ctx: RequestContext): unknown {
  const h = hub(ctx);
  const ids = input.FindingIdentifiers ?? [];
  if (ids.length < 1 || ids.length > MAX_UPDATE_FINDINGS) {
    throw invalidInput(`FindingIdentifiers must contain 1 to ${MAX_UPDATE_FINDINGS} items, got ${ids.length}`);
  }
  const note = input.Note;
  if (note) {
    if (note.Text!.length > MAX_NOTE_TEXT) {
      throw invalidInput(`Note.Text must be at most ${MAX_NOTE_TEXT} characters, got ${note.Text!.length}`);
    }
    if (note.UpdatedBy!.length > MAX_NOTE_UPDATED_BY) {
      throw invalidInput(`Note.UpdatedBy must be at most ${MAX_NOTE_UPDATED_BY} characters`);
    }
  }
  const status = input.Workflow?.Status;
  if (!note && !status) throw invalidInput('BatchUpdateFindings needs at least one field to update');
  const processed: SecurityHub.AwsSecurityFindingIdentifier[] = [];
  const unprocessed: SecurityHub.BatchUpdateFindingsUnprocessedFinding[] = [];
  const now = ctx.now().toISOString();
  for (const id of ids) {
    const f = h.findings.find(x => x.Id === id.Id && x.ProductArn === id.ProductArn);
    if (!f) {
      unprocessed.push({ FindingIdentifier: id, ErrorCode: 'FindingNotFound', ErrorMessage: 'Finding Not Found' });
      continue;
    }
    if (note) f.Note = { Text: note.Text!, UpdatedBy: note.UpdatedBy!, UpdatedAt: now };
    if (status) {
      f.Workflow = { Status: status };
      f.WorkflowState = status === 'RESOLVED' ? 'RESOLVED' : status === 'NOTIFIED' ? 'IN_PROGRESS' : 'NEW';
    }
    f.UpdatedAt = now;
    processed.push(id);
  }
  return { ProcessedFindings: processed, UnprocessedFindings: unprocessed };
}

type SecurityHubInputs = {
  GetFindings: SecurityHub.GetFindingsCommandInput;
  BatchUpdateFindings: SecurityHub.BatchUpdateFindingsCommandInput;
};

/** securityhub operations of the simulated account. */
export const securityHubHandlers = typedHandlers<SecurityHubInputs>({
  GetFindings: getFindings,
  BatchUpdateFindings: batchUpdateFindings
});
