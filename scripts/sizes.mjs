// Prints the size of each cdn/ file: raw, gzip -9 and brotli.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = new URL('../cdn/', import.meta.url);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = readdirSync(dir)
  .filter((name) => name.endsWith('.js'))
  .sort()
  .map((name) => {
    const data = readFileSync(new URL(name, dir));
    return {
      file: `cdn/${name}`,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
const width = Math.max(...rows.map((row) => row.file.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const row of rows) {
  console.log(`${row.file.padEnd(width)}  ${kb(row.raw).padStart(9)}  ${kb(row.gzip).padStart(9)}  ${kb(row.brotli).padStart(9)}`);
}
