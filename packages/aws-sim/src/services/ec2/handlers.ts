/**
 * EC2 of the simulated account: the account's EBS encryption-by-default setting, per region. Only runbook steps call
 * these operations (in process, through the same registry as every operation; the server does not speak EC2's
 * protocol), so their input shapes are declared here, as botocore checks them, instead of coming from models/.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableEbsEncryptionByDefault.html
 */
import { AwsError, type DeclaredShape, type Handler, type ServiceHandlers } from '../../core/types.js';

function ebsFlag(on: boolean | undefined): Handler {
  return (input, ctx) => {
    if (input['DryRun'] === true) {
      throw new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    }
    const flags = ctx.state.resources.ebsEncryptionByDefault;
    if (on !== undefined) flags[ctx.state.region] = on;
    return { EbsEncryptionByDefault: flags[ctx.state.region] ?? false };
  };
}

/** ec2 operations of the simulated account. */
export const ec2Handlers: ServiceHandlers = {
  EnableEbsEncryptionByDefault: ebsFlag(true),
  DisableEbsEncryptionByDefault: ebsFlag(false),
  GetEbsEncryptionByDefault: ebsFlag(undefined)
};

/** Their input shapes. */
export const ec2Inputs: Record<string, DeclaredShape> = {
  EnableEbsEncryptionByDefault: { struct: { DryRun: 'boolean' } },
  DisableEbsEncryptionByDefault: { struct: { DryRun: 'boolean' } },
  GetEbsEncryptionByDefault: { struct: { DryRun: 'boolean' } }
};
