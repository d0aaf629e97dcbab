// After rollup: writes cdn/manifest.json (version, and for every cdn/*.js file its
// Subresource Integrity hash and sizes) and prints the size table.
// Usage: node scripts/sizes.mjs [--quiet]
import { readFileSync, writeFileSync } from 'node:fs';
import { BUDGETS } from './budgets.mjs';
import { measureCdn } from './cdn-files.mjs';

const dir = new URL('../cdn/', import.meta.url);
const { name: packageName, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const rows = measureCdn();

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
      console.log(`${`  page with ${widget} only`.padEnd(width)}  ${''.padStart(9)}  ${kb(gzip).padStart(9)}  before it shows (Spanish page)`);
    }
  }
  console.log('\nSRI hashes: cdn/manifest.json');
}
