/**
 * npm run sync-inputs: writes action.yml's inputs/outputs and README's input/output tables from the one
 * declaration of each (src/inputs.ts INPUTS, src/outputs.ts OUTPUTS). test/unit/action-yml.test.ts checks the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUTS, type InputSpec } from '../src/inputs.js';
import { OUTPUTS } from '../src/outputs.js';
import { REPO_ROOT } from '../test/helpers/action-env.js';

const yamlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function actionYmlBlocks(): string {
  const lines = ['inputs:'];
  for (const [name, spec] of Object.entries(INPUTS) as [string, InputSpec][]) {
    lines.push(`  ${name}:`, `    description: ${yamlString(spec.description)}`);
    lines.push(`    required: ${spec.required ? 'true' : 'false'}`);
    if (spec.default !== undefined) lines.push(`    default: ${yamlString(spec.default)}`);
  }
  lines.push('', 'outputs:');
  for (const [name, description] of Object.entries(OUTPUTS)) {
    lines.push(`  ${name}:`, `    description: ${yamlString(description)}`);
  }
  return lines.join('\n') + '\n';
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

function readmeInputs(): string {
  const rows = ['| Input | Default | Description |', '| --- | --- | --- |'];
  for (const [name, spec] of Object.entries(INPUTS) as [string, InputSpec][]) {
    const def = spec.required ? 'required' : spec.default ? `\`${spec.default}\`` : '';
    rows.push(`| \`${name}\` | ${def} | ${cell(spec.description)} |`);
  }
  return rows.join('\n');
}

function readmeOutputs(): string {
  const rows = ['| Output | Description |', '| --- | --- |'];
  for (const [name, description] of Object.entries(OUTPUTS)) rows.push(`| \`${name}\` | ${cell(description)} |`);
  return rows.join('\n');
}

function replaceBetween(text: string, start: string, end: string, body: string, file: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file}: markers ${start} ... ${end} not found`);
  return text.slice(0, a + start.length) + '\n' + body + '\n' + text.slice(b);
}

const actionPath = join(REPO_ROOT, 'action.yml');
const action = readFileSync(actionPath, 'utf8');
const head = action.slice(0, action.indexOf('inputs:'));
const tail = action.slice(action.indexOf('runs:'));
writeFileSync(actionPath, head + actionYmlBlocks() + '\n' + tail);

const readmePath = join(REPO_ROOT, 'README.md');
let readme = readFileSync(readmePath, 'utf8');
readme = replaceBetween(readme, '<!-- inputs:start -->', '<!-- inputs:end -->', readmeInputs(), 'README.md');
readme = replaceBetween(readme, '<!-- outputs:start -->', '<!-- outputs:end -->', readmeOutputs(), 'README.md');
writeFileSync(readmePath, readme);
process.stdout.write('action.yml and README.md tables written from src/inputs.ts and src/outputs.ts\n');
