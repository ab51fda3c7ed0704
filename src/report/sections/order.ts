/** Where the compliance sections sit in the job summary and which get bytes first. */

/**
 * Where the compliance sections sit; other phases place theirs around them (deploy plan before, remediation after).
 * `lead` is the section naming the run's main act (a remediation plan or apply, a deploy plan in a pull request): it
 * opens the summary with its h2 heading, and the verdict's heading drops to h3 below it.
 */
export const SUMMARY_ORDER = {
  lead: -10,
  verdict: 0,
  deploy: 10,
  rules: 20,
  findings: 21,
  remediation: 30,
  footer: 90
} as const;
/** Budget priorities of the compliance sections: the verdict and the rule table are filled first. */
export const SUMMARY_PRIORITY = { lead: 0, verdict: 0, rules: 1, findings: 5 } as const;
