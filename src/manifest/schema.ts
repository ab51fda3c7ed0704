/**
 * JSON Schema of compliance.yml. `schema/compliance.schema.json` is generated from this object
 * (`npm run schema`) for editors (`# yaml-language-server: $schema=...`); a test keeps the two equal.
 */

const ruleName = { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,128}$' } as const;
const parameterValues = {
  type: 'object',
  description: 'Parameter values. Numbers and booleans are passed as their string form, as AWS does.',
  additionalProperties: { type: ['string', 'number', 'boolean'] }
} as const;

const MANIFEST_SCHEMA_ID = 'https://github.com/example-org/compliance-gate/schema/compliance.schema.json';

export const manifestSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: MANIFEST_SCHEMA_ID,
  title: 'compliance-gate manifest (compliance.yml)',
  description:
    'Conformance packs, single rules, SSM Automation runbooks, remediation bindings, alerting and waivers that compliance-gate deploys and checks.',
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
            description:
              'DETECTIVE (deployed resources, the default) and/or PROACTIVE (resources before deploy: pre-deploy checks), for managed rules that support it.'
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
            description:
              'A runbook of this manifest (its name), or an AWS-owned document such as AWS-PublishSNSNotification.'
          },
          'runbook-version': { type: 'string', pattern: '^([$]DEFAULT|[$]LATEST|[0-9]+)$' },
          'resource-id-parameter': {
            type: 'string',
            minLength: 1,
            description:
              'The runbook parameter that receives the non-compliant resource id. Leave it out for account-level runbooks that take none.'
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
          description:
            'Retention of a log group the action creates (default 2192 days: six years, 45 CFR 164.316(b)(2)(i)).'
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
            description:
              "The 12-digit account whose findings the waiver covers, quoted (account: '222222222222'). Without it the waiver applies to every account."
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
} as const;
