/**
 * What the AWS Config handlers share: the account's Config state, the parameter error, rule lookup, name lists,
 * next-token scopes, ComplianceTypes filters and resource keys.
 */
import { AwsError, type RequestContext } from '../../../core/types.js';
import { compareResourceKeys } from '../items.js';
import { decodeToken } from '../paging.js';
import { resourceKeyOf, type ResourceKey } from '../remediation.js';
import { configState, type ConfigState, type RuleRecord } from '../state.js';

/** Page size AWS uses for rule lists where the caller cannot choose one. */
export const RULES_PAGE_SIZE = 25;

type ComplianceFilter = ReadonlySet<string> | undefined;

export function cfgOf(ctx: RequestContext): ConfigState {
  return configState(ctx.state, ctx.now());
}

export function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message);
}

export function requireRule(cfg: ConfigState, name: string): RuleRecord {
  const rec = Object.hasOwn(cfg.rules, name) ? cfg.rules[name] : undefined;
  if (!rec)
    throw new AwsError('NoSuchConfigRuleException', `The Config rule '${name}' does not exist in this account.`);
  return rec;
}

export function names(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
}

export function sortedRuleNames(cfg: ConfigState): string[] {
  return Object.keys(cfg.rules).sort();
}

export function byName(name: string, key: string): number {
  return name === key ? 0 : name < key ? -1 : 1;
}

export function stringAfter(token: unknown, op: string, scope: string): string | undefined {
  if (typeof token !== 'string') return undefined;
  const after = decodeToken(token, op, scope);
  if (typeof after !== 'string') throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  return after;
}

export function resourceKeyAfter(token: unknown, op: string, scope: string): [string, string] | undefined {
  if (typeof token !== 'string') return undefined;
  const after = decodeToken(token, op, scope);
  if (!Array.isArray(after) || after.length !== 2 || !after.every(v => typeof v === 'string')) {
    throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  }
  return [after[0] as string, after[1] as string];
}

export function compareToResourceKey(
  item: { resourceType: string; resourceId: string },
  key: [string, string]
): number {
  return compareResourceKeys(item, { resourceType: key[0], resourceId: key[1] });
}

/** Reads a ComplianceTypes filter, refusing the values the operation does not filter on. */
export function complianceFilter(value: unknown, refused: string, op: string): ComplianceFilter {
  const types = names(value);
  if (types.includes(refused)) throw invalid(`${refused} cannot be used as a ComplianceTypes filter for ${op}.`);
  return types.length > 0 ? new Set(types) : undefined;
}

export function filterScope(filter: ComplianceFilter): string {
  return filter ? [...filter].sort().join(',') : '';
}

export function resourceKeysOf(value: unknown): ResourceKey[] {
  const seen = new Set<string>();
  const out: ResourceKey[] = [];
  for (const k of (value as ResourceKey[] | undefined) ?? []) {
    const key = { resourceType: k.resourceType, resourceId: k.resourceId };
    if (seen.has(resourceKeyOf(key))) continue;
    seen.add(resourceKeyOf(key));
    out.push(key);
  }
  return out;
}
