/**
 * The configuration recorder: DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus,
 * StartConfigurationRecorder, StopConfigurationRecorder (AWS Config API Reference, those operations:
 * https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeConfigurationRecorderStatus.html).
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import type { StoredRecorder } from '../recorder.js';
import { cfgOf, names } from './common.js';

/** The recorders named (all when none are), or NoSuchConfigurationRecorderException for an unknown name. */
function recordersNamed(ctx: RequestContext, requested: unknown): StoredRecorder[] {
  const all = cfgOf(ctx).configurationRecorders;
  const wanted = names(requested);
  if (wanted.length === 0)
    return Object.keys(all)
      .sort()
      .map(n => all[n] as StoredRecorder);
  return wanted.map(n => requireRecorder(ctx, n));
}

function requireRecorder(ctx: RequestContext, name: string): StoredRecorder {
  const all = cfgOf(ctx).configurationRecorders;
  const r = Object.hasOwn(all, name) ? all[name] : undefined;
  if (!r) {
    throw new AwsError(
      'NoSuchConfigurationRecorderException',
      `Cannot find configuration recorder with the specified name '${name}'.`
    );
  }
  return r;
}

/**
 * Scenario option `denyConfigurationRecorderReads: true`: the two Describe operations answer AccessDeniedException in
 * AWS's form (AWS Config API Reference, Common Errors; IAM User Guide, "Troubleshooting access denied error
 * messages"). A stand-in for tests until roles carry IAM policies (issue 11, simulator item 5).
 */
function authorizeRead(ctx: RequestContext): void {
  if (ctx.sim.options['denyConfigurationRecorderReads'] !== true) return;
  const action = `config:${ctx.operation}`;
  const who = ctx.principal?.arn ?? 'anonymous';
  throw new AwsError(
    'AccessDeniedException',
    `User: ${who} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`
  );
}

const date = (iso: string | undefined): Date | undefined => (iso === undefined ? undefined : new Date(iso));

export function describeConfigurationRecorders(
  input: Cfg.DescribeConfigurationRecordersCommandInput,
  ctx: RequestContext
): unknown {
  authorizeRead(ctx);
  return {
    ConfigurationRecorders: recordersNamed(ctx, input.ConfigurationRecorderNames).map(r => {
      const out: Record<string, unknown> = { name: r.name, recordingGroup: r.recordingGroup };
      if (r.roleARN !== undefined) out['roleARN'] = r.roleARN;
      return out;
    })
  };
}

export function describeConfigurationRecorderStatus(
  input: Cfg.DescribeConfigurationRecorderStatusCommandInput,
  ctx: RequestContext
): unknown {
  authorizeRead(ctx);
  return {
    ConfigurationRecordersStatus: recordersNamed(ctx, input.ConfigurationRecorderNames).map(r => {
      const out: Record<string, unknown> = { name: r.name, recording: r.recording };
      if (r.lastStatus !== undefined) out['lastStatus'] = r.lastStatus;
      if (r.lastErrorCode !== undefined) out['lastErrorCode'] = r.lastErrorCode;
      if (r.lastErrorMessage !== undefined) out['lastErrorMessage'] = r.lastErrorMessage;
      for (const k of ['lastStartTime', 'lastStopTime', 'lastStatusChangeTime'] as const) {
        if (r[k] !== undefined) out[k] = date(r[k]);
      }
      return out;
    })
  };
}

/**
 * Starts recording. A recorder whose last recording failed (scenario data, e.g. its role may not read resources)
 * keeps `lastStatus: Failure`: starting it again does not fix the cause.
 */
export function startConfigurationRecorder(
  input: Cfg.StartConfigurationRecorderCommandInput,
  ctx: RequestContext
): unknown {
  const r = requireRecorder(ctx, input.ConfigurationRecorderName as string);
  const now = ctx.now().toISOString();
  if (!r.recording) r.lastStartTime = now;
  r.recording = true;
  if (r.lastStatus !== 'Failure' && r.lastStatus !== 'Success') {
    r.lastStatus = 'Success';
    r.lastStatusChangeTime = now;
  }
  return {};
}

/** Stops recording: from now on resource changes produce no configuration item (recorder.ts). */
export function stopConfigurationRecorder(
  input: Cfg.StopConfigurationRecorderCommandInput,
  ctx: RequestContext
): unknown {
  const r = requireRecorder(ctx, input.ConfigurationRecorderName as string);
  if (r.recording) r.lastStopTime = ctx.now().toISOString();
  r.recording = false;
  return {};
}
