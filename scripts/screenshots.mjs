// Screenshots of every widget for the documentation: light and dark, 360 px and
// 1024 px wide, in headless Chromium (the system's, see scripts/browser.mjs), on
// the sample feed. Writes docs/img/<widget>-<theme>-<width>.png (16 files).
//
//   npm run screenshots            (builds first; then: node scripts/screenshots.mjs)
//   node scripts/screenshots.mjs --only cash-flow-calculator
//   node scripts/screenshots.mjs --forced-colors --out /tmp/forced   (Windows high-contrast check; not committed)
//
// Each shot runs in a fresh browser context (empty localStorage, IndexedDB and
// cache), with the clock fixed at 1 November 2026, 10:00 in Guatemala, so reruns
// give the same images. The page is demo/screenshot.html (one widget alone).
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, ensureBrowser } from './browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argValue = (name) => {
  const at = process.argv.indexOf(name);
  return at > -1 ? process.argv[at + 1] : undefined;
};
const OUT_DIR = argValue('--out') ?? join(root, 'docs/img');
const FORCED_COLORS = process.argv.includes('--forced-colors');

export const WIDGETS = ['toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder'];
export const THEMES = ['light', 'dark'];
export const WIDTHS = [360, 1024];
const HEIGHTS = { 360: 800, 1024: 900 };
/**
 * Tallest image per width, in CSS pixels: the rest of a long widget is left out, cut
 * between two lines of text and faded out. Phones get a longer strip (the widgets stack).
 */
const MAX_HEIGHTS = { 360: 1800, 1024: 1400 };
/** Height of the fade at the bottom of a cut image. */
const FADE = 48;
/** Fixed clock: 2026-11-01 10:00 in America/Guatemala (UTC−6). */
const FIXED_TIME = Date.UTC(2026, 10, 1, 16, 0, 0);
const TIMEZONE = 'America/Guatemala';
const SHOT_TIMEOUT = 30_000;

/**
 * What each widget shows. The sample feed's cash-flow templates are in US dollars, so the
 * calculator (and the plan, whose examples are Salvadoran) use El Salvador; the lists use Guatemala.
 */
const SETUP = {
  'toolbox-browser': { params: { country: 'GT', 'page-size': { 360: '4', 1024: '6' } } },
  'cash-flow-calculator': { params: { country: 'SV', template: 'tienda-de-barrio' }, prepare: relocaliseDateFields },
  'business-plan-outline': { params: { country: 'SV', outline: 'plan-tradicional' }, prepare: fillPlan },
  'provider-finder': { params: { country: 'GT', 'page-size': { 360: '3', 1024: '5' } } },
};

export const fileName = (widget, theme, width) => `${widget}-${theme}-${width}.png`;

function fail(message) {
  console.error(`screenshots: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------- server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The repository on 127.0.0.1, on a free port (the same rules as scripts/serve.mjs). */
async function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || file.split(sep).includes('node_modules')) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---------------------------------------------------------------- page

/** Runs in the page before anything else: `Date` starts at FIXED_TIME and runs on from there. */
function freezeClock(fixed) {
  const RealDate = Date;
  const start = performance.now();
  const now = () => fixed + Math.floor(performance.now() - start);
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = FixedDate;
}

/**
 * A month field draws its text ("noviembre de 2026") in the browser's language. Debian's
 * chromium has English only, so the browser runs with LangAttributeAwareFormControlUI (the
 * page's lang decides instead); a field built before it was in the page still has the
 * browser's language: rebuild it (its value stays).
 */
async function relocaliseDateFields(page) {
  await page.evaluate(async () => {
    const el = document.getElementById('widget');
    for (const input of el.shadowRoot.querySelectorAll('input[type="month"], input[type="date"]')) {
      const { type, value } = input;
      input.type = 'text';
      input.type = type;
      input.value = value;
    }
    await el.updateComplete;
  });
}

/** The plan: a business name and the first section answered with the outline's own examples. */
async function fillPlan(page) {
  await page.evaluate(async () => {
    const el = document.getElementById('widget');
    const root = el.shadowRoot;
    const business = root.querySelector('#business');
    if (!business) throw new Error('the plan shows no business-name field');
    business.value = 'Panadería Doña Marta';
    business.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const questions = [...root.querySelectorAll('[part="question"]')];
    if (questions.length === 0) throw new Error('the plan shows no question');
    for (const question of questions) {
      const textarea = question.querySelector('textarea');
      const example = question.querySelector('.example')?.textContent?.trim();
      if (!textarea || !example) continue;
      textarea.value = example;
      textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    // Let the autosave run, so the header says when it was saved.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await el.updateComplete;
  });
}

/** A few frames after the last update: layout, `content-visibility` and paint are done. */
async function settle(page) {
  await page.evaluate(async () => {
    const el = document.getElementById('widget');
    await el.updateComplete;
    document.activeElement?.blur?.();
    el.shadowRoot.activeElement?.blur?.();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

/**
 * Resolves once every part of the widget's first `height` px that `content-visibility: auto`
 * may skip is painted (the calculator's grid rows); rejects after `timeout` ms.
 */
async function waitForContent(height, timeout) {
  const el = document.getElementById('widget');
  const top = el.getBoundingClientRect().top;
  const skipped = () => {
    const lazy = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.shadowRoot) walk(node.shadowRoot);
        if (getComputedStyle(node).contentVisibility !== 'auto') continue;
        const rect = node.getBoundingClientRect();
        if (rect.top - top < height && rect.height > 0) lazy.push(node);
      }
    };
    walk(el.shadowRoot);
    // A skipped box's children are not visible (checkVisibility's contentVisibilityAuto).
    return lazy.filter((node) => node.firstElementChild && !node.firstElementChild.checkVisibility({ contentVisibilityAuto: true }));
  };
  const until = performance.now() + timeout;
  while (skipped().length > 0) {
    if (performance.now() > until) throw new Error(`${skipped().length} rows still not rendered after ${timeout} ms`);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 16)));
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Where to end the image of a widget taller than `cap`: the lowest line at or above `cap`
 * that crosses no text, control or figure (so no line of text is cut in half). In CSS px
 * from the widget's top; the widget's full height when it fits.
 */
function findCut(cap) {
  const el = document.getElementById('widget');
  const box = el.getBoundingClientRect();
  if (box.height <= cap) return Math.ceil(box.height);
  const spans = [];
  const add = (rect) => {
    if (rect.height > 1 && rect.width > 1) spans.push([rect.top - box.top, rect.bottom - box.top]);
  };
  // Boxes a cut must not cross either (text is checked line by line).
  const SOLID = 'a, button, summary, input, select, textarea, svg, img, progress, [role="button"], .button, .badge';
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) add(rect);
      } else {
        if (node.shadowRoot) walk(node.shadowRoot);
        if (node.matches(SOLID)) add(node.getBoundingClientRect());
      }
    }
  };
  walk(el.shadowRoot);
  const MARGIN = 6;
  for (let y = Math.floor(cap); y > cap * 0.6; y--) {
    if (!spans.some(([top, bottom]) => top - MARGIN < y && y < bottom + MARGIN)) return y;
  }
  return Math.floor(cap);
}

/** A fade to the page's background over the last `fade` px above `cut`: the widget goes on. */
function addFade(cut, fade) {
  const el = document.getElementById('widget');
  const box = el.getBoundingClientRect();
  const background = getComputedStyle(document.body).backgroundColor;
  const veil = document.createElement('div');
  veil.style.cssText = `position:absolute;left:${box.left + scrollX}px;top:${box.top + scrollY + cut - fade}px;width:${box.width}px;height:${fade}px;pointer-events:none;z-index:2147483647;background:linear-gradient(to bottom, transparent, ${background})`;
  document.body.append(veil);
}

function pageUrl(base, widget, theme, width) {
  const params = new URLSearchParams({ widget, theme });
  for (const [name, value] of Object.entries(SETUP[widget].params)) {
    params.set(name, typeof value === 'object' ? value[width] : value);
  }
  return `${base}/demo/screenshot.html?${params}`;
}

async function shoot(browser, base, widget, theme, width) {
  const context = await browser.createBrowserContext(); // fresh storage for every shot
  const label = `${widget} (${theme}, ${width} px)`;
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(SHOT_TIMEOUT);
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.setViewport({ width, height: HEIGHTS[width], deviceScaleFactor: 1 });
    await page.emulateTimezone(TIMEZONE);
    // Through the DevTools protocol: puppeteer's emulateMediaFeatures refuses forced-colors.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'prefers-color-scheme', value: theme },
        { name: 'prefers-reduced-motion', value: 'reduce' },
        ...(FORCED_COLORS ? [{ name: 'forced-colors', value: 'active' }] : []),
      ],
    });
    await page.evaluateOnNewDocument(freezeClock, FIXED_TIME);
    await page.goto(pageUrl(base, widget, theme, width), { waitUntil: 'load' });
    try {
      await page.evaluate(
        (ms) =>
          Promise.race([
            window.screenshotReady,
            new Promise((_, reject) => setTimeout(() => reject(new Error(`not ready after ${ms} ms`)), ms)),
          ]),
        SHOT_TIMEOUT,
      );
    } catch (error) {
      throw new Error(`${label}: ${error.message}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    }
    await SETUP[widget].prepare?.(page);
    await settle(page);
    const element = await page.$('#widget');
    let box = await element.boundingBox();
    if (!box || box.width < 1 || box.height < 1) throw new Error(`${label}: the widget has no size`);
    // Rows off screen are not painted (`content-visibility: auto`): make the whole
    // part of the widget in the image be on screen.
    const cap = MAX_HEIGHTS[width];
    const shown = Math.ceil(Math.min(box.height, cap));
    await page.setViewport({ width, height: Math.max(HEIGHTS[width], Math.ceil(box.y) + shown), deviceScaleFactor: 1 });
    await settle(page);
    await page.evaluate(waitForContent, shown, SHOT_TIMEOUT / 3).catch((error) => {
      throw new Error(`${label}: ${error.message}`);
    });
    box = await element.boundingBox();
    const height = await page.evaluate(findCut, cap);
    const fullHeight = Math.ceil(box.height);
    if (height < fullHeight) await page.evaluate(addFade, height, FADE);
    await settle(page);
    if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`);
    const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.min(width, Math.ceil(box.width)), height };
    // The viewport holds the whole image: no need for Chromium to resize it (which could
    // leave rows unpainted again for a frame).
    const png = await page.screenshot({ type: 'png', clip, captureBeyondViewport: false });
    return { png: shrinkPng(Buffer.from(png)), clip, fullHeight };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- PNG

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG file, in order. */
function readChunks(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const chunks = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** The RGB(A) pixels of an 8-bit truecolour PNG (what Chromium writes), unfiltered. */
function decodePng(png) {
  const chunks = readChunks(png);
  const ihdr = chunks.find((c) => c.type === 'IHDR')?.data;
  if (!ihdr) throw new Error('PNG without IHDR');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, colourType, , , interlace] = ihdr.subarray(8);
  const channels = { 2: 3, 6: 4 }[colourType];
  if (depth !== 8 || !channels || interlace !== 0) return undefined; // not Chromium's usual format: keep as is
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels] : 0;
      const b = y > 0 ? pixels[row - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[row + x] = (raw[line + x] + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Perceptual-ish distance between two 0xRRGGBB colours. */
function distance(p, q) {
  const dr = (p >> 16) - (q >> 16);
  const dg = ((p >> 8) & 0xff) - ((q >> 8) & 0xff);
  const db = (p & 0xff) - (q & 0xff);
  return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
}

/**
 * The same image as an 8-bit palette PNG, which is 2–3 times smaller (the files are
 * committed). Exact when the image has at most 256 colours; otherwise the palette holds
 * the most frequent colours (flat backgrounds, text) plus, picked one by one, the colours
 * farthest from it (small icons, chart marks), and the few remaining pixels (edges of
 * anti-aliased text) take their nearest palette colour. Deterministic. Keeps the original
 * when that is smaller or the image is not opaque 8-bit RGB(A).
 */
export function shrinkPng(png) {
  const image = decodePng(png);
  if (!image) return png;
  const { width, height, channels, pixels } = image;
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) {
    if (channels === 4 && pixels[i + 3] !== 0xff) return png; // transparency: keep as is
    const colour = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const byCount = [...counts].sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  let palette;
  if (byCount.length <= 256) {
    palette = byCount.map(([colour]) => colour);
  } else {
    palette = byCount.slice(0, 192).map(([colour]) => colour);
    const rest = byCount.slice(192);
    const nearest = rest.map(([colour]) => Math.min(...palette.map((p) => distance(colour, p))));
    while (palette.length < 256) {
      let best = -1;
      let bestScore = -1;
      for (let i = 0; i < rest.length; i++) {
        const score = nearest[i] * Math.sqrt(rest[i][1]);
        if (score > bestScore) [best, bestScore] = [i, score];
      }
      const chosen = rest[best][0];
      palette.push(chosen);
      for (let i = 0; i < rest.length; i++) nearest[i] = Math.min(nearest[i], distance(rest[i][0], chosen));
    }
  }
  const index = new Map(palette.map((colour, i) => [colour, i]));
  const lookup = (colour) => {
    let i = index.get(colour);
    if (i === undefined) {
      let best = Infinity;
      palette.forEach((p, j) => {
        const d = distance(colour, p);
        if (d < best) [best, i] = [d, j];
      });
      index.set(colour, i);
    }
    return i;
  };
  const raw = Buffer.alloc(height * (width + 1)); // filter 0 (none) on every row
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += channels) {
      raw[y * (width + 1) + 1 + x] = lookup((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // indexed colour
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, i) => plte.writeUIntBE(colour, i * 3, 3));
  const result = Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('PLTE', plte),
    pngChunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return result.length < png.length ? result : png;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

// ---------------------------------------------------------------- main

async function main() {
  for (const file of ['cdn/infomipyme-widgets.js', 'demo/screenshot.html', 'demo/feed.json']) {
    if (!existsSync(join(root, file))) fail(`${file} is missing${file.startsWith('cdn/') ? ': run `npm run build` first (or `npm run screenshots`)' : ''}.`);
  }
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > -1 ? process.argv[onlyAt + 1] : undefined;
  if (only && !WIDGETS.includes(only)) fail(`--only takes one of ${WIDGETS.join(', ')}.`);
  mkdirSync(OUT_DIR, { recursive: true });

  const { base, close } = await serve();
  let browser;
  let total = 0;
  let count = 0;
  try {
    browser = await puppeteer.launch({
      executablePath: ensureBrowser(),
      headless: true,
      // What the browser itself draws in a form field (the month field's "noviembre de 2026")
      // follows the page's lang, as in a Spanish browser: Debian's chromium ships English only.
      args: [...BROWSER_ARGS, '--lang=es-419', '--enable-blink-features=LangAttributeAwareFormControlUI', '--hide-scrollbars'],
    });
    for (const widget of WIDGETS) {
      if (only && widget !== only) continue;
      for (const theme of THEMES) {
        for (const width of WIDTHS) {
          const { png, clip, fullHeight } = await shoot(browser, base, widget, theme, width);
          const name = fileName(widget, theme, width);
          writeFileSync(join(OUT_DIR, name), png);
          total += png.length;
          count += 1;
          const cut = fullHeight > clip.height ? ` (cut from ${fullHeight} px)` : '';
          console.log(`${OUT_DIR === join(root, 'docs/img') ? 'docs/img/' : `${OUT_DIR}/`}${name}  ${clip.width}×${clip.height}${cut}  ${(png.length / 1024).toFixed(1)} KB`);
        }
      }
    }
  } finally {
    await browser?.close();
    await close();
  }
  console.log(`${count} screenshots, ${(total / 1024).toFixed(1)} KB in all.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => fail(process.env.DEBUG ? error.stack : error.message ?? String(error)));
}
