/**
 * AWS Config proactive evaluation: StartResourceEvaluation, GetResourceEvaluationSummary, ListResourceEvaluations,
 * and GetComplianceDetailsByResource for a ResourceEvaluationId.
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { decodeToken, effectiveLimit, encodeToken, pageAfter } from '../paging.js';
import { overallCompliance, sameRequest, startResourceEvaluation } from '../proactive.js';
import { type ConfigState, type StoredProactiveResult, type StoredResourceEvaluation } from '../state.js';
import { cfgOf, invalid, byName, stringAfter, complianceFilter, filterScope } from './common.js';

/** Page sizes AWS uses when the caller gives no Limit. */
const PROACTIVE_DETAILS_PAGE_SIZE = 100;
const RESOURCE_EVALUATIONS_PAGE_SIZE = 10;

interface ResourceDetailsInput {
  ResourceId: string;
  ResourceType: string;
  ResourceConfiguration: string;
  ResourceConfigurationSchemaType?: string;
}

export function startResourceEvaluationHandler(
  input: Cfg.StartResourceEvaluationCommandInput,
  ctx: RequestContext
): unknown {
  const cfg = cfgOf(ctx);
  if (input.EvaluationMode !== 'PROACTIVE') {
    throw invalid(
      `StartResourceEvaluation supports only the PROACTIVE evaluation mode, got ${String(input.EvaluationMode)}.`
    );
  }
  const d = input.ResourceDetails as ResourceDetailsInput;
  try {
    JSON.parse(d.ResourceConfiguration);
  } catch {
    throw invalid('ResourceDetails.ResourceConfiguration must be the resource properties as a JSON string.');
  }
  const details: StoredResourceEvaluation['resourceDetails'] = {
    ResourceId: d.ResourceId,
    ResourceType: d.ResourceType,
    ResourceConfiguration: d.ResourceConfiguration
  };
  if (d.ResourceConfigurationSchemaType !== undefined) {
    details.ResourceConfigurationSchemaType = d.ResourceConfigurationSchemaType;
  }
  const context = input.EvaluationContext?.EvaluationContextIdentifier;
  const request = {
    resourceDetails: details,
    evaluationTimeoutSeconds: input.EvaluationTimeout ?? 0,
    ...(context !== undefined ? { evaluationContextIdentifier: context } : {}),
    ...(typeof input.ClientToken === 'string' ? { clientToken: input.ClientToken } : {})
  };
  if (request.clientToken !== undefined) {
    const previous = Object.values(cfg.resourceEvaluations ?? {}).find(e => e.clientToken === request.clientToken);
    if (previous) {
      if (!sameRequest(previous, request)) {
        throw new AwsError(
          'IdempotentParameterMismatch',
          'The ClientToken was already used for a StartResourceEvaluation request with other parameters.'
        );
      }
      return { ResourceEvaluationId: previous.resourceEvaluationId };
    }
  }
  return { ResourceEvaluationId: startResourceEvaluation(ctx, request) };
}

function requireResourceEvaluation(cfg: ConfigState, id: unknown, code: string): StoredResourceEvaluation {
  const all = cfg.resourceEvaluations ?? {};
  const e = typeof id === 'string' && Object.hasOwn(all, id) ? all[id] : undefined;
  if (!e) throw new AwsError(code, `No resource evaluation has the ResourceEvaluationId ${JSON.stringify(id)}.`);
  return e;
}

export function getResourceEvaluationSummary(
  input: Cfg.GetResourceEvaluationSummaryCommandInput,
  ctx: RequestContext
): unknown {
  const e = requireResourceEvaluation(cfgOf(ctx), input.ResourceEvaluationId, 'ResourceNotFoundException');
  const status: Record<string, unknown> = { Status: e.status };
  if (e.failureReason !== undefined) status['FailureReason'] = e.failureReason;
  const out: Record<string, unknown> = {
    ResourceEvaluationId: e.resourceEvaluationId,
    EvaluationMode: e.evaluationMode,
    EvaluationStatus: status,
    EvaluationStartTimestamp: new Date(e.startTime),
    ResourceDetails: { ...e.resourceDetails }
  };
  if (e.status === 'SUCCEEDED') out['Compliance'] = overallCompliance(e.results);
  if (e.evaluationContextIdentifier !== undefined) {
    out['EvaluationContext'] = { EvaluationContextIdentifier: e.evaluationContextIdentifier };
  }
  return out;
}

/** Newest first, then by id. */
function compareEvaluations(a: { startTime: string; id: string }, b: [string, string]): number {
  if (a.startTime !== b[0]) return a.startTime > b[0] ? -1 : 1;
  return a.id === b[1] ? 0 : a.id < b[1] ? -1 : 1;
}

export function listResourceEvaluations(input: Cfg.ListResourceEvaluationsCommandInput, ctx: RequestContext): unknown {
  const cfg = cfgOf(ctx);
  const op = 'ListResourceEvaluations';
  const filters =
    (input.Filters as
      | {
          EvaluationMode?: string;
          TimeWindow?: { StartTime?: Date; EndTime?: Date };
          EvaluationContextIdentifier?: string;
        }
      | undefined) ?? {};
  if (filters.EvaluationMode !== undefined && filters.EvaluationMode !== 'PROACTIVE') {
    throw invalid('ListResourceEvaluations filters only on the PROACTIVE evaluation mode.');
  }
  const start = filters.TimeWindow?.StartTime?.getTime();
  const end = filters.TimeWindow?.EndTime?.getTime();
  if (start !== undefined && end !== undefined && start > end) {
    throw new AwsError('InvalidTimeRangeException', 'TimeWindow.StartTime must not be after TimeWindow.EndTime.');
  }
  const limit = effectiveLimit(input.Limit, RESOURCE_EVALUATIONS_PAGE_SIZE, 100);
  const keep = (e: StoredResourceEvaluation): boolean => {
    const t = Date.parse(e.startTime);
    return (
      (start === undefined || t >= start) &&
      (end === undefined || t <= end) &&
      (filters.EvaluationContextIdentifier === undefined ||
        e.evaluationContextIdentifier === filters.EvaluationContextIdentifier)
    );
  };
  const sorted = Object.values(cfg.resourceEvaluations ?? {})
    .filter(keep)
    .map(e => ({ startTime: e.startTime, id: e.resourceEvaluationId, e }))
    .sort((a, b) => compareEvaluations(a, [b.startTime, b.id]));
  const scope = JSON.stringify([
    filters.EvaluationMode ?? '',
    start ?? '',
    end ?? '',
    filters.EvaluationContextIdentifier ?? ''
  ]);
  let after: [string, string] | undefined;
  if (typeof input.NextToken === 'string') {
    const raw = decodeToken(input.NextToken, op, scope);
    if (!Array.isArray(raw) || raw.length !== 2 || !raw.every(v => typeof v === 'string')) {
      throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
    }
    after = [raw[0] as string, raw[1] as string];
  }
  const page = pageAfter(sorted, compareEvaluations, after, limit);
  const out: Record<string, unknown> = {
    ResourceEvaluations: page.items.map(x => ({
      ResourceEvaluationId: x.id,
      EvaluationMode: x.e.evaluationMode,
      EvaluationStartTimestamp: new Date(x.startTime)
    }))
  };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, scope, [last.startTime, last.id]);
  return out;
}

function proactiveResult(e: StoredResourceEvaluation, r: StoredProactiveResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: {
        ConfigRuleName: r.configRuleName,
        ResourceType: e.resourceDetails.ResourceType,
        ResourceId: e.resourceDetails.ResourceId,
        EvaluationMode: 'PROACTIVE'
      },
      OrderingTimestamp: new Date(r.configRuleInvokedTime),
      ResourceEvaluationId: e.resourceEvaluationId
    },
    ComplianceType: r.complianceType,
    ResultRecordedTime: new Date(r.resultRecordedTime),
    ConfigRuleInvokedTime: new Date(r.configRuleInvokedTime)
  };
  if (r.annotation !== undefined) out['Annotation'] = r.annotation;
  return out;
}

/** GetComplianceDetailsByResource for a proactive evaluation: its results per rule (none while in progress). */
export function proactiveComplianceDetails(
  input: Cfg.GetComplianceDetailsByResourceCommandInput,
  cfg: ConfigState
): unknown {
  const op = 'GetComplianceDetailsByResource';
  if (input.ResourceType !== undefined || input.ResourceId !== undefined) {
    throw invalid('Give either a ResourceEvaluationId or a ResourceType and ResourceId, not both.');
  }
  const e = requireResourceEvaluation(cfg, input.ResourceEvaluationId, 'InvalidParameterValueException');
  const filter = complianceFilter(input.ComplianceTypes, 'INSUFFICIENT_DATA', op);
  const scope = `${e.resourceEvaluationId}|${filterScope(filter)}`;
  const after = stringAfter(input.NextToken, op, scope);
  const results = e.results.filter(r => !filter || filter.has(r.complianceType));
  const page = pageAfter(
    results,
    (r, key: string) => byName(r.configRuleName, key),
    after,
    PROACTIVE_DETAILS_PAGE_SIZE
  );
  const out: Record<string, unknown> = { EvaluationResults: page.items.map(r => proactiveResult(e, r)) };
  if (page.more) out['NextToken'] = encodeToken(op, scope, page.items.at(-1)!.configRuleName);
  return out;
}
