/**
 * README's IAM section, generated from the policy files in iam/ (scripts/iam-tables.ts writes it between
 * `<!-- iam:start -->` and `<!-- iam:end -->`; test/unit/iam-tables.test.ts fails when README is out of date), and
 * the placeholders those files use, substituted the same way by the tests that prove them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IAM_START = '<!-- iam:start -->';
export const IAM_END = '<!-- iam:end -->';

/** The role policies, in the order README shows them: what each is for. */
export const POLICY_FILES = [
  {
    file: 'iam/check-policy.json',
    title: 'Scheduled check',
    purpose:
      'a compliance check with `evaluate: true`, `deploy: plan` (drift) and `remediate: plan` with `alert` (the SNS message).'
  },
  {
    file: 'iam/deploy-policy.json',
    title: 'Deploy',
    purpose: '`deploy: apply` (with `prune: true`) and `deploy: destroy`, plus everything the check needs.'
  },
  {
    file: 'iam/remediate-policy.json',
    title: 'Remediate',
    purpose: '`remediate: plan` and `remediate: apply`, plus everything the check needs.'
  }
] as const;

export const TRUST_POLICY_FILE = 'iam/github-oidc-trust-policy.json';

/**
 * Placeholders in the files (valid JSON as written): each is replaced everywhere it appears, as a whole word.
 * `RUNBOOK_ROLE` may be a name pattern (`my-hipaa-*-role`); for roles without a common pattern, repeat the ARN in
 * the Resource list, one per role.
 */
export const PLACEHOLDERS: Record<string, string> = {
  ACCOUNT_ID: 'the 12-digit AWS account id',
  REGION: 'the region the action runs in (`aws-region`), e.g. `us-east-1`',
  SNS_TOPIC: "the name of the manifest's `alerts.sns-topic`",
  RUNBOOK_ROLE: "the name of the runbooks' `AutomationAssumeRole` (a pattern such as `my-hipaa-*-role` works)",
  'OWNER/REPO': 'the repository allowed to assume the role (trust policy only)'
};

/** The document with every placeholder replaced (values keyed as in PLACEHOLDERS). */
export function substitute<T>(document: T, values: Record<string, string>): T {
  let text = JSON.stringify(document);
  for (const [name, value] of Object.entries(values)) {
    if (!(name in PLACEHOLDERS)) throw new Error(`unknown placeholder ${name}`);
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    text = text.replace(new RegExp(`\\b${escaped}\\b`, 'g'), value);
  }
  return JSON.parse(text) as T;
}

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface Policy {
  Version: string;
  Statement: Statement[];
}

export function readPolicy(root: string, file: string): Policy {
  const text = readFileSync(join(root, file), 'utf8');
  try {
    return JSON.parse(text) as Policy;
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
const code = (s: string): string => `\`${s}\``;

function conditionText(c: Statement['Condition']): string {
  if (!c) return '';
  const parts: string[] = [];
  for (const [op, keys] of Object.entries(c)) {
    for (const [key, value] of Object.entries(keys))
      parts.push(`${op} ${code(key)} = ${list(value).map(code).join(', ')}`);
  }
  return parts.join('; ');
}

/** One policy file as a table: a row per statement. */
export function policyTable(policy: Policy): string {
  const rows = ['| Statement | Actions | Resource | Condition |', '| --- | --- | --- | --- |'];
  for (const s of policy.Statement) {
    rows.push(
      `| ${s.Sid ?? ''} | ${list(s.Action).map(code).join(', ')} | ${list(s.Resource).map(code).join(', ')} | ${conditionText(s.Condition)} |`
    );
  }
  return rows.join('\n');
}

/** The generated block (without the markers). */
export function iamSection(root: string): string {
  const out: string[] = [];
  out.push(
    "The files in [`iam/`](iam/) are the policies to use: the trust policy of the action's role, and one",
    'identity-based policy per workflow. Each is proven by `test/e2e/iam-files.test.ts`: the workflow succeeds with',
    "exactly that file as the role's only policy, and fails naming the action when any one action is taken out.",
    'Resources are scoped as the [Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)',
    'allows (rule, document, automation and topic ARNs); `*` where the action has no resource type or takes many.',
    'Replace the placeholders before use (they are valid JSON as written):',
    ''
  );
  out.push('| Placeholder | Replace with |', '| --- | --- |');
  for (const [name, meaning] of Object.entries(PLACEHOLDERS)) out.push(`| ${code(name)} | ${meaning} |`);
  out.push(
    '',
    `**Trust policy** ([\`${TRUST_POLICY_FILE}\`](${TRUST_POLICY_FILE})), for GitHub's OIDC provider as GitHub's`,
    '["Configuring OpenID Connect in Amazon Web Services"](https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services)',
    'and the IAM User Guide\'s ["Create a role for OpenID Connect federation"](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html)',
    'describe it: `aud` must be `sts.amazonaws.com`, and `sub` names the repository (narrow `:*` to',
    '`:ref:refs/heads/main` or `:environment:NAME` to allow one branch or environment):',
    '',
    '```json',
    JSON.stringify(readPolicy(root, TRUST_POLICY_FILE), null, 2),
    '```'
  );
  for (const p of POLICY_FILES) {
    out.push(
      '',
      `**${p.title}** ([\`${p.file}\`](${p.file})): ${p.purpose}`,
      '',
      policyTable(readPolicy(root, p.file))
    );
  }
  return out.join('\n');
}

/** README with the generated block replaced; throws when the markers are missing. */
export function withIamSection(readme: string, root: string): string {
  const a = readme.indexOf(IAM_START);
  const b = readme.indexOf(IAM_END);
  if (a < 0 || b < a) throw new Error(`README.md: markers ${IAM_START} ... ${IAM_END} not found`);
  return readme.slice(0, a + IAM_START.length) + '\n' + iamSection(root) + '\n' + readme.slice(b);
}
