export const id = 905;
export const ids = [905,571,882];
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

/***/ 4030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ knownResourceTypes),
/* harmony export */   xb: () => (/* binding */ managedRuleCatalog)
/* harmony export */ });
/* unused harmony exports ManagedRuleCatalog, isKnownManagedRule, knownParameters, checkManagedRules */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Catalog of AWS managed Config rule identifiers (data/managed-rules.json, generated by scripts/build-hipaa-pack.ts
 * from the identifiers observed in AWS's published conformance packs) and the preflight check built on it.
 * The catalog is observed, not exhaustive: an unknown identifier is an error (AWS would reject a typo at deploy
 * time), an unknown parameter key only a warning.
 */

class ManagedRuleCatalog {
    byId;
    constructor(data) {
        if (typeof data !== 'object' ||
            data === null ||
            typeof data.identifiers !== 'object' ||
            data.identifiers === null) {
            throw new Error('managed rule catalog: "identifiers" is missing');
        }
        this.byId = new Map(Object.entries(data.identifiers).map(([id, info]) => [
            id,
            { parameters: [...info.parameters], resourceTypes: [...info.resourceTypes] }
        ]));
    }
    get size() {
        return this.byId.size;
    }
    get(identifier) {
        return this.byId.get(identifier);
    }
    /** The known identifier closest to a misspelt one, if any is close. */
    suggest(identifier) {
        const wanted = identifier.toUpperCase().replace(/-/g, '_');
        if (this.byId.has(wanted))
            return wanted;
        let best;
        let bestDistance = Math.max(2, Math.floor(wanted.length / 6));
        for (const id of this.byId.keys()) {
            if (Math.abs(id.length - wanted.length) > bestDistance)
                continue;
            const d = editDistance(wanted, id);
            if (d <= bestDistance) {
                best = id;
                bestDistance = d - 1;
            }
        }
        return best;
    }
    /** Preflight issues of the AWS-owned rules of a pack: unknown identifiers (errors) and parameters (warnings). */
    check(rules) {
        const issues = [];
        for (const rule of rules) {
            if (rule.source.owner !== 'AWS' || rule.source.identifier === undefined)
                continue;
            const id = rule.source.identifier;
            const info = this.byId.get(id);
            if (info === undefined) {
                const hint = this.suggest(id);
                issues.push({
                    severity: 'error',
                    rule: rule.name,
                    position: rule.position,
                    message: `rule ${rule.name}: ${id} is not a known AWS managed rule identifier${hint ? ` (did you mean ${hint}?)` : ''}`
                });
                continue;
            }
            for (const key of Object.keys(rule.inputParameters)) {
                if (info.parameters.includes(key))
                    continue;
                const sameIgnoringCase = info.parameters.find(p => p.toLowerCase() === key.toLowerCase());
                const known = info.parameters.length > 0 ? info.parameters.join(', ') : 'none';
                issues.push({
                    severity: 'warning',
                    rule: rule.name,
                    position: rule.inputParameterPositions[key] ?? rule.position,
                    message: `rule ${rule.name}: input parameter ${key} is not among the parameters seen for ${id} (${known})` +
                        (sameIgnoringCase ? `; parameter names are case-sensitive: did you mean ${sameIgnoringCase}?` : '')
                });
            }
        }
        return issues;
    }
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[b.length];
}
let catalog;
/** The bundled catalog (read once). */
function managedRuleCatalog() {
    catalog ??= new ManagedRuleCatalog(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(new URL(/* asset import */ __webpack_require__(9638), __webpack_require__.b), 'utf8')));
    return catalog;
}
function isKnownManagedRule(identifier) {
    return managedRuleCatalog().get(identifier) !== undefined;
}
/** Parameter keys observed for a managed rule; undefined when the identifier is unknown. */
function knownParameters(identifier) {
    return managedRuleCatalog().get(identifier)?.parameters;
}
/** Resource types observed in the scopes of a managed rule; undefined when the identifier is unknown. */
function knownResourceTypes(identifier) {
    return managedRuleCatalog().get(identifier)?.resourceTypes;
}
/** Preflight check of a pack's rules against the bundled catalog. */
function checkManagedRules(rules) {
    return managedRuleCatalog().check(rules);
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


/***/ }),

/***/ 2571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mergePreDeploy: () => (/* binding */ mergePreDeploy),
/* harmony export */   z: () => (/* binding */ evaluateTemplates)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7101);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7023);
/* harmony import */ var _locate_source_map_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2882);
/* harmony import */ var _conformance_managed_rules_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4030);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3008);
/* harmony import */ var _util_concurrency_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3731);
/**
 * Pre-deploy evaluation: the resources of CloudFormation templates are judged by AWS Config proactive evaluation
 * (StartResourceEvaluation, EvaluationMode PROACTIVE) before anything is deployed, with the same rules that judge the
 * live account. Rules that cannot judge a resource before deploy are reported as such, never passed.
 */







/** The resource types a rule applies to: its scope, else the types AWS's packs use it for. */
function ruleTypes(rule) {
    return rule.scope?.complianceResourceTypes?.length
        ? rule.scope.complianceResourceTypes
        : ((0,_conformance_managed_rules_js__WEBPACK_IMPORTED_MODULE_3__/* .knownResourceTypes */ .Dr)(rule.identifier) ?? []);
}
/** Rules deployed in PROACTIVE mode, as AWS reports them (25 names a call). */
async function proactiveRules(config, names) {
    const out = new Set();
    for (const batch of (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .chunk */ .i)(names, 25)) {
        let res;
        try {
            res = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_6__.DescribeConfigRulesCommand({ ConfigRuleNames: batch }));
        }
        catch (err) {
            if ((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_4__/* .awsErrorCode */ .J6)(err) !== 'NoSuchConfigRuleException')
                throw err;
            // One unknown name fails the whole call: halve the batch to find it; a single unknown rule is not proactive.
            if (batch.length > 1) {
                for (const n of await proactiveRules(config, batch.slice(0, Math.ceil(batch.length / 2))))
                    out.add(n);
                for (const n of await proactiveRules(config, batch.slice(Math.ceil(batch.length / 2))))
                    out.add(n);
            }
            continue;
        }
        for (const r of res.ConfigRules ?? []) {
            if (r.ConfigRuleName && (r.EvaluationModes ?? []).some(m => m.Mode === 'PROACTIVE'))
                out.add(r.ConfigRuleName);
        }
    }
    return out;
}
/**
 * Properties as AWS Config would see them once deployed, as far as the template alone tells: a `Ref` to another
 * resource of the same template becomes that resource's literal physical name (CloudFormation's Ref of a bucket is
 * its name). Other intrinsics stay as written; AWS Config then fails that evaluation and says so.
 */
function resolveLocalRefs(value, names) {
    if (Array.isArray(value))
        return value.map(v => resolveLocalRefs(v, names));
    if (value && typeof value === 'object') {
        const entries = Object.entries(value);
        const only = entries.length === 1 ? entries[0] : undefined;
        if (only && only[0] === 'Ref' && typeof only[1] === 'string' && names.has(only[1]))
            return names.get(only[1]);
        return Object.fromEntries(entries.map(([k, v]) => [k, resolveLocalRefs(v, names)]));
    }
    return value;
}
function locate(resource, rule) {
    const path = (0,_locate_source_map_js__WEBPACK_IMPORTED_MODULE_2__/* .propertyPathFor */ .KF)(rule.identifier, resource.type);
    const property = path ? resource.propertyPosition(path) : undefined;
    const p = property ?? resource.position;
    return { file: resource.file, line: p.line, col: p.col, kind: property ? 'property' : 'resource' };
}
async function evaluateTemplates(deps, index, rules, options) {
    const { config, clock, logger } = deps;
    const resources = index.templates
        .filter(t => options.files === 'all' || options.files.has(t.file))
        .flatMap(t => t.resources);
    const result = { evaluated: 0, findings: [], notJudged: [], failed: [] };
    if (resources.length === 0) {
        logger.info('Pre-deploy: no template resources to evaluate.');
        return result;
    }
    const types = new Set(resources.map(r => r.type));
    const relevant = rules.filter(r => ruleTypes(r).some(t => types.has(t)));
    const proactive = await proactiveRules(config, relevant.map(r => r.name));
    for (const r of relevant) {
        if (!proactive.has(r.name)) {
            result.notJudged.push({
                ruleName: r.name,
                reason: `not deployed in PROACTIVE evaluation mode (${r.identifier}); its resources are judged only after deploy`
            });
        }
    }
    const byName = new Map(relevant.filter(r => proactive.has(r.name)).map(r => [r.name, r]));
    const targets = resources.filter(res => [...byName.values()].some(r => ruleTypes(r).includes(res.type)));
    const deadline = clock.now().getTime() + (options.timeoutSeconds ?? 300) * 1000;
    const physicalNames = new Map();
    for (const t of index.templates) {
        physicalNames.set(t.file, new Map(t.resources.filter(r => r.physicalName !== undefined).map(r => [r.logicalId, r.physicalName])));
    }
    // A resource AWS Config could not judge is an error in the gate (never skipped): a call that failed for it, an
    // evaluation that FAILED (e.g. an intrinsic the template alone cannot resolve) or did not finish in time.
    const unevaluated = (res, reason) => {
        result.failed.push({
            template: res.file,
            file: res.file,
            line: res.position.line,
            logicalId: res.logicalId,
            reason
        });
    };
    // The AwsCallError's message names the operation, the code and the request id already.
    const callFailed = (err) => (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_4__/* .awsCallErrorOf */ .vt)(err).message;
    await (0,_util_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .mapLimit */ .s)(targets, options.concurrency ?? 4, async (res) => {
        const configuration = JSON.stringify(resolveLocalRefs(res.properties ?? {}, physicalNames.get(res.file) ?? new Map()));
        let id;
        try {
            const started = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_6__.StartResourceEvaluationCommand({
                ResourceDetails: {
                    ResourceId: res.logicalId,
                    ResourceType: res.type,
                    ResourceConfiguration: configuration,
                    ResourceConfigurationSchemaType: 'CFN_RESOURCE_SCHEMA'
                },
                EvaluationMode: 'PROACTIVE',
                EvaluationTimeout: options.timeoutSeconds ?? 300,
                ClientToken: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
                    .update(`${res.file}\u0000${res.logicalId}\u0000${configuration}`)
                    .digest('hex')
                    .slice(0, 64)
            }));
            id = started.ResourceEvaluationId ?? '';
        }
        catch (err) {
            unevaluated(res, callFailed(err));
            return;
        }
        result.evaluated += 1;
        let interval = 500;
        for (;;) {
            let status;
            let reason;
            try {
                const summary = await config.send(new _aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_6__.GetResourceEvaluationSummaryCommand({ ResourceEvaluationId: id }));
                status = summary.EvaluationStatus?.Status;
                reason = summary.EvaluationStatus?.FailureReason;
            }
            catch (err) {
                unevaluated(res, callFailed(err));
                return;
            }
            if (status === 'SUCCEEDED')
                break;
            if (status === 'FAILED' || clock.now().getTime() + interval > deadline) {
                unevaluated(res, status === 'FAILED'
                    ? `evaluation failed: ${reason ?? 'no reason given'}`
                    : `evaluation did not finish within ${options.timeoutSeconds ?? 300}s`);
                return;
            }
            await clock.sleep(interval);
            interval = Math.min(interval * 2, 5000);
        }
        const found = [];
        try {
            for await (const page of (0,_aws_sdk_client_config_service__WEBPACK_IMPORTED_MODULE_6__.paginateGetComplianceDetailsByResource)({ client: config }, { ResourceEvaluationId: id })) {
                for (const e of page.EvaluationResults ?? []) {
                    const ruleName = e.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName ?? '';
                    const rule = byName.get(ruleName);
                    if (!rule || e.ComplianceType !== 'NON_COMPLIANT')
                        continue;
                    const resourceId = `${res.file}#${res.logicalId}`;
                    const finding = {
                        ruleName,
                        resourceType: res.type,
                        resourceId,
                        location: locate(res, rule),
                        template: res.file,
                        logicalId: res.logicalId,
                        ...(res.physicalName !== undefined ? { physicalName: res.physicalName } : {}),
                        annotation: `before deploy: ${e.Annotation ?? `${res.logicalId} would not comply with ${ruleName}`}`
                    };
                    found.push(finding);
                }
            }
        }
        catch (err) {
            unevaluated(res, callFailed(err));
            return;
        }
        result.findings.push(...found);
    });
    result.findings.sort((a, b) => a.template.localeCompare(b.template) || a.location.line - b.location.line);
    result.failed.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    logger.info(`Pre-deploy: ${result.evaluated} template resource(s) evaluated, ${result.findings.length} would be non-compliant, ${result.failed.length} could not be evaluated, ${result.notJudged.length} rule(s) cannot judge before deploy.`);
    for (const f of result.failed)
        logger.warn(`Could not evaluate ${f.file}:${f.line} ${f.logicalId} before deploy: ${f.reason}`);
    return result;
}
/**
 * Adds pre-deploy findings to their rules (a rule with only pre-deploy findings becomes non-compliant). A resource
 * that is already deployed and already found non-compliant by the same rule (by its physical name) is not added
 * twice. Returns the findings actually added.
 */
function mergePreDeploy(result, pre, sections) {
    const rules = result.rules.map(r => ({ ...r, findings: [...r.findings] }));
    const where = { accountId: result.accountId, region: result.region };
    // Rules of the run's own account and region only: a multi-account result holds the same rule name once per
    // account-region.
    const byName = new Map(rules.filter(r => r.accountId === where.accountId && r.region === where.region).map(r => [r.ruleName, r]));
    const added = [];
    for (const f of pre.findings) {
        const { location: _l, template: _t, logicalId: _i, physicalName, ...rest } = f;
        const fp = (0,_compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .R)(where.accountId, where.region, f.ruleName, f.resourceType, f.resourceId);
        const finding = { ...where, ...rest, fingerprint: fp };
        const live = byName
            .get(f.ruleName)
            ?.findings.some(x => physicalName !== undefined && x.resourceType === f.resourceType && x.resourceId === physicalName);
        if (live)
            continue;
        added.push({ ...f, fingerprint: fp });
        let rule = byName.get(f.ruleName);
        if (!rule) {
            rule = {
                ...where,
                ruleName: f.ruleName,
                status: 'noncompliant',
                complianceType: 'NON_COMPLIANT',
                findings: [],
                hipaaSections: sections(f.ruleName)
            };
            rules.push(rule);
            byName.set(f.ruleName, rule);
        }
        if (rule.status === 'compliant')
            rule.status = 'noncompliant';
        rule.complianceType = 'NON_COMPLIANT';
        rule.findings.push(finding);
    }
    return { result: added.length === 0 ? result : { ...result, rules }, added };
}


/***/ }),

/***/ 9905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPreDeploy: () => (/* binding */ runPreDeploy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2571);


async function runPreDeploy(config, templates, rules, options, deps) {
    if (options.mode === 'off')
        return undefined;
    if (!rules) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('pre-deploy', `Input 'pre-deploy' needs a manifest (config) whose rules judge the templates.`);
    }
    if (options.mode === 'changed' && templates.prNumber === undefined) {
        deps.logger.info("pre-deploy: changed outside a pull request: no changed templates to evaluate (use 'all').");
    }
    // Fail closed: when the pull request's files are not known, every template is evaluated, never none.
    let note;
    if (options.mode === 'changed' && templates.prNumber !== undefined && templates.changedFilesUnknown) {
        note =
            `pre-deploy: changed evaluated every template: the files of the pull request could not be listed ` +
                `(${templates.changedFilesUnknown}).`;
        deps.logger.warn(note);
    }
    const evaluated = await deps.logger.group('Pre-deploy evaluation', async () => (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateTemplates */ .z)({ config: await config(), clock: deps.clock, logger: deps.logger }, templates.index, rules, {
        files: options.mode === 'all' || note !== undefined ? 'all' : templates.changedFiles
    }));
    return note !== undefined ? { ...evaluated, note } : evaluated;
}


/***/ }),

/***/ 3731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ chunk),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Runs fn over items with at most `limit` in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/** Splits items into chunks of at most size. */
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}


/***/ }),

/***/ 9638:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "a90859c629fb8866493b.json";

/***/ })

};

//# sourceMappingURL=905.index.js.map