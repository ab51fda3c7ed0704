/**
 * Writes a run's reports: the JSON report first (nothing truncated; it must exist even if a later write fails),
 * then the job summary. Workflow annotations are emitted separately, once it is known whether a check run
 * carries them.
 */
import * as core from '@actions/core';
import type { ComplianceResult, Finding, GateDecision } from '../compliance/types.js';
import type { RunInfo } from '../run-context.js';
import type { RuleLocation } from '../locate/source-map.js';
import { buildAnnotations, emitAnnotations, type AnnotationSink } from './annotations.js';
import { buildJsonReport, type JsonReportInput } from './json.js';
import type { SummarySection } from './markdown/layout.js';
import { buildSummary } from './summary.js';
import { appendStepSummary, writeJsonReport } from './write.js';

export interface RunReportInput {
  result: ComplianceResult;
  gate: GateDecision;
  run: RunInfo;
  reportDir: string;
  generatedAt: string;
  summaryFile: string | undefined;
  /** Extra summary sections (deploy plan, baseline, remediation) sharing the summary's byte budget. */
  sections?: SummarySection[];
  /** Whether a finding is in a file the pull request changed (ordered first). */
  changed?: (f: Finding) => boolean;
  /** Pull-request and merge-queue runs with waivers: those proposed (applying after merge) and the base. */
  waivers?: JsonReportInput['waivers'];
  /** The remediation effectiveness review (review-days), for the JSON report. */
  effectiveness?: JsonReportInput['effectiveness'];
  /** Blocks other phases add to the JSON report (e.g. `conformancePacks`), each declared in its schema. */
  extra?: Record<string, unknown>;
}

/** Returns the JSON report's path and the summary's Markdown. */
export async function writeReports(input: RunReportInput): Promise<{ reportFile: string; summary: string }> {
  const json = buildJsonReport({
    result: input.result,
    gate: input.gate,
    run: input.run,
    generatedAt: input.generatedAt,
    ...(input.waivers ? { waivers: input.waivers } : {}),
    ...(input.effectiveness ? { effectiveness: input.effectiveness } : {})
  });
  const reportFile = await writeJsonReport(input.reportDir, { ...json, ...(input.extra ?? {}) });
  const summary = buildSummary({
    result: input.result,
    gate: input.gate,
    run: input.run,
    reportFiles: { json: reportFile },
    ...(input.sections ? { sections: input.sections } : {}),
    ...(input.changed ? { changed: input.changed } : {})
  });
  await appendStepSummary(input.summaryFile, summary.markdown);
  return { reportFile, summary: summary.markdown };
}

/** At most 10 annotations per level (GitHub shows no more per step), worst rules first, on their lines. */
export function emitWorkflowAnnotations(
  result: ComplianceResult,
  gate: GateDecision,
  locate: ((ruleName: string) => RuleLocation | undefined) | undefined,
  sink: AnnotationSink = core
): void {
  emitAnnotations(buildAnnotations(result, gate, locate ? { locate } : {}), sink);
}
