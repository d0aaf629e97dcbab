// Benchmarks <mipyme-cash-flow-calculator> in headless Chromium with the largest
// projection it allows in the terms: 36 months × 60 lines.
// Prints one JSON report (saved in bench/results/cash-flow.json). Needs `npm run build`.
//
//   node bench/cash-flow.mjs [--edits 40] [--throttle 4]
//
// Or from another script (bench/run.mjs): `await run({ edits, throttle })` resolves with the
// same report, printing and saving nothing.
//
// Measured:
// - projection: projectCashFlow() alone on the plan (median of 200 runs);
// - edit: from a changed cell to the next painted frame with the new summary, chart
//   and totals (median, p95, max over `edits` edits), and the script part of it
//   (until Lit has updated the DOM), and the main-thread work of the edit: script +
//   the next frame's style, layout and paint, without the wait for that frame — the
//   figure to compare with one frame (16.7 ms);
// with Chromium's CPU unthrottled and throttled.
import { argument, isMain, launch, report, requireBuild, serve, stats, throttledPage } from './harness.mjs';

const MONTHS = 36;
const LINES = 60;

export async function run({ edits: EDITS = argument('edits', 40), throttle: THROTTLE = argument('throttle', 4) } = {}) {
  requireBuild('cdn/cash-flow-calculator.js');
  const { base, close } = await serve();
  const browser = await launch();

  async function measure(throttle) {
    const page = await throttledPage(browser, throttle);
    await page.goto(`${base}/bench/cash-flow.html`, { waitUntil: 'load' });
    const raw = await page.evaluate(
      async ({ months, lines, edits }) => {
        const { saveDrafts } = await import('/dist/cash-flow-calculator/drafts.js');
        const { projectCashFlow } = await import('/dist/cash-flow-calculator/projection.js');
        const plan = {
          currency: 'USD',
          startMonth: '2027-01',
          months,
          openingBalance: 500000,
          safetyMinimum: 0,
          lines: Array.from({ length: lines }, (_, i) => ({
            id: `line-${i}`,
            label: `Línea ${i}`,
            flow: i % 3 === 0 ? 'in' : 'out',
            group: 'operations',
            preStart: i % 7 === 0 ? 10000 : 0,
            amounts: Array.from({ length: months }, (_, m) => 10000 + ((i * 37 + m * 101) % 5000)),
          })),
        };
        const projections = [];
        for (let i = 0; i < 200; i++) {
          const t = performance.now();
          projectCashFlow(plan);
          projections.push(performance.now() - t);
        }
        saveDrafts({ drafts: [{ id: 'bench', name: 'Bench', plan, createdAt: Date.now(), updatedAt: Date.now() }], activeId: 'bench' });
        await customElements.whenDefined('mipyme-cash-flow-calculator');
        const el = document.createElement('mipyme-cash-flow-calculator');
        el.data = { version: 1, title: 'bench', countries: [{ code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV' }] };
        el.setAttribute('country', 'SV');
        const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const t0 = performance.now();
        document.getElementById('host').append(el);
        await el.updateComplete;
        await nextPaint();
        const firstRender = performance.now() - t0;
        const cells = el.shadowRoot.querySelectorAll('.amount[data-row]');
        if (cells.length !== lines * (months + 1)) throw new Error(`expected ${lines * (months + 1)} cells, got ${cells.length}`);
        const key = (cell, k) => cell.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
        const times = [];
        const scripts = [];
        const work = [];
        for (let i = 0; i < edits; i++) {
          // Open the editor on a cell (not timed), then time typing the value and Enter.
          const cell = el.shadowRoot.querySelectorAll('.amount[data-row]')[(i * 97) % cells.length];
          // A person edits a cell on screen: bring it into view first (not timed).
          cell.scrollIntoView({ block: 'center', inline: 'center' });
          await nextPaint();
          key(cell, 'Enter');
          await el.updateComplete;
          await nextPaint();
          const input = cell.querySelector('input');
          const t = performance.now();
          input.value = String(20000 + i);
          input.dispatchEvent(new Event('input'));
          key(input, 'Enter');
          await el.updateComplete;
          const script = performance.now() - t;
          scripts.push(script);
          const frameStart = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
          await new Promise((resolve) => setTimeout(resolve, 0)); // after the frame's style, layout and paint
          work.push(script + performance.now() - frameStart);
          times.push(performance.now() - t);
        }
        return { projections, firstRender, times, scripts, work };
      },
      { months: MONTHS, lines: LINES, edits: EDITS },
    );
    await page.close();
    return raw;
  }

  const result = {
    bench: 'cash-flow-calculator',
    date: new Date().toISOString(),
    chromium: await browser.version(),
    plan: `${MONTHS} months × ${LINES} lines`,
    note: 'milliseconds; edit = a cell changed → next painted frame with recalculated summary, chart and totals',
    results: [],
  };
  for (const throttle of [1, THROTTLE]) {
    const raw = await measure(throttle);
    result.results.push({
      cpuThrottle: throttle,
      projection: stats(raw.projections),
      firstRender: Math.round(raw.firstRender),
      edit: stats(raw.times),
      editScript: stats(raw.scripts),
      editWork: stats(raw.work),
    });
  }
  await browser.close();
  close();
  return result;
}

if (isMain(import.meta.url)) {
  const result = await run();
  report('cash-flow', result);
  console.error('\n cpu  projection(med)  first render  edit→painted med / p95 / max  main-thread work med / p95');
  for (const r of result.results) {
    console.error(` ${r.cpuThrottle}×   ${String(r.projection.median).padStart(10)}       ${String(r.firstRender).padStart(8)}     ${r.edit.median} / ${r.edit.p95} / ${r.edit.max}      ${r.editWork.median} / ${r.editWork.p95}`);
  }
}
