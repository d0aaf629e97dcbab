// Benchmarks the two search widgets in headless Chromium on generated feeds:
// <mipyme-toolbox-browser> with 1,000 and 10,000 tools, <mipyme-provider-finder>
// with 1,000 and 10,000 providers. Prints one JSON report per widget (saved in
// bench/results/toolbox.json and providers.json). Needs `npm run build` first.
//
//   node bench/search.mjs [--runs 3] [--throttle 4] [--widget toolbox|providers]
//
// Or from another script (bench/run.mjs): `await run({ runs, throttle, widgets })` resolves
// with `{ toolbox, providers }` (the same reports), printing and saving nothing.
//
// Measured, per feed size:
// - index: buildCatalogue() / buildDirectory() on the parsed feed (median of runs), in the page;
// - firstResults: from giving the element its `data` to results on screen
//   (validation + index + first render);
// - keystroke: from one typed character to the next painted frame with the
//   updated results, over several queries typed letter by letter (median, p95, max),
//   and the main-thread work of it (script + that frame's style, layout and paint,
//   without the wait for the frame): the figure to compare with one frame (16.7 ms);
// with Chromium's CPU unthrottled and throttled (a cheap phone is ~4× slower).
import { argument, isMain, launch, report, requireBuild, serve, stats, throttledPage } from './harness.mjs';
import { generateFeed } from './generate-feed.mjs';

const SIZES = [1000, 10000];
const WIDGETS = {
  toolbox: {
    tag: 'mipyme-toolbox-browser',
    cdn: 'cdn/toolbox-browser.js',
    module: '/dist/toolbox-browser/catalogue.js',
    build: 'buildCatalogue',
    unit: 'tools',
    feed: (n) => generateFeed({ tools: n, providers: 200, seed: 1 }),
    queries: ['como calcular el precio', 'credito para mi negocio', 'flujo de caja mensual', 'plantilla inventario'],
  },
  providers: {
    tag: 'mipyme-provider-finder',
    cdn: 'cdn/provider-finder.js',
    module: '/dist/provider-finder/directory.js',
    build: 'buildDirectory',
    unit: 'providers',
    feed: (n) => generateFeed({ tools: 200, providers: n, seed: 1 }),
    queries: ['capacitacion empresarial', 'credito para mi negocio', 'asesoria legal', 'exportar'],
  },
};

export async function run({
  runs: RUNS = argument('runs', 3),
  throttle: THROTTLE = argument('throttle', 4),
  widgets: chosen = process.argv.includes('--widget') ? [process.argv[process.argv.indexOf('--widget') + 1]] : Object.keys(WIDGETS),
} = {}) {
  for (const name of chosen) requireBuild(WIDGETS[name].cdn);
  const feeds = new Map(
    chosen.flatMap((name) => SIZES.map((n) => [`/bench/${name}-${n}.json`, JSON.stringify(WIDGETS[name].feed(n))])),
  );
  const { base, close } = await serve(feeds);
  const browser = await launch();
  const reports = {};

  async function measure(widget, size, throttle) {
    const page = await throttledPage(browser, throttle);
    await page.goto(`${base}/bench/search.html`, { waitUntil: 'load' });
    await page.addScriptTag({ type: 'module', url: `/${widget.cdn}` });
    await page.evaluate((tag) => customElements.whenDefined(tag), widget.tag);
    const result = await page.evaluate(
      async ({ url, runs, queries, tag, module, build }) => {
        const feed = await (await fetch(url)).json();
        const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const indexer = (await import(module))[build];
        const index = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          indexer(feed, { lang: 'es', country: 'SV' });
          index.push(performance.now() - t0);
        }
        const first = [];
        const keys = [];
        const work = [];
        for (let r = 0; r < runs; r++) {
          const host = document.getElementById('host');
          host.replaceChildren();
          const el = document.createElement(tag);
          el.setAttribute('country', 'SV');
          const t0 = performance.now();
          el.data = feed;
          host.append(el);
          await el.updateComplete;
          await nextPaint();
          if (!el.shadowRoot.querySelector('.item')) throw new Error('no results rendered');
          first.push(performance.now() - t0);
          const input = el.shadowRoot.querySelector('#search');
          for (const query of queries) {
            input.value = '';
            input.dispatchEvent(new Event('input'));
            await el.updateComplete;
            await nextPaint();
            for (let i = 1; i <= query.length; i++) {
              const t = performance.now();
              input.value = query.slice(0, i);
              input.dispatchEvent(new Event('input'));
              await el.updateComplete;
              const script = performance.now() - t;
              const frameStart = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
              await new Promise((resolve) => setTimeout(resolve, 0)); // after the frame's style, layout and paint
              work.push(script + performance.now() - frameStart);
              keys.push(performance.now() - t);
            }
          }
        }
        return { index, first, keys, work };
      },
      {
        url: `/bench/${widget.key}-${size}.json`,
        runs: RUNS,
        queries: widget.queries,
        tag: widget.tag,
        module: widget.module,
        build: widget.build,
      },
    );
    await page.close();
    return result;
  }

  for (const name of chosen) {
    const widget = { ...WIDGETS[name], key: name };
    const result = {
      bench: widget.tag,
      date: new Date().toISOString(),
      chromium: await browser.version(),
      runs: RUNS,
      note: 'milliseconds; keystroke = one character typed → next painted frame with updated results',
      results: [],
    };
    for (const size of SIZES) {
      for (const throttle of [1, THROTTLE]) {
        const raw = await measure(widget, size, throttle);
        result.results.push({
          [widget.unit]: size,
          cpuThrottle: throttle,
          index: stats(raw.index),
          firstResults: stats(raw.first),
          keystroke: stats(raw.keys),
          keystrokeWork: stats(raw.work),
        });
      }
    }
    reports[name] = result;
  }
  await browser.close();
  close();
  return reports;
}

if (isMain(import.meta.url)) {
  for (const [name, result] of Object.entries(await run())) {
    const unit = WIDGETS[name].unit;
    report(name, result);
    console.error(`\n ${unit.padStart(9)}  cpu  index(med)  first results(med)  keystroke→painted med / p95 / max  main-thread work med / p95`);
    for (const r of result.results) {
      console.error(
        ` ${String(r[unit]).padStart(9)}  ${r.cpuThrottle}×   ${String(r.index.median).padStart(8)}    ${String(r.firstResults.median).padStart(12)}        ${r.keystroke.median} / ${r.keystroke.p95} / ${r.keystroke.max}      ${r.keystrokeWork.median} / ${r.keystrokeWork.p95}`,
      );
    }
  }
}
