/** Every output the action sets, declared once; a test keeps this table and action.yml in step. */
import * as core from '@actions/core';

export const OUTPUTS = {
  'aws-account-id': 'The AWS account id of the credentials used.',
  result: 'pass or fail: the gate decision.',
  'noncompliant-count': 'Number of non-compliant resources counted by the gate (waived ones excluded).',
  'noncompliant-rules': 'Comma-separated names of the rules with non-compliant resources.',
  'checked-rules': 'Number of Config rules checked.',
  'report-file': 'Path of the JSON compliance report.',
  'drift-count':
    'Differences between the manifest and the account found by the deploy plan (creations, updates, deletions).',
  'plan-file': 'Path of the deploy plan (plan.json).',
  'remediation-plan-hash':
    'sha256 hash of the remediation plan (pass it to approved-plan-hash to apply exactly this plan).',
  'remediation-plan-file': 'Path of the remediation plan (remediation-plan.json).',
  'remediated-count': 'Remediations that ran successfully (verified or not).',
  'remediation-failed-count': 'Remediations that failed or timed out.',
  'audit-log-file': 'Path of the remediation audit log (JSON Lines).',
  'new-noncompliant-count': 'Non-compliant resources not in the baseline (with the baseline input).',
  'sarif-file': 'Path of the SARIF 2.1.0 report.',
  'check-run-url': 'URL of the check run with every finding (when one was created).'
} as const;

export type OutputName = keyof typeof OUTPUTS;
export type OutputValues = Partial<Record<OutputName, string | number>>;

export type OutputSink = (name: string, value: string) => void;

/** Sets each given output; only declared names can be passed. */
export function setOutputs(values: OutputValues, sink: OutputSink = (n, v) => core.setOutput(n, v)): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) sink(name, String(value));
  }
}
