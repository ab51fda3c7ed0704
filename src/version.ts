/** The action's version, sent in the AWS user agent. A test keeps it equal to package.json's version. */
export const VERSION = '0.1.0';
export const USER_AGENT_NAME = 'compliance-gate';
