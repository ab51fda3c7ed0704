/**
 * The data model of an SSM Automation document (runbook, schemaVersion 0.3) as the action reads it from the
 * user's repository. Every item keeps its position in the source file for error messages and annotations.
 */
import type { SourceError } from '../errors.js';
import type { LineCol } from '../source/position.js';
import type { PNode } from '../source/tree.js';

/** A location inside the document: mapping keys and sequence indexes from the root. */
export type DocPath = readonly (string | number)[];

/** The content format sent to SSM CreateDocument/UpdateDocument (DocumentFormat). */
export type DocumentFormat = 'YAML' | 'JSON';

/** One `{{ ... }}` reference found in a string of the document. */
export interface TemplateRef {
  /** The text between the braces, trimmed, e.g. `TopicArn`, `ModifyAccount.Output`, `global:REGION`. */
  expression: string;
  /** The full reference as written, braces included. */
  raw: string;
  /** The path of the string that holds the reference. */
  path: DocPath;
  /** Position of the opening braces (or of the string when the braces cannot be located in the source). */
  pos: LineCol;
  /** Set for a malformed reference. */
  error?: 'unterminated' | 'empty' | 'nested';
}

/** A parameter declared in the document's `parameters` section. */
export interface RunbookParameter {
  name: string;
  /** The declared type as written ('' when missing or not a string; validation reports it). */
  type: string;
  description?: string;
  /** True when the parameter declares a `default` (even an empty one). */
  hasDefault: boolean;
  default?: unknown;
  allowedPattern?: string;
  allowedValues?: readonly unknown[];
  /** Position of the parameter's name. */
  pos: LineCol;
}

/** A runbook variable declared in the document's `variables` section (updated by aws:updateVariable). */
export interface RunbookVariable {
  name: string;
  type: string;
  default?: unknown;
  pos: LineCol;
}

/** An output a step declares (`outputs: [{Name, Selector, Type}]`). */
export interface StepOutput {
  name: string;
  selector: string;
  type: string;
  pos: LineCol;
}

/** A step of `mainSteps` (or of an aws:loop's `inputs.Steps`). */
export interface RunbookStep {
  /** The step name ('' when missing or not a string; validation reports it). */
  name: string;
  /** The action, e.g. `aws:executeAwsApi` ('' when missing or not a string). */
  action: string;
  /** The step's inputs as plain data ({} when missing). */
  inputs: Readonly<Record<string, unknown>>;
  outputs: readonly StepOutput[];
  nextStep?: string;
  onFailure?: string;
  onCancel?: string;
  isEnd?: boolean;
  /** Steps nested in an aws:loop (empty for every other action). */
  steps: readonly RunbookStep[];
  /** Name of the enclosing aws:loop step, for nested steps. */
  loop?: string;
  /** Path of the step, e.g. ['mainSteps', 0]. */
  path: DocPath;
  /** Position of the step (its first key). */
  pos: LineCol;
  /** `{{ }}` references in the step's inputs (nested loop steps excluded: they carry their own). */
  refs: readonly TemplateRef[];
}

/** A document-level output (`outputs: [Step.Output]`). */
export interface DocumentOutput {
  value: string;
  pos: LineCol;
}

/** A parsed runbook. Pure data, with the document's tree of positions. */
export interface Runbook {
  /** The file as given (used in every error message). */
  file: string;
  /** The SSM document name (from the file name unless overridden). */
  name: string;
  /** The content format to declare to SSM. */
  format: DocumentFormat;
  /** The file text exactly as read: the content sent to SSM and hashed. */
  content: string;
  schemaVersion?: unknown;
  description?: string;
  assumeRole?: string;
  parameters: readonly RunbookParameter[];
  variables: readonly RunbookVariable[];
  /** Top-level steps (`mainSteps`), in order. Loop steps carry their nested steps. */
  steps: readonly RunbookStep[];
  outputs: readonly DocumentOutput[];
  /** References outside step inputs (assumeRole). */
  refs: readonly TemplateRef[];
  /** The whole document as plain data (what validation checks). */
  data: Readonly<Record<string, unknown>>;
  /** Position of the document (its first key). */
  pos: LineCol;
  /** The document with the position of every node (source/tree.ts); use `locate()` from parse.ts. Absent when empty. */
  tree: PNode | undefined;
  /** What validation could not check (set by `loadRunbook`); each names file:line:col. */
  warnings?: readonly SourceError[];
}

/** An IAM policy statement as derived for a runbook's assume role. */
export interface PolicyStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
}

interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface DerivedPolicy {
  policy: PolicyDocument;
  /** What could not be derived or narrowed, one line each, in step order. */
  notes: string[];
}
