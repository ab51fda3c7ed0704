export const id = 228;
export const ids = [228,882];
export const modules = {

/***/ 6228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ compareWithBaseline),
/* harmony export */   knownFingerprints: () => (/* binding */ knownFingerprints)
/* harmony export */ });
/* harmony import */ var _compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7023);
/* harmony import */ var _locate_source_map_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2882);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7663);
/**
 * Baseline comparison for pull requests: an earlier run's findings (baseline/load.ts) split the current findings
 * into new and existing ones and list what was fixed since. Pure.
 *
 * Matching is by fingerprint. A schemaVersion 2 baseline: account + region + rule + resource type + resource id. A
 * schemaVersion 1 baseline (written before reports named accounts) knows one account and region: its findings are
 * matched by rule + resource type + resource id against this run's findings of the run's own account and region only;
 * findings of every other account and region are new against it, and its fixed findings are reported in the run's own
 * account and region.
 */



const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byResource = (a, b) => cmp(a.accountId, b.accountId) ||
    cmp(a.region, b.region) ||
    cmp(a.ruleName, b.ruleName) ||
    cmp(a.resourceType, b.resourceType) ||
    cmp(a.resourceId, b.resourceId);
/**
 * Splits the current findings by the baseline: counted findings are new or existing; waived ones are neither.
 * A baseline finding absent now is fixed when its rule was checked now, unknown when the rule errored or is gone.
 */
function compareWithBaseline(result, baseline) {
    const v1 = baseline.schemaVersion === 1;
    const own = (x) => x.accountId === result.accountId && x.region === result.region;
    // The key a current finding or rule has in the baseline; undefined: the baseline cannot know it (v1, other account).
    const findingKey = (f) => !v1 ? (0,_locate_source_map_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprintOf */ .ax)(f) : own(f) ? (0,_compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprintV1 */ .m)(f.ruleName, f.resourceType, f.resourceId) : undefined;
    const current = new Set();
    const checked = new Set();
    const fresh = [];
    const existing = [];
    let waived = 0;
    for (const rule of result.rules) {
        if (rule.status !== 'error' && (!v1 || own(rule))) {
            checked.add(v1 ? rule.ruleName : (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .ruleKey */ .ep)(rule.accountId, rule.region, rule.ruleName));
        }
        for (const f of rule.findings) {
            const k = findingKey(f);
            if (k !== undefined)
                current.add(k);
            if (f.waiver !== undefined)
                waived++;
            else if (k !== undefined && baseline.findings.has(k))
                existing.push(f);
            else
                fresh.push(f);
        }
    }
    const fixed = [];
    const unknown = [];
    for (const b of baseline.findings.values()) {
        if (current.has(b.fingerprint))
            continue;
        // A v1 entry has no account or region: it is the run's own.
        const accountId = b.accountId ?? result.accountId;
        const region = b.region ?? result.region;
        const entry = {
            accountId,
            region,
            ruleName: b.ruleName,
            resourceType: b.resourceType,
            resourceId: b.resourceId,
            fingerprint: v1 ? (0,_compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)(accountId, region, b.ruleName, b.resourceType, b.resourceId) : b.fingerprint
        };
        (checked.has(v1 ? b.ruleName : (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .ruleKey */ .ep)(accountId, region, b.ruleName)) ? fixed : unknown).push(entry);
    }
    const warnings = [];
    if (v1 && result.rules.some(r => !own(r))) {
        warnings.push(`the baseline is a schemaVersion 1 report (one account and region): it is compared with ${result.accountId}/${result.region} only, findings of other accounts and regions are new`);
    }
    if (baseline.accountId !== result.accountId) {
        warnings.push(`the baseline is from account ${baseline.accountId}, this run checked ${result.accountId}`);
    }
    if (baseline.region !== result.region) {
        warnings.push(`the baseline is from region ${baseline.region}, this run checked ${result.region}`);
    }
    return {
        new: fresh.sort(byResource),
        existing: existing.sort(byResource),
        fixed: fixed.sort(byResource),
        waived,
        unknown: unknown.sort(byResource),
        warnings,
        baseline: { file: baseline.file, generatedAt: baseline.generatedAt, sha: baseline.sha }
    };
}
/** Fingerprints the baseline already knew (existing and fixed findings): not new in this pull request. */
function knownFingerprints(comparison) {
    return new Set([...comparison.existing.map(f => f.fingerprint), ...comparison.fixed.map(f => f.fingerprint)]);
}


/***/ }),

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ep: () => (/* binding */ ruleKey),
/* harmony export */   oU: () => (/* binding */ loadBaseline)
/* harmony export */ });
/* unused harmony exports readableSchemaVersion, readableSchemaVersions, parseBaseline */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Reads a baseline: an earlier run's JSON report (compliance-report.json), validated against the report's schema.
 * parseBaseline is pure; loadBaseline is the thin file edge. Errors name the file, line and column.
 */





const MAX_SCHEMA_ERRORS = 20;
const SCHEMA_FILES = ['compliance-report.schema.json', 'compliance-report.v1.schema.json'];
const schemas = new Map();
function reportSchemas() {
    if (schemas.size === 0) {
        for (const f of SCHEMA_FILES) {
            const schema = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(new URL(`../report/${f}`, import.meta.url), 'utf8'));
            schemas.set(schema.properties.schemaVersion.const, { schema });
        }
    }
    return schemas;
}
/** The report schemaVersion this version writes and reads (the current schema's `schemaVersion.const`). */
function readableSchemaVersion() {
    return [...reportSchemas().keys()][0];
}
/** Every report schemaVersion this version reads as a baseline, newest first. */
function readableSchemaVersions() {
    return [...reportSchemas().keys()];
}
function validateReport(version) {
    const entry = reportSchemas().get(version);
    entry.validate ??= new ajv__WEBPACK_IMPORTED_MODULE_4__.Ajv({ allErrors: true, strict: false }).compile(entry.schema);
    return entry.validate;
}
/** The key of a rule result in Baseline.rules: account, region and rule name (v1 entries: the rule name alone). */
function ruleKey(accountId, region, ruleName) {
    return accountId === undefined || region === undefined ? ruleName : `${accountId}\u0000${region}\u0000${ruleName}`;
}
/** Positions in the report text, computed only when something is wrong. */
class Positions {
    file;
    lines = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    doc;
    constructor(file, text) {
        this.file = file;
        this.doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter: this.lines, prettyErrors: false });
    }
    at(offset) {
        return this.lines.linePos(offset);
    }
    /** Position of the first syntax error, if any. */
    syntaxError() {
        const err = this.doc.errors[0];
        return err === undefined ? undefined : this.at(err.pos[0]);
    }
    /** Position of the deepest node on a JSON pointer path that exists. */
    of(pointer) {
        const path = pointer
            .split('/')
            .slice(1)
            .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map(s => (/^\d+$/.test(s) ? Number(s) : s));
        for (let depth = path.length; depth > 0; depth--) {
            const node = this.doc.getIn(path.slice(0, depth), true);
            if (node?.range)
                return this.at(node.range[0]);
        }
        const root = this.doc.contents;
        return root?.range ? this.at(root.range[0]) : { line: 1, col: 1 };
    }
    error(pointer, detail) {
        const { line, col } = this.of(pointer);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceError */ .c8(this.file, line, col, detail);
    }
}
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, col: offset - before.lastIndexOf('\n') };
}
function schemaMessage(e) {
    const where = e.instancePath === '' ? 'the report' : e.instancePath;
    if (e.keyword === 'additionalProperties') {
        return `${where}: unexpected property ${JSON.stringify(e.params.additionalProperty)}`;
    }
    return `${where}: ${e.message ?? 'is invalid'}`;
}
const NOT_A_REPORT = 'not a compliance-gate JSON report: expected the compliance-report.json an earlier run wrote (report-dir)';
/**
 * Reads a baseline from the text of a JSON report. Errors name the file, line and column: not JSON, not a
 * report, a schemaVersion this version does not read, or a report that does not match its schema.
 */
function parseBaseline(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        // JSON.parse names the offset ("at position N"); the YAML reader's first error is the fallback.
        const offset = /at position (\d+)/.exec(err.message)?.[1];
        const pos = offset !== undefined
            ? lineAndColumn(text, Number(offset))
            : (new Positions(file, text).syntaxError() ?? { line: 1, col: 1 });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceError */ .c8(file, pos.line, pos.col, `${NOT_A_REPORT}; it is not valid JSON (${err.message})`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceError */ .c8(file, 1, 1, `${NOT_A_REPORT}; it has no schemaVersion`);
    }
    const version = data.schemaVersion;
    const readable = readableSchemaVersions();
    if (typeof version !== 'number' || !readable.includes(version)) {
        throw new Positions(file, text).error('/schemaVersion', `schemaVersion ${JSON.stringify(version)} is not supported: this version of compliance-gate reads report schemaVersion ${[...readable].sort().join(' or ')}`);
    }
    const validate = validateReport(version);
    if (!validate(data)) {
        const positions = new Positions(file, text);
        const all = validate.errors ?? [];
        const errors = all.slice(0, MAX_SCHEMA_ERRORS).map(e => positions.error(e.instancePath, schemaMessage(e)));
        if (all.length > MAX_SCHEMA_ERRORS) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceError */ .c8(file, 1, 1, `${all.length - MAX_SCHEMA_ERRORS} more problems not listed`));
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceErrors */ .VH(errors);
    }
    const report = data;
    const rules = new Map();
    const findings = new Map();
    for (const rule of report.rules) {
        rules.set(ruleKey(rule.accountId, rule.region, rule.name), rule.status);
        for (const f of rule.findings) {
            const entry = {
                ruleName: rule.name,
                resourceType: f.resourceType,
                resourceId: f.resourceId,
                fingerprint: f.fingerprint,
                waived: f.waived
            };
            if (f.accountId !== undefined)
                entry.accountId = f.accountId;
            if (f.region !== undefined)
                entry.region = f.region;
            findings.set(f.fingerprint, entry);
        }
    }
    return {
        file,
        schemaVersion: report.schemaVersion,
        generatedAt: report.generatedAt,
        accountId: report.run.accountId,
        region: report.run.region,
        sha: report.run.sha,
        rules,
        findings
    };
}
/** Reads a baseline report file. A file that cannot be read is an InputError naming `input` (default `baseline`). */
async function loadBaseline(file, opts = {}) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (err) {
        const input = opts.input ?? 'baseline';
        const code = err.code;
        const why = code === 'ENOENT' ? 'the file does not exist' : err.message;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `${input}: cannot read the baseline report ${file}: ${why}`);
    }
    return parseBaseline(text, file);
}


/***/ }),

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

//# sourceMappingURL=228.index.js.map