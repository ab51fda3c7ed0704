/**
 * Authorization of every request of the simulated account: the caller's identity-based policies (policy.ts) decide
 * whether it may perform the operation's IAM action on the operation's resource, and a denial is answered as the
 * service answers it. Used by the HTTP server (one hook, before the handler) and by runbook steps
 * (automation/aws-api.ts), so an SDK call and a step's call are authorized the same way.
 *
 * Who holds which policies:
 * - an assumed-role session (arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION) or a role ARN: the role's `policies`;
 *   a role without `policies` is unrestricted (the simulator's default, so scenarios that say nothing about IAM keep
 *   working); a role the account does not have holds nothing;
 * - an IAM user (the simulator's static key pair) and the account root: everything;
 * - AWS Config's remediation service-linked role: the managed policy AWSConfigRemediationServiceRolePolicy
 *   (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSConfigRemediationServiceRolePolicy.html);
 * - anyone else: nothing.
 */
import type { AccountState, RoleState } from '../state.js';
import { AwsError, type Principal, type RequestContext } from '../types.js';
import { ALLOW_ALL, evaluate, validatePolicy, type Decision, type PolicyDocument } from './policy.js';

/** AWSConfigRemediationServiceRolePolicy, v1 (the policy of AWSServiceRoleForConfigRemediation). */
const CONFIG_REMEDIATION_SERVICE_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Action: ['ssm:GetDocument', 'ssm:DescribeDocument', 'ssm:StartAutomationExecution'],
      Resource: '*',
      Effect: 'Allow'
    },
    {
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
      Action: 'iam:PassRole',
      Resource: '*',
      Effect: 'Allow'
    }
  ]
};

const ASSUMED_ROLE = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const ROLE = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const USER = /^arn:aws[\w-]*:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;
const ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;

/** The account's role of that name (the last path segment of its ARN). */
export function roleNamed(state: AccountState, name: string): RoleState | undefined {
  return Object.values(state.roles).find(r => r.arn.slice(r.arn.lastIndexOf('/') + 1) === name);
}

/** The identity-based policies of a principal ARN (see the module comment). */
export function policiesOf(state: AccountState, principalArn: string): readonly PolicyDocument[] {
  const m = ASSUMED_ROLE.exec(principalArn) ?? ROLE.exec(principalArn);
  if (m) {
    if (m[1] !== state.accountId) return [];
    if (principalArn.includes(':role/aws-service-role/remediation.config.amazonaws.com/')) {
      return [CONFIG_REMEDIATION_SERVICE_POLICY];
    }
    const role = roleNamed(state, m[2]!);
    if (!role) return [];
    return role.policies ?? [ALLOW_ALL];
  }
  const u = USER.exec(principalArn) ?? ROOT.exec(principalArn);
  if (u && u[1] === state.accountId) return [ALLOW_ALL];
  return [];
}

/**
 * Replaces a role's identity-based policies with one document (validated: throws PolicyError). The role is named by
 * its name or ARN; throws Error when the account has no such role.
 */
export function setRolePolicy(state: AccountState, role: string, document: unknown): void {
  const found = role.startsWith('arn:') ? Object.values(state.roles).find(r => r.arn === role) : roleNamed(state, role);
  if (!found) {
    const known = Object.values(state.roles).map(r => r.arn.slice(r.arn.lastIndexOf('/') + 1));
    throw new Error(`no role '${role}' in account ${state.accountId} (roles: ${known.join(', ') || 'none'})`);
  }
  found.policies = [validatePolicy(structuredClone(document))];
}

/**
 * Makes `document` the only policy of the action's role: the account's one role with OIDC trust (throws naming the
 * roles when there is none or more than one).
 */
export function setActionRolePolicy(state: AccountState, document: unknown): RoleState {
  const trusted = Object.values(state.roles).filter(r => r.oidcTrust !== undefined);
  if (trusted.length !== 1) {
    throw new Error(
      `the scenario must have exactly one role with OIDC trust to take the policy, it has ${trusted.length}` +
        (trusted.length > 0 ? ` (${trusted.map(r => r.arn).join(', ')})` : '')
    );
  }
  setRolePolicy(state, trusted[0]!.arn, document);
  return trusted[0]!;
}

// ------------------------------------------------------------------------------------------------ actions

type Input = Record<string, unknown>;
type Where = { region: string; account: string; state: AccountState };
type ResourceOf = (input: Input, at: Where) => string;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ssmArn = (at: Where, type: string, id: string): string => `arn:aws:ssm:${at.region}:${at.account}:${type}/${id}`;
const document: ResourceOf = (i, at) => {
  const name = str(i['Name']);
  return name === undefined ? '*' : name.startsWith('arn:') ? name : ssmArn(at, 'document', name);
};
const execution: ResourceOf = (i, at) => {
  const id = str(i['AutomationExecutionId']);
  return id === undefined ? '*' : ssmArn(at, 'automation-execution', id);
};
const ssmTagged: ResourceOf = (i, at) => {
  const id = str(i['ResourceId']);
  if (id === undefined) return '*';
  if (i['ResourceType'] === 'Document') return ssmArn(at, 'document', id);
  if (i['ResourceType'] === 'Automation') return ssmArn(at, 'automation-execution', id);
  return '*';
};
/** A Config rule's ARN (arn:aws:config:REGION:ACCOUNT:config-rule/config-rule-ID); a rule not yet created: `config-rule/*`. */
const configRule: ResourceOf = (i, at) => {
  const name = str(i['ConfigRuleName']) ?? str((i['ConfigRule'] as Input | undefined)?.['ConfigRuleName']);
  if (name === undefined) return '*';
  const rules = (at.state.config['rules'] ?? {}) as Record<string, { rule?: { ConfigRuleArn?: string } }>;
  return rules[name]?.rule?.ConfigRuleArn ?? `arn:aws:config:${at.region}:${at.account}:config-rule/*`;
};
const field =
  (...names: string[]): ResourceOf =>
  i => {
    for (const n of names) {
      const v = str(i[n]);
      if (v !== undefined) return v;
    }
    return '*';
  };
const bucket: ResourceOf = i => {
  const b = str(i['Bucket']);
  return b === undefined ? '*' : `arn:aws:s3:::${b}`;
};

/**
 * IAM action and resource of the operations the simulator implements, per the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html),
 * where they differ from `service:Operation` on `*`. Action names equal the operation names in Config, SSM, STS,
 * SNS and EC2; S3 names two differently (s3:PutEncryptionConfiguration, s3:GetEncryptionConfiguration).
 * Simplifications: Config operations other than those naming one rule (or a resource ARN, for tagging) are authorized
 * on `*`; a rule that does not exist yet (PutConfigRule creating it) is authorized on
 * `arn:aws:config:REGION:ACCOUNT:config-rule/*`, since its id is not known before it is created.
 */
const TABLE: Record<string, { action?: string; resource?: ResourceOf }> = {
  'config:PutConfigRule': { resource: configRule },
  'config:DeleteConfigRule': { resource: configRule },
  'config:GetComplianceDetailsByConfigRule': { resource: configRule },
  // Tagging names the resource by its ARN (ResourceArn), the rule's ARN for the rules the action tags.
  'config:TagResource': { resource: field('ResourceArn') },
  'config:ListTagsForResource': { resource: field('ResourceArn') },
  'ssm:CreateDocument': { resource: document },
  'ssm:UpdateDocument': { resource: document },
  'ssm:DescribeDocument': { resource: document },
  'ssm:GetDocument': { resource: document },
  'ssm:UpdateDocumentDefaultVersion': { resource: document },
  'ssm:DeleteDocument': { resource: document },
  'ssm:ListDocumentVersions': { resource: document },
  'ssm:AddTagsToResource': { resource: ssmTagged },
  'ssm:RemoveTagsFromResource': { resource: ssmTagged },
  'ssm:ListTagsForResource': { resource: ssmTagged },
  'ssm:StartAutomationExecution': {
    resource: (i, at) => {
      const name = str(i['DocumentName']);
      if (name === undefined) return '*';
      return ssmArn(at, 'automation-definition', `${name}:${str(i['DocumentVersion']) ?? '$DEFAULT'}`);
    }
  },
  'ssm:GetAutomationExecution': { resource: execution },
  'ssm:StopAutomationExecution': { resource: execution },
  'ssm:DescribeAutomationStepExecutions': { resource: execution },
  'sns:Publish': { resource: field('TopicArn', 'TargetArn') },
  'sns:GetTopicAttributes': { resource: field('TopicArn') },
  'sns:TagResource': { resource: field('ResourceArn') },
  'sns:UntagResource': { resource: field('ResourceArn') },
  'sns:ListTagsForResource': { resource: field('ResourceArn') },
  's3:PutBucketLogging': { resource: bucket },
  's3:GetBucketLogging': { resource: bucket },
  's3:PutBucketEncryption': { action: 's3:PutEncryptionConfiguration', resource: bucket },
  's3:GetBucketEncryption': { action: 's3:GetEncryptionConfiguration', resource: bucket },
  's3:PutBucketVersioning': { resource: bucket },
  's3:GetBucketVersioning': { resource: bucket }
};

/** Operations that need no permission: "No permissions are required to perform this operation" (GetCallerIdentity). */
const FREE = new Set(['sts:GetCallerIdentity']);

/** The IAM action and resource of an operation call. */
export function actionOf(
  service: string,
  operation: string,
  input: Input,
  state: AccountState
): { action: string; resource: string } {
  const key = `${service}:${operation}`;
  const entry = TABLE[key];
  const at: Where = { region: state.region, account: state.accountId, state };
  return { action: entry?.action ?? key, resource: entry?.resource?.(input, at) ?? '*' };
}

// ------------------------------------------------------------------------------------------------ denial

/**
 * AWS's message for a denied request (IAM User Guide, "Access denied error messages"): "User: ARN is not authorized
 * to perform: ACTION on resource: RESOURCE because no identity-based policy allows the ACTION action", or "... with
 * an explicit deny in an identity-based policy". Requests on `*` name no resource. SNS spells the action with its
 * upper-case prefix (SNS:Publish).
 */
export function deniedMessage(principalArn: string, action: string, resource: string, decision: Decision): string {
  const shown = action.startsWith('sns:') ? `SNS:${action.slice(4)}` : action;
  const on = resource === '*' ? '' : ` on resource: ${resource}`;
  const why =
    decision === 'explicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${shown} action`;
  return `User: ${principalArn} is not authorized to perform: ${shown}${on} ${why}`;
}

/** The error a service answers a denied request with (its code and HTTP status). */
export function deniedError(service: string, message: string): AwsError {
  switch (service) {
    case 'sts':
      return new AwsError('AccessDenied', message, 403, 'Sender');
    case 'sns':
      return new AwsError('AuthorizationError', message, 403, 'Sender');
    case 'ec2':
      return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${message}`, 403);
    case 's3':
      return new AwsError('AccessDenied', message, 403);
    case 'securityhub':
      return new AwsError('AccessDeniedException', message, 403);
    default:
      // Config, SSM, CloudWatch Logs, Organizations: AccessDeniedException, HTTP 400 (their Common Errors pages).
      return new AwsError('AccessDeniedException', message, 400);
  }
}

/** Throws the service's denial unless the principal may perform `action` on `resource`. */
export function requireAllowed(
  state: AccountState,
  principal: Pick<Principal, 'arn'>,
  service: string,
  action: string,
  resource: string,
  context?: Record<string, string>
): void {
  const decision = evaluate(policiesOf(state, principal.arn), { action, resource, ...(context ? { context } : {}) });
  if (decision !== 'allow') throw deniedError(service, deniedMessage(principal.arn, action, resource, decision));
}

/**
 * Authorizes one operation call for the request's principal (the server's hook and the runbook steps' hook). A call
 * without a principal is an unsigned one (AssumeRoleWithWebIdentity: the role's trust decides).
 */
export function authorize(ctx: RequestContext, input: Input): void {
  const principal = ctx.principal;
  if (!principal) return;
  if (FREE.has(`${ctx.service}:${ctx.operation}`)) return;
  const { action, resource } = actionOf(ctx.service, ctx.operation, input, ctx.state);
  requireAllowed(ctx.state, principal, ctx.service, action, resource);
  const tagging = TAG_ON_CREATE[`${ctx.service}:${ctx.operation}`];
  if (tagging && Array.isArray(input['Tags']) && input['Tags'].length > 0) {
    const at: Where = { region: ctx.state.region, account: ctx.state.accountId, state: ctx.state };
    requireAllowed(ctx.state, principal, ctx.service, tagging.action, tagging.resource(input, at));
  }
}

/**
 * Tags given to a creating call are authorized as the service's tagging action too ("tag on create": "If tags are
 * specified in the resource-creating action, AWS performs additional authorization on the [tagging] action", e.g.
 * EC2 User Guide, "Grant permission to tag resources during creation"). SSM: `ssm:AddTagsToResource` on the new
 * document or automation execution; Config: `config:TagResource` on the rule. The new execution's id is not known
 * before it exists, so it is authorized on `automation-execution/*`.
 */
const TAG_ON_CREATE: Record<string, { action: string; resource: ResourceOf }> = {
  'ssm:CreateDocument': { action: 'ssm:AddTagsToResource', resource: document },
  'ssm:StartAutomationExecution': {
    action: 'ssm:AddTagsToResource',
    resource: (_i, at) => ssmArn(at, 'automation-execution', '*')
  },
  'config:PutConfigRule': { action: 'config:TagResource', resource: configRule }
};

/**
 * iam:PassRole for the role an automation will run as, checked for whoever starts it: "To pass a role (and its
 * permissions) to an AWS service, a user must have permissions to pass the role to the service"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html; Systems Manager: "Configure a service
 * role for Automation", https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup-iam.html).
 * Config remediations are started by Config's service-linked role, whose managed policy passes roles to SSM.
 */
export function requirePassRole(state: AccountState, passerArn: string, service: string, roleArn: string): void {
  requireAllowed(state, { arn: passerArn }, service, 'iam:PassRole', roleArn, {
    'iam:PassedToService': 'ssm.amazonaws.com'
  });
}
