/**
 * AWS Config operations of the simulated account, one file per job. Requests arrive validated against the Smithy
 * model; handlers return plain objects with the model's member names (timestamps as Date) and throw AwsError with the
 * error codes the model declares for the operation.
 */
import type { ServiceHandlers } from '../../../core/types.js';
import { putConfigRule, describeConfigRules, deleteConfigRule } from './rules.js';
import { tagResource, untagResource, listTagsForResource } from './tags.js';
import {
  startConfigRulesEvaluation,
  describeConfigRuleEvaluationStatus,
  describeComplianceByConfigRule,
  getComplianceDetailsByConfigRule,
  getComplianceDetailsByResource,
  describeComplianceByResource
} from './evaluations.js';
import {
  putRemediationConfigurations,
  describeRemediationConfigurations,
  deleteRemediationConfiguration,
  startRemediationExecution,
  describeRemediationExecutionStatus,
  putRemediationExceptions,
  describeRemediationExceptions,
  deleteRemediationExceptions
} from './remediation.js';
import { batchGetResourceConfig, selectResourceConfig } from './resource-config.js';
import { startResourceEvaluationHandler, getResourceEvaluationSummary, listResourceEvaluations } from './proactive.js';

/** config operations of the simulated account. */
export const configHandlers: ServiceHandlers = {
  PutConfigRule: putConfigRule,
  DescribeConfigRules: describeConfigRules,
  DeleteConfigRule: deleteConfigRule,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  StartConfigRulesEvaluation: startConfigRulesEvaluation,
  DescribeConfigRuleEvaluationStatus: describeConfigRuleEvaluationStatus,
  DescribeComplianceByConfigRule: describeComplianceByConfigRule,
  GetComplianceDetailsByConfigRule: getComplianceDetailsByConfigRule,
  GetComplianceDetailsByResource: getComplianceDetailsByResource,
  DescribeComplianceByResource: describeComplianceByResource,
  PutRemediationConfigurations: putRemediationConfigurations,
  DescribeRemediationConfigurations: describeRemediationConfigurations,
  DeleteRemediationConfiguration: deleteRemediationConfiguration,
  StartRemediationExecution: startRemediationExecution,
  DescribeRemediationExecutionStatus: describeRemediationExecutionStatus,
  PutRemediationExceptions: putRemediationExceptions,
  DescribeRemediationExceptions: describeRemediationExceptions,
  DeleteRemediationExceptions: deleteRemediationExceptions,
  BatchGetResourceConfig: batchGetResourceConfig,
  SelectResourceConfig: selectResourceConfig,
  StartResourceEvaluation: startResourceEvaluationHandler,
  GetResourceEvaluationSummary: getResourceEvaluationSummary,
  ListResourceEvaluations: listResourceEvaluations
};
