/**
 * AWS Organizations of the simulated world: DescribeOrganization and ListAccounts (awsJson1_1,
 * X-Amz-Target AWSOrganizationsV20161128.<Op>). The organization is the world's (core/world.ts).
 */
import type * as Org from '@aws-sdk/client-organizations';
import { AwsError, type RequestContext, typedHandlers } from '../../core/types.js';
import { worldOf, type OrgAccountState, type OrganizationState } from '../../core/world.js';

/** ListAccounts page size when MaxResults is absent (the model allows 1 to 20). */
const LIST_ACCOUNTS_PAGE_SIZE = 20;

/**
 * The caller's organization. AWSOrganizationsNotInUseException: "Your account isn't a member of an organization. To
 * make this request, you must use the credentials of an account that belongs to an organization." (API reference,
 * Common errors of DescribeOrganization / ListAccounts.)
 */
function callerOrganization(ctx: RequestContext): OrganizationState {
  const world = worldOf(ctx);
  const org = world.organization;
  if (!org || !world.orgAccount(ctx.state.accountId)) {
    throw new AwsError(
      'AWSOrganizationsNotInUseException',
      "Your account isn't a member of an organization. To make this request, you must use the credentials of an account that belongs to an organization.",
      404
    );
  }
  return org;
}

export function organizationArn(org: OrganizationState): string {
  return `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`;
}

export function orgAccountArn(org: OrganizationState, accountId: string): string {
  return `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${accountId}`;
}

function describeOrganization(_input: Org.DescribeOrganizationCommandInput, ctx: RequestContext): unknown {
  // "This operation can be called from any account in the organization."
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
  const org = callerOrganization(ctx);
  const management = org.accounts.find(a => a.id === org.managementAccountId)!;
  return {
    Organization: {
      Id: org.id,
      Arn: organizationArn(org),
      FeatureSet: org.featureSet,
      MasterAccountArn: orgAccountArn(org, org.managementAccountId),
      MasterAccountId: org.managementAccountId,
      MasterAccountEmail: management.email,
      AvailablePolicyTypes: []
    }
  };
}

function accountOutput(org: OrganizationState, a: OrgAccountState): Record<string, unknown> {
  return {
    Id: a.id,
    Arn: orgAccountArn(org, a.id),
    Email: a.email,
    Name: a.name,
    Status: a.status,
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: new Date(a.joinedTimestamp)
  };
}

function listAccounts(input: Org.ListAccountsCommandInput, ctx: RequestContext): unknown {
  const org = callerOrganization(ctx);
  // "You can only call this operation from the management account or a member account that is a delegated
  // administrator." https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
  // (The simulator has no delegated administrators.) AccessDeniedException: "You don't have permissions to perform
  // the requested operation."
  if (ctx.state.accountId !== org.managementAccountId) {
    throw new AwsError(
      'AccessDeniedException',
      "You don't have permissions to perform the requested operation. The user or role that is making the request must have at least one IAM permissions policy attached that grants the required permissions.",
      403
    );
  }
  const limit = input.MaxResults ?? LIST_ACCOUNTS_PAGE_SIZE;
  let start = 0;
  if (input.NextToken !== undefined) {
    const m = /^acct-page:(\d+)$/.exec(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    const at = m ? Number(m[1]) : NaN;
    if (!(at > 0 && at < org.accounts.length)) {
      throw new AwsError(
        'InvalidInputException',
        'You provided a value that does not match the required pattern: INVALID_NEXT_TOKEN'
      );
    }
    start = at;
  }
  const page = org.accounts.slice(start, start + limit);
  const out: Record<string, unknown> = { Accounts: page.map(a => accountOutput(org, a)) };
  // "When calling List* operations, always check the NextToken response parameter value, even if you receive an
  // empty result set." A null NextToken means every result was returned.
  if (start + limit < org.accounts.length) {
    out['NextToken'] = Buffer.from(`acct-page:${start + limit}`, 'utf8').toString('base64url');
  }
  return out;
}

type OrganizationsInputs = {
  DescribeOrganization: Org.DescribeOrganizationCommandInput;
  ListAccounts: Org.ListAccountsCommandInput;
};

/** organizations operations of the simulated world. */
export const organizationsHandlers = typedHandlers<OrganizationsInputs>({
  DescribeOrganization: describeOrganization,
  ListAccounts: listAccounts
});
