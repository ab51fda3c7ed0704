/**
 * Tags of AWS Config rules, conformance packs and organization conformance packs: TagResource, UntagResource,
 * ListTagsForResource (TagResource.ResourceArn: "ConfigRule, OrganizationConfigRule, ConformancePack and
 * OrganizationConformancePack, ..." are supported: https://docs.aws.amazon.com/config/latest/APIReference/API_TagResource.html).
 */
import type * as Cfg from '@aws-sdk/client-config-service';
import { AwsError, type RequestContext } from '../../../core/types.js';
import { effectiveLimit, encodeToken, pageAfter } from '../paging.js';
import { type ConfigState, type RuleRecord } from '../state.js';
import { cfgOf, names, byName, stringAfter } from './common.js';
import { packTagsByArn } from '../conformance-packs.js';

const MAX_TAGS = 50;

function ruleByArn(cfg: ConfigState, arn: string): Pick<RuleRecord, 'tags'> {
  const rec = Object.values(cfg.rules).find(r => r.rule.ConfigRuleArn === arn) ?? packTagsByArn(cfg, arn);
  if (!rec) throw new AwsError('ResourceNotFoundException', `No taggable Config resource has the ARN '${arn}'.`);
  return rec;
}

export function checkTagKey(key: string | undefined, code: string): string {
  if (key === undefined || key === '') throw new AwsError(code, 'A tag key must not be empty.');
  if (key.toLowerCase().startsWith('aws:')) {
    throw new AwsError(code, `Tag keys starting with 'aws:' are reserved for AWS use: '${key}'.`);
  }
  return key;
}

export function tagResource(input: Cfg.TagResourceCommandInput, ctx: RequestContext): unknown {
  const rec = ruleByArn(cfgOf(ctx), input.ResourceArn as string);
  const merged = { ...rec.tags };
  for (const t of input.Tags ?? []) {
    merged[checkTagKey(t.Key, 'ValidationException')] = t.Value ?? '';
  }
  if (Object.keys(merged).length > MAX_TAGS) {
    throw new AwsError('TooManyTagsException', `A Config rule can have at most ${MAX_TAGS} tags.`);
  }
  rec.tags = merged;
  return {};
}

export function untagResource(input: Cfg.UntagResourceCommandInput, ctx: RequestContext): unknown {
  const rec = ruleByArn(cfgOf(ctx), input.ResourceArn as string);
  for (const key of names(input.TagKeys)) delete rec.tags[key];
  return {};
}

export function listTagsForResource(input: Cfg.ListTagsForResourceCommandInput, ctx: RequestContext): unknown {
  const arn = input.ResourceArn as string;
  const rec = ruleByArn(cfgOf(ctx), arn);
  const limit = effectiveLimit(input.Limit, MAX_TAGS, MAX_TAGS, 'InvalidLimitException');
  const op = 'ListTagsForResource';
  const after = stringAfter(input.NextToken, op, arn);
  const page = pageAfter(Object.keys(rec.tags).sort(), byName, after, limit);
  const out: Record<string, unknown> = { Tags: page.items.map(k => ({ Key: k, Value: rec.tags[k] })) };
  if (page.more) out['NextToken'] = encodeToken(op, arn, page.items.at(-1));
  return out;
}
