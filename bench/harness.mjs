// Shared by the benches: a static server for the repository (plus generated
// files), headless Chromium on the system browser, and summary statistics.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** `--name value` as text (`--only sizes,ingest`). */
export function textArgument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** True when the module at `moduleUrl` is the script Node was started with (not imported). */
export function isMain(moduleUrl) {
  return typeof process.argv[1] === 'string' && moduleUrl === pathToFileURL(process.argv[1]).href;
}

let configImports = 0;

/**
 * Bundles one entry the way rollup.config.mjs builds the cdn/ files: the plugins and output
 * options of its `cdn/infomipyme-widgets.js` entry (a fresh copy of the config per build, so no
 * plugin state is shared), into `outDir`; `output` overrides output options (`format`, `name`).
 * The entry is a file of the repository (`input`, relative to it), or, with `sources`
 * (file name → text), written with them into `outDir/src/` beside a link to the repository's
 * node_modules and a copy of its tsconfig compiler options. Returns the written file's path.
 */
export async function bundleLikeCdn({ input, sources, outDir, output = {} }) {
  const { rollup } = await import('rollup');
  const configUrl = new URL(`../rollup.config.mjs?bench=${++configImports}`, import.meta.url);
  const configs = (await import(configUrl.href)).default;
  const cdn = configs.find((config) => config.output?.entryFileNames === 'infomipyme-widgets.js');
  if (!cdn) throw new Error('rollup.config.mjs has no cdn/infomipyme-widgets.js entry to copy the build from.');
  let entry = join(root, input);
  if (sources) {
    const dir = join(outDir, 'src');
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(outDir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(outDir, 'node_modules'), 'dir');
    const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
    writeFileSync(join(outDir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, types: [] } }));
    for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
    entry = join(dir, input);
  }
  const previous = process.cwd();
  process.chdir(root); // the config's paths (tsconfig.json) are relative to the repository
  try {
    // The cdn build's plugins but one file: not the splitting into checked parts (it would also
    // clear cdn/parts/ of the real build).
    const plugins = cdn.plugins.filter((plugin) => plugin.name !== 'verified-parts');
    const build = await rollup({ input: entry, plugins, onwarn() {} }); // `npm run build` runs `rollup -c --silent`
    const file = join(outDir, `${basename(input).replace(/\.[jt]s$/, '')}.js`);
    const { format, banner } = cdn.output;
    await build.write({ format, banner, inlineDynamicImports: true, ...output, file });
    await build.close();
    return file;
  } finally {
    process.chdir(previous);
  }
}

/** A body as a server keeps it: the text, its gzip -9 and an ETag. */
export function servedBody(text) {
  return { text, gzip: gzipSync(text, { level: 9 }), etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
}

/**
 * Answers like a CDN or a partner's server: `cache-control` as given, the ETag (304 when the
 * browser's copy is current), gzip when accepted, `access-control-allow-origin: *`.
 */
export function sendLikeAServer(request, response, body, { caching, type }) {
  const headers = { 'cache-control': caching, etag: body.etag, vary: 'accept-encoding', 'access-control-allow-origin': '*' };
  if (request.headers['if-none-match'] === body.etag) {
    response.writeHead(304, headers).end();
    return;
  }
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const bytes = gzip ? body.gzip : Buffer.from(body.text);
  response.writeHead(200, {
    ...headers,
    'content-type': type,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    'content-length': bytes.length,
  });
  response.end(bytes);
}
