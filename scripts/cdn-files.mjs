// The cdn/ files as built: for each entry its SRI hash and sizes, its parts (cdn/parts/<entry>/,
// read from the table the entry carries) and, per widget, the gzip bytes a page with that widget
// only downloads before it shows. Used by scripts/sizes.mjs (manifest, table) and bench/sizes.mjs.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { BUDGETS } from './budgets.mjs';
import { readPartsTable } from './rollup-parts.mjs';

const dir = new URL('../cdn/', import.meta.url);

export const measure = (path) => {
  const data = readFileSync(new URL(path, dir));
  return {
    integrity: `sha384-${createHash('sha384').update(data).digest('base64')}`,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** The table of parts an entry carries (its last statement, written by scripts/rollup-parts.mjs). */
const partsOf = (name) => readPartsTable(readFileSync(new URL(name, dir), 'utf8')) ?? {};

export const measureCdn = () =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => {
      const entry = measure(name);
      const table = partsOf(name);
      const parts = Object.fromEntries(Object.keys(table).map((part) => [part, measure(part)]));
      const sum = (key) => Object.values(parts).reduce((total, part) => total + part[key], 0);
      // What a page with one widget downloads before it shows: the entry, the widget's part and
      // the parts that part imports (not the parts the widget loads on a click): gzip bytes.
      // On a Spanish page (the default) the Spanish strings, a part of their own, come too.
      const spanish = Object.keys(table).filter((part) => /^es-[\w-]{8}\.js$/.test(part.split('/').pop()));
      const widgets = Object.fromEntries(
        Object.keys(table)
          .filter((part) => BUDGETS[`${part.split('/').pop().replace(/-[\w-]{8}\.js$/, '')}.js`])
          .map((part) => [
            part.split('/').pop().replace(/-[\w-]{8}\.js$/, ''),
            [...new Set([part, ...table[part][1], ...spanish.flatMap((es) => [es, ...table[es][1]])])].reduce(
              (total, file) => total + parts[file].gzip,
              entry.gzip,
            ),
          ]),
      );
      return { name, ...entry, parts, partsRaw: sum('raw'), partsGzip: sum('gzip'), widgets };
    });

