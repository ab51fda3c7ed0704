/**
 * Paging helpers: opaque NextTokens that remember the last key returned (so pages stay stable when items are
 * added or removed) and the request they belong to (a token replayed with other filters is rejected).
 */
import { AwsError } from '../../core/types.js';

interface TokenBody {
  v: 1;
  op: string;
  scope: string;
  after: unknown;
}

/** Encodes a NextToken for `op`, bound to `scope` (the request's filters), resuming after `after`. */
export function encodeToken(op: string, scope: string, after: unknown): string {
  const body: TokenBody = { v: 1, op, scope, after };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decodes a NextToken; InvalidNextTokenException when it is malformed or was issued for another request. */
export function decodeToken(token: string, op: string, scope: string): unknown {
  let body: Partial<TokenBody> | undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (parsed !== null && typeof parsed === 'object') body = parsed;
  } catch {
    body = undefined;
  }
  if (!body || body.v !== 1 || body.op !== op || body.scope !== scope || body.after === undefined) {
    throw new AwsError('InvalidNextTokenException', 'The nextToken provided is invalid');
  }
  return body.after;
}

export interface Page<T> {
  items: T[];
  /** Another matching item follows the page. */
  more: boolean;
}

/**
 * The page of `sorted` that starts after `after` (by `compare(item, after)`), holding at most `limit` items that
 * pass `keep`. Finding the start is a binary search, so deep pages cost no more than the first.
 */
export function pageAfter<T, K>(
  sorted: readonly T[],
  compare: (item: T, key: K) => number,
  after: K | undefined,
  limit: number,
  keep: (item: T) => boolean = () => true
): Page<T> {
  let start = 0;
  if (after !== undefined) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(sorted[mid]!, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const items: T[] = [];
  for (let i = start; i < sorted.length; i++) {
    const item = sorted[i]!;
    if (!keep(item)) continue;
    if (items.length === limit) return { items, more: true };
    items.push(item);
  }
  return { items, more: false };
}

/** Limit as the API reads it: 0 or absent means the default; above max is refused with `errorCode`. */
export function effectiveLimit(
  value: unknown,
  defaultValue: number,
  max: number,
  errorCode = 'InvalidParameterValueException'
): number {
  if (value === undefined || value === null || value === 0) return defaultValue;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new AwsError(errorCode, `Limit must be an integer from 0 to ${max}, got ${JSON.stringify(value)}.`);
  }
  return value;
}
