// Feed ingest in headless Chromium: what it costs a page to turn a feed's text into the
// feed the widgets use, beside what the same text costs to `JSON.parse` alone.
//
//   node bench/ingest.mjs [--ingest-runs 20] [--throttle 4]     (after `npm run build`)
//
// For the sample feed (demo/feed.json) and generated feeds (bench/generate-feed.mjs, seed 1)
// of 1,000 and 10,000 tools (200 providers) and 1,000 and 10,000 providers (200 tools),
// with Chromium's CPU unthrottled and throttled (a cheap phone is about 4× slower):
// - jsonParse: `JSON.parse(text)`;
// - validate: `parseFeed(object)` — the schema checks, references and limits alone, on an
//   object parsed beforehand (not timed);
// - parseFeedText: `parseFeedText(text)`, what the loader runs on every response (parse +
//   validate); `× JSON.parse` is its median over JSON.parse's median.
// Median and p95 over `--ingest-runs` runs (a quarter of them, at least 3, for the 10k
// feeds; with 20 runs p95 is the slowest run), the three interleaved, after one untimed
// warm-up run of each.
//
// The code is src/feed/parse.ts bundled and minified the way rollup.config.mjs builds cdn/
// (its plugins and output options; see bundleLikeCdn in bench/harness.mjs) into a temporary
// directory; bench/ingest.html imports it (from a blob: URL).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateFeed } from './generate-feed.mjs';
import { argument, bundleLikeCdn, isMain, launch, report, requireBuild, root, serve, stats, throttledPage } from './harness.mjs';

export const FEEDS = [
  { name: 'sample', label: 'demo/feed.json', text: () => readFileSync(join(root, 'demo/feed.json'), 'utf8') },
  { name: 'tools-1k', label: '1,000 tools', text: () => JSON.stringify(generateFeed({ tools: 1000, providers: 200, seed: 1 })) },
  { name: 'tools-10k', label: '10,000 tools', large: true, text: () => JSON.stringify(generateFeed({ tools: 10000, providers: 200, seed: 1 })) },
  { name: 'providers-1k', label: '1,000 providers', text: () => JSON.stringify(generateFeed({ tools: 200, providers: 1000, seed: 1 })) },
  { name: 'providers-10k', label: '10,000 providers', large: true, text: () => JSON.stringify(generateFeed({ tools: 200, providers: 10000, seed: 1 })) },
];

/** src/feed/parse.ts as one ES module (its exports: parseFeed, parseFeedText, …). */
async function buildCode() {
  const outDir = mkdtempSync(join(tmpdir(), 'mipyme-ingest-'));
  try {
    const file = await bundleLikeCdn({ input: 'src/feed/parse.ts', outDir });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function run({ runs = argument('ingest-runs', 20), throttle = argument('throttle', 4) } = {}) {
  requireBuild('cdn/manifest.json');
  const code = await buildCode();
  const texts = new Map(FEEDS.map((feed) => [feed.name, feed.text()]));
  const { base, close } = await serve(new Map([...texts].map(([name, text]) => [`/bench/ingest/${name}.json`, text])));
  const browser = await launch();
  const result = {
    bench: 'ingest',
    date: new Date().toISOString(),
    chromium: await browser.version(),
    note: 'milliseconds; parseFeedText = JSON.parse + validation (what the loader runs per response); validate = parseFeed on a parsed object; ratio = parseFeedText median ÷ JSON.parse median',
    runs: { default: runs, large: Math.max(3, Math.round(runs / 4)) },
    results: [],
  };
  try {
    for (const cpu of [1, throttle]) {
      const page = await throttledPage(browser, cpu);
      await page.goto(`${base}/bench/ingest.html`, { waitUntil: 'load' });
      await page.evaluate(async (code) => {
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        globalThis.mipymeIngestBench = await import(url);
      }, code);
      for (const feed of FEEDS) {
        const n = feed.large ? result.runs.large : runs;
        const raw = await page.evaluate(
          async ({ url, n }) => {
            const { parseFeed, parseFeedText } = globalThis.mipymeIngestBench;
            const text = await (await fetch(url)).text();
            const time = (fn) => {
              const t = performance.now();
              fn();
              return performance.now() - t;
            };
            const check = parseFeedText(text);
            if (!check.ok) throw new Error(`${url}: ${check.error.message}`);
            JSON.parse(text);
            parseFeed(JSON.parse(text));
            const json = [];
            const validate = [];
            const both = [];
            // Interleaved, so that a burst of load from elsewhere on the machine hits all three.
            for (let i = 0; i < n; i++) {
              json.push(time(() => JSON.parse(text)));
              const object = JSON.parse(text);
              validate.push(time(() => parseFeed(object)));
              both.push(time(() => parseFeedText(text)));
            }
            const { feed } = check;
            return {
              json,
              validate,
              both,
              items: { tools: feed.tools.length, providers: feed.providers.length },
              issues: check.issues.length,
            };
          },
          { url: `/bench/ingest/${feed.name}.json`, n },
        );
        const text = texts.get(feed.name);
        const jsonParse = stats(raw.json);
        const parseFeedText = stats(raw.both);
        result.results.push({
          feed: feed.name,
          label: feed.label,
          bytes: Buffer.byteLength(text),
          gzip: gzipSync(text, { level: 9 }).length,
          ...raw.items,
          issues: raw.issues,
          cpuThrottle: cpu,
          jsonParse,
          validate: stats(raw.validate),
          parseFeedText,
          ratioToJsonParse: Math.round((parseFeedText.median / jsonParse.median) * 10) / 10,
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    close();
  }
  return result;
}

export function table(result) {
  const lines = [' feed              KB (gz)  cpu  JSON.parse med/p95   validate med/p95   parseFeedText med/p95   × JSON.parse'];
  for (const r of result.results) {
    lines.push(
      ` ${r.label.padEnd(17)} ${`${Math.round(r.bytes / 1024)} (${Math.round(r.gzip / 1024)})`.padStart(9)}  ${`${r.cpuThrottle}×`.padStart(3)}  ${`${r.jsonParse.median} / ${r.jsonParse.p95}`.padStart(17)}  ${`${r.validate.median} / ${r.validate.p95}`.padStart(17)}  ${`${r.parseFeedText.median} / ${r.parseFeedText.p95}`.padStart(22)}  ${String(r.ratioToJsonParse).padStart(12)}`,
    );
  }
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const result = await run();
  report('ingest', result);
  console.error(`\n${table(result)}`);
}
