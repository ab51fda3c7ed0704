export const id = 882;
export const ids = [882];
export const modules = {

/***/ 9813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ templateTypesFor),
/* harmony export */   U4: () => (/* binding */ PHYSICAL_NAME_PROPERTIES),
/* harmony export */   sB: () => (/* binding */ nameCandidates)
/* harmony export */ });
/**
 * The property that names a resource, per type: the literal value a template gives it is the name AWS Config
 * reports as the resource id (S3 buckets, DynamoDB tables, Lambda functions, ...) or as the last segment of the
 * resource id when that is an ARN or URL (SNS topics, SQS queues). Types whose id AWS generates (EC2 volumes,
 * security groups, ...) have no entry: their findings are matched by logical id only.
 */
const PHYSICAL_NAME_PROPERTIES = {
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
const DEPLOYED_AS = {
    'AWS::Lambda::Function': ['AWS::Serverless::Function'],
    'AWS::DynamoDB::Table': ['AWS::Serverless::SimpleTable'],
    'AWS::StepFunctions::StateMachine': ['AWS::Serverless::StateMachine']
};
/** The template types a Config resource type may be written as: itself first, then SAM types. */
function templateTypesFor(configType) {
    return [configType, ...(DEPLOYED_AS[configType] ?? [])];
}
/**
 * Names a resource id may match: the id itself, then, for an ARN or URL, its last segment (after the last ':'
 * or '/'), e.g. arn:aws:sns:us-east-1:123456789012:alerts -> alerts.
 */
function nameCandidates(resourceId) {
    const out = [resourceId];
    if (/^arn:/.test(resourceId) || /^https?:\/\//.test(resourceId)) {
        const last = resourceId
            .split(/[:/]/)
            .filter(s => s !== '')
            .pop();
        if (last !== undefined && last !== resourceId)
            out.push(last);
    }
    return out;
}


/***/ }),

/***/ 7023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint),
/* harmony export */   m: () => (/* binding */ fingerprintV1)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Stable id of a finding: the same account, region, rule, resource type and id always give the same fingerprint, and
 * the same resource id in another account or region gives another one (report schemaVersion 2). The parts are joined
 * with NUL, which none of them can hold, so no two different tuples share an input.
 */
function fingerprint(accountId, region, ruleName, resourceType, resourceId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update([accountId, region, ruleName, resourceType, resourceId].join('\u0000'))
        .digest('hex')
        .slice(0, 32);
}
/**
 * The schemaVersion 1 fingerprint (rule, resource type and id only), kept to compare baselines written before account
 * and region were part of it (src/baseline/compare.ts).
 */
function fingerprintV1(ruleName, resourceType, resourceId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
}


/***/ }),

/***/ 2882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ ruleLocator),
/* harmony export */   HK: () => (/* binding */ mapFindings),
/* harmony export */   KF: () => (/* binding */ propertyPathFor),
/* harmony export */   NP: () => (/* binding */ normalizeRepoPath),
/* harmony export */   Ou: () => (/* binding */ logicalIdKey),
/* harmony export */   ax: () => (/* binding */ fingerprintOf)
/* harmony export */ });
/* unused harmony exports RULE_PROPERTIES, findResource, LEVEL_SEVERITY, changedFirst */
/* harmony import */ var _cfn_physical_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9813);
/* harmony import */ var _compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7023);
/**
 * Finding -> source line. A finding about a resource the repository's templates declare lands on that resource,
 * down to the property the rule is about when the template writes it; any other finding lands on the line that
 * declares its rule (the manifest or pack). Pure: the caller reads the resources' tags and the templates.
 */


/**
 * The property a managed rule checks, per template resource type (a path of keys under Properties). A rule
 * about something a template writes elsewhere (a bucket policy, a flow log, account settings) has no entry and
 * its findings land on the resource line.
 */
const RULE_PROPERTIES = {
    S3_BUCKET_LOGGING_ENABLED: { 'AWS::S3::Bucket': ['LoggingConfiguration'] },
    S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED: { 'AWS::S3::Bucket': ['BucketEncryption'] },
    S3_DEFAULT_ENCRYPTION_KMS: { 'AWS::S3::Bucket': ['BucketEncryption'] },
    S3_BUCKET_VERSIONING_ENABLED: { 'AWS::S3::Bucket': ['VersioningConfiguration'] },
    S3_BUCKET_PUBLIC_READ_PROHIBITED: { 'AWS::S3::Bucket': ['PublicAccessBlockConfiguration'] },
    S3_BUCKET_PUBLIC_WRITE_PROHIBITED: { 'AWS::S3::Bucket': ['PublicAccessBlockConfiguration'] },
    S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED: { 'AWS::S3::Bucket': ['PublicAccessBlockConfiguration'] },
    S3_BUCKET_REPLICATION_ENABLED: { 'AWS::S3::Bucket': ['ReplicationConfiguration'] },
    S3_BUCKET_CROSS_REGION_REPLICATION_ENABLED: { 'AWS::S3::Bucket': ['ReplicationConfiguration'] },
    S3_BUCKET_DEFAULT_LOCK_ENABLED: { 'AWS::S3::Bucket': ['ObjectLockConfiguration'] },
    S3_LIFECYCLE_POLICY_CHECK: { 'AWS::S3::Bucket': ['LifecycleConfiguration'] },
    S3_EVENT_NOTIFICATIONS_ENABLED: { 'AWS::S3::Bucket': ['NotificationConfiguration'] },
    ENCRYPTED_VOLUMES: { 'AWS::EC2::Volume': ['Encrypted'] },
    EC2_INSTANCE_DETAILED_MONITORING_ENABLED: { 'AWS::EC2::Instance': ['Monitoring'] },
    EC2_INSTANCE_NO_PUBLIC_IP: { 'AWS::EC2::Instance': ['NetworkInterfaces'] },
    SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED: { 'AWS::EC2::Subnet': ['MapPublicIpOnLaunch'] },
    AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED: {
        'AWS::AutoScaling::LaunchConfiguration': ['AssociatePublicIpAddress']
    },
    RDS_STORAGE_ENCRYPTED: { 'AWS::RDS::DBInstance': ['StorageEncrypted'] },
    RDS_INSTANCE_PUBLIC_ACCESS_CHECK: { 'AWS::RDS::DBInstance': ['PubliclyAccessible'] },
    RDS_MULTI_AZ_SUPPORT: { 'AWS::RDS::DBInstance': ['MultiAZ'] },
    RDS_LOGGING_ENABLED: {
        'AWS::RDS::DBInstance': ['EnableCloudwatchLogsExports'],
        'AWS::RDS::DBCluster': ['EnableCloudwatchLogsExports']
    },
    RDS_INSTANCE_DELETION_PROTECTION_ENABLED: { 'AWS::RDS::DBInstance': ['DeletionProtection'] },
    RDS_CLUSTER_DELETION_PROTECTION_ENABLED: { 'AWS::RDS::DBCluster': ['DeletionProtection'] },
    RDS_CLUSTER_ENCRYPTED_AT_REST: { 'AWS::RDS::DBCluster': ['StorageEncrypted'] },
    RDS_ENHANCED_MONITORING_ENABLED: { 'AWS::RDS::DBInstance': ['MonitoringInterval'] },
    RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED: { 'AWS::RDS::DBInstance': ['AutoMinorVersionUpgrade'] },
    RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED: { 'AWS::RDS::DBInstance': ['EnableIAMDatabaseAuthentication'] },
    DB_INSTANCE_BACKUP_ENABLED: { 'AWS::RDS::DBInstance': ['BackupRetentionPeriod'] },
    DYNAMODB_PITR_ENABLED: { 'AWS::DynamoDB::Table': ['PointInTimeRecoverySpecification'] },
    DYNAMODB_TABLE_ENCRYPTED_KMS: {
        'AWS::DynamoDB::Table': ['SSESpecification'],
        'AWS::Serverless::SimpleTable': ['SSESpecification']
    },
    DYNAMODB_TABLE_ENCRYPTION_ENABLED: { 'AWS::DynamoDB::Table': ['SSESpecification'] },
    DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED: { 'AWS::DynamoDB::Table': ['DeletionProtectionEnabled'] },
    CLOUD_TRAIL_ENCRYPTION_ENABLED: { 'AWS::CloudTrail::Trail': ['KMSKeyId'] },
    CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED: { 'AWS::CloudTrail::Trail': ['EnableLogFileValidation'] },
    CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED: { 'AWS::CloudTrail::Trail': ['CloudWatchLogsLogGroupArn'] },
    CLOUDWATCH_LOG_GROUP_ENCRYPTED: { 'AWS::Logs::LogGroup': ['KmsKeyId'] },
    CW_LOGGROUP_RETENTION_PERIOD_CHECK: { 'AWS::Logs::LogGroup': ['RetentionInDays'] },
    SNS_ENCRYPTED_KMS: { 'AWS::SNS::Topic': ['KmsMasterKeyId'] },
    LAMBDA_INSIDE_VPC: { 'AWS::Lambda::Function': ['VpcConfig'], 'AWS::Serverless::Function': ['VpcConfig'] },
    LAMBDA_CONCURRENCY_CHECK: {
        'AWS::Lambda::Function': ['ReservedConcurrentExecutions'],
        'AWS::Serverless::Function': ['ReservedConcurrentExecutions']
    },
    LAMBDA_DLQ_CHECK: {
        'AWS::Lambda::Function': ['DeadLetterConfig'],
        'AWS::Serverless::Function': ['DeadLetterQueue']
    },
    EFS_ENCRYPTED_CHECK: { 'AWS::EFS::FileSystem': ['Encrypted'] },
    ELASTICSEARCH_ENCRYPTED_AT_REST: { 'AWS::Elasticsearch::Domain': ['EncryptionAtRestOptions'] },
    ELASTICSEARCH_IN_VPC_ONLY: { 'AWS::Elasticsearch::Domain': ['VPCOptions'] },
    ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK: { 'AWS::Elasticsearch::Domain': ['NodeToNodeEncryptionOptions'] },
    ELASTICSEARCH_LOGS_TO_CLOUDWATCH: { 'AWS::Elasticsearch::Domain': ['LogPublishingOptions'] },
    OPENSEARCH_ENCRYPTED_AT_REST: { 'AWS::OpenSearchService::Domain': ['EncryptionAtRestOptions'] },
    OPENSEARCH_IN_VPC_ONLY: { 'AWS::OpenSearchService::Domain': ['VPCOptions'] },
    OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK: { 'AWS::OpenSearchService::Domain': ['NodeToNodeEncryptionOptions'] },
    OPENSEARCH_LOGS_TO_CLOUDWATCH: { 'AWS::OpenSearchService::Domain': ['LogPublishingOptions'] },
    OPENSEARCH_HTTPS_REQUIRED: { 'AWS::OpenSearchService::Domain': ['DomainEndpointOptions'] },
    REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK: { 'AWS::Redshift::Cluster': ['PubliclyAccessible'] },
    REDSHIFT_CLUSTER_KMS_ENABLED: { 'AWS::Redshift::Cluster': ['KmsKeyId'] },
    REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED: { 'AWS::Redshift::Cluster': ['EnhancedVpcRouting'] },
    REDSHIFT_AUDIT_LOGGING_ENABLED: { 'AWS::Redshift::Cluster': ['LoggingProperties'] },
    CMK_BACKING_KEY_ROTATION_ENABLED: { 'AWS::KMS::Key': ['EnableKeyRotation'] },
    SECRETSMANAGER_USING_CMK: { 'AWS::SecretsManager::Secret': ['KmsKeyId'] },
    SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED: { 'AWS::SageMaker::NotebookInstance': ['KmsKeyId'] },
    SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS: { 'AWS::SageMaker::NotebookInstance': ['DirectInternetAccess'] },
    ELB_LOGGING_ENABLED: {
        'AWS::ElasticLoadBalancingV2::LoadBalancer': ['LoadBalancerAttributes'],
        'AWS::ElasticLoadBalancing::LoadBalancer': ['AccessLoggingPolicy']
    },
    ELB_DELETION_PROTECTION_ENABLED: { 'AWS::ElasticLoadBalancingV2::LoadBalancer': ['LoadBalancerAttributes'] },
    ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK: {
        'AWS::ElastiCache::ReplicationGroup': ['SnapshotRetentionLimit'],
        'AWS::ElastiCache::CacheCluster': ['SnapshotRetentionLimit']
    },
    API_GW_CACHE_ENABLED_AND_ENCRYPTED: { 'AWS::ApiGateway::Stage': ['MethodSettings'] },
    API_GW_EXECUTION_LOGGING_ENABLED: { 'AWS::ApiGateway::Stage': ['MethodSettings'] },
    CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK: { 'AWS::CodeBuild::Project': ['Environment'] },
    CODEBUILD_PROJECT_LOGGING_ENABLED: { 'AWS::CodeBuild::Project': ['LogsConfig'] },
    KINESIS_STREAM_ENCRYPTED: { 'AWS::Kinesis::Stream': ['StreamEncryption'] },
    EKS_CLUSTER_LOGGING_ENABLED: { 'AWS::EKS::Cluster': ['Logging'] },
    EKS_SECRETS_ENCRYPTED: { 'AWS::EKS::Cluster': ['EncryptionConfig'] }
};
/** The property path a rule checks on a template resource type, if known. */
function propertyPathFor(identifier, templateType) {
    if (identifier === undefined)
        return undefined;
    return RULE_PROPERTIES[identifier]?.[templateType];
}
/** Key of MapFindingsOptions.logicalIds: the Config resource type and id. */
function logicalIdKey(resourceType, resourceId) {
    return `${resourceType}|${resourceId}`;
}
/**
 * The template resource a finding is about: by the stack logical id tag when the caller has it, else by physical
 * name. Several matches (the same logical id in two templates) are narrowed by physical name; a match that
 * stays ambiguous is no match, so a finding never lands on a resource it may not be about.
 */
function findResource(finding, index, logicalIds) {
    const types = (0,_cfn_physical_names_js__WEBPACK_IMPORTED_MODULE_0__/* .templateTypesFor */ .D4)(finding.resourceType);
    const byName = types.flatMap(t => index.byPhysicalName(t, finding.resourceId));
    const logicalId = logicalIds?.get(logicalIdKey(finding.resourceType, finding.resourceId));
    let candidates = logicalId === undefined ? [] : types.flatMap(t => index.byLogicalId(logicalId, t));
    if (candidates.length === 0)
        candidates = byName;
    else if (candidates.length > 1) {
        const narrowed = candidates.filter(c => byName.includes(c));
        if (narrowed.length > 0)
            candidates = narrowed;
    }
    return candidates.length === 1 ? candidates[0] : undefined;
}
/** Where one finding lands; undefined only when neither a template nor the fallback knows. */
function locateFinding(finding, index, opts) {
    const resource = findResource(finding, index, opts.logicalIds);
    if (resource !== undefined) {
        const path = propertyPathFor(opts.ruleIdentifiers.get(finding.ruleName), resource.type);
        const pos = path === undefined ? undefined : resource.propertyPosition(path);
        if (pos !== undefined)
            return { file: pos.file, line: pos.line, col: pos.col, kind: 'property' };
        return { file: resource.position.file, line: resource.position.line, col: resource.position.col, kind: 'resource' };
    }
    const rule = opts.fallback(finding.ruleName);
    return rule === undefined ? undefined : { file: rule.file, line: rule.line, col: rule.col, kind: 'rule' };
}
/** The fingerprint of a finding (computed when a hand-made finding has none). */
function fingerprintOf(f) {
    return f.fingerprint !== ''
        ? f.fingerprint
        : (0,_compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .R)(f.accountId, f.region, f.ruleName, f.resourceType, f.resourceId);
}
/** Every finding (waived ones included) -> where it lands, by fingerprint. Findings nothing locates are absent. */
function mapFindings(result, index, opts) {
    const out = new Map();
    const fallbacks = new Map();
    const cachedFallback = (ruleName) => {
        if (!fallbacks.has(ruleName))
            fallbacks.set(ruleName, opts.fallback(ruleName));
        return fallbacks.get(ruleName);
    };
    const withCache = { ...opts, fallback: cachedFallback };
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            const loc = locateFinding(f, index, withCache);
            if (loc !== undefined)
                out.set(fingerprintOf(f), loc);
        }
    }
    return out;
}
/** Normalises a repository path for comparison: forward slashes, no leading './'. */
function normalizeRepoPath(p) {
    return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
/** Severity of an annotation level, for changedFirst (higher is more severe). */
const LEVEL_SEVERITY = {
    error: 3,
    warning: 2,
    notice: 1
};
/**
 * Orders items by severity (most severe first), then those in a changed file (the pull request's files) before
 * the others; otherwise the input order is kept. Returns a new array.
 */
function changedFirst(items, changedFiles, key) {
    const changed = new Set([...changedFiles].map(normalizeRepoPath));
    const inChanged = (item) => {
        const file = key.file(item);
        return file !== undefined && changed.has(normalizeRepoPath(file)) ? 0 : 1;
    };
    return items
        .map((item, i) => ({ item, i, s: key.severity(item), c: inChanged(item) }))
        .sort((a, b) => b.s - a.s || a.c - b.c || a.i - b.i)
        .map(x => x.item);
}
const KIND_RANK = { property: 0, resource: 1, rule: 2 };
/**
 * A `locate` hook for the per-rule annotations: the best place among the rule's counted (not waived) findings,
 * preferring changed files, then property over resource over rule lines, then file order.
 */
function ruleLocator(result, locations, changedFiles = []) {
    const changed = new Set([...changedFiles].map(normalizeRepoPath));
    const best = new Map();
    const score = (l) => [
        changed.has(normalizeRepoPath(l.file)) ? 0 : 1,
        KIND_RANK[l.kind],
        l.file,
        l.line,
        l.col
    ];
    const better = (a, b) => {
        const x = score(a);
        const y = score(b);
        for (let i = 0; i < x.length; i++) {
            if (x[i] === y[i])
                continue;
            return x[i] < y[i];
        }
        return false;
    };
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            if (f.waiver !== undefined)
                continue;
            const loc = locations.get(fingerprintOf(f));
            if (loc === undefined)
                continue;
            const current = best.get(rule.ruleName);
            if (current === undefined || better(loc, current))
                best.set(rule.ruleName, loc);
        }
    }
    return ruleName => {
        const loc = best.get(ruleName);
        return loc === undefined ? undefined : { file: loc.file, line: loc.line, col: loc.col };
    };
}


/***/ })

};

//# sourceMappingURL=882.index.js.map