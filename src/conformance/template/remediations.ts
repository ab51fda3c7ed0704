/**
 * AWS::Config::RemediationConfiguration properties -> RemediationSpec.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-remediationconfiguration.html
 * Limits: AWS Config API Reference, PutRemediationConfigurations (RemediationConfiguration, ExecutionControls).
 */
import { FAILED } from '../intrinsics.js';
import { entry } from '../../source/tree.js';
import type { ErrorSink } from '../../source/collector.js';
import type { PEntry, PNode } from '../../source/tree.js';
import type { RemediationExecutionControls, RemediationParameterValue, RemediationSpec } from '../types.js';
import type { ResourceDecl, TemplateContext } from './context.js';
import { resolveProperties } from './resources.js';
import { boolValue, enumValue, intValue, mapWithKeys, stringListValue, stringValue } from './values.js';

const REMEDIATION_PROPERTIES = new Set([
  'ConfigRuleName',
  'TargetType',
  'TargetId',
  'TargetVersion',
  'Parameters',
  'ResourceType',
  'Automatic',
  'MaximumAutomaticAttempts',
  'RetryAttemptSeconds',
  'ExecutionControls'
]);

/** Reads a RemediationConfiguration resource; undefined when it has errors (reported). */
export function readRemediation(ctx: TemplateContext, decl: ResourceDecl): RemediationSpec | undefined {
  const { sink } = ctx;
  const props = resolveProperties(ctx, decl, REMEDIATION_PROPERTIES, []);
  if (props === undefined) return undefined;
  const what = decl.logicalId;
  const start = sink.count;
  const required = (key: string): PEntry | undefined => {
    const e = props.get(key);
    if (e === undefined) sink.add(decl.pos, `RemediationConfiguration ${what} has no ${key}`);
    return e;
  };
  const ruleEntry = required('ConfigRuleName');
  const typeEntry = required('TargetType');
  const idEntry = required('TargetId');
  const spec: RemediationSpec = {
    logicalId: decl.logicalId,
    configRuleName: '',
    targetType: 'SSM_DOCUMENT',
    targetId: '',
    parameters: {},
    parameterPositions: {},
    automatic: false,
    position: decl.pos
  };
  if (ruleEntry !== undefined) {
    const v = stringValue(sink, ruleEntry.value, `ConfigRuleName of ${what}`);
    if (v !== FAILED) spec.configRuleName = v;
  }
  if (typeEntry !== undefined) enumValue(sink, typeEntry.value, `TargetType of ${what}`, ['SSM_DOCUMENT'] as const);
  if (idEntry !== undefined) {
    const v = stringValue(sink, idEntry.value, `TargetId of ${what}`);
    if (v !== FAILED) {
      if (v.length < 1 || v.length > 256)
        sink.add(idEntry.value.pos, `TargetId of ${what} must be 1 to 256 characters`);
      spec.targetId = v;
    }
  }
  const version = props.get('TargetVersion');
  if (version !== undefined) {
    const v = stringValue(sink, version.value, `TargetVersion of ${what}`);
    if (v !== FAILED) spec.targetVersion = v;
  }
  const resourceType = props.get('ResourceType');
  if (resourceType !== undefined) {
    const v = stringValue(sink, resourceType.value, `ResourceType of ${what}`);
    if (v !== FAILED) spec.resourceType = v;
  }
  const automatic = props.get('Automatic');
  if (automatic !== undefined) {
    const v = boolValue(sink, automatic.value, `Automatic of ${what}`);
    if (v !== FAILED) spec.automatic = v;
  }
  const attempts = props.get('MaximumAutomaticAttempts');
  if (attempts !== undefined) {
    const v = intValue(sink, attempts.value, `MaximumAutomaticAttempts of ${what}`, 1, 25);
    if (v !== FAILED) spec.maximumAutomaticAttempts = v;
  }
  const retry = props.get('RetryAttemptSeconds');
  if (retry !== undefined) {
    const v = intValue(sink, retry.value, `RetryAttemptSeconds of ${what}`, 1, 2678000);
    if (v !== FAILED) spec.retryAttemptSeconds = v;
  }
  const controls = props.get('ExecutionControls');
  if (controls !== undefined) {
    const v = readExecutionControls(sink, controls.value, what);
    if (v !== FAILED) spec.executionControls = v;
  }
  const params = props.get('Parameters');
  if (params !== undefined) readRemediationParameters(sink, params.value, spec);
  return sink.count === start ? spec : undefined;
}

function readExecutionControls(
  sink: ErrorSink,
  node: PNode,
  what: string
): RemediationExecutionControls | typeof FAILED {
  const m = mapWithKeys(sink, node, `ExecutionControls of ${what}`, ['SsmControls']);
  if (m === FAILED) return FAILED;
  const ssm = entry(m, 'SsmControls');
  if (ssm === undefined) return {};
  const s = mapWithKeys(sink, ssm.value, `ExecutionControls.SsmControls of ${what}`, [
    'ConcurrentExecutionRatePercentage',
    'ErrorPercentage'
  ]);
  if (s === FAILED) return FAILED;
  const out: NonNullable<RemediationExecutionControls['ssmControls']> = {};
  const rate = entry(s, 'ConcurrentExecutionRatePercentage');
  if (rate !== undefined) {
    const v = intValue(sink, rate.value, `ConcurrentExecutionRatePercentage of ${what}`, 1, 100);
    if (v === FAILED) return FAILED;
    out.concurrentExecutionRatePercentage = v;
  }
  const errors = entry(s, 'ErrorPercentage');
  if (errors !== undefined) {
    const v = intValue(sink, errors.value, `ErrorPercentage of ${what}`, 1, 100);
    if (v === FAILED) return FAILED;
    out.errorPercentage = v;
  }
  return { ssmControls: out };
}

function readRemediationParameters(sink: ErrorSink, node: PNode, spec: RemediationSpec): void {
  const what = `Parameters of ${spec.logicalId}`;
  if (node.kind !== 'map') {
    sink.add(node.pos, `${what} must be a map of SSM parameter names to { ResourceValue } or { StaticValue }`);
    return;
  }
  for (const e of node.entries) {
    const m = mapWithKeys(sink, e.value, `${what}: ${e.key}`, ['ResourceValue', 'StaticValue']);
    if (m === FAILED) continue;
    const resource = entry(m, 'ResourceValue');
    const statics = entry(m, 'StaticValue');
    if ((resource === undefined) === (statics === undefined)) {
      sink.add(e.keyPos, `${what}: ${e.key} must have exactly one of ResourceValue and StaticValue`);
      continue;
    }
    let value: RemediationParameterValue | typeof FAILED = FAILED;
    if (resource !== undefined) {
      const r = mapWithKeys(sink, resource.value, `${what}: ${e.key}.ResourceValue`, ['Value']);
      const v = r === FAILED ? undefined : entry(r, 'Value');
      if (r !== FAILED && v === undefined)
        sink.add(resource.value.pos, `${what}: ${e.key}.ResourceValue has no Value (RESOURCE_ID)`);
      else if (v !== undefined) {
        const id = enumValue(sink, v.value, `${what}: ${e.key}.ResourceValue.Value`, ['RESOURCE_ID'] as const);
        if (id !== FAILED) value = { resourceValue: { value: id } };
      }
    } else if (statics !== undefined) {
      const s = mapWithKeys(sink, statics.value, `${what}: ${e.key}.StaticValue`, ['Values']);
      const v = s === FAILED ? undefined : entry(s, 'Values');
      if (s !== FAILED && v === undefined) sink.add(statics.value.pos, `${what}: ${e.key}.StaticValue has no Values`);
      else if (v !== undefined) {
        const values = stringListValue(sink, v.value, `${what}: ${e.key}.StaticValue.Values`);
        if (values !== FAILED) {
          if (values.length > 25) sink.add(v.value.pos, `${what}: ${e.key}.StaticValue.Values has more than 25 values`);
          else if (values.some(x => x.length > 256)) {
            sink.add(v.value.pos, `${what}: ${e.key}.StaticValue.Values must each be at most 256 characters`);
          } else value = { staticValue: { values } };
        }
      }
    }
    if (value !== FAILED) {
      spec.parameters[e.key] = value;
      spec.parameterPositions[e.key] = e.keyPos;
    }
  }
}
