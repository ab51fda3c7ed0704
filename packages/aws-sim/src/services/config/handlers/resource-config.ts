/**
 * AWS Config resource configuration: BatchGetResourceConfig, SelectResourceConfig, GetResourceConfigHistory. All
 * three show the recorded configuration items (recording.ts), not the live resources: a change shows once the
 * recorder has recorded it.
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { decodeToken, effectiveLimit, encodeToken, pageAfter } from '../paging.js';
import { resourceKeyOf } from '../remediation.js';
import { recordedView, recordingState, type HistoryItem } from '../recording.js';
import { baseConfigurationItem, parseQuery, QueryError, selectRow } from '../resource-config.js';
import { configState } from '../state.js';
import { resourceKeyAfter, compareToResourceKey, resourceKeysOf } from './common.js';

/** Page size AWS uses when the caller gives no Limit. */
const SELECT_PAGE_SIZE = 100;

export function batchGetResourceConfig(input: Cfg.BatchGetResourceConfigCommandInput, ctx: RequestContext): unknown {
  const keys = resourceKeysOf(input.resourceKeys);
  const byKey = new Map(recordedView(ctx.state, ctx.now()).map(r => [resourceKeyOf(r.resource), r]));
  // Scenario option: at most this many keys are processed per call; the rest come back as unprocessed.
  const cap = ctx.sim.options['batchGetResourceConfigMaxKeys'];
  const max = typeof cap === 'number' && Number.isInteger(cap) && cap >= 0 ? cap : keys.length;
  const items: Record<string, unknown>[] = [];
  for (const key of keys.slice(0, max)) {
    const r = byKey.get(resourceKeyOf(key));
    // Deleted or never recorded resources are simply absent, as in AWS.
    if (r) items.push(baseConfigurationItem(r.resource, r.captureTime));
  }
  return { baseConfigurationItems: items, unprocessedResourceKeys: keys.slice(max) };
}

export function selectResourceConfig(input: Cfg.SelectResourceConfigCommandInput, ctx: RequestContext): unknown {
  const expression = input.Expression as string;
  let query;
  try {
    query = parseQuery(expression);
  } catch (err) {
    if (err instanceof QueryError) throw new AwsError('InvalidExpressionException', err.message);
    throw err;
  }
  const limit = effectiveLimit(input.Limit, SELECT_PAGE_SIZE, 100, 'InvalidLimitException');
  const op = 'SelectResourceConfig';
  const rows: { resourceType: string; resourceId: string; row: Record<string, unknown> }[] = [];
  for (const { resource: r } of recordedView(ctx.state, ctx.now())) {
    const row = selectRow(query, r);
    if (row) rows.push({ resourceType: r.resourceType, resourceId: r.resourceId, row });
  }
  const after = resourceKeyAfter(input.NextToken, op, expression);
  const page = pageAfter(rows, compareToResourceKey, after, limit);
  const out: Record<string, unknown> = {
    Results: page.items.map(x => JSON.stringify(x.row)),
    QueryInfo: { SelectFields: query.fields.map(f => ({ Name: f })) }
  };
  const last = page.items.at(-1);
  if (page.more && last) out['NextToken'] = encodeToken(op, expression, [last.resourceType, last.resourceId]);
  return out;
}

/** Page size of GetResourceConfigHistory without a limit (API Reference: "The default is 10"), and its maximum. */
const HISTORY_PAGE_SIZE = 10;
const HISTORY_MAX_LIMIT = 100;

/** One ConfigurationItem of GetResourceConfigHistory (model member names; tags included). */
function historyConfigurationItem(ctx: RequestContext, type: string, id: string, h: HistoryItem): unknown {
  const capture = new Date(h.captureTime);
  if (!h.resource) {
    return {
      version: '1.3',
      accountId: ctx.state.accountId,
      configurationItemCaptureTime: capture,
      configurationItemStatus: h.status,
      resourceType: type,
      resourceId: id,
      awsRegion: ctx.state.region,
      relatedEvents: [],
      relationships: [],
      supplementaryConfiguration: {},
      tags: {}
    };
  }
  return {
    ...baseConfigurationItem(h.resource, capture),
    configurationItemStatus: h.status,
    tags: { ...h.resource.tags },
    relatedEvents: [],
    relationships: []
  };
}

/**
 * GetResourceConfigHistory (AWS Config API Reference): the configuration items of one resource between earlierTime
 * (default: the first item) and laterTime (default: now), newest first unless chronologicalOrder is Forward.
 * A resource never recorded answers ResourceNotDiscoveredException; earlierTime after laterTime answers
 * InvalidTimeRangeException; a limit above 100 InvalidLimitException.
 */
export function getResourceConfigHistory(
  input: Cfg.GetResourceConfigHistoryCommandInput,
  ctx: RequestContext
): unknown {
  const type = input.resourceType as string;
  const id = input.resourceId as string;
  const limit = effectiveLimit(input.limit, HISTORY_PAGE_SIZE, HISTORY_MAX_LIMIT, 'InvalidLimitException');
  const toTime = (v: unknown): number | undefined =>
    v === undefined || v === null ? undefined : v instanceof Date ? v.getTime() : new Date(v as string).getTime();
  const later = toTime(input.laterTime) ?? ctx.now().getTime();
  const earlier = toTime(input.earlierTime);
  if (earlier !== undefined && earlier > later) {
    throw new AwsError(
      'InvalidTimeRangeException',
      'The specified time range is not valid. The earlier time is not chronologically before the later time.'
    );
  }
  const rec = recordingState(configState(ctx.state, ctx.now()), ctx.state, ctx.now());
  const history = rec.history[`${type}/${id}`];
  if (!history || history.length === 0) {
    throw new AwsError(
      'ResourceNotDiscoveredException',
      `Resource ${id} of resourceType:${type} is unknown or has not been discovered`
    );
  }
  const forward = input.chronologicalOrder === 'Forward';
  const inRange = history
    .map((h, index) => ({ h, index }))
    .filter(({ h }) => {
      const t = Date.parse(h.captureTime);
      return t <= later && (earlier === undefined || t >= earlier);
    });
  if (!forward) inRange.reverse();
  const op = 'GetResourceConfigHistory';
  const scope = JSON.stringify([type, id, earlier ?? null, later, forward]);
  const after = input.nextToken !== undefined ? (decodeToken(input.nextToken, op, scope) as number) : undefined;
  const start = after === undefined ? 0 : inRange.findIndex(x => x.index === after) + 1;
  const page = inRange.slice(start, start + limit);
  const out: Record<string, unknown> = {
    configurationItems: page.map(x => historyConfigurationItem(ctx, type, id, x.h))
  };
  const last = page.at(-1);
  if (last && start + limit < inRange.length) out['nextToken'] = encodeToken(op, scope, last.index);
  return out;
}
