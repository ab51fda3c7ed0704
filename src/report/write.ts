/** Thin writers: the JSON report to the report directory, the summary to the step summary file. */
import { appendFile } from 'node:fs/promises';
import { writeJsonFile } from '../util/files.js';
import path from 'node:path';
import type { ComplianceReportJson } from './json.js';

export const JSON_REPORT_FILE = 'compliance-report.json';

/** The path the JSON report is written to inside `reportDir`. */
export function jsonReportPath(reportDir: string): string {
  return path.join(reportDir, JSON_REPORT_FILE);
}

/**
 * Writes `<reportDir>/compliance-report.json` (creating the directory), through a temporary file and a
 * rename so a reader never sees half a report. Returns the path written.
 */
export async function writeJsonReport(reportDir: string, report: ComplianceReportJson): Promise<string> {
  return writeJsonFile(jsonReportPath(reportDir), report);
}

/**
 * Appends Markdown to the step summary file (the path in GITHUB_STEP_SUMMARY, given by the caller), as
 * `core.summary.addRaw(markdown).write()` does. Returns false, writing nothing, when there is no such
 * file (e.g. a local run).
 */
export async function appendStepSummary(summaryFile: string | undefined, markdown: string): Promise<boolean> {
  if (summaryFile === undefined || summaryFile === '') return false;
  await appendFile(summaryFile, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  return true;
}
