/**
 * AWS Config resource configuration: BatchGetResourceConfig, SelectResourceConfig.
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { effectiveLimit, encodeToken, pageAfter } from '../paging.js';
import { resourceKeyOf } from '../remediation.js';
import { baseConfigurationItem, parseQuery, QueryError, recordedResources, selectRow } from '../resource-config.js';
import { resourceKeyAfter, compareToResourceKey, resourceKeysOf } from './common.js';

/** Page size AWS uses when the caller gives no Limit. */
const SELECT_PAGE_SIZE = 100;

export function batchGetResourceConfig(input: Cfg.BatchGetResourceConfigCommandInput, ctx: RequestContext): unknown {
  const keys = resourceKeysOf(input.resourceKeys);
  const byKey = new Map(recordedResources(ctx.state).map(r => [resourceKeyOf(r), r]));
  // Scenario option: at most this many keys are processed per call; the rest come back as unprocessed.
  const cap = ctx.sim.options['batchGetResourceConfigMaxKeys'];
  const max = typeof cap === 'number' && Number.isInteger(cap) && cap >= 0 ? cap : keys.length;
  const now = ctx.now();
  const items: Record<string, unknown>[] = [];
  for (const key of keys.slice(0, max)) {
    const r = byKey.get(resourceKeyOf(key));
    // Deleted or never recorded resources are simply absent, as in AWS.
    if (r) items.push(baseConfigurationItem(r, now));
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
  for (const r of recordedResources(ctx.state)) {
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
