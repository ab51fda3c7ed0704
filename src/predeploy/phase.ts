/**
 * The pre-deploy phase (pre-deploy: changed or all): which templates to evaluate, and why; then the evaluation.
 * Returns data; report/sections/predeploy.ts renders it.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { TemplateIndex } from '../cfn/types.js';
import type { DesiredRule } from '../desired/model.js';
import { InputError } from '../errors.js';
import type { Logger } from '../logging.js';
import type { Clock } from '../util/clock.js';
import { evaluateTemplates, type PreDeployResult } from './evaluate.js';

export interface PreDeployPhaseOptions {
  mode: 'off' | 'changed' | 'all';
}

/** What the locate phase knows of the templates and the pull request. */
export interface PreDeployTemplates {
  index: TemplateIndex;
  /** The pull request's number; absent outside a pull request. */
  prNumber: number | undefined;
  changedFiles: ReadonlySet<string>;
  /** Why the pull request's files could not be listed in full. */
  changedFilesUnknown: string | undefined;
}

export async function runPreDeploy(
  config: () => Promise<ConfigServiceClient>,
  templates: PreDeployTemplates,
  rules: readonly DesiredRule[] | undefined,
  options: PreDeployPhaseOptions,
  deps: { clock: Clock; logger: Logger }
): Promise<PreDeployResult | undefined> {
  if (options.mode === 'off') return undefined;
  if (!rules) {
    throw new InputError('pre-deploy', `Input 'pre-deploy' needs a manifest (config) whose rules judge the templates.`);
  }
  if (options.mode === 'changed' && templates.prNumber === undefined) {
    deps.logger.info("pre-deploy: changed outside a pull request: no changed templates to evaluate (use 'all').");
  }
  // Fail closed: when the pull request's files are not known, every template is evaluated, never none.
  let note: string | undefined;
  if (options.mode === 'changed' && templates.prNumber !== undefined && templates.changedFilesUnknown) {
    note =
      `pre-deploy: changed evaluated every template: the files of the pull request could not be listed ` +
      `(${templates.changedFilesUnknown}).`;
    deps.logger.warn(note);
  }
  const evaluated = await deps.logger.group('Pre-deploy evaluation', async () =>
    evaluateTemplates({ config: await config(), clock: deps.clock, logger: deps.logger }, templates.index, rules, {
      files: options.mode === 'all' || note !== undefined ? 'all' : templates.changedFiles
    })
  );
  return note !== undefined ? { ...evaluated, note } : evaluated;
}
