/**
 * The document as a whole: its SSM name, its size, its top-level properties and their shapes.
 */
import type { LineCol } from '../../source/position.js';
import { DOCUMENT_KEYS } from '../actions.js';
import { MAX_DOCUMENT_CONTENT_BYTES, contentBytes } from '../hash.js';
import { describe, quote } from './context.js';
import type { Check } from './context.js';

/** SSM CreateDocument `Name` pattern (ssm.json, DocumentName). */
const DOCUMENT_NAME = /^[a-zA-Z0-9_\-.]{3,128}$/;
/** Prefixes AWS reserves for its own documents (aws, amazon, amzn; AWSEC2, AWSConfigRemediation, AWSSupport). */
const RESERVED_PREFIX = /^(aws|amazon|amzn)/i;

export function checkDocument(c: Check): void {
  const { runbook, d, err, at } = c;
  const fileStart: LineCol = { line: 1, col: 1 };

  // Document name and size.
  if (!DOCUMENT_NAME.test(runbook.name)) {
    err(
      fileStart,
      `document name '${runbook.name}' is not a valid SSM document name: 3 to 128 letters, digits, '_', '-' or '.' ` +
        '(the name comes from the file name unless set explicitly)'
    );
  }
  if (RESERVED_PREFIX.test(runbook.name)) {
    err(
      fileStart,
      `document name '${runbook.name}' starts with a prefix AWS reserves (aws, amazon, amzn, in any case)`
    );
  }
  const bytes = contentBytes(runbook.content);
  if (bytes > MAX_DOCUMENT_CONTENT_BYTES) {
    err(fileStart, `content is ${bytes} bytes; SSM accepts at most ${MAX_DOCUMENT_CONTENT_BYTES} bytes (64 KB)`);
  }

  // Top level.
  for (const key of Object.keys(d)) {
    if (!DOCUMENT_KEYS.has(key)) {
      err(at([key], 'key'), `unknown top-level property '${key}' (expected one of ${[...DOCUMENT_KEYS].join(', ')})`);
    }
  }
  if (!('schemaVersion' in d)) {
    err(runbook.pos, "schemaVersion is missing: Automation runbooks use schemaVersion '0.3'");
  } else if (d.schemaVersion !== '0.3' && d.schemaVersion !== 0.3) {
    err(at(['schemaVersion']), `schemaVersion is ${quote(d.schemaVersion)}; Automation runbooks use '0.3'`);
  }
  if ('description' in d && typeof d.description !== 'string') {
    err(at(['description']), `description must be a string, not ${describe(d.description)}`);
  }
  if ('assumeRole' in d && typeof d.assumeRole !== 'string') {
    err(
      at(['assumeRole']),
      `assumeRole must be a string (a role ARN or '{{ Parameter }}'), not ${describe(d.assumeRole)}`
    );
  }
}
