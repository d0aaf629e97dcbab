// Sizes of the cdn/ files beside the FLOOR: the smallest bundle a widget of this stack can be.
//
//   node bench/sizes.mjs            (after `npm run build`)
//
// For every file of cdn/manifest.json: bytes, gzip (level 9) and brotli (quality 11) — the
// same compression as scripts/sizes.mjs — re-measured from the file (a manifest that no
// longer matches its file is reported as stale), and each figure's ratio to the floor's.
//
// The floor is a minimal Lit element that validates a 10-field object with zod/mini and says
// one sentence through @lit/localize (`msg` + `configureLocalization` with a bundled Spanish
// locale, as src/shared/locale.ts does), written to a temporary directory and built there by
// rollup's JS API with the plugins and output options of rollup.config.mjs (see bundleLikeCdn
// in bench/harness.mjs; nothing is written in the repository).
// Its parts are built too (Lit alone, + @lit/localize, + zod/mini = the floor), to show where
// the floor's bytes come from.
//
// Budgets of issue #9 (gzip, scripts/budgets.mjs): the all-widgets file ≤ 40 KB, each single-widget
// file ≤ 28 KB. Each file's parts (loaded when used, checked against hashes the file carries) are
// reported beside it, with the bytes a page with one widget downloads before that widget shows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundleLikeCdn, isMain, report, requireBuild, root } from './harness.mjs';
import { BUDGETS, KB } from '../scripts/budgets.mjs';
import { measureCdn } from '../scripts/cdn-files.mjs';

export { KB } from '../scripts/budgets.mjs';

export function measureBytes(data) {
  return {
    bytes: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// ---------------------------------------------------------------- the floor's sources

const LOCALE = `
export const templates = { floor_greeting: 'Hola, ' };
`;

const SCHEMA = `
import * as z from 'zod/mini';
const Item = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  summary: z.optional(z.string().check(z.maxLength(1000))),
  url: z.string().check(z.maxLength(2048), z.regex(/^https?:\\/\\//)),
  kind: z.enum(['guide', 'template', 'course', 'video', 'tool']),
  topics: z.array(z.string()).check(z.maxLength(20)),
  free: z.boolean(),
  minutes: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10000))),
  updated: z.optional(z.string().check(z.regex(/^\\d{4}-\\d{2}-\\d{2}$/))),
});
export const parseItem = (value) => Item.safeParse(value);
`;

const ELEMENT = ({ localize, zod }) => `
import { LitElement, html, css } from 'lit';
${localize ? "import { configureLocalization, msg } from '@lit/localize';\nimport * as es from './floor-locale-es.js';" : ''}
${zod ? "import { parseItem } from './floor-schema.js';" : ''}
${
  localize
    ? `const { setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['es'],
  loadLocale: async () => es,
});
void setLocale('es');`
    : ''
}
class FloorElement extends LitElement {
  static styles = css\`:host { display: block; }\`;
  static properties = { name: {}, item: { attribute: false } };
  constructor() {
    super();
    this.name = 'mundo';
    this.item = undefined;
  }
  render() {
    ${zod ? 'const result = parseItem(this.item);' : 'const result = { success: true };'}
    return html\`<p>${localize ? "${msg('Hello, ', { id: 'floor_greeting' })}" : 'Hola, '}\${this.name}</p>
      <p>\${result.success ? 'ok' : 'invalid'}</p>\`;
  }
}
customElements.define('floor-element', FloorElement);
`;

const VARIANTS = [
  { name: 'lit', what: 'a minimal Lit element', localize: false, zod: false },
  { name: 'lit+localize', what: '+ @lit/localize (msg, configureLocalization, bundled locale)', localize: true, zod: false },
  { name: 'floor', what: '+ zod/mini (10-field schema) = the floor', localize: true, zod: true },
];

async function buildVariant(variant, outDir) {
  const input = `${variant.name.replace('+', '-')}.ts`;
  const file = await bundleLikeCdn({
    input,
    sources: { [input]: ELEMENT(variant), 'floor-locale-es.ts': LOCALE, 'floor-schema.ts': SCHEMA },
    outDir,
  });
  return { name: variant.name, what: variant.what, ...measureBytes(readFileSync(file)) };
}

// ---------------------------------------------------------------- the bench

export async function run() {
  requireBuild('cdn/manifest.json');
  const manifest = JSON.parse(readFileSync(join(root, 'cdn/manifest.json'), 'utf8'));
  const outDir = mkdtempSync(join(tmpdir(), 'mipyme-floor-'));
  let parts;
  try {
    parts = [];
    for (const variant of VARIANTS) parts.push(await buildVariant(variant, outDir));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const floor = parts.find((part) => part.name === 'floor');
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  const built = new Map(measureCdn().map((row) => [row.name, row]));
  const files = Object.entries(manifest.files).map(([name, listed]) => {
    const measured = measureBytes(readFileSync(join(root, 'cdn', name)));
    const budget = BUDGETS[name];
    const row = built.get(name);
    return {
      file: `cdn/${name}`,
      ...measured,
      parts: { count: Object.keys(row.parts).length, bytes: row.partsRaw, gzip: row.partsGzip },
      firstContentGzip: row.widgets,
      gzipToFloor: ratio(measured.gzip, floor.gzip),
      brotliToFloor: ratio(measured.brotli, floor.brotli),
      gzipBudget: budget,
      gzipOverBudget: measured.gzip - budget,
      ...(listed.gzip !== measured.gzip || listed.bytes !== measured.bytes ? { manifestStale: true } : {}),
    };
  });
  return {
    bench: 'sizes',
    note: 'bytes; gzip level 9 and brotli quality 11 (as scripts/sizes.mjs); ratio = file ÷ floor; budget and over-budget in gzip bytes (KB = 1024 bytes); parts = what the file loads when used; firstContentGzip = gzip bytes a page with only that widget downloads before it shows (file + the widget\'s parts)',
    version: manifest.version,
    floor: { gzip: floor.gzip, brotli: floor.brotli, bytes: floor.bytes, parts },
    budgets: BUDGETS,
    files,
  };
}

export function table(result) {
  const kb = (n) => `${(n / KB).toFixed(1)}`;
  const lines = [' file                          gzip KB  brotli KB  × floor (gz)  budget KB  over KB'];
  for (const f of result.files) {
    lines.push(
      ` ${f.file.padEnd(29)} ${kb(f.gzip).padStart(7)}  ${kb(f.brotli).padStart(9)}  ${String(f.gzipToFloor).padStart(12)}  ${kb(f.gzipBudget).padStart(9)}  ${kb(f.gzipOverBudget).padStart(7)}${f.manifestStale ? '  (manifest stale)' : ''}`,
    );
    if (f.parts.count) lines.push(` ${'  + its parts'.padEnd(29)} ${kb(f.parts.gzip).padStart(7)}  (${f.parts.count} files, loaded when used)`);
    for (const [widget, gzip] of Object.entries(f.firstContentGzip)) {
      lines.push(` ${`  ${widget} shows after`.padEnd(29)} ${kb(gzip).padStart(7)}`);
    }
  }
  for (const p of result.floor.parts) {
    lines.push(` ${`floor: ${p.name}`.padEnd(29)} ${kb(p.gzip).padStart(7)}  ${kb(p.brotli).padStart(9)}`);
  }
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const result = await run();
  report('sizes', result);
  console.error(`\n${table(result)}`);
}
