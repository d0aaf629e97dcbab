#!/usr/bin/env node
// infomipyme-widgets validate <file-or-url> [--json] [--lang es|en]
// infomipyme-widgets split <feed-file-or-url> <out-dir> [--compact] [--lang es|en]
// The feed validator and splitter for partners; runs on the built library (dist/).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// @lit/localize announces language changes on `window`; Node has none.
globalThis.window ??= new EventTarget();

// Every feed this program reads is checked with the zod schemas themselves (src/feed/schema.ts, the
// contract's source of truth); the widgets use a small validator that gives the same issues.
const { checkWithZod } = await import('../dist/feed/validate-zod.js');
checkWithZod();

const { parseFeedText, feedIndexJson, parseFeedIndex } = await import('../dist/feed/index.js');
const { buildReport, formatReport, cliText } = await import('../dist/cli/report.js');
const { splitFeed, formatSplit, splitText, buildIndexReport, formatIndexReport, indexParts } = await import(
  '../dist/cli/split.js'
);
const { initLocalization, uiLanguage } = await import('../dist/shared/locale.js');

const args = process.argv.slice(2);
const flag = (name) => {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
};
const option = (name) => {
  const index = args.indexOf(name);
  if (index !== -1) args.splice(index, 1);
  return index !== -1;
};
const json = option('--json');
const compact = option('--compact');
const lang =
  uiLanguage(flag('--lang')) ?? uiLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) ?? 'es';
await initLocalization(lang);

const usage = () => `${cliText.usage()}\n\n${splitText.usage()}`;
const [command, source, outDir] = args;
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  console.log(usage());
  process.exit(command === undefined ? 2 : 0);
}
if ((command !== 'validate' && command !== 'split') || source === undefined || (command === 'split' && !outDir)) {
  console.error(command === 'validate' || command === 'split' ? usage() : `${cliText.unknownCommand(command)}\n\n${usage()}`);
  process.exit(2);
}

const isUrl = (value) => /^https?:\/\//i.test(value);

/** The text at a path or an http(s) address. */
async function read(where, shown = where) {
  if (isUrl(where)) {
    const response = await fetch(where, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(cliText.httpStatus(shown, response.status));
    return response.text();
  }
  return readFile(where, 'utf8');
}

const reason = (error) => (error instanceof Error ? error.message : String(error));

let text;
try {
  text = await read(source);
} catch (error) {
  console.error(cliText.cannotRead(source, reason(error)));
  process.exit(1);
}

if (command === 'split') {
  if (feedIndexJson(text)) {
    console.error(splitText.isIndex(source));
    process.exit(1);
  }
  const parsed = parseFeedText(text);
  if (!parsed.ok) {
    console.error(splitText.cannotSplit(source, parsed.error.message));
    process.exit(1);
  }
  const result = splitFeed(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), {
    indent: compact ? 0 : 2,
  });
  if (!result.ok) {
    console.error(result.code === 'index' ? splitText.isIndex(source) : splitText.cannotSplit(source, result.error));
    process.exit(1);
  }
  await mkdir(outDir, { recursive: true });
  for (const file of result.files) await writeFile(join(outDir, file.file), file.text);
  console.log(formatSplit(result, outDir, Buffer.byteLength(text)).join('\n'));
  process.exit(0);
}

const index = feedIndexJson(text);
if (index) {
  // A feed split by country: the index, then every part it lists (read in parallel).
  const base = isUrl(source) ? new URL(source).href : pathToFileURL(resolve(source)).href;
  const result = parseFeedIndex(index, base);
  const here = isUrl(source) ? undefined : dirname(resolve(source));
  const inputs = result.ok
    ? await Promise.all(
        indexParts(result.index).map(async (part) => {
          const local = part.url.startsWith('file:') ? fileURLToPath(part.url) : undefined;
          const file = local && here ? relative(here, local) || local : part.url;
          try {
            return { ...part, file, text: await read(local ?? part.url, file) };
          } catch (error) {
            return { ...part, file, readError: cliText.cannotRead(file, reason(error)) };
          }
        }),
      )
    : [];
  const { report, merged } = buildIndexReport(source, text, result, inputs);
  if (json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatIndexReport(report, merged, inputs, lang).join('\n'));
  process.exit(report.ok ? 0 : 1);
}

const result = parseFeedText(text);
const report = buildReport(source, result);
if (json) console.log(JSON.stringify(report, null, 2));
else console.log(formatReport(report, result, lang).join('\n'));
process.exit(report.ok ? 0 : 1);
