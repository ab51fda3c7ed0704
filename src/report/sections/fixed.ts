/**
 * "Fixed in this run": the resources this run's remediation fixed and verified (compliant now), by rule. They leave
 * the rule table and the non-compliant resources, so no count contradicts another. Pure.
 */
import type { RuleResult } from '../../compliance/types.js';
import { escapeMarkdown, truncate } from '../../util/text.js';
import { plural } from '../markdown/format.js';
import type { SummarySection } from '../markdown/layout.js';
import { fixedFindings, fixedInThisRun } from '../ranking.js';
import { SUMMARY_ORDER } from './order.js';

/** Right after the rule table; filled after it, before the resource lists. */
const FIXED_ORDER = SUMMARY_ORDER.rules + 0.5;
const FIXED_PRIORITY = 2;

export function fixedSection(rules: readonly RuleResult[]): SummarySection | undefined {
  const withFixes = rules.filter(r => fixedFindings(r).length > 0);
  if (withFixes.length === 0) return undefined;
  const lines = ['### ✅ Fixed in this run', ''];
  for (const r of withFixes) {
    const fixed = fixedFindings(r);
    const state = fixedInThisRun(r) ? 'compliant now' : 'still non-compliant for other resources (above)';
    lines.push(
      `- **${escapeMarkdown(truncate(r.ruleName, 128))}**: ${plural(fixed.length, 'resource')} fixed and verified, ${state}`
    );
    for (const f of fixed) {
      const exec = f.remediation?.executionId
        ? ` (execution ${escapeMarkdown(truncate(f.remediation.executionId, 64))})`
        : '';
      lines.push(
        `  - ${escapeMarkdown(truncate(f.resourceType, 80))} ${escapeMarkdown(truncate(f.resourceId, 256))}${exec}`
      );
    }
  }
  return {
    id: 'fixed',
    order: FIXED_ORDER,
    priority: FIXED_PRIORITY,
    blocks: [{ kind: 'text', text: lines.join('\n') }]
  };
}
