/** Where the compliance sections sit in the job summary and which get bytes first. */

/** Where the compliance sections sit; other phases place theirs around them (deploy plan before, remediation after). */
export const SUMMARY_ORDER = { verdict: 0, deploy: 10, rules: 20, findings: 21, remediation: 30, footer: 90 } as const;
/** Budget priorities of the compliance sections: the verdict and the rule table are filled first. */
export const SUMMARY_PRIORITY = { verdict: 0, rules: 1, findings: 5 } as const;
