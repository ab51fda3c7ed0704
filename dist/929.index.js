export const id = 929;
export const ids = [929];
export const modules = {

/***/ 5929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ loadManifest),
  N: () => (/* binding */ parseManifest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/source/collector.ts + 1 modules
var collector = __webpack_require__(9090);
// EXTERNAL MODULE: ./src/source/tree.ts
var source_tree = __webpack_require__(1689);
;// CONCATENATED MODULE: ./src/source/schema.ts

/** A JSON pointer (Ajv's instancePath, e.g. `/packs/0/template`) as a tree path; `~1` and `~0` unescaped. */
function pointerPath(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map(s => (/^\d+$/.test(s) ? Number(s) : s));
}
/** Drops Ajv's follow-on errors (a failed oneOf also reports each branch). */
function usefulErrors(errors) {
    const oneOfPaths = new Set(errors.filter(e => e.keyword === 'oneOf').map(e => e.instancePath));
    return errors.filter(e => {
        if (e.keyword === 'oneOf')
            return true;
        if (oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/'))
            return false;
        // A value failing oneOf of two type alternatives reports both; keep the oneOf one only.
        return !(e.schemaPath.includes('/oneOf/') && [...oneOfPaths].some(p => e.instancePath.startsWith(p)));
    });
}
/** Where an Ajv error points: the value at its path, or the unknown key for `additionalProperties`. */
function schemaErrorPosition(e, root, empty) {
    if (root === undefined)
        return empty;
    const path = pointerPath(e.instancePath);
    if (e.keyword === 'additionalProperties') {
        return (0,source_tree/* positionOf */.df)(root, [...path, String(e.params.additionalProperty)], 'key');
    }
    return (0,source_tree/* positionOf */.df)(root, path);
}
/**
 * Adds the useful errors of a failed validation to the sink, each at its position and worded by `describe`.
 * `empty` is the position for an empty document (no tree).
 */
function addSchemaErrors(errors, root, empty, describe, sink) {
    for (const e of usefulErrors(errors ?? []))
        sink.add(schemaErrorPosition(e, root, empty), describe(e));
}

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/manifest/schema.ts
/**
 * JSON Schema of compliance.yml. `schema/compliance.schema.json` is generated from this object
 * (`npm run schema`) for editors (`# yaml-language-server: $schema=...`); a test keeps the two equal.
 */
const ruleName = { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,128}$' };
const parameterValues = {
    type: 'object',
    description: 'Parameter values. Numbers and booleans are passed as their string form, as AWS does.',
    additionalProperties: { type: ['string', 'number', 'boolean'] }
};
const MANIFEST_SCHEMA_ID = 'https://github.com/example-org/compliance-gate/schema/compliance.schema.json';
const manifestSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: MANIFEST_SCHEMA_ID,
    title: 'compliance-gate manifest (compliance.yml)',
    description: 'Conformance packs, single rules, SSM Automation runbooks, remediation bindings, alerting and waivers that compliance-gate deploys and checks.',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
        version: { const: 1, description: 'Manifest format version. Always 1.' },
        packs: {
            type: 'array',
            description: 'Conformance packs: a built-in pack or a template in AWS conformance pack format.',
            items: {
                type: 'object',
                additionalProperties: false,
                oneOf: [{ required: ['builtin'] }, { required: ['template'] }],
                properties: {
                    builtin: { type: 'string', enum: ['hipaa-security'], description: 'A pack shipped with the action.' },
                    template: {
                        type: 'string',
                        minLength: 1,
                        description: 'Path (relative to this file) of a conformance pack template, YAML or JSON.'
                    },
                    parameters: parameterValues,
                    exclude: {
                        type: 'array',
                        description: 'Names of pack rules not to deploy or check.',
                        items: ruleName,
                        uniqueItems: true
                    }
                }
            }
        },
        rules: {
            type: 'array',
            description: 'Single AWS managed Config rules, in addition to the packs.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'identifier'],
                properties: {
                    name: { ...ruleName, description: 'ConfigRuleName.' },
                    identifier: {
                        type: 'string',
                        pattern: '^[A-Z0-9_]{1,256}$',
                        description: 'AWS managed rule identifier, e.g. S3_BUCKET_LOGGING_ENABLED.'
                    },
                    description: { type: 'string', maxLength: 256 },
                    parameters: parameterValues,
                    'resource-types': {
                        type: 'array',
                        items: { type: 'string', pattern: '^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$' },
                        maxItems: 100,
                        uniqueItems: true,
                        description: 'Scope: resource types the rule evaluates.'
                    },
                    'tag-key': { type: 'string', minLength: 1, maxLength: 128 },
                    'tag-value': { type: 'string', minLength: 1, maxLength: 256 },
                    'maximum-execution-frequency': {
                        type: 'string',
                        enum: ['One_Hour', 'Three_Hours', 'Six_Hours', 'Twelve_Hours', 'TwentyFour_Hours']
                    },
                    'evaluation-modes': {
                        type: 'array',
                        items: { type: 'string', enum: ['DETECTIVE', 'PROACTIVE'] },
                        minItems: 1,
                        uniqueItems: true,
                        description: 'DETECTIVE (deployed resources, the default) and/or PROACTIVE (resources before deploy: pre-deploy checks), for managed rules that support it.'
                    }
                }
            }
        },
        runbooks: {
            type: 'array',
            description: 'SSM Automation documents (schemaVersion 0.3, YAML or JSON) to deploy.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: {
                    path: { type: 'string', minLength: 1, description: 'Path relative to this file.' },
                    name: {
                        type: 'string',
                        pattern: '^[a-zA-Z0-9_.-]{3,128}$',
                        description: 'SSM document name. Default: the file name without its extension.'
                    }
                }
            }
        },
        remediations: {
            type: 'array',
            description: 'Remediation bindings: which runbook fixes or reports a rule, and how.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['rule', 'runbook'],
                properties: {
                    rule: { ...ruleName, description: 'A rule of this manifest.' },
                    runbook: {
                        type: 'string',
                        pattern: '^[a-zA-Z0-9_.-]{3,128}$',
                        description: 'A runbook of this manifest (its name), or an AWS-owned document such as AWS-PublishSNSNotification.'
                    },
                    'runbook-version': { type: 'string', pattern: '^([$]DEFAULT|[$]LATEST|[0-9]+)$' },
                    'resource-id-parameter': {
                        type: 'string',
                        minLength: 1,
                        description: 'The runbook parameter that receives the non-compliant resource id. Leave it out for account-level runbooks that take none.'
                    },
                    parameters: {
                        type: 'object',
                        description: 'Static runbook parameter values (a string or a list of strings).',
                        additionalProperties: {
                            oneOf: [
                                { type: ['string', 'number', 'boolean'] },
                                { type: 'array', items: { type: ['string', 'number', 'boolean'] } }
                            ]
                        }
                    },
                    automatic: { type: 'boolean', default: false, description: 'AWS Config runs it on each new finding.' },
                    'maximum-attempts': { type: 'integer', minimum: 1, maximum: 25, default: 5 },
                    'retry-seconds': { type: 'integer', minimum: 1, maximum: 2678000, default: 60 },
                    'concurrency-percent': { type: 'integer', minimum: 1, maximum: 100, default: 10 },
                    'error-percent': { type: 'integer', minimum: 1, maximum: 100, default: 10 }
                }
            }
        },
        alerts: {
            type: 'object',
            additionalProperties: false,
            required: ['sns-topic'],
            properties: {
                'sns-topic': {
                    type: 'string',
                    pattern: '^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$',
                    description: 'SNS topic ARN for alerts.'
                }
            }
        },
        audit: {
            type: 'object',
            additionalProperties: false,
            description: 'The remediation audit trail in CloudWatch Logs (the audit-log-group input overrides log-group).',
            properties: {
                'log-group': {
                    type: 'string',
                    minLength: 1,
                    maxLength: 512,
                    pattern: '^[.\\-_/#A-Za-z0-9]+$',
                    description: 'CloudWatch Logs log group for the audit records, e.g. /compliance-gate/audit.'
                },
                'retention-days': {
                    type: 'integer',
                    // The values PutRetentionPolicy accepts (CloudWatch Logs API Reference, PutRetentionPolicy).
                    enum: [
                        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
                    ],
                    default: 2192,
                    description: 'Retention of a log group the action creates (default 2192 days: six years, 45 CFR 164.316(b)(2)(i)).'
                },
                'kms-key-id': {
                    type: 'string',
                    pattern: '^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$',
                    description: 'ARN of the KMS key that encrypts a log group the action creates.'
                }
            }
        },
        waivers: {
            type: 'array',
            description: 'Accepted findings: listed as waived, not counted by the gate, until they expire.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['rule', 'resource', 'reason', 'owner', 'expires'],
                properties: {
                    // "The AWS account ID is a 12-digit number, such as 123456789012" (AWS Account Management Reference Guide,
                    // "View AWS account identifiers"). A string: YAML would read 012345678901 as a number and drop the zero.
                    account: {
                        type: 'string',
                        pattern: '^[0-9]{12}$',
                        description: "The 12-digit account whose findings the waiver covers, quoted (account: '222222222222'). Without it the waiver applies to every account."
                    },
                    rule: ruleName,
                    resource: { type: 'string', minLength: 1, description: 'The resource id as AWS Config reports it.' },
                    reason: { type: 'string', minLength: 3 },
                    owner: { type: 'string', minLength: 1 },
                    expires: {
                        type: 'string',
                        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
                        description: 'Last day the waiver applies (YYYY-MM-DD).'
                    }
                }
            }
        }
    }
};

// EXTERNAL MODULE: ./src/source/yaml.ts
var yaml = __webpack_require__(9094);
// EXTERNAL MODULE: ./src/util/dates.ts
var dates = __webpack_require__(3621);
// EXTERNAL MODULE: ./src/util/paths.ts
var paths = __webpack_require__(4964);
;// CONCATENATED MODULE: ./src/manifest/load.ts
/**
 * Loads compliance.yml: YAML with positions, validated against the JSON Schema, then checked for what a schema
 * cannot say (duplicates, expired waivers, missing files). Every problem names file:line:col, and all problems
 * are reported at once.
 */











const load_ajv = new ajv.Ajv({ allErrors: true, strict: false });
const validate = load_ajv.compile(manifestSchema);
function describeSchemaError(e) {
    const where = e.instancePath === '' ? 'the manifest' : `'${e.instancePath.slice(1).replace(/\//g, '.')}'`;
    switch (e.keyword) {
        case 'required':
            return `${where} is missing '${String(e.params.missingProperty)}'`;
        case 'additionalProperties':
            return `${where} has an unknown key '${String(e.params.additionalProperty)}'`;
        case 'enum':
            return `${where} must be one of ${e.params.allowedValues.join(', ')}`;
        case 'const':
            return `${where} must be ${JSON.stringify(e.params.allowedValue)}`;
        case 'oneOf':
            return `${where} must have exactly one of the alternatives (e.g. either 'builtin' or 'template')`;
        default:
            return `${where} ${e.message ?? 'is invalid'}`;
    }
}
const str = (v) => String(v);
const strings = (o) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, str(v)]));
/** Paths in the manifest are relative to its directory; an absolute one would be read as relative (join). */
const ABSOLUTE = "the path is absolute; write it relative to the manifest's directory (inside the repository)";
/**
 * Parses and validates manifest text. `today` (YYYY-MM-DD) decides which waivers have expired. Files the manifest
 * references (pack templates, runbooks) must be inside `workspace` (GITHUB_WORKSPACE; default the current
 * directory): a pull request can edit the manifest, so it must not make the action read files elsewhere on the
 * runner.
 */
function parseManifest(text, file, today, workspace = process.cwd()) {
    const parsed = (0,yaml/* readYaml */.gM)(text);
    const errors = new collector/* ErrorSink */.u();
    for (const e of parsed.errors)
        errors.add((0,source_tree/* positionAt */.t$)(parsed, file, e.offset), `invalid YAML: ${e.message}`);
    errors.throwInOrderIfAny();
    let raw;
    try {
        raw = (0,yaml/* yamlToJS */.GC)(parsed, file);
    }
    catch (err) {
        if (err instanceof src_errors/* SourceError */.c8)
            throw new src_errors/* SourceErrors */.VH([err]);
        throw err;
    }
    // The tree gives positions only; the data is `raw` (validated below), so its own problems are not the reader's.
    const tree = (0,source_tree/* toTree */.Gc)(parsed, file, new collector/* ErrorSink */.u());
    const start = { file, line: 1, col: 1 };
    /** Position of the node at path; the nearest existing ancestor when it is missing. */
    const at = (path) => (tree === undefined ? start : (0,source_tree/* positionOf */.df)(tree, path));
    if (!validate(raw)) {
        addSchemaErrors(validate.errors, tree, start, describeSchemaError, errors);
        throw new src_errors/* SourceErrors */.VH(errors.errors);
    }
    const m = raw;
    const base = (0,external_node_path_.dirname)(file);
    const packs = (m.packs ?? []).map((p, i) => {
        const position = at(['packs', i]);
        const ref = { parameters: strings(p.parameters), exclude: p.exclude ?? [], position };
        if (p.builtin)
            ref.builtin = p.builtin;
        if (p.template) {
            ref.template = (0,external_node_path_.join)(base, p.template);
            const outside = (0,external_node_path_.isAbsolute)(p.template) ? ABSOLUTE : (0,paths/* outsideWorkspace */.tq)(ref.template, workspace);
            if (outside !== undefined) {
                errors.add(at(['packs', i, 'template']), `template ${JSON.stringify(p.template)}: ${outside}`);
            }
            else if (!(0,external_node_fs_.existsSync)(ref.template)) {
                errors.add(at(['packs', i, 'template']), `template file not found: ${p.template}`);
            }
        }
        return ref;
    });
    const rules = (m.rules ?? []).map((r, i) => {
        const rule = {
            name: r.name,
            identifier: r.identifier,
            parameters: strings(r.parameters),
            position: at(['rules', i])
        };
        if (r.description !== undefined)
            rule.description = r.description;
        if (r['resource-types'])
            rule.resourceTypes = r['resource-types'];
        if (r['tag-key'] !== undefined)
            rule.tagKey = r['tag-key'];
        if (r['tag-value'] !== undefined)
            rule.tagValue = r['tag-value'];
        if (r['maximum-execution-frequency'])
            rule.maximumExecutionFrequency = r['maximum-execution-frequency'];
        if (r['evaluation-modes'])
            rule.evaluationModes = r['evaluation-modes'];
        return rule;
    });
    const seenRules = new Map();
    rules.forEach((r, i) => {
        const first = seenRules.get(r.name);
        if (first !== undefined) {
            errors.add(at(['rules', i, 'name']), `rule '${r.name}' is declared twice (first at line ${rules[first].position.line})`);
        }
        else
            seenRules.set(r.name, i);
    });
    const runbooks = (m.runbooks ?? []).map((r, i) => {
        const ref = { path: (0,external_node_path_.join)(base, r.path), position: at(['runbooks', i]) };
        if (r.name)
            ref.name = r.name;
        const outside = (0,external_node_path_.isAbsolute)(r.path) ? ABSOLUTE : (0,paths/* outsideWorkspace */.tq)(ref.path, workspace);
        if (outside !== undefined) {
            errors.add(at(['runbooks', i, 'path']), `runbook ${JSON.stringify(r.path)}: ${outside}`);
        }
        else if (!(0,external_node_fs_.existsSync)(ref.path))
            errors.add(at(['runbooks', i, 'path']), `runbook file not found: ${r.path}`);
        return ref;
    });
    const remediations = (m.remediations ?? []).map((r, i) => {
        const b = {
            rule: r.rule,
            runbook: r.runbook,
            parameters: Object.fromEntries(Object.entries(r.parameters ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(str) : str(v)])),
            automatic: r.automatic ?? false,
            maximumAttempts: r['maximum-attempts'] ?? 5,
            retrySeconds: r['retry-seconds'] ?? 60,
            concurrencyPercent: r['concurrency-percent'] ?? 10,
            errorPercent: r['error-percent'] ?? 10,
            position: at(['remediations', i])
        };
        if (r['runbook-version'])
            b.runbookVersion = r['runbook-version'];
        if (r['resource-id-parameter'])
            b.resourceIdParameter = r['resource-id-parameter'];
        return b;
    });
    const seenBindings = new Set();
    remediations.forEach((b, i) => {
        if (seenBindings.has(b.rule)) {
            errors.add(at(['remediations', i, 'rule']), `rule '${b.rule}' has more than one remediation`);
        }
        seenBindings.add(b.rule);
    });
    const waivers = (m.waivers ?? []).map((w, i) => {
        const position = at(['waivers', i]);
        const notADate = (0,dates/* calendarDateProblem */.i)(w.expires);
        if (notADate !== undefined) {
            errors.add(at(['waivers', i, 'expires']), `waiver expiry '${w.expires}' is not a date: ${notADate}`);
        }
        else if (w.expires < today) {
            errors.add(at(['waivers', i, 'expires']), `waiver for ${w.rule} / ${w.resource} (owner ${w.owner}) expired on ${w.expires}: renew it or fix the resource`);
        }
        return {
            ...(w.account !== undefined ? { account: w.account } : {}),
            rule: w.rule,
            resourceId: w.resource,
            reason: w.reason,
            owner: w.owner,
            expires: w.expires,
            source: `${file}:${position.line}`,
            position
        };
    });
    errors.throwInOrderIfAny();
    const manifest = { file, packs, rules, runbooks, remediations, waivers };
    if (m.alerts)
        manifest.alerts = { snsTopic: m.alerts['sns-topic'], position: at(['alerts', 'sns-topic']) };
    if (m.audit) {
        const a = m.audit;
        manifest.audit = {
            ...(a['log-group'] !== undefined ? { logGroup: a['log-group'] } : {}),
            ...(a['retention-days'] !== undefined ? { retentionDays: a['retention-days'] } : {}),
            ...(a['kms-key-id'] !== undefined ? { kmsKeyId: a['kms-key-id'] } : {})
        };
    }
    return manifest;
}
/** Reads and parses a manifest file. */
function loadManifest(file, today, workspace) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new src_errors/* SourceError */.c8(file, 1, 1, `cannot read the manifest: ${err.message}`);
    }
    return parseManifest(text, file, today, workspace);
}


/***/ }),

/***/ 3621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ calendarDateProblem)
/* harmony export */ });
/** Calendar dates as users write them (YYYY-MM-DD, e.g. a waiver's `expires`). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * Why `text` is not a real calendar date in the proleptic Gregorian calendar (month 01-12, day within the month,
 * 29 February only in leap years), or undefined when it is one. `Date.parse` is not used: it accepts 2027-02-30
 * and rolls it over to 2 March.
 */
function calendarDateProblem(text) {
    const m = ISO_DATE.exec(text);
    if (m === null)
        return 'not a date in the form YYYY-MM-DD';
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12)
        return `month ${m[2]} does not exist`;
    const days = daysInMonth(year, month);
    if (day < 1 || day > days)
        return `day ${m[3]} does not exist in ${year}-${m[2]} (${days} days)`;
    return undefined;
}
function daysInMonth(year, month) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}


/***/ })

};

//# sourceMappingURL=929.index.js.map