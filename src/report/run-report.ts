/**
 * Writes a run's reports: the JSON report first (nothing truncated; it must exist even if a later write fails),
 * then the job summary and the annotations.
 */
import * as core from '@actions/core';
import type { ComplianceResult, GateDecision, RunInfo } from '../compliance/types.js';
import { buildAnnotations, emitAnnotations, type AnnotationSink, type RuleLocation } from './annotations.js';
import { buildJsonReport } from './json.js';
import { buildSummary, type SummarySection } from './summary.js';
import { appendStepSummary, writeJsonReport } from './write.js';

export interface RunReportInput {
  result: ComplianceResult;
  gate: GateDecision;
  run: RunInfo;
  reportDir: string;
  generatedAt: string;
  summaryFile: string | undefined;
  /** Extra summary sections (deploy plan, remediation) sharing the summary's byte budget. */
  sections?: SummarySection[];
  /** Where a rule is declared, so its annotation lands on that line. */
  locate?: (ruleName: string) => RuleLocation | undefined;
  sink?: AnnotationSink;
}

/** Returns the JSON report's path. */
export async function writeReports(input: RunReportInput): Promise<string> {
  const json = buildJsonReport({
    result: input.result,
    gate: input.gate,
    run: input.run,
    generatedAt: input.generatedAt
  });
  const reportFile = await writeJsonReport(input.reportDir, json);
  const summary = buildSummary({
    result: input.result,
    gate: input.gate,
    run: input.run,
    reportFiles: { json: reportFile },
    ...(input.sections ? { sections: input.sections } : {})
  });
  await appendStepSummary(input.summaryFile, summary.markdown);
  const annotations = buildAnnotations(input.result, input.gate, input.locate ? { locate: input.locate } : {});
  emitAnnotations(annotations, input.sink ?? core);
  return reportFile;
}
