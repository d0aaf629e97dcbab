// The partners' validator: `infomipyme-widgets validate <file-or-url>`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/infomipyme-widgets.js');
const minimal = JSON.parse(readFileSync(join(root, 'tests/fixtures/minimal-feed.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'mipyme-cli-'));

function file(name, content) {
  const path = join(work, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

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

let server;
let base;
before(async () => {
  server = createServer((request, response) => {
    if (request.url === '/feed.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(minimal));
    } else {
      response.writeHead(404);
      response.end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('a good feed: summary per section and per country, exit 0', async () => {
  const { status, stdout } = await run(['validate', file('good.json', minimal), '--lang', 'en']);
  assert.equal(status, 0);
  assert.match(stdout, /Feed: Minimal test feed — format version 1, 2026-11-01/);
  assert.match(stdout, /tools\s+2/);
  assert.match(stdout, /SV\s+1\s+1\s+1\s+1/);
  assert.match(stdout, /GT\s+2\s+0\s+1\s+1/);
  assert.match(stdout, /✓ No errors, no warnings\./);
});

test("the per-country table counts each country's extra pay, tax regimes and season presets; a bad regime is a warning", async () => {
  const { status, stdout } = await run(['validate', join(root, 'demo/feed.json'), '--lang', 'en']);
  assert.equal(status, 0);
  assert.match(stdout, /country\s+tools\s+providers\s+cashflowTemplates\s+planOutlines\s+extraPay\s+taxRegimes\s+seasonPresets/);
  assert.match(stdout, /SV(\s+\d+){4}\s+1\s+1\s+3$/m);
  assert.match(stdout, /GT(\s+\d+){4}\s+2\s+2\s+3$/m);
  assert.match(stdout, /DO(\s+\d+){4}\s+1\s+2\s+2$/m);
  const bad = structuredClone(minimal);
  bad.countries[1].taxRegimes = [{ id: 'iva', name: 'IVA', kind: 'vat' }];
  const warned = await run(['validate', file('regime.json', bad), '--lang', 'en']);
  assert.equal(warned.status, 0);
  assert.match(warned.stdout, /warning\s+countries\[1\]\.taxRegimes \(GT\): 1 of 1 entries were not valid and were left out\./);
  assert.match(warned.stdout, /GT(\s+\d+){4}\s+0\s+0\s+0$/m);
});

test('a feed with a dropped item: each issue with its path, exit 1', async () => {
  const bad = structuredClone(minimal);
  bad.tools[0].url = 'javascript:alert(1)';
  bad.tools[1].type = 'hologram';
  const { status, stdout } = await run(['validate', file('bad.json', bad), '--lang', 'en']);
  assert.equal(status, 1);
  assert.match(stdout, /ERROR\s+tools\[0\]\.url \(price-guide\): Only complete web addresses/);
  assert.match(stdout, /warning\s+tools\[1\]\.type \(gt-only\): "hologram" is not a known value/);
  // The dropped tool also leaves a dangling link in the plan outline (a warning).
  assert.match(stdout, /✗ 1 error\(s\) and 2 warning\(s\)/);
  assert.match(stdout, /tools\s+1/);
});

test('warnings alone exit 0', async () => {
  const warned = structuredClone(minimal);
  warned.tools[1].type = 'hologram';
  const { status, stdout } = await run(['validate', file('warned.json', warned), '--lang', 'en']);
  assert.equal(status, 0);
  assert.match(stdout, /No errors; 1 warning/);
});

test('speaks Spanish by default', async () => {
  const bad = structuredClone(minimal);
  delete bad.tools[0].title;
  const { status, stdout } = await run(['validate', file('bad-es.json', bad)]);
  assert.equal(status, 1);
  assert.match(stdout, /Este campo es obligatorio/);
});

test('a document that cannot be used at all: exit 1 with the reason', async () => {
  const cases = [
    ['not-json.json', '{"version": 1,', /not valid JSON/],
    ['newer.json', { version: 2 }, /version 2.*newer/],
    ['array.json', [], /must be a JSON object/],
  ];
  for (const [name, content, says] of cases) {
    const { status, stdout } = await run(['validate', file(name, content), '--lang', 'en']);
    assert.equal(status, 1, name);
    assert.match(stdout, says, name);
  }
});

test('a URL is fetched; an HTTP error is named', async () => {
  const ok = await run(['validate', `${base}/feed.json`, '--lang', 'en']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Source: http:\/\/127\.0\.0\.1:\d+\/feed\.json/);
  const missing = await run(['validate', `${base}/nope.json`, '--lang', 'en']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /answered with error 404/);
});

test('a missing file is named', async () => {
  const { status, stderr } = await run(['validate', join(work, 'missing.json'), '--lang', 'en']);
  assert.equal(status, 1);
  assert.match(stderr, /Cannot read .*missing\.json/);
});

test('--json prints the report as data', async () => {
  const { status, stdout } = await run(['validate', file('json.json', minimal), '--json']);
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.ok, true);
  assert.equal(report.summary.sections.tools, 2);
  assert.deepEqual(report.issues, []);
});

test('usage errors exit 2; --help exits 0', async () => {
  assert.equal((await run([])).status, 2);
  assert.equal((await run(['frobnicate', 'x'])).status, 2);
  const help = await run(['--help', '--lang', 'en']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: infomipyme-widgets validate/);
});

test('the library version matches package.json', async () => {
  const { VERSION } = await import('../../dist/shared/version.js');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(VERSION, pkg.version);
  assert.ok(spawnSync);
});

test('the feed API works in Node through the package export', async () => {
  const { parseFeed, FEED_VERSION } = await import('infomipyme-widgets/feed');
  assert.equal(FEED_VERSION, 1);
  const result = parseFeed(minimal);
  assert.equal(result.ok, true);
  assert.equal(result.feed.tools.length, 2);
});
