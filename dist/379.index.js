export const id = 379;
export const ids = [379];
export const modules = {

/***/ 7023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** Stable id of a finding: the same rule, resource type and id always give the same fingerprint. */
function fingerprint(ruleName, resourceType, resourceId) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${ruleName}\u0000${resourceType}\u0000${resourceId}`).digest('hex').slice(0, 32);
}


/***/ }),

/***/ 13:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ ruleLocator),
/* harmony export */   HK: () => (/* binding */ mapFindings),
/* harmony export */   KF: () => (/* binding */ propertyPathFor),
/* harmony export */   NP: () => (/* binding */ normalizeRepoPath),
/* harmony export */   Ou: () => (/* binding */ logicalIdKey),
/* harmony export */   ax: () => (/* binding */ fingerprintOf)
/* harmony export */ });
/* unused harmony exports RULE_PROPERTIES, findResource, locateFinding, LEVEL_SEVERITY, changedFirst */
/* harmony import */ var _templates_physical_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6991);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7023);


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
    const types = (0,_templates_physical_names_js__WEBPACK_IMPORTED_MODULE_0__/* .templateTypesFor */ .D4)(finding.resourceType);
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
    return f.fingerprint !== '' ? f.fingerprint : (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .R)(f.ruleName, f.resourceType, f.resourceId);
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
        return loc === undefined ? undefined : { file: loc.file, line: loc.line, column: loc.col };
    };
}


/***/ }),

/***/ 2533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f_: () => (/* binding */ entry),
/* harmony export */   mg: () => (/* binding */ readSourceTree),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   uL: () => (/* binding */ ErrorSink)
/* harmony export */ });
/* unused harmony export positionAt */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * Reads a CloudFormation-style document (YAML 1.1 as CloudFormation accepts it, or JSON) into a small tree that keeps
 * the position of every node. Short-form intrinsic tags (!Ref, !If, !Sub, ...) become their long forms
 * ({ Ref: ... }, { 'Fn::If': [...] }), so the rest of the phase sees one form only.
 */


/** Collects problems so all of them are reported at once. */
class ErrorSink {
    errors = [];
    add(pos, detail) {
        this.errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceError */ .c8(pos.file, pos.line, pos.col, detail));
    }
    get count() {
        return this.errors.length;
    }
    /** Throws SourceErrors (sorted by position) when anything was collected. */
    throwIfAny() {
        if (this.errors.length > 0)
            this.throwAll();
    }
    /** Throws SourceErrors with everything collected (sorted by position). */
    throwAll() {
        const sorted = [...this.errors].sort((a, b) => a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceErrors */ .VH(sorted);
    }
}
/** Short-form tags and the long form each stands for. */
const SHORT_FORMS = {
    Ref: 'Ref',
    Condition: 'Condition',
    And: 'Fn::And',
    Base64: 'Fn::Base64',
    Cidr: 'Fn::Cidr',
    Equals: 'Fn::Equals',
    FindInMap: 'Fn::FindInMap',
    GetAtt: 'Fn::GetAtt',
    GetAZs: 'Fn::GetAZs',
    If: 'Fn::If',
    ImportValue: 'Fn::ImportValue',
    Join: 'Fn::Join',
    Length: 'Fn::Length',
    Not: 'Fn::Not',
    Or: 'Fn::Or',
    Select: 'Fn::Select',
    Split: 'Fn::Split',
    Sub: 'Fn::Sub',
    ToJsonString: 'Fn::ToJsonString',
    Transform: 'Fn::Transform'
};
/** The tags are registered so the parser accepts them; the node is kept as is and converted below. */
const CUSTOM_TAGS = Object.keys(SHORT_FORMS).flatMap(name => [
    { tag: `!${name}`, resolve: (value) => value },
    { tag: `!${name}`, collection: 'seq', resolve: (value) => value },
    { tag: `!${name}`, collection: 'map', resolve: (value) => value }
]);
function positionAt(file, lineCounter, offset) {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
}
/**
 * Parses text into a PNode tree. YAML syntax errors, unknown tags, anchors/aliases used as keys and the like are
 * reported to the sink; the result is undefined when the document cannot be read at all.
 */
function readSourceTree(text, file, sink) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, {
        lineCounter,
        customTags: CUSTOM_TAGS,
        // CloudFormation documents YAML 1.1 for templates.
        version: '1.1',
        prettyErrors: false,
        uniqueKeys: true
    });
    const at = (offset) => positionAt(file, lineCounter, offset);
    for (const err of doc.errors) {
        sink.add(at(err.pos[0]), `invalid YAML/JSON: ${firstLine(err.message)}`);
    }
    for (const warning of doc.warnings) {
        if (warning.code === 'TAG_RESOLVE_FAILED') {
            const tag = /tag: (\S+)/.exec(warning.message)?.[1] ?? 'tag';
            sink.add(at(warning.pos[0]), `unknown tag ${tag}: not an intrinsic function CloudFormation knows (${Object.keys(SHORT_FORMS)
                .map(n => `!${n}`)
                .join(', ')})`);
        }
        else {
            sink.add(at(warning.pos[0]), `invalid YAML/JSON: ${firstLine(warning.message)}`);
        }
    }
    if (doc.errors.length > 0)
        return undefined;
    if (doc.contents === null) {
        sink.add(at(0), 'the document is empty');
        return undefined;
    }
    return convert(doc.contents, at, sink);
}
function firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}
function convert(node, at, sink) {
    const pos = at(node.range?.[0] ?? 0);
    const inner = convertUntagged(node, pos, at, sink);
    const tag = node.tag;
    if (tag?.startsWith('!') && !tag.startsWith('!!')) {
        const name = tag.slice(1);
        const longForm = SHORT_FORMS[name];
        if (longForm === undefined)
            return inner; // already reported as an unknown tag
        let arg = inner;
        if (name === 'GetAtt' && inner.kind === 'scalar' && typeof inner.value === 'string') {
            // !GetAtt Resource.Attribute is the same as Fn::GetAtt: [Resource, Attribute]
            const dot = inner.value.indexOf('.');
            const parts = dot < 0 ? [inner.value] : [inner.value.slice(0, dot), inner.value.slice(dot + 1)];
            arg = { kind: 'seq', pos, items: parts.map(p => ({ kind: 'scalar', value: p, text: p, pos })) };
        }
        return { kind: 'map', pos, entries: [{ key: longForm, keyPos: pos, value: arg }] };
    }
    return inner;
}
function convertUntagged(node, pos, at, sink) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
        sink.add(pos, 'YAML aliases (*name) are not supported in a conformance pack template');
        // Kept as its text so the problem is reported once, not again by whatever expected a value here.
        return { kind: 'scalar', value: `*${node.source}`, text: `*${node.source}`, pos };
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
        const v = node.value;
        if (v === null || v === undefined)
            return { kind: 'scalar', value: null, text: '', pos };
        if (typeof v === 'string' || typeof v === 'boolean') {
            return { kind: 'scalar', value: v, text: typeof v === 'string' ? v : String(v), pos };
        }
        if (typeof v === 'number' || typeof v === 'bigint') {
            const text = node.source !== undefined && /^[-+]?[0-9.]/.test(node.source) ? node.source : String(v);
            return { kind: 'scalar', value: Number(v), text, pos };
        }
        if (v instanceof Date && node.source !== undefined) {
            // YAML 1.1 timestamps (e.g. an unquoted AWSTemplateFormatVersion: 2010-09-09) stay as written.
            return { kind: 'scalar', value: node.source, text: node.source, pos };
        }
        sink.add(pos, `unsupported scalar value (${typeof v}); write it as a string`);
        return { kind: 'scalar', value: null, text: '', pos };
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        return { kind: 'seq', pos, items: node.items.map(item => convertItem(item, pos, at, sink)) };
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const entries = [];
        for (const pair of node.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair))
                continue;
            const keyNode = pair.key;
            const keyPos = keyNode?.range ? at(keyNode.range[0]) : pos;
            const key = keyText(keyNode);
            if (key === undefined) {
                sink.add(keyPos, 'map keys must be plain strings');
                continue;
            }
            const valueNode = pair.value;
            let value = valueNode === null ? { kind: 'scalar', value: null, text: '', pos: keyPos } : convert(valueNode, at, sink);
            // "Key:" with nothing after it: point at the key rather than at the end of the line.
            if (value.kind === 'scalar' && value.value === null && !value.text)
                value = { ...value, pos: keyPos };
            entries.push({ key, keyPos, value });
        }
        return { kind: 'map', pos, entries };
    }
    sink.add(pos, 'unsupported YAML node');
    return { kind: 'scalar', value: null, text: '', pos };
}
function convertItem(item, pos, at, sink) {
    if (item === null || item === undefined)
        return { kind: 'scalar', value: null, text: '', pos };
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item)) {
        // "- key: value" inside a flow sequence parses as a pair: treat it as a one-entry map
        const keyNode = item.key;
        const keyPos = keyNode.range ? at(keyNode.range[0]) : pos;
        const value = item.value === null
            ? { kind: 'scalar', value: null, text: '', pos: keyPos }
            : convert(item.value, at, sink);
        return {
            kind: 'map',
            pos: keyPos,
            entries: [{ key: keyText(keyNode) ?? '', keyPos, value }]
        };
    }
    return convert(item, at, sink);
}
function keyText(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return undefined;
    const v = node.value;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
        return node.source ?? String(v);
    return undefined;
}
/** Looks up a map entry by key. */
function entry(map, key) {
    return map.entries.find(e => e.key === key);
}
/** A short description of a node's kind, for messages. */
function describe(node) {
    if (node.kind === 'scalar')
        return node.value === null ? 'an empty value' : `the ${typeof node.value} ${JSON.stringify(node.text)}`;
    return node.kind === 'seq' ? 'a list' : 'a map';
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ findingAnnotations),
/* harmony export */   KI: () => (/* binding */ emitAnnotations),
/* harmony export */   P: () => (/* binding */ buildAnnotations)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_ANNOTATIONS, sanitizeAnnotation */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7994);


const DEFAULT_MAX_ANNOTATIONS = 10;
const MAX_TITLE = 200;
const MAX_MESSAGE = 900;
const MAX_RESOURCE = 80;
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function sections(rule) {
    return rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
}
function noncompliantMessage(rule, shown) {
    const { counted, waived } = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(rule);
    const ids = rule.findings
        .filter(f => f.waiver === undefined)
        .sort((a, b) => byName(a.resourceType, b.resourceType) || byName(a.resourceId, b.resourceId))
        .slice(0, shown)
        .map(f => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(f.resourceId, MAX_RESOURCE));
    const more = counted > ids.length ? `, +${counted - ids.length} more` : '';
    const waivedText = waived > 0 ? ` (${waived} waived)` : '';
    return `${counted} non-compliant${sections(rule)}: ${ids.join(', ')}${more}${waivedText}`;
}
function errorMessage(rule) {
    const e = rule.error;
    if (e === undefined)
        return `AWS Config could not report compliance for this rule${sections(rule)}`;
    const req = e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : '';
    return `${e.operation} failed: ${e.code}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(e.message, 300)}${req}${sections(rule)}`;
}
function staleMessage(rule) {
    const when = rule.lastEvaluated ? `last evaluated ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTimePlain */ .nB)(rule.lastEvaluated)}` : 'never evaluated';
    const { counted } = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(rule);
    const found = counted > 0 ? `; ${counted} non-compliant at that evaluation` : '';
    return `Evaluation is stale: ${when}${found}${sections(rule)}`;
}
function insufficientMessage(rule) {
    return `AWS Config has insufficient data for this rule (no resources evaluated yet)${sections(rule)}`;
}
function clean(s, max) {
    return (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeForLog */ .F0)(s).trim(), max);
}
/** Makes an annotation safe: one line each, no workflow command, bounded length. */
function sanitizeAnnotation(a) {
    const out = { level: a.level, title: clean(a.title, MAX_TITLE), message: clean(a.message, MAX_MESSAGE) };
    if (a.file !== undefined && a.file !== '')
        out.file = clean(a.file, 500);
    if (a.startLine !== undefined && Number.isInteger(a.startLine) && a.startLine > 0)
        out.startLine = a.startLine;
    if (a.startColumn !== undefined &&
        Number.isInteger(a.startColumn) &&
        a.startColumn > 0 &&
        out.startLine !== undefined)
        out.startColumn = a.startColumn;
    return out;
}
/**
 * Annotations for a compliance result: rule errors and non-compliant rules first (errors when the gate
 * failed, warnings when it passed), worst first, one per rule; stale and insufficient-data rules as
 * warnings in the room left. When more rules qualify than fit, the last slot says how many more.
 */
function buildAnnotations(result, gate, opts = {}) {
    const max = Math.max(0, Math.floor(opts.max ?? DEFAULT_MAX_ANNOTATIONS));
    const shown = Math.max(0, opts.resourcesShown ?? 3);
    const failLevel = gate.result === 'fail' ? 'error' : 'warning';
    const primary = [];
    const secondary = [];
    for (const rule of (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .sortRulesWorstFirst */ .z0)(result.rules)) {
        if (rule.status === 'error') {
            primary.push({
                level: failLevel,
                rule,
                title: `AWS Config error: ${rule.ruleName}`,
                message: errorMessage(rule)
            });
        }
        else if (rule.status === 'noncompliant') {
            if ((0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(rule).counted === 0)
                continue; // every finding waived: listed in the summary, not annotated
            primary.push({
                level: failLevel,
                rule,
                title: `Non-compliant: ${rule.ruleName}`,
                message: noncompliantMessage(rule, shown)
            });
        }
        else if (rule.status === 'stale') {
            secondary.push({
                level: 'warning',
                rule,
                title: `Stale evaluation: ${rule.ruleName}`,
                message: staleMessage(rule)
            });
        }
        else if (rule.status === 'insufficient-data') {
            secondary.push({
                level: 'warning',
                rule,
                title: `Insufficient data: ${rule.ruleName}`,
                message: insufficientMessage(rule)
            });
        }
    }
    const picked = [];
    const toAnnotation = (c) => {
        const a = { level: c.level, title: c.title, message: c.message };
        const loc = opts.locate?.(c.rule.ruleName);
        if (loc !== undefined) {
            a.file = loc.file;
            if (loc.line !== undefined)
                a.startLine = loc.line;
            if (loc.column !== undefined)
                a.startColumn = loc.column;
        }
        return sanitizeAnnotation(a);
    };
    if (primary.length > max) {
        const keep = Math.max(0, max - 1);
        for (const c of primary.slice(0, keep))
            picked.push(toAnnotation(c));
        if (max > 0) {
            const rest = primary.slice(keep);
            const names = rest.slice(0, 5).map(c => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(c.rule.ruleName, MAX_RESOURCE));
            picked.push(sanitizeAnnotation({
                level: failLevel,
                title: `${rest.length} more rules need attention`,
                message: `${rest.length} more rules are non-compliant or failed: ${names.join(', ')}${rest.length > names.length ? ', ...' : ''}; see the job summary and the JSON report`
            }));
        }
        return picked;
    }
    for (const c of primary)
        picked.push(toAnnotation(c));
    for (const c of secondary.slice(0, max - picked.length))
        picked.push(toAnnotation(c));
    return picked;
}
/** Thin writer: one core.error/warning/notice call per annotation. */
function emitAnnotations(annotations, sink) {
    for (const raw of annotations) {
        const a = sanitizeAnnotation(raw);
        const props = { title: a.title };
        if (a.file !== undefined)
            props.file = a.file;
        if (a.startLine !== undefined)
            props.startLine = a.startLine;
        if (a.startColumn !== undefined)
            props.startColumn = a.startColumn;
        sink[a.level](a.message, props);
    }
}
/**
 * One annotation per counted finding, at the line that declares its resource (or the rule's line), for the Checks
 * API, which takes them all (in batches of 50). Rule errors and stale or insufficient-data rules follow as
 * warnings. Findings in files the pull request changed come first.
 */
function findingAnnotations(result, gate, locations, opts = {}) {
    const level = gate.result === 'fail' ? 'error' : 'warning';
    const changed = opts.changedFiles ?? new Set();
    const out = [];
    for (const rule of (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .sortRulesWorstFirst */ .z0)(result.rules)) {
        const sections = rule.hipaaSections?.length ? ` (HIPAA ${rule.hipaaSections.join(', ')})` : '';
        for (const f of rule.findings) {
            if (f.waiver !== undefined || rule.complianceType !== 'NON_COMPLIANT')
                continue;
            const loc = locations.get(f.fingerprint);
            const a = {
                level,
                title: `${rule.ruleName}: ${f.resourceType} ${f.resourceId}`,
                message: `${f.resourceType} ${f.resourceId} is non-compliant with ${rule.ruleName}${sections}${f.annotation ? `: ${f.annotation}` : ''}`
            };
            if (loc)
                Object.assign(a, { file: loc.file, startLine: loc.line, startColumn: loc.col });
            out.push({ a: sanitizeAnnotation(a), changed: loc !== undefined && changed.has(loc.file), rank: 0 });
        }
        const warn = (title, message) => {
            const a = { level: 'warning', title, message };
            const loc = opts.ruleLocation?.(rule.ruleName);
            if (loc)
                Object.assign(a, { file: loc.file, startLine: loc.line ?? 1 });
            out.push({ a: sanitizeAnnotation(a), changed: false, rank: 1 });
        };
        if (rule.status === 'error')
            warn(`AWS Config error: ${rule.ruleName}`, errorMessage(rule));
        else if (rule.status === 'stale')
            warn(`Stale evaluation: ${rule.ruleName}`, staleMessage(rule));
        else if (rule.status === 'insufficient-data')
            warn(`Insufficient data: ${rule.ruleName}`, insufficientMessage(rule));
    }
    // Stable: severity first, then findings in changed files, then the worst-first rule order.
    return out
        .map((x, i) => ({ ...x, i }))
        .sort((x, y) => x.rank - y.rank || Number(y.changed) - Number(x.changed) || x.i - y.i)
        .map(x => x.a);
}


/***/ }),

/***/ 2794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WI: () => (/* binding */ REPORT_SCHEMA_VERSION),
/* harmony export */   XY: () => (/* binding */ buildJsonReport)
/* harmony export */ });
/* harmony import */ var _compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7023);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7994);



const REPORT_SCHEMA_VERSION = 1;
/** Code-unit order: stable across locales and runtimes. */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function reportWaiver(w) {
    const out = { reason: w.reason, owner: w.owner, expires: w.expires };
    if (w.source !== undefined)
        out.source = w.source;
    return out;
}
function reportFinding(rule, f) {
    const out = {
        resourceType: f.resourceType,
        resourceId: f.resourceId,
        fingerprint: f.fingerprint !== '' ? f.fingerprint : (0,_compliance_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .R)(rule, f.resourceType, f.resourceId),
        waived: f.waiver !== undefined
    };
    if (f.annotation !== undefined)
        out.annotation = f.annotation;
    if (f.recordedTime !== undefined)
        out.recordedTime = f.recordedTime;
    if (f.waiver !== undefined)
        out.waiver = reportWaiver(f.waiver);
    if (f.remediation !== undefined)
        out.remediation = { ...f.remediation };
    return out;
}
function reportRule(r) {
    const { counted, waived } = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .countFindings */ .Gt)(r);
    const out = {
        name: r.ruleName,
        status: r.status,
        noncompliantCount: counted,
        waivedCount: waived,
        hipaaSections: [...(r.hipaaSections ?? [])],
        findings: r.findings
            .map(f => reportFinding(r.ruleName, f))
            .sort((a, b) => cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId))
    };
    if (r.complianceType !== undefined)
        out.complianceType = r.complianceType;
    if (r.lastEvaluated !== undefined)
        out.lastEvaluated = r.lastEvaluated;
    if (r.error !== undefined) {
        const e = { operation: r.error.operation, code: r.error.code, message: r.error.message };
        if (r.error.requestId !== undefined)
            e.requestId = r.error.requestId;
        out.error = e;
    }
    return out;
}
function reportGate(g) {
    const sorted = (xs) => [...xs].sort(cmp);
    return {
        result: g.result,
        reason: g.reason,
        noncompliantCount: g.noncompliantCount,
        noncompliantRules: sorted(g.noncompliantRules),
        waivedCount: g.waivedCount,
        staleRules: sorted(g.staleRules),
        insufficientDataRules: sorted(g.insufficientDataRules),
        errorRules: sorted(g.errorRules)
    };
}
/** Builds the JSON report. Pure: the same input always gives the same report. */
function buildJsonReport(input) {
    const { result, gate, run, generatedAt } = input;
    const rules = result.rules.map(reportRule).sort((a, b) => cmp(a.name, b.name));
    const byStatus = {
        error: 0,
        noncompliant: 0,
        stale: 0,
        'insufficient-data': 0,
        compliant: 0,
        'not-applicable': 0
    };
    let noncompliantResources = 0;
    let waivedResources = 0;
    for (const r of rules) {
        byStatus[r.status] += 1;
        noncompliantResources += r.noncompliantCount;
        waivedResources += r.waivedCount;
    }
    const reportRun = {
        repository: run.repository,
        runId: run.runId,
        runAttempt: run.runAttempt,
        workflow: run.workflow,
        eventName: run.eventName,
        actor: run.actor,
        sha: run.sha,
        ref: run.ref,
        serverUrl: run.serverUrl,
        accountId: result.accountId,
        region: result.region,
        checkedAt: result.checkedAt
    };
    const url = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrlOf */ .Qm)(run);
    if (url !== undefined)
        reportRun.runUrl = url;
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        generatedAt,
        run: reportRun,
        gate: reportGate(gate),
        totals: { rules: rules.length, byStatus, noncompliantResources, waivedResources },
        rules
    };
}


/***/ }),

/***/ 4379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareReview: () => (/* binding */ prepareReview),
  publishChecks: () => (/* binding */ publishChecks),
  repoPath: () => (/* binding */ repoPath),
  writeSarifReport: () => (/* binding */ writeSarifReport)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/compliance/source-map.ts
var source_map = __webpack_require__(13);
;// CONCATENATED MODULE: ./src/compliance/baseline.ts
/**
 * Baseline comparison for pull requests: an earlier run's JSON report (compliance-report.json) splits the
 * current findings into new and existing ones and lists what was fixed since. Matching is by fingerprint
 * (rule + resource type + resource id). Pure core; loadBaseline is the thin file edge.
 */









// ---------------------------------------------------------------------------------------------------
// Loading
const MAX_SCHEMA_ERRORS = 20;
let validator;
function validateReport() {
    validator ??= new ajv.Ajv({ allErrors: true, strict: false }).compile(JSON.parse((0,external_node_fs_.readFileSync)(new URL(/* asset import */ __webpack_require__(1778), __webpack_require__.b), 'utf8')));
    return validator;
}
/** Positions in the report text, computed only when something is wrong. */
class Positions {
    file;
    lines = new dist/* LineCounter */.HN();
    doc;
    constructor(file, text) {
        this.file = file;
        this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, prettyErrors: false });
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
        return new src_errors/* SourceError */.c8(this.file, line, col, detail);
    }
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
        const pos = new Positions(file, text).syntaxError() ?? { line: 1, col: 1 };
        throw new src_errors/* SourceError */.c8(file, pos.line, pos.col, `${NOT_A_REPORT}; it is not valid JSON (${err.message})`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('schemaVersion' in data)) {
        throw new src_errors/* SourceError */.c8(file, 1, 1, `${NOT_A_REPORT}; it has no schemaVersion`);
    }
    const version = data.schemaVersion;
    if (version !== json/* REPORT_SCHEMA_VERSION */.WI) {
        throw new Positions(file, text).error('/schemaVersion', `schemaVersion ${JSON.stringify(version)} is not supported: this version of compliance-gate reads report schemaVersion ${json/* REPORT_SCHEMA_VERSION */.WI}`);
    }
    const validate = validateReport();
    if (!validate(data)) {
        const positions = new Positions(file, text);
        const all = validate.errors ?? [];
        const errors = all.slice(0, MAX_SCHEMA_ERRORS).map(e => positions.error(e.instancePath, schemaMessage(e)));
        if (all.length > MAX_SCHEMA_ERRORS) {
            errors.push(new src_errors/* SourceError */.c8(file, 1, 1, `${all.length - MAX_SCHEMA_ERRORS} more problems not listed`));
        }
        throw new src_errors/* SourceErrors */.VH(errors);
    }
    const report = data;
    const rules = new Map();
    const findings = new Map();
    for (const rule of report.rules) {
        rules.set(rule.name, rule.status);
        for (const f of rule.findings) {
            findings.set(f.fingerprint, {
                ruleName: rule.name,
                resourceType: f.resourceType,
                resourceId: f.resourceId,
                fingerprint: f.fingerprint,
                waived: f.waived
            });
        }
    }
    return {
        file,
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
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        const input = opts.input ?? 'baseline';
        const code = err.code;
        const why = code === 'ENOENT' ? 'the file does not exist' : err.message;
        throw new src_errors/* InputError */.dz(input, `${input}: cannot read the baseline report ${file}: ${why}`);
    }
    return parseBaseline(text, file);
}
// ---------------------------------------------------------------------------------------------------
// Comparison
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byResource = (a, b) => cmp(a.ruleName, b.ruleName) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);
/**
 * Splits the current findings by the baseline: counted findings are new or existing; waived ones are neither.
 * A baseline finding absent now is fixed when its rule was checked now, unknown when the rule errored or is gone.
 */
function compareWithBaseline(result, baseline) {
    const current = new Set();
    const checked = new Set();
    const fresh = [];
    const existing = [];
    let waived = 0;
    for (const rule of result.rules) {
        if (rule.status !== 'error')
            checked.add(rule.ruleName);
        for (const f of rule.findings) {
            const fp = (0,source_map/* fingerprintOf */.ax)(f);
            current.add(fp);
            if (f.waiver !== undefined)
                waived++;
            else if (baseline.findings.has(fp))
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
        const entry = {
            ruleName: b.ruleName,
            resourceType: b.resourceType,
            resourceId: b.resourceId,
            fingerprint: b.fingerprint
        };
        (checked.has(b.ruleName) ? fixed : unknown).push(entry);
    }
    const warnings = [];
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
// ---------------------------------------------------------------------------------------------------
// Job summary section
/** Where the baseline section sits: right after the verdict; filled after the rule table. */
const BASELINE_SUMMARY = { id: 'baseline', order: 5, priority: 2 };
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
function resourceCells(f) {
    return [
        (0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* truncate */.xv)(f.ruleName, 128)),
        (0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* truncate */.xv)(f.resourceType, 80)),
        (0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* truncate */.xv)(f.resourceId, 256))
    ];
}
const FINDING_HEAD = [row(['Rule', 'Type', 'Resource', 'Annotation']), row(['---', '---', '---', '---'])].join('\n');
const FIXED_HEAD = [row(['Rule', 'Type', 'Resource']), row(['---', '---', '---'])].join('\n');
function findingRow(f) {
    return row([
        ...resourceCells(f),
        f.annotation !== undefined && f.annotation !== '' ? (0,report_escape/* escapeMarkdown */.FV)((0,report_escape/* truncate */.xv)(f.annotation, 256)) : '-'
    ]);
}
/** The job summary section of a comparison: new findings in a table, fixed and existing ones collapsed. */
function baselineSection(comparison, opts = {}) {
    const c = comparison;
    const sha = c.baseline.sha !== '' ? `, commit ${(0,report_escape/* escapeMarkdown */.FV)(c.baseline.sha.slice(0, 12))}` : '';
    const counts = [
        c.new.length > 0 ? `**${plural(c.new.length, 'new non-compliant resource')}**` : 'no new non-compliant resources',
        `${c.existing.length} existing`,
        `${c.fixed.length} fixed`
    ];
    if (c.waived > 0)
        counts.push(`${c.waived} waived (not counted)`);
    if (c.unknown.length > 0)
        counts.push(`${c.unknown.length} not re-checked (rule errored or removed)`);
    const blocks = [
        { kind: 'text', text: '### Compared with the baseline', required: true },
        {
            kind: 'text',
            text: `${counts.join(' · ')}  \nBaseline ${(0,report_escape/* codeSpan */.SS)(c.baseline.file)} generated ${(0,summary/* formatTime */.fU)(c.baseline.generatedAt)}${sha}`,
            required: true
        }
    ];
    for (const w of c.warnings)
        blocks.push({ kind: 'text', text: `> ⚠️ ${(0,report_escape/* escapeMarkdown */.FV)(w)}`, required: true });
    if (c.new.length > 0) {
        blocks.push({
            kind: 'rows',
            head: ['', '#### New since the baseline', '', FINDING_HEAD].join('\n'),
            rowCount: c.new.length,
            row: i => findingRow(c.new[i])
        });
    }
    if (c.fixed.length > 0) {
        blocks.push({
            kind: 'rows',
            head: ['', `<details><summary>Fixed since the baseline (${c.fixed.length})</summary>`, '', FIXED_HEAD].join('\n'),
            rowCount: c.fixed.length,
            row: i => row(resourceCells(c.fixed[i])),
            tail: '\n</details>'
        });
    }
    if (c.existing.length > 0) {
        blocks.push({
            kind: 'rows',
            head: ['', `<details><summary>Already in the baseline (${c.existing.length})</summary>`, '', FINDING_HEAD].join('\n'),
            rowCount: c.existing.length,
            row: i => findingRow(c.existing[i]),
            tail: '\n</details>'
        });
    }
    return {
        id: BASELINE_SUMMARY.id,
        order: opts.order ?? BASELINE_SUMMARY.order,
        priority: opts.priority ?? BASELINE_SUMMARY.priority,
        blocks,
        omissionNote: n => `_${plural(n, 'baseline row')} left out to keep the job summary within its size limit; the JSON report has every finding._`
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The only place that builds a GitHub REST client (Octokit from @actions/github). It honours GITHUB_API_URL
 * (GitHub Enterprise Server) and sends the token only in the Authorization header: no message, log line or error
 * built here or by the modules using this client ever contains it.
 */


const DEFAULT_API_URL = 'https://api.github.com';
/** The API base URL: an explicit one, else GITHUB_API_URL, else github.com's; without a trailing slash. */
function apiBaseUrl(env, explicit) {
    const raw = (explicit ?? env.GITHUB_API_URL ?? '').trim() || DEFAULT_API_URL;
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new Error(`GITHUB_API_URL is not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`GITHUB_API_URL must be an http(s) URL, got ${JSON.stringify(url.protocol)}`);
    }
    return raw.replace(/\/+$/, '');
}
/** Shapes of tokens GitHub issues; a second line of defence when a message might echo one. */
const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
/** Replaces the token (when given) and anything shaped like a GitHub token with ***. */
function redactToken(text, token) {
    let out = text;
    if (token !== undefined && token.length >= 4)
        out = out.split(token).join('***');
    return out.replace(TOKEN_SHAPES, '***');
}
/** Builds the REST client. Throws when the token is empty (without echoing it). */
function createGitHubClient(settings) {
    const token = settings.token.trim();
    if (token === '') {
        throw new Error('A GitHub token is needed for the Checks API and pull request files (pass `github-token`, e.g. ${{ github.token }}).');
    }
    const env = settings.env ?? process.env;
    const baseUrl = apiBaseUrl(env, settings.apiUrl);
    const logger = settings.logger;
    const log = {
        debug: (m) => logger?.debug(redactToken(m, token)),
        info: (m) => logger?.debug(redactToken(m, token)),
        warn: (m) => logger?.warn(redactToken(m, token)),
        error: (m) => logger?.warn(redactToken(m, token))
    };
    const octokit = (0,github/* getOctokit */.Q)(token, { baseUrl, userAgent: `${version/* USER_AGENT_NAME */.I}/${version/* VERSION */.x}`, log });
    // @octokit/request logs (deprecation notices) to console unless the request carries a log; passing `request`
    // in the options would replace @actions/github's proxy-aware fetch, so it is set per request instead.
    octokit.hook.before('request', options => {
        options.request = { ...options.request, log };
    });
    // Whatever the server answers, an error leaving Octokit does not carry the token in its message.
    octokit.hook.error('request', (error) => {
        if (error !== null && typeof error === 'object') {
            const e = error;
            if (typeof e.message === 'string')
                e.message = redactToken(e.message, token);
            const data = e.response?.data;
            if (data !== null && typeof data === 'object' && typeof data.message === 'string') {
                const d = data;
                d.message = redactToken(d.message, token);
            }
        }
        throw error;
    });
    return octokit;
}
/** A GitHub REST call failed: names the request (method and path), the HTTP status and GitHub's request id. */
class GitHubApiError extends Error {
    method;
    path;
    status;
    requestId;
    name = 'GitHubApiError';
    constructor(method, path, 
    /** HTTP status; 0 when no answer came (network error). */
    status, detail, requestId) {
        super(`GitHub API ${method} ${path} failed: ${status === 0 ? 'no response' : `HTTP ${status}`}: ${detail}` +
            (requestId ? ` (request id ${requestId})` : ''));
        this.method = method;
        this.path = path;
        this.status = status;
        this.requestId = requestId;
    }
    /** Bad credentials, missing permission or validation: the user can fix it, not a defect or outage. */
    get userError() {
        return this.status === 401 || this.status === 403 || this.status === 404 || this.status === 422;
    }
}
/** Octokit's message (GitHub's `message`, validation `errors`, documentation link), single-line, bounded. */
function detailOf(e) {
    const detail = (typeof e.message === 'string' ? e.message : '').replace(/\s+/g, ' ').trim() || 'unknown error';
    return detail.length > 500 ? `${detail.slice(0, 499)}…` : detail;
}
/** Wraps an Octokit error into a GitHubApiError naming the request; redacts anything token-shaped. */
function toGitHubApiError(method, path, err) {
    if (err instanceof GitHubApiError)
        return err;
    const e = (err ?? {});
    const hasResponse = e.response !== undefined;
    const status = hasResponse && typeof e.status === 'number' ? e.status : 0;
    const rid = e.response?.headers?.['x-github-request-id'];
    const detail = redactToken(detailOf(e));
    return new GitHubApiError(method, path, status, detail, typeof rid === 'string' && rid !== '' ? rid : undefined);
}
/** The HTTP status of an Octokit error that carries an answer, else undefined. */
function httpStatusOf(err) {
    const e = (err ?? {});
    return e.response !== undefined && typeof e.status === 'number' ? e.status : undefined;
}

;// CONCATENATED MODULE: ./src/github/changed-files.ts

/** GitHub lists at most this many files of a pull request. */
const MAX_PULL_REQUEST_FILES = 3000;
/** Lists a pull request's changed files (with the previous names of renamed files). */
async function listChangedFiles(octokit, query, logger) {
    const { owner, repo, prNumber } = query;
    if (prNumber === undefined) {
        return { files: new Set(), complete: false, reason: 'not a pull request: there are no changed files to list' };
    }
    const path = `/repos/${owner}/${repo}/pulls/${prNumber}/files`;
    const files = new Set();
    let listed = 0;
    try {
        const entries = await octokit.paginate(octokit.rest.pulls.listFiles, {
            owner,
            repo,
            pull_number: prNumber,
            per_page: 100
        });
        for (const f of entries) {
            listed++;
            if (f.filename)
                files.add(f.filename);
            if (f.previous_filename)
                files.add(f.previous_filename);
        }
    }
    catch (err) {
        throw toGitHubApiError('GET', path, err);
    }
    logger?.debug(`${path}: ${listed} files listed (${files.size} paths with previous names of renames).`);
    if (listed >= MAX_PULL_REQUEST_FILES) {
        const reason = `GitHub lists at most ${MAX_PULL_REQUEST_FILES.toLocaleString('en-US')} files of a pull request, and ` +
            `pull request #${prNumber} reached that: files beyond them are not in the list.`;
        logger?.warn(reason);
        return { files, complete: false, reason };
    }
    return { files, complete: true };
}

;// CONCATENATED MODULE: ./src/github/context.ts
/**
 * The run's GitHub context: which repository, which commit to attach results to, which pull request, and whether
 * the pull request comes from a fork. `parseGitHubContext` is pure (env + the parsed event payload);
 * `readGitHubContext` reads the payload from GITHUB_EVENT_PATH.
 *
 * For pull request events the commit is the PR head (`pull_request.head.sha`), not GITHUB_SHA: GitHub sets
 * GITHUB_SHA to the test merge commit, which no one sees on the pull request.
 */

/** A problem with the variables or the event payload GitHub provides. */
class GitHubContextError extends Error {
    name = 'GitHubContextError';
}
/** Events whose payload carries `pull_request`. `pull_request_target` counts: it is a pull request too. */
const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
function isPullRequestEvent(eventName) {
    return PULL_REQUEST_EVENTS.has(eventName);
}
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
function obj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function splitRepository(fullName, from) {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName);
    if (!m)
        throw new GitHubContextError(`${from} must look like owner/repo, got ${JSON.stringify(fullName)}`);
    return { owner: m[1], repo: m[2] };
}
function checkSha(sha, from) {
    if (!SHA.test(sha))
        throw new GitHubContextError(`${from} is not a commit SHA: ${JSON.stringify(sha.slice(0, 80))}`);
    return sha.toLowerCase();
}
function sameRepo(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/**
 * The context from GitHub's variables (GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_BASE_REF) and the
 * parsed event payload. `source` names the payload in error messages.
 */
function parseGitHubContext(env, payload, source = 'the event payload') {
    const eventName = str(env.GITHUB_EVENT_NAME);
    if (eventName === undefined)
        throw new GitHubContextError('GITHUB_EVENT_NAME is not set: not running in GitHub Actions?');
    const event = obj(payload) ?? {};
    const repository = obj(event.repository);
    const fullName = str(env.GITHUB_REPOSITORY) ?? str(repository?.full_name);
    if (fullName === undefined) {
        throw new GitHubContextError(`GITHUB_REPOSITORY is not set and ${source} names no repository.full_name`);
    }
    const { owner, repo } = splitRepository(fullName, str(env.GITHUB_REPOSITORY) !== undefined ? 'GITHUB_REPOSITORY' : `repository.full_name in ${source}`);
    if (isPullRequestEvent(eventName)) {
        const pr = obj(event.pull_request);
        if (pr === undefined)
            throw new GitHubContextError(`${source} of a ${eventName} event has no pull_request`);
        const head = obj(pr.head);
        const headSha = str(head?.sha);
        if (headSha === undefined)
            throw new GitHubContextError(`${source}: pull_request.head.sha is missing`);
        const number = pr.number;
        if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
            throw new GitHubContextError(`${source}: pull_request.number is missing or not a positive integer`);
        }
        const baseFullName = str(repository?.full_name) ?? str(obj(obj(pr.base)?.repo)?.full_name) ?? fullName;
        const headRepo = obj(head?.repo);
        // A head repository that no longer exists (null) was a fork that has since been deleted.
        const headFullName = str(headRepo?.full_name);
        const isFork = headFullName === undefined || !sameRepo(headFullName, baseFullName);
        const ctx = {
            eventName,
            owner,
            repo,
            headSha: checkSha(headSha, `pull_request.head.sha in ${source}`),
            prNumber: number,
            isFork
        };
        const baseRef = str(obj(pr.base)?.ref) ?? str(env.GITHUB_BASE_REF);
        if (baseRef !== undefined)
            ctx.baseRef = baseRef;
        return ctx;
    }
    if (eventName === 'merge_group') {
        const group = obj(event.merge_group);
        const sha = str(group?.head_sha) ?? str(env.GITHUB_SHA);
        if (sha === undefined)
            throw new GitHubContextError(`${source}: merge_group.head_sha is missing and GITHUB_SHA is not set`);
        const ctx = {
            eventName,
            owner,
            repo,
            headSha: checkSha(sha, 'merge_group.head_sha'),
            isFork: false
        };
        const baseRef = str(group?.base_ref);
        if (baseRef !== undefined)
            ctx.baseRef = baseRef;
        return ctx;
    }
    const sha = str(env.GITHUB_SHA);
    if (sha === undefined)
        throw new GitHubContextError('GITHUB_SHA is not set');
    return { eventName, owner, repo, headSha: checkSha(sha, 'GITHUB_SHA'), isFork: false };
}
/**
 * Reads the event payload from GITHUB_EVENT_PATH and parses the context. Without GITHUB_EVENT_PATH the payload is
 * empty, which is enough for events other than pull requests.
 */
function readGitHubContext(env = process.env, readFile = p => (0,external_node_fs_.readFileSync)(p, 'utf8')) {
    const path = str(env.GITHUB_EVENT_PATH);
    if (path === undefined)
        return parseGitHubContext(env, {}, 'the event payload (GITHUB_EVENT_PATH is not set)');
    let text;
    try {
        text = readFile(path);
    }
    catch (err) {
        const code = err.code;
        throw new GitHubContextError(`Cannot read the event payload ${path} (GITHUB_EVENT_PATH): ${typeof code === 'string' ? code : String(err)}`);
    }
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch (err) {
        throw new GitHubContextError(`${path} (GITHUB_EVENT_PATH) is not valid JSON: ${err.message}`);
    }
    return parseGitHubContext(env, payload, path);
}

;// CONCATENATED MODULE: ./src/github/checks.ts
/**
 * One check run on the pull request's head commit carrying every annotation. A workflow step shows at most 10
 * annotations of a level; the Checks API takes any number, 50 per request: the run is created with the first 50
 * (in progress), each further 50 are sent with an update (GitHub appends them), and the last request completes the
 * run with its conclusion.
 */



/** The Checks API takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** output.title, output.summary and output.text: at most 65,535 characters each. */
const MAX_OUTPUT_CHARS = 65_535;
/** An annotation's message: at most 64 KB. */
const MAX_ANNOTATION_MESSAGE_BYTES = 64 * 1024;
/** An annotation's title: at most 255 characters. */
const MAX_ANNOTATION_TITLE_CHARS = 255;
const LEVELS = {
    error: 'failure',
    warning: 'warning',
    notice: 'notice'
};
/** Cuts before `end` without splitting a surrogate pair. */
function cutAt(s, end) {
    let n = Math.max(0, end);
    if (n > 0 && n < s.length) {
        const c = s.charCodeAt(n - 1);
        if (c >= 0xd800 && c <= 0xdbff)
            n -= 1;
    }
    return s.slice(0, n);
}
/**
 * `text` within `max` characters (UTF-16 code units, so also within `max` code points). A cut text ends with a
 * note saying how much was left out.
 */
function limitText(text, max, where = 'see the job summary and the JSON report') {
    if (text.length <= max)
        return text;
    const note = (omitted) => `\n\n… (cut to fit GitHub's limit of ${max.toLocaleString('en-US')} characters: ${omitted.toLocaleString('en-US')} more; ${where})`;
    // The note's own length depends on the count it states; the count of the whole text bounds it from above.
    const keep = Math.max(0, max - note(text.length).length);
    const kept = cutAt(text, keep);
    return (kept + note(text.length - kept.length)).slice(0, max);
}
/** A single line (a title) within `max` characters, ending with `mark` (an ellipsis by default) when cut. */
function limitLine(text, max, mark = '…') {
    if (text.length <= max)
        return text;
    return `${cutAt(text, max - mark.length)}${mark}`;
}
/** `text` within `maxBytes` bytes of UTF-8, ending with a note when cut. */
function limitBytes(text, maxBytes) {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const note = ' … (message cut to fit GitHub’s 64 KB limit)';
    let budget = maxBytes - Buffer.byteLength(note, 'utf8');
    let out = '';
    for (const ch of text) {
        const b = Buffer.byteLength(ch, 'utf8');
        if (b > budget)
            break;
        budget -= b;
        out += ch;
    }
    return out + note;
}
/** A repository-relative path with forward slashes; `fallback` when there is none. */
function annotationPath(file, fallback, workspace) {
    const tidy = (p) => {
        let s = p.trim().replace(/\\/g, '/');
        if (workspace !== undefined && workspace !== '' && (0,external_node_path_.isAbsolute)(s)) {
            const rel = (0,external_node_path_.relative)(workspace, s).replace(/\\/g, '/');
            if (rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel))
                s = rel;
        }
        while (s.startsWith('./'))
            s = s.slice(2);
        return s;
    };
    const p = file === undefined ? '' : tidy(file);
    if (p !== '')
        return p;
    const f = tidy(fallback);
    return f === '' ? '.' : f;
}
/** Maps an annotation to the Checks API's shape, within its limits. Never drops one. */
function toCheckAnnotation(a, fallbackPath, workspace) {
    const hasFile = a.file !== undefined && a.file.trim() !== '';
    const line = hasFile && a.startLine !== undefined && Number.isInteger(a.startLine) && a.startLine > 0 ? a.startLine : 1;
    const out = {
        path: annotationPath(hasFile ? a.file : undefined, fallbackPath, workspace),
        start_line: line,
        end_line: line,
        annotation_level: LEVELS[a.level],
        message: limitBytes(a.message === '' ? a.title || '(no message)' : a.message, MAX_ANNOTATION_MESSAGE_BYTES)
    };
    if (a.title !== '')
        out.title = limitLine(a.title, MAX_ANNOTATION_TITLE_CHARS);
    if (hasFile &&
        a.startLine !== undefined &&
        a.startColumn !== undefined &&
        Number.isInteger(a.startColumn) &&
        a.startColumn > 0) {
        out.start_column = a.startColumn;
        out.end_column = a.startColumn;
    }
    return out;
}
/** Splits into batches of `size` (at least one batch, possibly empty). */
function batches(items, size = ANNOTATIONS_PER_REQUEST) {
    if (items.length === 0)
        return [[]];
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function output(input, annotations, summaryNote = '') {
    const out = {
        title: limitLine(input.title.replace(/\s+/g, ' ').trim() || input.name, MAX_OUTPUT_CHARS, '… (title cut)'),
        summary: limitText(summaryNote === '' ? input.summary : `${summaryNote}\n\n${input.summary}`, MAX_OUTPUT_CHARS),
        annotations
    };
    if (input.text !== undefined && input.text !== '')
        out.text = limitText(input.text, MAX_OUTPUT_CHARS);
    return out;
}
function deniedReason(status, err) {
    return (`${err.message}. The token cannot write check runs: give the job \`permissions: checks: write\`; ` +
        'pull requests from forks get a read-only token, so their findings are reported in the job summary and ' +
        'workflow annotations only.' +
        (status === 404 ? ' (GitHub answers 404 when the token cannot see the repository.)' : ''));
}
/**
 * Creates one check run on `headSha` carrying every annotation, 50 per request, and completes it with
 * `conclusion` on the last request. A 403 or 404 on create (a read-only token) is returned as `denied`; any other
 * failure throws a GitHubApiError naming the request. If an update fails after the run was created, the run is
 * still completed (best effort, with a note that annotations are missing) before the error is thrown.
 */
async function publishCheckRun(octokit, input) {
    const { owner, repo } = input;
    const all = input.annotations.map(a => toCheckAnnotation(a, input.fallbackPath, input.workspace));
    const parts = batches(all);
    const createPath = `/repos/${owner}/${repo}/check-runs`;
    let requests = 0;
    const first = parts[0];
    const single = parts.length === 1;
    let id;
    let url;
    try {
        requests++;
        const res = await octokit.rest.checks.create({
            owner,
            repo,
            name: input.name,
            head_sha: input.headSha,
            ...(input.detailsUrl !== undefined ? { details_url: input.detailsUrl } : {}),
            ...(single ? { status: 'completed', conclusion: input.conclusion } : { status: 'in_progress' }),
            output: output(input, first)
        });
        id = res.data.id;
        url = res.data.html_url ?? res.data.url;
    }
    catch (err) {
        const status = httpStatusOf(err);
        const apiErr = toGitHubApiError('POST', createPath, err);
        if (status === 403 || status === 404) {
            if (!isRateLimited(err))
                return { denied: true, reason: deniedReason(status, apiErr), status, requests };
        }
        throw apiErr;
    }
    const updatePath = `${createPath}/${id}`;
    let sent = first.length;
    for (let i = 1; i < parts.length; i++) {
        const part = parts[i];
        const last = i === parts.length - 1;
        try {
            requests++;
            await octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: id,
                ...(last ? { status: 'completed', conclusion: input.conclusion } : {}),
                output: output(input, part)
            });
            sent += part.length;
        }
        catch (err) {
            const apiErr = toGitHubApiError('PATCH', updatePath, err);
            // Do not leave the run "in progress" forever: complete it, saying annotations are missing.
            try {
                requests++;
                await octokit.rest.checks.update({
                    owner,
                    repo,
                    check_run_id: id,
                    status: 'completed',
                    conclusion: input.conclusion,
                    output: output(input, [], `**Only ${sent} of ${all.length} annotations could be attached** (${apiErr.message}); ` +
                        'see the job summary and the JSON report for all findings.')
                });
            }
            catch {
                // The original error is the one to report.
            }
            throw apiErr;
        }
    }
    return { denied: false, url, id, requests };
}
/** A 403 that is GitHub's rate limit, not a missing permission. */
function isRateLimited(err) {
    const headers = err.response?.headers ?? {};
    return headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined;
}
/**
 * Whether to publish a check run. `off`: never; `on`: always try (a denial falls back to report-only); `auto`: on
 * pull request, push and merge queue events, except pull requests from forks under `pull_request` (and its review
 * events), whose token is read-only. `pull_request_target` runs with the base repository's token, so it tries.
 */
function checksMode(input, ctx) {
    if (input === 'off')
        return { use: false, reason: 'checks is off: findings are reported as workflow annotations.' };
    if (input === 'on')
        return { use: true, reason: 'checks is on: publishing a check run with every annotation.' };
    const event = ctx.eventName;
    if (isPullRequestEvent(event)) {
        if (ctx.isFork && event !== 'pull_request_target') {
            return {
                use: false,
                reason: 'This pull request comes from a fork, and GitHub gives such runs a read-only token that cannot create ' +
                    'check runs: findings are reported in the job summary and workflow annotations only (GitHub shows at ' +
                    'most 10 annotations of a level per step).'
            };
        }
        return { use: true, reason: `${event} event: publishing a check run on the pull request's head commit.` };
    }
    if (event === 'push' || event === 'merge_group') {
        return { use: true, reason: `${event} event: publishing a check run on the commit.` };
    }
    return {
        use: false,
        reason: `${event} event is not a pull request or push: findings are reported as workflow annotations.`
    };
}

// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/report/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning: one run, one reporting descriptor per Config rule, one result per
 * non-compliant resource, anchored on the template line that declares the resource (or on the rule's line).
 * Pure builder plus a thin writer; the output is checked against the OASIS 2.1.0 schema in a test.
 */




const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const TOOL_NAME = 'compliance-gate';
const TOOL_INFORMATION_URI = 'https://github.com/example-org/compliance-gate';
/** GitHub code scanning accepts at most 25,000 results per run. */
const DEFAULT_MAX_RESULTS = 25_000;
/** Key of the partial fingerprint: the finding's stable fingerprint (rule + resource type + resource id). */
const FINGERPRINT_KEY = 'complianceGate/v1';
/** GitHub reads at most 20 tags of a rule. */
const MAX_TAGS = 20;
const ACCOUNT_TAKEOVER = new Set([
    'IAM_ROOT_ACCESS_KEY_CHECK',
    'ROOT_ACCOUNT_MFA_ENABLED',
    'ROOT_ACCOUNT_HARDWARE_MFA_ENABLED',
    'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    'IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS',
    'RESTRICTED_INCOMING_TRAFFIC',
    'VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS',
    'VPC_DEFAULT_SECURITY_GROUP_CLOSED'
]);
/**
 * The documented mapping from a rule to code scanning's `security-severity`, by what the rule protects:
 * - 9.0 (critical) public exposure or account takeover: PUBLIC, SSH/RDP, root account and admin-policy rules;
 * - 8.0 (high) encryption at rest or in transit: ENCRYPT*, KMS, CMK, SSL, TLS, HTTPS;
 * - 7.5 (high) identity: IAM, MFA, passwords, access keys, credentials;
 * - 7.0 (high) logging and audit: LOGGING, LOGS, CloudTrail, flow logs, audit, monitoring, GuardDuty;
 * - 5.0 (medium) resilience (backups, versioning, PITR, replication, Multi-AZ, deletion protection, locks)
 *   and anything else.
 * The managed rule identifier is classified when known, else the rule name (kebab-case works the same).
 */
function securitySeverity(identifierOrName) {
    const id = identifierOrName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    const tokens = new Set(id.split('_').filter(t => t !== ''));
    const has = (...xs) => xs.some(x => tokens.has(x));
    if (ACCOUNT_TAKEOVER.has(id) || has('PUBLIC', 'SSH', 'RDP') || (has('ROOT') && has('MFA', 'KEY', 'ACCESS'))) {
        return { category: 'public-access', score: '9.0' };
    }
    if ([...tokens].some(t => t.startsWith('ENCRYPT')) || has('KMS', 'CMK', 'SSL', 'TLS', 'HTTPS', 'SSE')) {
        return { category: 'encryption', score: '8.0' };
    }
    if (has('IAM', 'MFA', 'PASSWORD', 'KEYS', 'CREDENTIALS', 'ROTATED'))
        return { category: 'identity', score: '7.5' };
    if (has('LOGGING', 'LOG', 'LOGS', 'LOGGROUP', 'ACCESSLOGS', 'TRAIL', 'CLOUDTRAIL', 'FLOW', 'AUDIT') ||
        has('MONITORING', 'GUARDDUTY', 'SECURITYHUB')) {
        return { category: 'logging', score: '7.0' };
    }
    if (has('BACKUP', 'VERSIONING', 'PITR', 'REPLICATION', 'MULTI', 'DELETION', 'LOCK', 'RECOVERY')) {
        return { category: 'resilience', score: '5.0' };
    }
    return { category: 'other', score: '5.0' };
}
// ---------------------------------------------------------------------------------------------------
// builder
const sarif_cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** The AWS Config documentation page of a managed rule (its page is named after the rule's default name). */
function managedRuleHelpUri(identifier) {
    return `https://docs.aws.amazon.com/config/latest/developerguide/${identifier.toLowerCase().replace(/_/g, '-')}.html`;
}
/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
function artifactUri(file) {
    return file
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .split('/')
        .map(encodeURIComponent)
        .join('/');
}
function plainText(s, max) {
    return (0,report_escape/* truncate */.xv)((0,report_escape/* toSingleLine */.OX)(s).trim(), max);
}
function ruleMeta(rule, info) {
    const merged = {
        ...(info ?? {}),
        hipaaSections: [...new Set([...(info?.hipaaSections ?? []), ...(rule.hipaaSections ?? [])])]
    };
    return { name: rule.ruleName, info: merged, severity: securitySeverity(merged.identifier ?? rule.ruleName) };
}
function descriptor(meta) {
    const { name, info, severity } = meta;
    const managed = info.identifier !== undefined ? ` (AWS managed rule ${info.identifier})` : '';
    const description = info.description !== undefined && info.description.trim() !== '' ? info.description : undefined;
    const short = description !== undefined ? plainText(description.split(/(?<=\.)\s/)[0] ?? description, 200) : '';
    const sections = info.hipaaSections.length > 0 ? info.hipaaSections.join(', ') : 'none mapped';
    const helpUri = info.helpUri ?? (info.identifier !== undefined ? managedRuleHelpUri(info.identifier) : undefined);
    const text = [
        `AWS Config rule ${name}${managed}.`,
        ...(description !== undefined ? [plainText(description, 2000)] : []),
        `HIPAA Security Rule sections: ${sections}.`,
        'Fix the resource where its template declares it (the result points at that line), or waive the finding in the ' +
            'compliance manifest with a reason, an owner and an expiry date.',
        ...(helpUri !== undefined ? [`More: ${helpUri}`] : [])
    ].join('\n\n');
    const markdown = [
        `**AWS Config rule ${(0,report_escape/* codeSpan */.SS)(name)}**${info.identifier !== undefined ? ` (AWS managed rule ${(0,report_escape/* codeSpan */.SS)(info.identifier)})` : ''}`,
        ...(description !== undefined ? [(0,report_escape/* escapeMarkdown */.FV)(plainText(description, 2000))] : []),
        `HIPAA Security Rule sections: ${info.hipaaSections.length > 0 ? info.hipaaSections.map(report_escape/* escapeMarkdown */.FV).join(', ') : '_none mapped_'}`,
        'Fix the resource where its template declares it (the result points at that line), or waive the finding in the ' +
            'compliance manifest with a reason, an owner and an expiry date.',
        ...(helpUri !== undefined ? [`[AWS Config documentation](${helpUri})`] : [])
    ].join('\n\n');
    const tags = ['security', 'hipaa', ...info.hipaaSections].slice(0, MAX_TAGS);
    const properties = {
        tags,
        'security-severity': severity.score,
        precision: 'very-high',
        'compliance-gate/category': severity.category
    };
    if (info.identifier !== undefined)
        properties['compliance-gate/identifier'] = info.identifier;
    const out = {
        id: name,
        shortDescription: { text: short !== '' ? short : `AWS Config rule ${name}${managed}` },
        fullDescription: {
            text: `${description !== undefined ? `${plainText(description, 2000)} ` : ''}AWS Config rule ${name}${managed}.`
        },
        help: { text, markdown },
        defaultConfiguration: { level: 'error' },
        properties
    };
    if (helpUri !== undefined)
        out.helpUri = helpUri;
    return out;
}
function sarif_location(loc, f) {
    const out = {
        logicalLocations: [
            { name: f.resourceId, fullyQualifiedName: `${f.resourceType}/${f.resourceId}`, kind: 'resource' }
        ]
    };
    if (loc !== undefined) {
        out.physicalLocation = {
            artifactLocation: { uri: artifactUri(loc.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, Math.floor(loc.line)), startColumn: Math.max(1, Math.floor(loc.col)) }
        };
    }
    return out;
}
function message(f, ruleName, loc) {
    const where = loc === undefined
        ? ''
        : loc.kind === 'property'
            ? ' (the property the rule checks)'
            : loc.kind === 'resource'
                ? ' (the resource in its template)'
                : ' (no template in the repository declares this resource; the line declares the rule)';
    const note = f.annotation !== undefined && f.annotation.trim() !== ''
        ? `: ${plainText(f.annotation, 1000).replace(/[.\s]+$/, '')}`
        : '';
    return `${plainText(f.resourceType, 200)} ${plainText(f.resourceId, 1000)} is non-compliant with ${ruleName}${note}.${where}`;
}
/**
 * Builds the SARIF log. Results are cut to maxResults by priority (counted before waived, more severe first,
 * then rule, type and id), and the cut is reported in run.properties and a tool execution notification.
 */
function buildSarif(input) {
    const { result, locations, includeSuppressed } = input;
    const max = Math.max(0, Math.floor(input.maxResults ?? DEFAULT_MAX_RESULTS));
    const byName = new Map();
    for (const r of result.rules)
        if (!byName.has(r.ruleName))
            byName.set(r.ruleName, r);
    const metas = [...byName.values()]
        .sort((a, b) => sarif_cmp(a.ruleName, b.ruleName))
        .map(r => ruleMeta(r, input.rules.get(r.ruleName)));
    const ruleIndex = new Map(metas.map((m, i) => [m.name, i]));
    const candidates = [];
    let suppressedOmitted = 0;
    let unlocated = 0;
    for (const rule of byName.values()) {
        const index = ruleIndex.get(rule.ruleName) ?? 0;
        const meta = metas[index];
        for (const f of rule.findings) {
            const waived = f.waiver !== undefined;
            if (waived && !includeSuppressed) {
                suppressedOmitted++;
                continue;
            }
            const fp = (0,source_map/* fingerprintOf */.ax)(f);
            const loc = locations.get(fp) ?? input.defaultLocation;
            if (loc === undefined)
                unlocated++;
            const props = {
                resourceType: f.resourceType,
                resourceId: f.resourceId,
                accountId: result.accountId,
                region: result.region
            };
            if (loc !== undefined)
                props.locationKind = loc.kind;
            if (f.recordedTime !== undefined)
                props.recordedTime = f.recordedTime;
            const r = {
                ruleId: rule.ruleName,
                ruleIndex: index,
                level: 'error',
                message: { text: message(f, rule.ruleName, loc) },
                locations: [sarif_location(loc, f)],
                partialFingerprints: { [FINGERPRINT_KEY]: fp },
                properties: props
            };
            if (f.waiver !== undefined) {
                const suppression = {
                    kind: 'external',
                    status: 'accepted',
                    justification: f.waiver.reason,
                    properties: {
                        owner: f.waiver.owner,
                        expires: f.waiver.expires,
                        ...(f.waiver.source !== undefined ? { source: f.waiver.source } : {})
                    }
                };
                r.suppressions = [suppression];
            }
            candidates.push({
                result: r,
                waived,
                score: Number(meta?.severity.score ?? '0'),
                ruleIndex: index,
                type: f.resourceType,
                id: f.resourceId
            });
        }
    }
    const total = candidates.length;
    const kept = candidates
        .sort((a, b) => Number(a.waived) - Number(b.waived) ||
        b.score - a.score ||
        a.ruleIndex - b.ruleIndex ||
        sarif_cmp(a.type, b.type) ||
        sarif_cmp(a.id, b.id))
        .slice(0, max)
        .sort((a, b) => a.ruleIndex - b.ruleIndex || sarif_cmp(a.type, b.type) || sarif_cmp(a.id, b.id));
    const cut = total - kept.length;
    const notifications = [];
    if (cut > 0) {
        notifications.push({
            level: 'warning',
            descriptor: { id: 'results-cut' },
            message: {
                text: `${cut} of ${total} results were left out: GitHub code scanning accepts at most ${max} results per run. ` +
                    'Counted findings and the most severe rules were kept; the JSON report lists every finding.'
            }
        });
    }
    for (const rule of byName.values()) {
        if (rule.status !== 'error' || rule.error === undefined)
            continue;
        const e = rule.error;
        notifications.push({
            level: 'error',
            descriptor: { id: 'rule-error' },
            associatedRule: { id: rule.ruleName, index: ruleIndex.get(rule.ruleName) ?? 0 },
            message: {
                text: `${rule.ruleName}: ${e.operation} failed: ${e.code}: ${plainText(e.message, 500)}${e.requestId !== undefined && e.requestId !== '' ? ` (request id ${e.requestId})` : ''}`
            }
        });
    }
    const driver = {
        name: TOOL_NAME,
        informationUri: TOOL_INFORMATION_URI,
        version: input.version,
        rules: metas.map(descriptor)
    };
    if (SEMVER.test(input.version))
        driver.semanticVersion = input.version;
    const run = {
        tool: { driver },
        invocations: [
            notifications.length > 0
                ? { executionSuccessful: true, toolExecutionNotifications: notifications }
                : { executionSuccessful: true }
        ],
        columnKind: 'utf16CodeUnits',
        results: kept.map(c => c.result),
        properties: {
            accountId: result.accountId,
            region: result.region,
            checkedAt: result.checkedAt,
            resultsTotal: total,
            resultsCut: cut,
            maxResults: max,
            suppressedOmitted,
            unlocatedResults: unlocated
        }
    };
    if (input.category !== undefined && input.category !== '') {
        run.automationDetails = { id: input.category.endsWith('/') ? input.category : `${input.category}/` };
    }
    return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, cut };
}
/** Thin writer: the log as JSON at `file` (directory created), through a temporary file and a rename. */
async function writeSarif(file, log) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(tmp, `${JSON.stringify(log)}\n`, 'utf8');
    await (0,promises_.rename)(tmp, file);
    return file;
}

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(3324);
// EXTERNAL MODULE: ./src/conformance/source-tree.ts
var source_tree = __webpack_require__(2533);
// EXTERNAL MODULE: ./src/templates/physical-names.ts
var physical_names = __webpack_require__(6991);
;// CONCATENATED MODULE: ./src/templates/parse.ts
/**
 * Reads one CloudFormation template (YAML with short-form tags, or JSON) into its resources, each with the
 * position of its logical id and a way to find the position of any property. Uses the project's
 * CloudFormation-aware reader (conformance/source-tree.ts), so `!Ref x` arrives as `{ Ref: x }`.
 */



/** The file parses, but it is not a CloudFormation template (no Resources section, not a map, empty). */
class NotATemplateError extends Error {
    file;
    reason;
    name = 'NotATemplateError';
    constructor(file, reason) {
        super(`${file}: not a CloudFormation template: ${reason}`);
        this.file = file;
        this.reason = reason;
    }
}
/** CloudFormation logical ids are alphanumeric. */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
/** AWS::Service::Resource, Custom::Name, Vendor::Service::Resource::MODULE, AWS::Serverless::Function, ... */
const RESOURCE_TYPE = /^[A-Za-z0-9]+(?:::[A-Za-z0-9_@-]+){1,3}$/;
const EMPTY_DOCUMENT = 'the document is empty';
/** Plain data of a node: maps become objects, lists arrays; intrinsic functions stay as their long-form maps. */
function toPlain(node) {
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map(toPlain);
    return Object.fromEntries(node.entries.map(e => [e.key, toPlain(e.value)]));
}
/**
 * The literal string a node holds: a scalar, or `!Sub` of a string without `${...}` variables
 * (`${!Literal}` stands for `${Literal}`). Undefined for anything computed (Ref, Join, Sub with variables...).
 */
function literalString(node) {
    if (node.kind === 'scalar') {
        if (node.value === null || typeof node.value === 'boolean')
            return undefined;
        return typeof node.value === 'number' ? node.text : node.value;
    }
    if (node.kind === 'map' && node.entries.length === 1) {
        const only = node.entries[0];
        if (only?.key === 'Fn::Sub' && only.value.kind === 'scalar' && typeof only.value.value === 'string') {
            const text = only.value.value;
            if (/\$\{(?!!)/.test(text))
                return undefined;
            return text.replace(/\$\{!/g, '${');
        }
    }
    return undefined;
}
function propertyLocator(properties, propertiesKey) {
    return path => {
        if (path.length === 0)
            return propertiesKey;
        let node = properties;
        let pos;
        for (const segment of path) {
            if (node === undefined)
                return undefined;
            if (node.kind === 'map') {
                const e = (0,source_tree/* entry */.f_)(node, segment);
                if (e === undefined)
                    return undefined;
                pos = e.keyPos;
                node = e.value;
            }
            else if (node.kind === 'seq' && /^\d+$/.test(segment)) {
                const item = node.items[Number(segment)];
                if (item === undefined)
                    return undefined;
                pos = item.pos;
                node = item;
            }
            else {
                return undefined;
            }
        }
        return pos;
    };
}
/** CloudFormation's reader messages are written for conformance packs; say "template" here. */
function reword(err) {
    const detail = err.detail.replace('a conformance pack template', 'a CloudFormation template');
    return detail === err.detail ? err : new src_errors/* SourceError */.c8(err.file, err.line, err.col, detail);
}
function fail(sink) {
    const errors = sink.errors.map(reword).sort((a, b) => a.line - b.line || a.col - b.col);
    throw new src_errors/* SourceErrors */.VH(errors);
}
function readResource(file, logicalId, keyPos, value, sink) {
    if (!LOGICAL_ID.test(logicalId)) {
        sink.add(keyPos, `logical id ${JSON.stringify(logicalId)} must be alphanumeric (A-Z, a-z, 0-9)`);
    }
    if (value.kind !== 'map') {
        sink.add(value.pos, `resource ${logicalId} must be a map with Type and Properties, found ${(0,source_tree/* describe */.q0)(value)}`);
        return undefined;
    }
    const typeEntry = (0,source_tree/* entry */.f_)(value, 'Type');
    let type;
    if (typeEntry === undefined) {
        sink.add(keyPos, `resource ${logicalId} has no Type`);
    }
    else if (typeEntry.value.kind !== 'scalar' || typeof typeEntry.value.value !== 'string') {
        sink.add(typeEntry.value.pos, `Type of ${logicalId} must be a string, found ${(0,source_tree/* describe */.q0)(typeEntry.value)}`);
    }
    else if (!RESOURCE_TYPE.test(typeEntry.value.value)) {
        sink.add(typeEntry.value.pos, `Type of ${logicalId} is ${JSON.stringify(typeEntry.value.value)}: expected a resource type such as AWS::S3::Bucket`);
    }
    else {
        type = typeEntry.value.value;
    }
    const propsEntry = (0,source_tree/* entry */.f_)(value, 'Properties');
    let properties;
    if (propsEntry !== undefined) {
        const v = propsEntry.value;
        if (v.kind === 'map')
            properties = v;
        else if (!(v.kind === 'scalar' && v.value === null)) {
            sink.add(v.pos, `Properties of ${logicalId} must be a map, found ${(0,source_tree/* describe */.q0)(v)}`);
        }
    }
    if (type === undefined)
        return undefined;
    const resource = {
        file,
        logicalId,
        type,
        properties: properties === undefined ? {} : toPlain(properties),
        position: keyPos,
        propertyPosition: propertyLocator(properties, propsEntry?.keyPos)
    };
    const nameProperty = physical_names/* PHYSICAL_NAME_PROPERTIES */.U4[type];
    if (nameProperty !== undefined && properties?.kind === 'map') {
        const nameEntry = (0,source_tree/* entry */.f_)(properties, nameProperty);
        const name = nameEntry === undefined ? undefined : literalString(nameEntry.value);
        if (name !== undefined && name !== '')
            resource.physicalName = name;
    }
    return resource;
}
/**
 * Parses a CloudFormation template. Malformed templates throw SourceErrors naming every problem (file:line:col);
 * a file that is not a CloudFormation template at all (empty, not a map, no Resources) throws NotATemplateError.
 */
function parseTemplate(text, file) {
    const sink = new source_tree/* ErrorSink */.uL();
    const tree = (0,source_tree/* readSourceTree */.mg)(text, file, sink);
    if (tree === undefined) {
        if (sink.errors.every(e => e.detail === EMPTY_DOCUMENT))
            throw new NotATemplateError(file, 'the file is empty');
        fail(sink);
    }
    if (tree.kind !== 'map')
        throw new NotATemplateError(file, `its top level is ${(0,source_tree/* describe */.q0)(tree)}, not a map`);
    const resourcesEntry = (0,source_tree/* entry */.f_)(tree, 'Resources');
    if (resourcesEntry === undefined)
        throw new NotATemplateError(file, 'it has no Resources section');
    const resources = [];
    const section = resourcesEntry.value;
    if (section.kind !== 'map') {
        sink.add(section.kind === 'scalar' && section.value === null ? resourcesEntry.keyPos : section.pos, `Resources must be a map of logical ids to resources, found ${(0,source_tree/* describe */.q0)(section)}`);
    }
    else if (section.entries.length === 0) {
        sink.add(resourcesEntry.keyPos, 'Resources is empty: a template declares at least one resource');
    }
    else {
        for (const e of section.entries) {
            const r = readResource(file, e.key, e.keyPos, e.value, sink);
            if (r !== undefined)
                resources.push(r);
        }
    }
    if (sink.count > 0)
        fail(sink);
    return { file, resources };
}

;// CONCATENATED MODULE: ./src/templates/resource-index.ts
/** Lookups over parsed templates: by (type, physical name) and by logical id. Pure. */

const key = (a, b) => `${a}\u0000${b}`;
function push(map, k, v) {
    const list = map.get(k);
    if (list === undefined)
        map.set(k, [v]);
    else
        list.push(v);
}
/** Builds the index; templates keep their order, so every lookup lists resources in file order. */
function buildTemplateIndex(templates, skipped = []) {
    const byName = new Map();
    const byId = new Map();
    for (const t of templates) {
        for (const r of t.resources) {
            push(byId, r.logicalId, r);
            if (r.physicalName !== undefined)
                push(byName, key(r.type, r.physicalName), r);
        }
    }
    return {
        templates: [...templates],
        skipped: [...skipped],
        byPhysicalName(type, name) {
            for (const candidate of (0,physical_names/* nameCandidates */.sB)(name)) {
                const found = byName.get(key(type, candidate));
                if (found !== undefined)
                    return [...found];
            }
            return [];
        },
        byLogicalId(logicalId, type) {
            const found = byId.get(logicalId) ?? [];
            return type === undefined ? [...found] : found.filter(r => r.type === type);
        }
    };
}

;// CONCATENATED MODULE: ./src/templates/load.ts
/**
 * Thin edge: expands the template globs (multi-line, `!` to exclude, `#` comments, as @actions/glob reads them)
 * from the repository root, reads every match and parses it. Problems in all files are reported at once.
 */






/** Files read as templates; anything else a glob matches is skipped with a reason. */
const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'];
const IS_WINDOWS = process.platform === 'win32';
/** Escapes glob characters in a literal path, as @actions/glob does for its own roots. */
function globEscape(s) {
    return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/**
 * Roots every pattern at `root` (the repository) instead of the process's working directory. Lines are trimmed;
 * empty lines and `#` comments are dropped; `..` segments are refused (a pattern must stay in the repository).
 */
function rootPatterns(globs, root, input = 'templates') {
    const out = [];
    for (const line of globs.flatMap(g => g.split(/\r?\n/)).map(l => l.trim())) {
        if (line === '' || line.startsWith('#'))
            continue;
        const negation = /^!*/.exec(line)?.[0] ?? '';
        let rest = line.slice(negation.length).replace(/^(\.\/)+/, '');
        if (rest === '.')
            rest = '';
        if (rest.split(/[\\/]/).includes('..')) {
            throw new src_errors/* InputError */.dz(input, `${input}: the pattern ${JSON.stringify(line)} leaves the repository ('..')`);
        }
        if (rest !== '' && (external_node_path_default().isAbsolute(rest) || rest.startsWith('~')))
            out.push(`${negation}${rest}`);
        else
            out.push(`${negation}${globEscape(root)}${rest === '' ? '' : `${(external_node_path_default()).sep}${rest}`}`);
    }
    return out;
}
/** A path relative to root with forward slashes; undefined when it is outside root. */
function repoRelative(root, file) {
    const rel = external_node_path_default().relative(root, file);
    if (rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel))
        return undefined;
    return rel.split((external_node_path_default()).sep).join('/');
}
/**
 * Expands `globs` from `cwd` (the repository root), parses every template and indexes the resources. Paths in the
 * result are relative to `cwd`, with forward slashes. Throws SourceErrors listing the problems of all malformed
 * templates; files that are not CloudFormation templates are listed in `skipped`.
 */
async function loadTemplates(globs, cwd, opts = {}) {
    const input = opts.input ?? 'templates';
    const root = external_node_path_default().resolve(cwd);
    const patterns = rootPatterns(globs, root, input);
    if (patterns.length === 0)
        return buildTemplateIndex([]);
    const globber = await glob/* create */.v(patterns.join('\n'), {
        matchDirectories: false,
        implicitDescendants: true,
        followSymbolicLinks: true
    });
    const matched = await globber.glob();
    const files = [];
    for (const abs of matched) {
        const rel = repoRelative(root, abs);
        if (rel === undefined) {
            throw new src_errors/* InputError */.dz(input, `${input}: ${abs} is outside the repository (${root}); templates must be in it`);
        }
        files.push(rel);
    }
    files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const templates = [];
    const skipped = [];
    const errors = [];
    for (const file of [...new Set(files)]) {
        const ext = external_node_path_default().extname(file).toLowerCase();
        if (!TEMPLATE_EXTENSIONS.includes(ext)) {
            skipped.push({ file, reason: `not a template file (expected ${TEMPLATE_EXTENSIONS.join(', ')})` });
            continue;
        }
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_default().join(root, file), 'utf8');
        }
        catch (err) {
            errors.push(new src_errors/* SourceError */.c8(file, 1, 1, `cannot read the file: ${err.message}`));
            continue;
        }
        try {
            templates.push(parseTemplate(text, file));
        }
        catch (err) {
            if (err instanceof NotATemplateError)
                skipped.push({ file, reason: err.reason });
            else if (err instanceof src_errors/* SourceErrors */.VH)
                errors.push(...err.errors);
            else
                throw err;
        }
    }
    if (errors.length > 0)
        throw new src_errors/* SourceErrors */.VH(errors);
    return buildTemplateIndex(templates, skipped);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-config-service/dist-cjs/index.js
var dist_cjs = __webpack_require__(7101);
;// CONCATENATED MODULE: ./src/review/logical-ids.ts
/**
 * The `aws:cloudformation:logical-id` tags of the resources behind findings that no template names by physical name
 * (CloudFormation-generated names, volumes, RDS instances): one AWS Config advanced query per resource type
 * (`SelectResourceConfig`), split so each expression stays within AWS's 4,096 characters, paged.
 */




const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';
const MAX_EXPRESSION = 4096;
const quote = (s) => `'${s.replace(/'/g, "''")}'`;
/** Pure: the queries to send, per resource type, for findings no physical name matches. */
function logicalIdQueries(result, index) {
    if (index.templates.length === 0)
        return [];
    const idsByType = new Map();
    for (const rule of result.rules) {
        for (const f of rule.findings) {
            const types = (0,physical_names/* templateTypesFor */.D4)(f.resourceType);
            const named = types.some(t => (0,physical_names/* nameCandidates */.sB)(f.resourceId).some(n => index.byPhysicalName(t, n).length > 0));
            const declared = index.templates.some(tpl => tpl.resources.some(r => types.includes(r.type)));
            if (named || !declared)
                continue;
            let ids = idsByType.get(f.resourceType);
            if (!ids)
                idsByType.set(f.resourceType, (ids = new Set()));
            ids.add(f.resourceId);
        }
    }
    const queries = [];
    for (const [type, ids] of idsByType) {
        const head = `SELECT resourceId, resourceType, tags WHERE resourceType = ${quote(type)} AND resourceId IN (`;
        let batch = [];
        const flush = () => {
            if (batch.length > 0)
                queries.push(`${head}${batch.join(', ')})`);
            batch = [];
        };
        for (const id of ids) {
            const q = quote(id);
            if (head.length + [...batch, q].join(', ').length + 1 > MAX_EXPRESSION)
                flush();
            batch.push(q);
        }
        flush();
    }
    return queries;
}
/** Sends the queries; returns logical ids keyed by logicalIdKey(type, id). */
async function readLogicalIds(config, queries) {
    const out = new Map();
    for (const Expression of queries) {
        try {
            for await (const page of (0,dist_cjs.paginateSelectResourceConfig)({ client: config, pageSize: 100 }, { Expression })) {
                for (const line of page.Results ?? []) {
                    const row = JSON.parse(line);
                    const tag = row.tags?.find(t => t.key === LOGICAL_ID_TAG);
                    if (row.resourceId && row.resourceType && tag?.value)
                        out.set((0,source_map/* logicalIdKey */.Ou)(row.resourceType, row.resourceId), tag.value);
                }
            }
        }
        catch (err) {
            throw (0,src_errors/* toAwsCallError */.Dz)('config:SelectResourceConfig', err);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/review/phase.ts














/** A path as GitHub wants it in annotations and SARIF: relative to the repository root, forward slashes. */
function repoPath(file, workspace) {
    return (0,source_map/* normalizeRepoPath */.NP)((0,external_node_path_.isAbsolute)(file) ? (0,external_node_path_.relative)(workspace, file) : file);
}
async function prepareReview(result, desired, options, logger, config) {
    let context;
    try {
        context = readGitHubContext(options.env);
    }
    catch (err) {
        logger.warn(`Pull request context unavailable: ${err.message}`);
    }
    const index = options.templates.length > 0 ? await loadTemplates(options.templates, options.workspace) : buildTemplateIndex([]);
    for (const s of index.skipped)
        logger.info(`Not a CloudFormation template, skipped: ${s.file} (${s.reason})`);
    if (options.templates.length > 0) {
        logger.info(`${index.templates.length} CloudFormation template(s) read for finding locations.`);
    }
    const changedFiles = new Set();
    if (context?.prNumber !== undefined && options.githubToken) {
        try {
            const octokit = createGitHubClient({ token: options.githubToken, env: options.env, logger });
            const changed = await listChangedFiles(octokit, { owner: context.owner, repo: context.repo, prNumber: context.prNumber }, logger);
            for (const f of changed.files)
                changedFiles.add((0,source_map/* normalizeRepoPath */.NP)(f));
        }
        catch (err) {
            logger.warn(`Could not list the pull request's files, so findings are not ordered by them: ${err.message}`);
        }
    }
    const queries = logicalIdQueries(result, index);
    const logicalIds = queries.length > 0 && config ? await readLogicalIds(await config(), queries) : new Map();
    if (queries.length > 0)
        logger.info(`Read ${logicalIds.size} CloudFormation logical id tag(s) in ${queries.length} query(ies).`);
    const declared = new Map((desired?.rules ?? []).map(r => [r.name, r]));
    const locations = (0,source_map/* mapFindings */.HK)(result, index, {
        logicalIds,
        ruleIdentifiers: new Map([...declared.values()].map(r => [r.name, r.identifier])),
        fallback: name => {
            const p = declared.get(name)?.position;
            return p ? { ...p, file: repoPath(p.file, options.workspace) } : undefined;
        }
    });
    const byFindings = (0,source_map/* ruleLocator */.Fj)(result, locations, changedFiles);
    const locateRule = (name) => {
        const found = byFindings(name);
        if (found)
            return found;
        const p = declared.get(name)?.position;
        return p ? { file: repoPath(p.file, options.workspace), line: p.line, column: p.col } : undefined;
    };
    const sections = [];
    let comparison;
    if (options.baseline) {
        const baseline = await loadBaseline(options.baseline, { input: 'baseline' });
        comparison = compareWithBaseline(result, baseline);
        for (const w of comparison.warnings)
            logger.warn(w);
        sections.push(baselineSection(comparison));
        logger.info(`Baseline ${options.baseline}: ${comparison.new.length} new, ${comparison.existing.length} existing, ${comparison.fixed.length} fixed.`);
    }
    const review = { index, changedFiles, locations, locateRule, sections };
    if (context)
        review.context = context;
    if (comparison)
        review.comparison = comparison;
    return review;
}
async function writeSarifReport(result, review, desired, file, includeWaived, logger) {
    const declared = new Map((desired?.rules ?? []).map(r => [r.name, r]));
    const rules = new Map(result.rules.map(r => {
        const d = declared.get(r.ruleName);
        return [
            r.ruleName,
            {
                ...(d?.identifier ? { identifier: d.identifier } : {}),
                ...(d?.description ? { description: d.description } : {}),
                hipaaSections: r.hipaaSections ?? []
            }
        ];
    }));
    const { log, cut } = buildSarif({
        result,
        locations: review.locations,
        rules,
        includeSuppressed: includeWaived,
        version: version/* VERSION */.x
    });
    if (cut > 0)
        logger.warn(`The SARIF report left out ${cut} results to stay within code scanning's 25,000 per run.`);
    return writeSarif(file, log);
}
/** One check run on the PR head (or pushed) commit with every finding; a read-only token degrades to report-only. */
async function publishChecks(result, gate, review, summaryMarkdown, options, logger) {
    const context = review.context;
    if (!context || options.checks === 'off' || !options.githubToken) {
        if (options.checks !== 'off' && !options.githubToken)
            logger.info('No github-token: findings are reported as workflow annotations.');
        return { published: false };
    }
    const decision = checksMode(options.checks, context);
    if (!decision.use) {
        logger.info(decision.reason);
        return { published: false };
    }
    const annotations = (0,report_annotations/* findingAnnotations */.AV)(result, gate, review.locations, {
        changedFiles: review.changedFiles,
        ruleLocation: review.locateRule
    });
    const octokit = createGitHubClient({ token: options.githubToken, env: options.env, logger });
    const fallbackPath = (0,external_node_fs_.existsSync)(options.config) ? repoPath(options.config, options.workspace) : 'action.yml';
    const run = await publishCheckRun(octokit, {
        owner: context.owner,
        repo: context.repo,
        headSha: context.headSha,
        name: 'compliance-gate',
        title: gate.reason,
        summary: summaryMarkdown,
        conclusion: gate.result === 'fail' ? 'failure' : 'success',
        annotations,
        fallbackPath,
        workspace: options.workspace
    });
    if (run.denied) {
        logger.info(`The token cannot create check runs (${run.reason}): findings are reported in the job summary and workflow annotations only.`);
        return { published: false };
    }
    logger.info(`Check run with ${annotations.length} annotation(s) in ${run.requests} request(s): ${run.url}`);
    return { published: true, url: run.url };
}


/***/ }),

/***/ 6991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ templateTypesFor),
/* harmony export */   U4: () => (/* binding */ PHYSICAL_NAME_PROPERTIES),
/* harmony export */   sB: () => (/* binding */ nameCandidates)
/* harmony export */ });
/* unused harmony export DEPLOYED_AS */
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

/***/ 1778:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "85d319b6cd47fd18af81.json";

/***/ })

};

//# sourceMappingURL=379.index.js.map