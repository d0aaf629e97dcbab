// The splitter (`infomipyme-widgets split <feed> <out-dir>`) and the validator on a feed index.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/infomipyme-widgets.js');
const sample = join(root, 'demo/feed.json');
const work = mkdtempSync(join(tmpdir(), 'mipyme-split-'));
const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'DO'];

globalThis.window ??= new EventTarget();
const { parseFeed, parseFeedText, mergeFeedParts, filterFeedToCountry, parseFeedPartText } = await import(
  '../../dist/feed/index.js'
);

/** Runs the CLI (asynchronously, so the test's own HTTP server can answer). */
function run(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LANG: 'C', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const read = (dir, file) => readFileSync(join(dir, file), 'utf8');
const json = (dir, file) => JSON.parse(read(dir, file));

let out;
let server;
let base;
before(async () => {
  out = join(work, 'split');
  const { status, stdout, stderr } = await run(['split', sample, out, '--lang', 'en']);
  assert.equal(status, 0, stderr);
  assert.match(stdout, /Wrote 8 files to/);
  server = createServer((request, response) => {
    const name = request.url.slice(1);
    if (/^[\w-]+\.json$/.test(name) && readdirSync(out).includes(name)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(read(out, name));
    } else {
      response.writeHead(404);
      response.end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('split writes an index, a shared part, one part per country, and the whole feed for pages without a country', () => {
  assert.deepEqual(readdirSync(out).sort(), ['DO.json', 'GT.json', 'HN.json', 'NI.json', 'SV.json', 'all.json', 'index.json', 'shared.json']);
  assert.deepEqual(json(out, 'all.json'), JSON.parse(readFileSync(sample, 'utf8')));
  const index = json(out, 'index.json');
  assert.equal(index.kind, 'infomipyme-feed-index');
  assert.equal(index.version, 1);
  assert.deepEqual(Object.keys(index.countries), COUNTRIES);
  assert.equal(index.shared.url, 'shared.json');
  for (const [code, link] of Object.entries(index.countries)) {
    assert.equal(link.url, `${code}.json`);
    assert.equal(link.bytes, Buffer.byteLength(read(out, `${code}.json`)));
  }
  assert.deepEqual(index.all, { url: 'all.json', bytes: Buffer.byteLength(read(out, 'all.json')) });
});

test('the sample split in demo/feed-split/ is the one the splitter writes today', () => {
  const committed = join(root, 'demo/feed-split');
  assert.deepEqual(readdirSync(committed).sort(), readdirSync(out).sort());
  for (const file of readdirSync(out)) {
    assert.equal(
      read(committed, file),
      read(out, file),
      `${file} is out of date: run node bin/infomipyme-widgets.js split demo/feed.json demo/feed-split`,
    );
  }
});

test('each part is a valid feed on its own, with no issue', () => {
  for (const file of ['shared.json', ...COUNTRIES.map((code) => `${code}.json`)]) {
    const result = parseFeed(json(out, file));
    assert.equal(result.ok, true, file);
    assert.deepEqual(result.issues, [], file);
  }
});

test("merged, the parts give back the whole feed, and each country's the whole feed for that country", () => {
  const whole = parseFeedText(readFileSync(sample, 'utf8'));
  assert.equal(whole.ok, true);
  const part = (file) => {
    const { result, positions } = parseFeedPartText(read(out, file));
    return { url: file, feed: result.feed, issues: result.issues, positions };
  };
  const all = mergeFeedParts(['shared.json', ...COUNTRIES.map((code) => `${code}.json`)].map(part));
  assert.deepEqual(all.issues, []);
  assert.deepEqual(all.feed, whole.feed);
  for (const code of COUNTRIES) {
    const merged = mergeFeedParts([part('shared.json'), part(`${code}.json`)]);
    assert.deepEqual(merged.feed, filterFeedToCountry(whole.feed, code), code);
    // A page for one country downloads less than the whole feed.
    const bytes = ['index.json', 'shared.json', `${code}.json`].reduce((sum, f) => sum + Buffer.byteLength(read(out, f)), 0);
    assert.ok(bytes < Buffer.byteLength(readFileSync(sample)), code);
  }
});

test('split prints what a page for each country downloads', async () => {
  const { stdout } = await run(['split', sample, join(work, 'again'), '--lang', 'en']);
  for (const code of COUNTRIES) assert.match(stdout, new RegExp(`^  ${code}\\s+\\d+\\s+\\d+%$`, 'm'));
  assert.match(stdout, new RegExp(`the whole feed\\s+${Buffer.byteLength(readFileSync(sample))}\\s+100%`));
});

test('--compact writes one line per file', async () => {
  const dir = join(work, 'compact');
  const { status } = await run(['split', sample, dir, '--compact']);
  assert.equal(status, 0);
  for (const file of readdirSync(dir)) assert.equal(read(dir, file).trimEnd().includes('\n'), false, file);
  assert.ok(Buffer.byteLength(read(dir, 'shared.json')) < Buffer.byteLength(read(out, 'shared.json')));
});

test('split refuses an index, a feed the widgets refuse, and a missing out-dir', async () => {
  const index = await run(['split', join(out, 'index.json'), join(work, 'x'), '--lang', 'en']);
  assert.equal(index.status, 1);
  assert.match(index.stderr, /already a feed index: give the whole feed/);
  const newer = join(work, 'newer.json');
  writeFileSync(newer, JSON.stringify({ version: 2, title: 'x' }));
  const refused = await run(['split', newer, join(work, 'y'), '--lang', 'en']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /cannot be split: .*version 2/);
  assert.equal((await run(['split', sample])).status, 2);
});

test('validate an index: the index, every part, the merged feed and the bytes per country; exit 0', async () => {
  const { status, stdout } = await run(['validate', join(out, 'index.json'), '--lang', 'en']);
  assert.equal(status, 0, stdout);
  assert.match(stdout, /Feed index: .*index\.json — format version 1, 5 country part\(s\)/);
  assert.match(stdout, /^ {2}shared\s+shared\.json\s+[\d.]+ KB\s+✓ valid$/m);
  for (const code of COUNTRIES) assert.match(stdout, new RegExp(`^  ${code}\\s+${code}\\.json\\s+[\\d.]+ KB\\s+✓ valid$`, 'm'));
  assert.match(stdout, /tools\s+71/);
  assert.match(stdout, /✓ No errors, no warnings\./);
  assert.match(stdout, /^ {2}all\s+all\.json\s+[\d.]+ KB\s+✓ valid$/m);
  assert.match(stdout, /a page without a country \(the index and all\.json\)\s+\d+\s+100%/);
});

test('validate an index whose all.json is not the parts together: the file is named, exit 1', async () => {
  const dir = join(work, 'stale-all');
  assert.equal((await run(['split', sample, dir])).status, 0);
  const whole = json(dir, 'all.json');
  whole.tools.pop();
  writeFileSync(join(dir, 'all.json'), JSON.stringify(whole));
  const { status, stdout } = await run(['validate', join(dir, 'index.json'), '--lang', 'en']);
  assert.equal(status, 1);
  assert.match(stdout, /The part all\.json cannot be used: it does not hold the same feed as the parts together/);
});

test('validate an index over HTTP reads every part from the server', async () => {
  const { status, stdout } = await run(['validate', `${base}/index.json`, '--lang', 'en']);
  assert.equal(status, 0, stdout);
  assert.match(stdout, new RegExp(`SV\\s+${base.replaceAll('.', '\\.')}/SV\\.json`));
});

test('validate an index with a broken, a missing and a wrong part: each named, exit 1', async () => {
  const dir = join(work, 'bad');
  cpSync(out, dir, { recursive: true });
  writeFileSync(join(dir, 'SV.json'), '{"version": 1, "tools": [');
  const gt = json(dir, 'GT.json');
  gt.tools[0].url = 'javascript:alert(1)';
  writeFileSync(join(dir, 'GT.json'), JSON.stringify(gt));
  const index = json(dir, 'index.json');
  index.countries.HN.url = 'nowhere.json';
  index.countries.sv = { url: 'SV.json' };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  const { status, stdout } = await run(['validate', join(dir, 'index.json'), '--lang', 'en']);
  assert.equal(status, 1);
  assert.match(stdout, /ERROR {2}countries\.sv \(sv\): Use a two-letter country code.*This part was ignored\./);
  assert.match(stdout, /✗ The part SV\.json cannot be used: The feed is not valid JSON/);
  assert.match(stdout, /✗ The part nowhere\.json cannot be used: Cannot read nowhere\.json/);
  assert.match(stdout, /ERROR {2}GT\.json › tools\[0\]\.url \([\w-]+\): Only complete web addresses/);
  assert.match(stdout, /warning {2}GT\.json: the index gives \d+ bytes, the file has \d+\./);
  assert.match(stdout, /✗ 2 part\(s\) cannot be used/);
});

test('validate --json on an index', async () => {
  const { status, stdout } = await run(['validate', join(out, 'index.json'), '--json']);
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.kind, 'index');
  assert.equal(report.ok, true);
  assert.deepEqual(report.parts.map((part) => part.name), ['shared', ...COUNTRIES, 'all']);
  assert.equal(report.merged.summary.sections.tools, 71);
});

test('speaks Spanish by default', async () => {
  const { stdout } = await run(['validate', join(out, 'index.json')]);
  assert.match(stdout, /Índice de la fuente de datos: .* — versión 1 del formato, 5 parte\(s\) por país/);
  const split = await run(['split', sample, join(work, 'es')]);
  assert.match(split.stdout, /Lo que descarga una página/);
});

test('--help lists both commands', async () => {
  const { status, stdout } = await run(['--help', '--lang', 'en']);
  assert.equal(status, 0);
  assert.match(stdout, /Usage: infomipyme-widgets validate/);
  assert.match(stdout, /infomipyme-widgets split FEED OUT-DIR/);
});
