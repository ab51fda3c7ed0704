import { describe, it, expect } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { appendStepSummary, JSON_REPORT_FILE, jsonReportPath, writeJsonReport } from '../../../src/report/write.js';
import { buildJsonReport } from '../../../src/report/json.js';
import { run, sampleGate, sampleResult } from '../../fixtures/report/sample.js';

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'report-write-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('writeJsonReport', () => {
  it('creates the directory and writes compliance-report.json, nothing else', async () => {
    await withTempDir(async dir => {
      const report = buildJsonReport({
        result: sampleResult(),
        gate: sampleGate(),
        run,
        generatedAt: '2025-03-01T10:11:00Z'
      });
      const reportDir = path.join(dir, 'a', 'b');
      const file = await writeJsonReport(reportDir, report);
      expect(file).toBe(path.join(reportDir, JSON_REPORT_FILE));
      expect(jsonReportPath(reportDir)).toBe(file);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(report);
      expect(await readdir(reportDir)).toEqual(['compliance-report.json']);
      // overwrites on a second run
      await writeJsonReport(reportDir, { ...report, generatedAt: 'later' });
      expect((JSON.parse(await readFile(file, 'utf8')) as { generatedAt: string }).generatedAt).toBe('later');
    });
  });
});

describe('appendStepSummary', () => {
  it('appends to the step summary file, ending with a newline', async () => {
    await withTempDir(async dir => {
      const file = path.join(dir, 'step_summary.md');
      expect(await appendStepSummary(file, '# one')).toBe(true);
      expect(await appendStepSummary(file, '# two\n')).toBe(true);
      expect(await readFile(file, 'utf8')).toBe('# one\n# two\n');
    });
  });

  it('writes nothing without a summary file', async () => {
    expect(await appendStepSummary(undefined, '# x')).toBe(false);
    expect(await appendStepSummary('', '# x')).toBe(false);
  });
});
