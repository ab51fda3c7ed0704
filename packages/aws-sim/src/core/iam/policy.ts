/**
 * IAM identity-based policies: the document's shape (validated as IAM validates it) and the evaluation of one
 * request against a principal's policies, following "Policy evaluation logic" in the IAM User Guide
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html) for a single account
 * and identity-based policies only: an explicit Deny in any statement wins; else an Allow that matches allows; else
 * the request is implicitly denied.
 *
 * Elements (IAM JSON policy elements reference, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html):
 * - `Action` / `NotAction`: `service:action` patterns, case-insensitive, with `*` and `?` wildcards, or `*`.
 * - `Resource` / `NotResource`: ARN patterns, case-sensitive, with `*` and `?` wildcards. A request for an action
 *   that names no resource type is made on resource `*`, which only `*` (or a pattern of `*`s) matches, as in IAM.
 * - `Condition`: only the string operators StringEquals, StringNotEquals, StringLike, StringNotLike (keys
 *   case-insensitive; a missing key makes the positive operators false and the negated ones true, as IAM does) on the
 *   few keys the simulator supplies (`iam:PassedToService` for iam:PassRole). Any other operator is NOT evaluated:
 *   fail closed, an Allow statement carrying it never applies and a Deny statement carrying it always applies.
 * Not modelled: permission boundaries, SCPs, session policies, resource-based policies, policy variables.
 */

export type Effect = 'Allow' | 'Deny';

export interface PolicyStatement {
  Sid?: string;
  Effect: Effect;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version?: '2012-10-17' | '2008-10-17';
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** The decision of IAM for one request. */
export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

export interface AuthorizationRequest {
  /** `service:Action` as IAM names it (e.g. `config:PutConfigRule`). */
  action: string;
  /** The resource ARN, or `*` for actions that name no resource type. */
  resource: string;
  /** Condition keys the request supplies (e.g. `iam:PassedToService`). */
  context?: Record<string, string>;
}

/** A policy document that IAM would refuse (MalformedPolicyDocument); the message names the element. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/** The policy that allows everything (the simulator's default for its static user and unrestricted roles). */
export const ALLOW_ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }]
};

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const SUPPORTED_CONDITION_OPERATORS = new Set(['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, where: string): string[] {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0 || !list.every(x => typeof x === 'string' && x !== '')) {
    throw new PolicyError(`${where} must be a non-empty string or a non-empty list of non-empty strings`);
  }
  return list as string[];
}

/**
 * Validates a parsed JSON value as an identity-based policy document and returns it typed. Throws PolicyError naming
 * the element on a document IAM refuses (unknown element, Principal in an identity policy, both Action and
 * NotAction, missing Effect, an action without `service:`, ...).
 */
export function validatePolicy(value: unknown): PolicyDocument {
  if (!isObject(value)) throw new PolicyError('the policy document must be a JSON object');
  for (const k of Object.keys(value)) {
    if (!['Version', 'Id', 'Statement'].includes(k)) {
      throw new PolicyError(`unknown policy element '${k}' (allowed: Version, Id, Statement)`);
    }
  }
  const version = value['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw new PolicyError(`Version must be "2012-10-17" or "2008-10-17", got ${JSON.stringify(version)}`);
  }
  if (value['Id'] !== undefined && typeof value['Id'] !== 'string') throw new PolicyError('Id must be a string');
  const raw = value['Statement'];
  if (raw === undefined) throw new PolicyError('the policy document has no Statement');
  const statements = Array.isArray(raw) ? raw : [raw];
  if (statements.length === 0) throw new PolicyError('Statement must not be empty');
  statements.forEach((s, i) => validateStatement(s, Array.isArray(raw) ? `Statement[${i}]` : 'Statement'));
  return value as unknown as PolicyDocument;
}

function validateStatement(s: unknown, where: string): void {
  if (!isObject(s)) throw new PolicyError(`${where} must be a JSON object`);
  for (const k of Object.keys(s)) {
    if (k === 'Principal' || k === 'NotPrincipal') {
      throw new PolicyError(`${where} has prohibited field ${k} (an identity-based policy names no principal)`);
    }
    if (!STATEMENT_KEYS.has(k)) throw new PolicyError(`${where} has unknown element '${k}'`);
  }
  if (s['Sid'] !== undefined && typeof s['Sid'] !== 'string') throw new PolicyError(`${where}.Sid must be a string`);
  if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') {
    throw new PolicyError(`${where}.Effect must be "Allow" or "Deny", got ${JSON.stringify(s['Effect'])}`);
  }
  const actionKey = exactlyOne(s, 'Action', 'NotAction', where);
  for (const a of stringList(s[actionKey], `${where}.${actionKey}`)) {
    if (a !== '*' && !/^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(a)) {
      throw new PolicyError(`${where}.${actionKey}: '${a}' is not '*' or 'service:action' (wildcards * and ? allowed)`);
    }
  }
  const resourceKey = exactlyOne(s, 'Resource', 'NotResource', where);
  for (const r of stringList(s[resourceKey], `${where}.${resourceKey}`)) {
    if (r !== '*' && !r.startsWith('arn:')) {
      throw new PolicyError(`${where}.${resourceKey}: '${r}' is not '*' or an ARN (arn:...)`);
    }
  }
  const cond = s['Condition'];
  if (cond !== undefined) {
    if (!isObject(cond)) throw new PolicyError(`${where}.Condition must be a JSON object`);
    for (const [op, block] of Object.entries(cond)) {
      if (!isObject(block)) throw new PolicyError(`${where}.Condition.${op} must be a JSON object of keys`);
      for (const [key, values] of Object.entries(block)) stringList(values, `${where}.Condition.${op}.${key}`);
    }
  }
}

function exactlyOne(s: Record<string, unknown>, a: string, b: string, where: string): string {
  const hasA = s[a] !== undefined;
  const hasB = s[b] !== undefined;
  if (hasA === hasB) throw new PolicyError(`${where} must have exactly one of ${a} and ${b}`);
  return hasA ? a : b;
}

/** Parses JSON text as a policy document (PolicyError on invalid JSON or shape). */
export function parsePolicy(text: string): PolicyDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PolicyError(`the policy document is not valid JSON: ${(e as Error).message}`);
  }
  return validatePolicy(value);
}

/** IAM wildcard match: `*` any run of characters, `?` exactly one; everything else literal. */
export function wildcardMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\*?]/g, ch => (ch === '*' ? '.*' : ch === '?' ? '.' : `\\${ch}`));
  return new RegExp(`^${re}$`, caseInsensitive ? 'is' : 's').test(value);
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

function actionMatches(s: PolicyStatement, action: string): boolean {
  const hit = (patterns: string[]): boolean => patterns.some(p => wildcardMatch(p, action, true));
  return s.Action !== undefined ? hit(list(s.Action)) : !hit(list(s.NotAction));
}

function resourceMatches(s: PolicyStatement, resource: string): boolean {
  const hit = (patterns: string[]): boolean => patterns.some(p => wildcardMatch(p, resource));
  return s.Resource !== undefined ? hit(list(s.Resource)) : !hit(list(s.NotResource));
}

/** true / false, or undefined when the statement has an operator the simulator does not evaluate. */
function conditionHolds(s: PolicyStatement, context: Record<string, string>): boolean | undefined {
  if (s.Condition === undefined) return true;
  const ctx = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  let result = true;
  for (const [op, block] of Object.entries(s.Condition)) {
    if (!SUPPORTED_CONDITION_OPERATORS.has(op)) return undefined;
    for (const [key, values] of Object.entries(block)) {
      const actual = ctx.get(key.toLowerCase());
      const like = op.endsWith('Like');
      const negated = op.startsWith('StringNot');
      if (actual === undefined) {
        if (!negated) result = false;
        continue;
      }
      const any = list(values).some(v => (like ? wildcardMatch(v, actual) : v === actual));
      if (negated ? any : !any) result = false;
    }
  }
  return result;
}

/** IAM's decision for a request under a principal's identity-based policies. */
export function evaluate(policies: readonly PolicyDocument[], request: AuthorizationRequest): Decision {
  let allowed = false;
  for (const doc of policies) {
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    for (const s of statements) {
      if (!actionMatches(s, request.action) || !resourceMatches(s, request.resource)) continue;
      const holds = conditionHolds(s, request.context ?? {});
      if (s.Effect === 'Deny' && holds !== false) return 'explicitDeny';
      if (s.Effect === 'Allow' && holds === true) allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicitDeny';
}

/** The first invalid role policy of a scenario's roles (`state.roles.ARN.policies[i]: problem`), if any. */
export function rolePolicyProblem(roles: Record<string, { policies?: unknown }>): string | undefined {
  for (const [arn, role] of Object.entries(roles)) {
    if (role.policies === undefined) continue;
    if (!Array.isArray(role.policies)) return `state.roles.${arn}.policies must be a list of policy documents`;
    for (const [i, doc] of role.policies.entries()) {
      try {
        validatePolicy(doc);
      } catch (e) {
        return `state.roles.${arn}.policies[${i}]: ${(e as Error).message}`;
      }
    }
  }
  return undefined;
}
