// After rollup: writes cdn/manifest.json (version, and for every cdn/*.js file its
// Subresource Integrity hash and sizes) and prints the size table.
// Usage: node scripts/sizes.mjs [--quiet]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = new URL('../cdn/', import.meta.url);
const { name: packageName, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const rows = readdirSync(dir)
  .filter((name) => name.endsWith('.js'))
  .sort()
  .map((name) => {
    const data = readFileSync(new URL(name, dir));
    return {
      name,
      integrity: `sha384-${createHash('sha384').update(data).digest('base64')}`,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });

const manifest = {
  name: packageName,
  version,
  note: 'Subresource Integrity hashes of the cdn/ files of this version: use them as the integrity attribute of the <script> tag.',
  files: Object.fromEntries(
    rows.map(({ name, integrity, raw, gzip, brotli }) => [name, { integrity, bytes: raw, gzip, brotli }]),
  ),
};
writeFileSync(new URL('manifest.json', dir), `${JSON.stringify(manifest, null, 2)}\n`);

if (!process.argv.includes('--quiet')) {
  const width = Math.max(...rows.map((row) => `cdn/${row.name}`.length));
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const row of rows) {
    console.log(
      `${`cdn/${row.name}`.padEnd(width)}  ${kb(row.raw).padStart(9)}  ${kb(row.gzip).padStart(9)}  ${kb(row.brotli).padStart(9)}`,
    );
  }
  console.log('\nSRI hashes: cdn/manifest.json');
}
