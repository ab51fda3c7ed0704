/**
 * CloudFormation templates of the repository, read with positions so a finding about a deployed resource can
 * point at the line that declares it.
 */
import type { SourcePosition } from '../source/position.js';

/** One resource of a template (an entry of its `Resources` section). */
export interface TemplateResource {
  /** Repository-relative path of the template, forward slashes. */
  file: string;
  logicalId: string;
  /** The resource type as written, e.g. AWS::S3::Bucket. */
  type: string;
  /** The Properties as plain data; intrinsic functions stay as their long forms ({ Ref: ... }, { 'Fn::Sub': ... }). */
  properties: unknown;
  /** The literal name the template gives the resource (BucketName, TableName, ...), when it gives one. */
  physicalName?: string;
  /** Position of the logical id key. */
  position: SourcePosition;
  /**
   * Position of a property key under Properties (path of keys; a list item by its index, e.g.
   * ['Tags', '0', 'Key']); undefined when the template does not write that property.
   */
  propertyPosition(path: readonly string[]): SourcePosition | undefined;
}

export interface CfnTemplate {
  file: string;
  resources: TemplateResource[];
}

/** A file the globs matched that is not a CloudFormation template. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The templates of a repository, searchable by physical name and by logical id. */
export interface TemplateIndex {
  readonly templates: readonly CfnTemplate[];
  /** Files matched but not read as templates, with the reason. */
  readonly skipped: readonly SkippedFile[];
  /** Resources of `type` whose physical name is `name` (an ARN or URL also matches by its last segment). */
  byPhysicalName(type: string, name: string): TemplateResource[];
  /** Resources with this logical id (of this type, when given), in file order. */
  byLogicalId(logicalId: string, type?: string): TemplateResource[];
}
