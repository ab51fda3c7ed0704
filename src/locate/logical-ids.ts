/**
 * The `aws:cloudformation:logical-id` tags of the resources behind findings that no template names by physical name
 * (CloudFormation-generated names, volumes, RDS instances): one AWS Config advanced query per resource type
 * (`SelectResourceConfig`), split so each expression stays within AWS's 4,096 characters, paged.
 */
import { type ConfigServiceClient, paginateSelectResourceConfig } from '@aws-sdk/client-config-service';
import { logicalIdKey } from './source-map.js';
import type { ComplianceResult } from '../compliance/types.js';
import { AwsCallError } from '../errors.js';
import { nameCandidates, templateTypesFor } from '../cfn/physical-names.js';
import type { TemplateIndex } from '../cfn/types.js';

const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';
const MAX_EXPRESSION = 4096;

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Pure: the queries to send, per resource type, for findings no physical name matches. */
export function logicalIdQueries(result: ComplianceResult, index: TemplateIndex): string[] {
  if (index.templates.length === 0) return [];
  const idsByType = new Map<string, Set<string>>();
  for (const rule of result.rules) {
    for (const f of rule.findings) {
      const types = templateTypesFor(f.resourceType);
      const named = types.some(t => nameCandidates(f.resourceId).some(n => index.byPhysicalName(t, n).length > 0));
      const declared = index.templates.some(tpl => tpl.resources.some(r => types.includes(r.type)));
      if (named || !declared) continue;
      let ids = idsByType.get(f.resourceType);
      if (!ids) idsByType.set(f.resourceType, (ids = new Set()));
      ids.add(f.resourceId);
    }
  }
  const queries: string[] = [];
  for (const [type, ids] of idsByType) {
    const head = `SELECT resourceId, resourceType, tags WHERE resourceType = ${quote(type)} AND resourceId IN (`;
    let batch: string[] = [];
    const flush = (): void => {
      if (batch.length > 0) queries.push(`${head}${batch.join(', ')})`);
      batch = [];
    };
    for (const id of ids) {
      const q = quote(id);
      if (head.length + [...batch, q].join(', ').length + 1 > MAX_EXPRESSION) flush();
      batch.push(q);
    }
    flush();
  }
  return queries;
}

interface Row {
  resourceId?: string;
  resourceType?: string;
  tags?: { key?: string; value?: string; tag?: string }[];
}

/** A result row: AWS Config returns each as a JSON string (SelectResourceConfig, Results). */
function parseRow(line: string, requestId: string | undefined): Row {
  try {
    return JSON.parse(line) as Row;
  } catch (err) {
    throw new AwsCallError('config:SelectResourceConfig', 'SyntaxError', requestId, (err as Error).message);
  }
}

/** Sends the queries; returns logical ids keyed by logicalIdKey(type, id). */
export async function readLogicalIds(
  config: ConfigServiceClient,
  queries: readonly string[]
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const Expression of queries) {
    for await (const page of paginateSelectResourceConfig({ client: config, pageSize: 100 }, { Expression })) {
      for (const line of page.Results ?? []) {
        const row = parseRow(line, page.$metadata.requestId);
        const tag = row.tags?.find(t => t.key === LOGICAL_ID_TAG);
        if (row.resourceId && row.resourceType && tag?.value)
          out.set(logicalIdKey(row.resourceType, row.resourceId), tag.value);
      }
    }
  }
  return out;
}
