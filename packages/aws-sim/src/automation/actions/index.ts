/**
 * The Automation actions the simulated engine implements, one file each. A step whose action is not listed fails
 * with a message naming the action; nothing pretends to succeed.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-actions.html
 */
import type { Action } from '../step.js';
import { assertAwsResourceProperty } from './assert-aws-resource-property.js';
import { branch } from './branch.js';
import { executeAwsApi } from './execute-aws-api.js';
import { sleep } from './sleep.js';
import { updateVariable } from './update-variable.js';
import { waitForAwsResourceProperty } from './wait-for-aws-resource-property.js';

export const ACTIONS: Readonly<Record<string, Action>> = {
  'aws:executeAwsApi': executeAwsApi,
  'aws:assertAwsResourceProperty': assertAwsResourceProperty,
  'aws:waitForAwsResourceProperty': waitForAwsResourceProperty,
  'aws:branch': branch,
  'aws:sleep': sleep,
  'aws:updateVariable': updateVariable
};
