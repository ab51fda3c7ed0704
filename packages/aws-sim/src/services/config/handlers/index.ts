/**
 * AWS Config operations of the simulated account, one file per job. Requests arrive validated against the Smithy
 * model; handlers return plain objects with the model's member names (timestamps as Date) and throw AwsError with the
 * error codes the model declares for the operation.
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { typedHandlers } from '../../../core/types.js';
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
import { batchGetResourceConfig, getResourceConfigHistory, selectResourceConfig } from './resource-config.js';
import {
  describeConfigurationRecorders,
  describeConfigurationRecorderStatus,
  startConfigurationRecorder,
  stopConfigurationRecorder
} from './recorder.js';
import * as aggregators from '../aggregators.js';
import * as packs from '../conformance-packs.js';
import { startResourceEvaluationHandler, getResourceEvaluationSummary, listResourceEvaluations } from './proactive.js';

/** The SDK's input type of each operation. */
type ConfigInputs = {
  PutConfigRule: Cfg.PutConfigRuleCommandInput;
  DescribeConfigRules: Cfg.DescribeConfigRulesCommandInput;
  DeleteConfigRule: Cfg.DeleteConfigRuleCommandInput;
  TagResource: Cfg.TagResourceCommandInput;
  UntagResource: Cfg.UntagResourceCommandInput;
  ListTagsForResource: Cfg.ListTagsForResourceCommandInput;
  StartConfigRulesEvaluation: Cfg.StartConfigRulesEvaluationCommandInput;
  DescribeConfigRuleEvaluationStatus: Cfg.DescribeConfigRuleEvaluationStatusCommandInput;
  DescribeComplianceByConfigRule: Cfg.DescribeComplianceByConfigRuleCommandInput;
  GetComplianceDetailsByConfigRule: Cfg.GetComplianceDetailsByConfigRuleCommandInput;
  GetComplianceDetailsByResource: Cfg.GetComplianceDetailsByResourceCommandInput;
  DescribeComplianceByResource: Cfg.DescribeComplianceByResourceCommandInput;
  PutRemediationConfigurations: Cfg.PutRemediationConfigurationsCommandInput;
  DescribeRemediationConfigurations: Cfg.DescribeRemediationConfigurationsCommandInput;
  DeleteRemediationConfiguration: Cfg.DeleteRemediationConfigurationCommandInput;
  StartRemediationExecution: Cfg.StartRemediationExecutionCommandInput;
  DescribeRemediationExecutionStatus: Cfg.DescribeRemediationExecutionStatusCommandInput;
  PutRemediationExceptions: Cfg.PutRemediationExceptionsCommandInput;
  DescribeRemediationExceptions: Cfg.DescribeRemediationExceptionsCommandInput;
  DeleteRemediationExceptions: Cfg.DeleteRemediationExceptionsCommandInput;
  BatchGetResourceConfig: Cfg.BatchGetResourceConfigCommandInput;
  SelectResourceConfig: Cfg.SelectResourceConfigCommandInput;
  GetResourceConfigHistory: Cfg.GetResourceConfigHistoryCommandInput;
  StartResourceEvaluation: Cfg.StartResourceEvaluationCommandInput;
  GetResourceEvaluationSummary: Cfg.GetResourceEvaluationSummaryCommandInput;
  ListResourceEvaluations: Cfg.ListResourceEvaluationsCommandInput;
  DescribeConfigurationRecorders: Cfg.DescribeConfigurationRecordersCommandInput;
  DescribeConfigurationRecorderStatus: Cfg.DescribeConfigurationRecorderStatusCommandInput;
  StartConfigurationRecorder: Cfg.StartConfigurationRecorderCommandInput;
  StopConfigurationRecorder: Cfg.StopConfigurationRecorderCommandInput;
  PutConfigurationAggregator: Cfg.PutConfigurationAggregatorCommandInput;
  DescribeConfigurationAggregators: Cfg.DescribeConfigurationAggregatorsCommandInput;
  DescribeConfigurationAggregatorSourcesStatus: Cfg.DescribeConfigurationAggregatorSourcesStatusCommandInput;
  DescribeAggregateComplianceByConfigRules: Cfg.DescribeAggregateComplianceByConfigRulesCommandInput;
  GetAggregateComplianceDetailsByConfigRule: Cfg.GetAggregateComplianceDetailsByConfigRuleCommandInput;
  GetAggregateConfigRuleComplianceSummary: Cfg.GetAggregateConfigRuleComplianceSummaryCommandInput;
  PutConformancePack: Cfg.PutConformancePackCommandInput;
  DescribeConformancePacks: Cfg.DescribeConformancePacksCommandInput;
  DescribeConformancePackStatus: Cfg.DescribeConformancePackStatusCommandInput;
  DeleteConformancePack: Cfg.DeleteConformancePackCommandInput;
  DescribeConformancePackCompliance: Cfg.DescribeConformancePackComplianceCommandInput;
  GetConformancePackComplianceSummary: Cfg.GetConformancePackComplianceSummaryCommandInput;
  ListConformancePackComplianceScores: Cfg.ListConformancePackComplianceScoresCommandInput;
  PutOrganizationConformancePack: Cfg.PutOrganizationConformancePackCommandInput;
  DescribeOrganizationConformancePacks: Cfg.DescribeOrganizationConformancePacksCommandInput;
  DescribeOrganizationConformancePackStatuses: Cfg.DescribeOrganizationConformancePackStatusesCommandInput;
  GetOrganizationConformancePackDetailedStatus: Cfg.GetOrganizationConformancePackDetailedStatusCommandInput;
  DeleteOrganizationConformancePack: Cfg.DeleteOrganizationConformancePackCommandInput;
};

/** config operations of the simulated account. */
export const configHandlers = typedHandlers<ConfigInputs>({
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
  GetResourceConfigHistory: getResourceConfigHistory,
  StartResourceEvaluation: startResourceEvaluationHandler,
  GetResourceEvaluationSummary: getResourceEvaluationSummary,
  ListResourceEvaluations: listResourceEvaluations,
  DescribeConfigurationRecorders: describeConfigurationRecorders,
  DescribeConfigurationRecorderStatus: describeConfigurationRecorderStatus,
  StartConfigurationRecorder: startConfigurationRecorder,
  StopConfigurationRecorder: stopConfigurationRecorder,
  PutConfigurationAggregator: aggregators.putConfigurationAggregator,
  DescribeConfigurationAggregators: aggregators.describeConfigurationAggregators,
  DescribeConfigurationAggregatorSourcesStatus: aggregators.describeConfigurationAggregatorSourcesStatus,
  DescribeAggregateComplianceByConfigRules: aggregators.describeAggregateComplianceByConfigRules,
  GetAggregateComplianceDetailsByConfigRule: aggregators.getAggregateComplianceDetailsByConfigRule,
  GetAggregateConfigRuleComplianceSummary: aggregators.getAggregateConfigRuleComplianceSummary,
  PutConformancePack: packs.putConformancePack,
  DescribeConformancePacks: packs.describeConformancePacks,
  DescribeConformancePackStatus: packs.describeConformancePackStatus,
  DeleteConformancePack: packs.deleteConformancePack,
  DescribeConformancePackCompliance: packs.describeConformancePackCompliance,
  GetConformancePackComplianceSummary: packs.getConformancePackComplianceSummary,
  ListConformancePackComplianceScores: packs.listConformancePackComplianceScores,
  PutOrganizationConformancePack: packs.putOrganizationConformancePack,
  DescribeOrganizationConformancePacks: packs.describeOrganizationConformancePacks,
  DescribeOrganizationConformancePackStatuses: packs.describeOrganizationConformancePackStatuses,
  GetOrganizationConformancePackDetailedStatus: packs.getOrganizationConformancePackDetailedStatus,
  DeleteOrganizationConformancePack: packs.deleteOrganizationConformancePack
});
