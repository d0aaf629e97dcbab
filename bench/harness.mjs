// Shared by the benches: a static server for the repository (plus generated
// files), headless Chromium on the system browser, and summary statistics.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, ensureBrowser } from '../scripts/browser.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
}

export function requireBuild(file) {
  if (!existsSync(join(root, file))) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/** Serves the repository on 127.0.0.1, and `extra` (path → text) from memory. */
export async function serve(extra = new Map()) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (extra.has(path)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(extra.get(path));
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function launch() {
  return puppeteer.launch({ executablePath: ensureBrowser(), headless: true, args: BROWSER_ARGS });
}

/** A new page with the CPU slowed down `throttle` times (a cheap phone is about 4×). */
export async function throttledPage(browser, throttle) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return page;
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (n) => Math.round(n * 100) / 100;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)) };
}

/** Prints the report and saves it as bench/results/<name>.json. */
export function report(name, value) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, `bench/results/${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
  console.log(JSON.stringify(value, null, 2));
}
