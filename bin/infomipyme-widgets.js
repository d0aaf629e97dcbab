#!/usr/bin/env node
// infomipyme-widgets validate <file-or-url> [--json] [--lang es|en]
// The feed validator for partners; runs on the built library (dist/).
import { readFile } from 'node:fs/promises';

// @lit/localize announces language changes on `window`; Node has none.
globalThis.window ??= new EventTarget();

const { parseFeedText } = await import('../dist/feed/index.js');
const { buildReport, formatReport, cliText } = await import('../dist/cli/report.js');
const { initLocalization, uiLanguage } = await import('../dist/shared/locale.js');

const args = process.argv.slice(2);
const flag = (name) => {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const json = args.includes('--json');
if (json) args.splice(args.indexOf('--json'), 1);
const lang =
  uiLanguage(flag('--lang')) ?? uiLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) ?? 'es';
await initLocalization(lang);

const [command, source] = args;
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(cliText.usage());
  process.exit(command === undefined ? 2 : 0);
}
if (command !== 'validate' || source === undefined) {
  console.error(command === 'validate' ? cliText.usage() : `${cliText.unknownCommand(command)}\n\n${cliText.usage()}`);
  process.exit(2);
}

let text;
try {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(cliText.httpStatus(source, response.status));
    text = await response.text();
  } else {
    text = await readFile(source, 'utf8');
  }
} catch (error) {
  console.error(cliText.cannotRead(source, error instanceof Error ? error.message : String(error)));
  process.exit(1);
}

const result = parseFeedText(text);
const report = buildReport(source, result);
if (json) console.log(JSON.stringify(report, null, 2));
else console.log(formatReport(report, result, lang).join('\n'));
process.exit(report.ok ? 0 : 1);
