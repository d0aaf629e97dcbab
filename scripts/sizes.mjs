// After rollup: writes cdn/manifest.json (version, and for every cdn/*.js file its
// Subresource Integrity hash and sizes) and prints the size table.
// Usage: node scripts/sizes.mjs [--quiet]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { BUDGETS } from './budgets.mjs';

const dir = new URL('../cdn/', import.meta.url);
const { name: packageName, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const measure = (path) => {
  const data = readFileSync(new URL(path, dir));
  return {
    integrity: `sha384-${createHash('sha384').update(data).digest('base64')}`,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** The table of parts an entry carries (its last statement, written by scripts/rollup-parts.mjs). */
const partsOf = (name) => {
  const match = /\.table\((\{.*\})\);\n/.exec(readFileSync(new URL(name, dir), 'utf8'));
  return match ? JSON.parse(match[1]) : {};
};

const rows = readdirSync(dir)
  .filter((name) => name.endsWith('.js'))
  .sort()
  .map((name) => {
    const table = partsOf(name);
    const parts = Object.fromEntries(Object.keys(table).map((part) => [part, measure(part)]));
    const sum = (key) => Object.values(parts).reduce((total, part) => total + part[key], 0);
    // What a page with one widget downloads before it shows: the entry, the widget's part and
    // the parts that part imports (not the parts the widget loads on a click).
    const widgets = Object.fromEntries(
      Object.keys(table)
        .filter((part) => BUDGETS[`${part.split('/').pop().replace(/-[\w-]{8}\.js$/, '')}.js`])
        .map((part) => [
          part.split('/').pop().replace(/-[\w-]{8}\.js$/, ''),
          [part, ...table[part][1]].reduce((total, file) => total + parts[file].gzip, 0),
        ]),
    );
    return { name, ...measure(name), parts, partsRaw: sum('raw'), partsGzip: sum('gzip'), widgets };
  });

const manifest = {
  name: packageName,
  version,
  note: 'Subresource Integrity hashes of the cdn/ files of this version: use them as the integrity attribute of the <script> tag. Each file checks the parts it loads (cdn/parts/) against hashes it carries.',
  files: Object.fromEntries(
    rows.map(({ name, integrity, raw, gzip, brotli, parts, partsGzip }) => [
      name,
      { integrity, bytes: raw, gzip, brotli, parts: { count: Object.keys(parts).length, gzip: partsGzip } },
    ]),
  ),
};
writeFileSync(new URL('manifest.json', dir), `${JSON.stringify(manifest, null, 2)}\n`);

if (!process.argv.includes('--quiet')) {
  const width = Math.max(...rows.flatMap((row) => [`cdn/${row.name}`.length, ...Object.keys(row.widgets).map((w) => `  page with ${w} only`.length)]));
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}  budget (gzip)`);
  for (const row of rows) {
    const budget = BUDGETS[row.name];
    const verdict = budget ? `${row.gzip <= budget ? 'ok' : 'OVER'} ${kb(budget)}` : '';
    console.log(
      `${`cdn/${row.name}`.padEnd(width)}  ${kb(row.raw).padStart(9)}  ${kb(row.gzip).padStart(9)}  ${kb(row.brotli).padStart(9)}  ${verdict}`,
    );
    const count = Object.keys(row.parts).length;
    if (count) console.log(`${'  + parts loaded when used'.padEnd(width)}  ${kb(row.partsRaw).padStart(9)}  ${kb(row.partsGzip).padStart(9)}  (${count} files)`);
    for (const [widget, gzip] of Object.entries(row.widgets)) {
      console.log(`${`  page with ${widget} only`.padEnd(width)}  ${''.padStart(9)}  ${kb(row.gzip + gzip).padStart(9)}  before it shows`);
    }
  }
  console.log('\nSRI hashes: cdn/manifest.json');
}
