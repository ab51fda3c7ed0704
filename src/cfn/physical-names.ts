/**
 * The property that names a resource, per type: the literal value a template gives it is the name AWS Config
 * reports as the resource id (S3 buckets, DynamoDB tables, Lambda functions, ...) or as the last segment of the
 * resource id when that is an ARN or URL (SNS topics, SQS queues). Types whose id AWS generates (EC2 volumes,
 * security groups, ...) have no entry: their findings are matched by logical id only.
 */
export const PHYSICAL_NAME_PROPERTIES: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Name',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'LoadBalancerName',
  'AWS::Elasticsearch::Domain': 'DomainName',
  'AWS::OpenSearchService::Domain': 'DomainName',
  'AWS::Redshift::Cluster': 'ClusterIdentifier',
  'AWS::ElastiCache::ReplicationGroup': 'ReplicationGroupId',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::CodeBuild::Project': 'Name',
  'AWS::SageMaker::NotebookInstance': 'NotebookInstanceName',
  'AWS::Backup::BackupVault': 'BackupVaultName',
  'AWS::DMS::ReplicationInstance': 'ReplicationInstanceIdentifier',
  'AWS::Kinesis::Stream': 'Name',
  'AWS::EKS::Cluster': 'Name',
  'AWS::ElasticBeanstalk::Environment': 'EnvironmentName',
  'AWS::Serverless::Function': 'FunctionName',
  'AWS::Serverless::SimpleTable': 'TableName',
  'AWS::Serverless::StateMachine': 'Name'
};

/**
 * Template types that deploy as another type (AWS SAM): a finding about the deployed type also looks at these.
 * The key is the type AWS Config reports.
 */
const DEPLOYED_AS: Readonly<Record<string, readonly string[]>> = {
  'AWS::Lambda::Function': ['AWS::Serverless::Function'],
  'AWS::DynamoDB::Table': ['AWS::Serverless::SimpleTable'],
  'AWS::StepFunctions::StateMachine': ['AWS::Serverless::StateMachine']
};

/** The template types a Config resource type may be written as: itself first, then SAM types. */
export function templateTypesFor(configType: string): readonly string[] {
  return [configType, ...(DEPLOYED_AS[configType] ?? [])];
}

/**
 * Names a resource id may match: the id itself, then, for an ARN or URL, its last segment (after the last ':'
 * or '/'), e.g. arn:aws:sns:us-east-1:123456789012:alerts -> alerts.
 */
export function nameCandidates(resourceId: string): string[] {
  const out = [resourceId];
  if (/^arn:/.test(resourceId) || /^https?:\/\//.test(resourceId)) {
    const last = resourceId
      .split(/[:/]/)
      .filter(s => s !== '')
      .pop();
    if (last !== undefined && last !== resourceId) out.push(last);
  }
  return out;
}
