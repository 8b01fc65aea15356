// Validates AsyncAPI documents with the AsyncAPI Initiative's own parser (@asyncapi/parser, the one the
// AsyncAPI CLI's `validate` runs): the document against the JSON Schema of its AsyncAPI version, every
// reference resolved, and the parser's rules for that version (operations' messages from their channel,
// channel servers, parameters...). Prints each finding; exits 1 on any error, or when a document cannot
// be read or parsed. Warnings are printed and pass.
// Usage: node scripts/lint-asyncapi.cjs <folder where @asyncapi/parser is installed> <document>...
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [tools, ...documents] = process.argv.slice(2);
if (!tools || documents.length === 0) {
  console.error('usage: lint-asyncapi.cjs <tools folder> <document>...');
  process.exit(2);
}
const { Parser, DiagnosticSeverity } = createRequire(path.resolve(tools, 'package.json'))('@asyncapi/parser');
const SEVERITY = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };

async function lint(parser, document) {
  const source = fs.readFileSync(document, 'utf8');
  const { document: parsed, diagnostics } = await parser.parse(source, { source: path.resolve(document) });
  let errors = 0;
  for (const finding of diagnostics) {
    const at = finding.range ? `${finding.range.start.line + 1}:${finding.range.start.character + 1}` : '';
    console.log(`${document}:${at} ${SEVERITY[finding.severity]} ${finding.code} ${finding.message}`
      + (finding.path && finding.path.length ? ` (${finding.path.join('.')})` : ''));
    if (finding.severity === DiagnosticSeverity.Error) {
      errors++;
    }
  }
  if (!parsed && errors === 0) {
    console.log(`${document}: error: the parser gave no document`);
    errors++;
  }
  const counted = diagnostics.length - errors;
  console.log(`${document}: AsyncAPI ${parsed ? parsed.version() : '?'}, ${errors} errors, ${counted} other findings`);
  return errors;
}

(async () => {
  const parser = new Parser();
  let errors = 0;
  for (const document of documents) {
    errors += await lint(parser, document);
  }
  process.exit(errors > 0 ? 1 : 0);
})().catch(failure => {
  console.error(failure);
  process.exit(1);
});
