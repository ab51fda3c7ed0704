/**
 * The simulator's IAM control route: `PUT /_sim/roles/NAME/policy` (body: an IAM policy document) makes the document
 * the role's only identity-based policy, until `POST /_sim/reset` restores the scenario's policies.
 * Answers 200 `{ ok: true, role, policy }`, 400 naming the problem for a document IAM would refuse, 404 for an
 * unknown role.
 */
import type { AccountState } from '../state.js';
import { PolicyError, parsePolicy } from './policy.js';
import { setRolePolicy } from './authorize.js';

const ROUTE = /^\/_sim\/roles\/([^/]+)\/policy$/;

export async function iamControl(
  method: string,
  path: string,
  readBody: () => Promise<string>,
  state: AccountState
): Promise<{ status: number; body: unknown } | undefined> {
  const m = ROUTE.exec(path);
  if (!m) return undefined;
  if (method !== 'PUT') return { status: 405, body: { message: `${method} ${path}: use PUT with a policy document` } };
  const role = decodeURIComponent(m[1]!);
  let policy;
  try {
    policy = parsePolicy(await readBody());
  } catch (e) {
    if (e instanceof PolicyError) return { status: 400, body: { message: `role ${role}: ${e.message}` } };
    throw e;
  }
  try {
    setRolePolicy(state, role, policy);
  } catch (e) {
    return { status: 404, body: { message: (e as Error).message } };
  }
  return { status: 200, body: { ok: true, role, policy } };
}
