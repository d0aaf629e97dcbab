// Every bench, one report: `npm run bench` (after `npm run build`).
//
//   node bench/run.mjs [--only sizes,ingest,first-content,feed-bytes,search,cash-flow]
//                      [--throttle 4] [--ingest-runs 20] [--fc-runs 3] [--runs 3] [--edits 40]
//
// Runs, in this order (what each measures is written at the top of its file):
// - sizes          bench/sizes.mjs          gzip/brotli of every cdn/ file beside the floor, budgets of #9
// - ingest         bench/ingest.mjs         JSON.parse vs parseFeedText (sample, 1k/10k tools, 1k/10k providers)
// - first-content  bench/first-content.mjs  time to each widget's ready view, 4× CPU + Slow 3G, uncached/cached
// - feed-bytes     bench/feed-bytes.mjs     bytes a page moves for its feed: whole vs split by country (sample, 10k)
// - search         bench/search.mjs         keystroke → painted results (toolbox, provider finder; 1k/10k)
// - cash-flow      bench/cash-flow.mjs      cell edit → repainted summary and chart (36 months × 60 lines)
// and writes bench/results/report.json (bench/results/ is not committed), prints the report
// (JSON) on stdout and a compact table on stderr. A bench that fails is reported as
// `{ "error": … }`, the others still run, and the exit code is 1. `build` fingerprints the
// cdn/ and dist/ files benched; `buildChangedDuringRun` says a build ran in the meantime.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { requireBuild, root, textArgument } from './harness.mjs';

const BENCHES = {
  sizes: { module: './sizes.mjs', key: 'sizes' },
  ingest: { module: './ingest.mjs', key: 'ingest' },
  'first-content': { module: './first-content.mjs', key: 'firstContent' },
  'feed-bytes': { module: './feed-bytes.mjs', key: 'feedBytes' },
  search: { module: './search.mjs', key: 'search' },
  'cash-flow': { module: './cash-flow.mjs', key: 'cashFlow' },
};

const only = textArgument('only', Object.keys(BENCHES).join(',')).split(',').map((name) => name.trim());
for (const name of only) {
  if (!(name in BENCHES)) {
    console.error(`Unknown bench "${name}": choose among ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
}

// Everything the benches load, checked before minutes of work.
for (const file of [
  'cdn/manifest.json',
  'cdn/infomipyme-widgets.js',
  'dist/toolbox-browser/catalogue.js',
  'dist/provider-finder/directory.js',
  'dist/cash-flow-calculator/projection.js',
  'dist/cash-flow-calculator/drafts.js',
]) {
  requireBuild(file);
}

const git = (command) => {
  try {
    return execSync(`git ${command}`, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
};

/** A fingerprint of the built files, to tell when a build ran during the bench. */
function buildFingerprint() {
  const hash = createHash('sha1');
  for (const dir of ['cdn', 'dist/feed', 'dist/toolbox-browser', 'dist/provider-finder', 'dist/cash-flow-calculator']) {
    for (const name of readdirSync(join(root, dir)).sort()) {
      if (name.endsWith('.js')) hash.update(name).update(readFileSync(join(root, dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

const started = Date.now();
const fingerprint = buildFingerprint();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const report = {
  bench: 'infomipyme-widgets',
  version,
  commit: git('rev-parse --short HEAD'),
  uncommittedChanges: git('status --porcelain') ? true : undefined,
  date: new Date().toISOString(),
  chromium: undefined,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  },
  seconds: {},
};

let failed = false;
for (const name of only) {
  const { module, key } = BENCHES[name];
  const t = Date.now();
  console.error(`bench: ${name}…`);
  try {
    const result = await (await import(module)).run();
    report[key] = result;
    report.chromium ??= result.chromium ?? Object.values(result).find((r) => r?.chromium)?.chromium;
  } catch (error) {
    failed = true;
    report[key] = { error: error instanceof Error ? error.message : String(error) };
    console.error(`bench: ${name} failed: ${report[key].error}`);
  }
  report.seconds[name] = Math.round((Date.now() - t) / 1000);
  console.error(`bench: ${name} done in ${report.seconds[name]} s`);
}
report.seconds.total = Math.round((Date.now() - started) / 1000);
report.build = fingerprint;
if (buildFingerprint() !== fingerprint) {
  report.buildChangedDuringRun = true;
  console.error('bench: cdn/ or dist/ changed while the benches ran (a build ran meanwhile): the figures mix two builds; run again.');
}

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/report.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));

// ---------------------------------------------------------------- the compact table

const lines = [];
const section = (title) => lines.push('', title);
if (report.sizes && !report.sizes.error) {
  section(`Sizes (gzip -9 / brotli -11; floor = Lit + @lit/localize + zod/mini element: ${(report.sizes.floor.gzip / 1024).toFixed(1)} KB gzip)`);
  lines.push((await import('./sizes.mjs')).table(report.sizes));
}
if (report.ingest && !report.ingest.error) {
  section('Feed ingest (ms, median / p95)');
  lines.push((await import('./ingest.mjs')).table(report.ingest));
}
if (report.firstContent && !report.firstContent.error) {
  const { conditions } = report.firstContent;
  section(
    `First content (ms from navigation start, median of ${report.firstContent.runs}; CPU ${conditions.cpuThrottle}×, Slow 3G: ${conditions.network.latencyMs} ms latency, ${(conditions.network.downloadBytesPerSecond * 8) / 1000} kbit/s)`,
  );
  lines.push((await import('./first-content.mjs')).table(report.firstContent));
}
if (report.feedBytes && !report.feedBytes.error) {
  section('Feed bytes (gzip -9, headers included): the whole feed vs the split feed for one country, and every part');
  lines.push((await import('./feed-bytes.mjs')).table(report.feedBytes));
}
if ((report.search && !report.search.error) || (report.cashFlow && !report.cashFlow.error)) {
  section('Interaction (ms, median / p95; work = main-thread script + that frame, to compare with 16.7 ms)');
  lines.push(' widget                 size   cpu  to painted med / p95   work med / p95');
  for (const [label, result, unit] of [
    ['toolbox (keystroke)', report.search?.toolbox, 'tools'],
    ['providers (keystroke)', report.search?.providers, 'providers'],
  ]) {
    for (const r of result?.results ?? []) {
      lines.push(
        ` ${label.padEnd(21)} ${String(r[unit]).padStart(6)}  ${`${r.cpuThrottle}×`.padStart(3)}  ${`${r.keystroke.median} / ${r.keystroke.p95}`.padStart(20)}  ${`${r.keystrokeWork.median} / ${r.keystrokeWork.p95}`.padStart(15)}`,
      );
    }
  }
  for (const r of report.cashFlow?.results ?? []) {
    lines.push(
      ` ${'cash flow (cell edit)'.padEnd(21)} ${'36×60'.padStart(6)}  ${`${r.cpuThrottle}×`.padStart(3)}  ${`${r.edit.median} / ${r.edit.p95}`.padStart(20)}  ${`${r.editWork.median} / ${r.editWork.p95}`.padStart(15)}`,
    );
  }
}
lines.push('', `${[report.chromium, `${report.machine.cpus} cores`].filter(Boolean).join(', ')}; ${report.seconds.total} s; report: bench/results/report.json`);
console.error(lines.join('\n'));
if (failed) process.exit(1);
