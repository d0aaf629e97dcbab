// Fails when a msg() string has no Spanish translation.
// Extracts the messages into a temporary copy of locales/ (the committed XLIFF
// is left untouched), then checks that every unit has a non-empty <target>.
// Run `npm run locales` to update locales/es.xlf itself.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'mipyme-l10n-'));
try {
  cpSync(join(root, 'locales'), join(work, 'locales'), { recursive: true });
  const tmpConfig = {
    ...config,
    tsConfig: join(root, config.tsConfig),
    inputFiles: config.inputFiles.map((glob) => join(root, glob)),
    output: { ...config.output, outputDir: join(work, 'out'), localeCodesModule: join(work, 'out/codes.ts') },
    interchange: { ...config.interchange, xliffDir: join(work, 'locales') },
  };
  writeFileSync(join(work, 'lit-localize.json'), JSON.stringify(tmpConfig));
  execFileSync(join(root, 'node_modules/.bin/lit-localize'), ['extract', '--config', join(work, 'lit-localize.json')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const problems = [];
  for (const file of readdirSync(join(work, 'locales')).filter((f) => f.endsWith('.xlf'))) {
    const xml = readFileSync(join(work, 'locales', file), 'utf8');
    const units = xml.match(/<trans-unit\b[\s\S]*?<\/trans-unit>/g) ?? [];
    for (const unit of units) {
      const target = unit.match(/<target>([\s\S]*?)<\/target>/);
      if (!target || target[1].trim() === '') {
        const source = unit.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '?';
        problems.push(`${file}: no translation for "${source.replace(/\s+/g, ' ').slice(0, 100)}"`);
      }
    }
    console.log(`${file}: ${units.length} messages`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`\n${problems.length} message(s) without a translation. Run \`npm run locales\` and translate them in locales/.`);
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
