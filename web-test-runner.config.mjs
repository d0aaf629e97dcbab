// Tests run in real headless Chromium (Debian's, or CHROME_PATH), never a downloaded one.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { readPartsTable, replacePartsTable } from './scripts/rollup-parts.mjs';
import { BROWSER_ARGS, ensureBrowser } from './scripts/browser.mjs';

const executablePath = ensureBrowser();

// ---- a real HTTP feed server for the loader tests: /__feed/<behaviour>?k=<key>
const hits = new Map();
const modes = new Map();
const fixture = (name) => readFile(fileURLToPath(new URL(`./tests/fixtures/${name}`, import.meta.url)));

async function feedRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');

  // ---- /__csp/<variant>?k=<key>: a partner page under a strict CSP (tests/cdn/csp-page.test.ts).
  // The issue's directives exactly; only the trusted-types names change with the variant. No
  // connect-src is needed: without default-src the feed request is not restricted (and it is
  // same-origin anyway).
  if (url.pathname.startsWith('/__csp/')) {
    const pages = {
      'lit-html': { names: 'lit-html', host: '' },
      own: { names: 'infomipyme-widgets', host: '' },
      // A host whose own Lit app runs first and owns the lit-html policy (no 'allow-duplicates').
      taken: {
        names: 'infomipyme-widgets lit-html',
        host: '<script type="module" src="/tests/cdn/pages/host-lit-app.js"></script>',
      },
      // The same, but the lit-html policy is created by a script that is not Lit.
      'taken-plain': {
        names: 'infomipyme-widgets lit-html',
        host: '<script src="/tests/cdn/pages/host-lit-html-policy.js"></script>',
      },
      // No policy allowed at all.
      none: { names: "'none'", host: '' },
      // Two versions of the library: the second one's tags are all taken, so it creates no policy.
      'two-versions': { names: 'lit-html', host: '', after: ['/__other-version/infomipyme-widgets.js'] },
      // One widget's file, then the full file: the second copy renders three widgets.
      'two-files': { names: 'lit-html infomipyme-widgets', host: '', before: ['/cdn/toolbox-browser.js'] },
      // A nonce-based policy: script-src 'nonce-…' 'strict-dynamic' (the scripts of the page carry the nonce).
      nonce: { names: 'lit-html', host: '', nonce: 'r4nd0mN0nce' },
    };
    const page = pages[url.pathname.slice('/__csp/'.length)];
    if (!page) return next();
    const feedKey = (url.searchParams.get('k') ?? '').replace(/[^\w-]/g, '');
    ctx.set(
      'content-security-policy',
      `script-src ${page.nonce ? `'nonce-${page.nonce}' 'strict-dynamic'` : "'self'"}; style-src 'self'; require-trusted-types-for 'script'; trusted-types ${page.names}`,
    );
    ctx.set('cache-control', 'no-store');
    ctx.type = 'html';
    ctx.body = `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>Strict CSP (${page.names})</title>
<script src="/tests/cdn/pages/csp-probe.js"${page.nonce ? ` nonce="${page.nonce}"` : ''}></script>
${page.host}
${[...(page.before ?? []), '/cdn/infomipyme-widgets.js', ...(page.after ?? [])]
  .map((src) => `<script type="module" src="${src}"${page.nonce ? ` nonce="${page.nonce}"` : ''} data-mipyme-feed="/__feed/sample?k=${feedKey}" data-mipyme-country="SV"></script>`)
  .join('\n')}
</head>
<body>
<p id="host-app"></p>
<mipyme-toolbox-browser></mipyme-toolbox-browser>
<mipyme-cash-flow-calculator></mipyme-cash-flow-calculator>
<mipyme-business-plan-outline></mipyme-business-plan-outline>
<mipyme-provider-finder></mipyme-provider-finder>
</body>
</html>
`;
    return;
  }

  // ---- /__other-version/<file>.js (and its parts, /__other-version/parts/…): the cdn/ files as
  // another release would ship them: the version (the banner, the VERSION literal of
  // src/shared/version.ts, the key of the parts loader) replaced by 9.9.9 (?v= for another), and
  // the entries' table of parts re-hashed, so the integrity checks pass as they would for a release.
  if (url.pathname.startsWith('/__other-version/')) {
    const file = url.pathname.slice('/__other-version/'.length);
    if (!/^(parts\/[\w-]+\/)?[\w-]+\.js$/.test(file)) return next();
    const tree = await otherVersionTree((url.searchParams.get('v') ?? '9.9.9').replace(/[^\w.-]/g, ''));
    if (!tree.has(file)) return next();
    ctx.set('cache-control', 'no-store');
    ctx.type = 'js';
    ctx.body = tree.get(file);
    return;
  }

  // ---- /__held/<file>.js: a cdn/ file and its parts as built, but the Spanish strings (the es-…
  // part) held until /__held/release?k=<key> (the key is the page's ?k=, passed on by the parts'
  // addresses through the entry's: /__held/<key>/<file>.js).
  if (url.pathname.startsWith('/__held/')) {
    const held = (feedRoutes.held ??= new Map());
    const [, , key, ...rest] = url.pathname.split('/');
    if (key === 'release') {
      const name = url.searchParams.get('k') ?? '';
      held.get(name)?.resolve();
      held.set(name, { promise: Promise.resolve(), resolve() {} });
      ctx.body = 'ok';
      return;
    }
    const file = rest.join('/');
    if (!/^(parts\/[\w-]+\/)?[\w-]+\.js$/.test(file)) return next();
    if (/\/es-[\w-]+\.js$/.test(file)) {
      if (!held.has(key)) {
        let resolve;
        const promise = new Promise((r) => (resolve = r));
        held.set(key, { promise, resolve });
      }
      await held.get(key).promise;
    }
    ctx.set('cache-control', 'no-store');
    ctx.type = 'js';
    ctx.body = await readFile(fileURLToPath(new URL(`./cdn/${file}`, import.meta.url)));
    return;
  }

  // ---- /__tampered/<file>.js: a cdn/ file served as built, but its parts (/__tampered/parts/…)
  // with one byte more than the hash the file carries, as a compromised CDN would serve them —
  // all but the Spanish strings (es-…), so the page can say in Spanish what went wrong.
  if (url.pathname.startsWith('/__tampered/')) {
    const file = url.pathname.slice('/__tampered/'.length);
    if (!/^(parts\/[\w-]+\/)?[\w-]+\.js$/.test(file)) return next();
    const text = await readFile(fileURLToPath(new URL(`./cdn/${file}`, import.meta.url)), 'utf8');
    ctx.set('cache-control', 'no-store');
    ctx.type = 'js';
    ctx.body = file.startsWith('parts/') && !/\/es-[\w-]+\.js$/.test(file) ? `${text};` : text;
    return;
  }

  if (!url.pathname.startsWith('/__feed/')) return next();
  const key = url.searchParams.get('k') ?? '';
  const route = url.pathname.slice('/__feed/'.length);
  if (route === 'hits') {
    ctx.type = 'json';
    ctx.body = JSON.stringify({ hits: hits.get(key) ?? 0 });
    return;
  }
  if (route === 'mode') {
    modes.set(key, url.searchParams.get('m') ?? 'ok');
    ctx.body = 'ok';
    return;
  }
  // State of the routes below, kept across requests (servers on other ports, held responses).
  const side = (feedRoutes.side ??= { servers: new Map(), gates: new Map() });
  const gate = (name) => {
    if (!side.gates.has(name)) {
      let open;
      side.gates.set(name, { opened: new Promise((resolve) => (open = resolve)), open });
    }
    return side.gates.get(name);
  };
  if (route === 'release') {
    // Lets the held response of /__feed/gated-v2 (or mode gated-v2) for this key go.
    gate(key).open();
    ctx.body = 'ok';
    return;
  }
  if (route === 'free-port') {
    // A local port nothing listens on (checked: a connection to it is refused), for
    // "connection refused". An ephemeral port: never one of Chromium's blocked ports.
    const net = await import('node:net');
    const port = await new Promise((resolve, reject) => {
      const probe = net.createServer().once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
    });
    const refused = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
    });
    ctx.type = 'json';
    ctx.body = JSON.stringify({ port, refused });
    return;
  }
  if (route === 'listen' || route === 'unlisten') {
    // /__feed/listen?port=N serves the minimal feed at http://127.0.0.1:N/<anything> (CORS
    // allowed, no keep-alive) until /__feed/unlisten?port=N: the refused connection "clears".
    const port = Number(url.searchParams.get('port'));
    const running = side.servers.get(port);
    if (route === 'listen' && !running) {
      const http = await import('node:http');
      const body = await fixture('minimal-feed.json');
      const server = http.createServer((req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'cache-control': 'no-store',
          connection: 'close',
        });
        res.end(body);
      });
      await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
      server.unref();
      side.servers.set(port, server);
    } else if (route === 'unlisten' && running) {
      side.servers.delete(port);
      await new Promise((resolve) => {
        running.close(resolve);
        running.closeAllConnections();
      });
    }
    ctx.body = 'ok';
    return;
  }
  hits.set(key, (hits.get(key) ?? 0) + 1);
  // /__feed/switch follows the mode set with /__feed/mode; other routes are fixed.
  const behaviour = route === 'switch' ? modes.get(key) ?? 'ok' : route;
  ctx.set('cache-control', 'no-store');
  switch (behaviour) {
    case 'ok':
      ctx.type = 'json';
      ctx.body = await fixture('minimal-feed.json');
      return;
    case 'ok-v2':
      ctx.type = 'json';
      ctx.body = await fixture('minimal-feed-updated.json');
      return;
    case 'sample':
      ctx.type = 'json';
      ctx.body = await readFile(fileURLToPath(new URL('./demo/feed.json', import.meta.url)));
      return;
    case 'hang':
      // Never answers; the client's timeout must end it.
      await new Promise((resolve) => ctx.req.once('close', resolve));
      ctx.respond = false;
      return;
    case 'not-found':
      ctx.status = 404;
      ctx.body = 'Not found';
      return;
    case 'server-error':
      ctx.status = 500;
      ctx.body = 'Internal Server Error';
      return;
    case 'html':
      ctx.type = 'html';
      ctx.body = '<!doctype html><html><head><title>Inicio</title></head><body>Hola</body></html>';
      return;
    case 'truncated':
      ctx.type = 'json';
      ctx.body = '{"version": 1, "title": "Feed", "tools": [{"id": "a"';
      return;
    case 'newer':
      ctx.type = 'json';
      ctx.body = JSON.stringify({ version: 2, title: 'Feed v2' });
      return;
    case 'down':
      // Like a dropped connection: the socket closes without an answer.
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    case 'redirect-loop':
      // 302 to itself, for ever (the browser gives up after 20 redirects).
      ctx.status = 302;
      ctx.set('location', url.pathname + url.search);
      return;
    case 'redirect-cycle': {
      // A → B → A → …: the same address with hop=a, then hop=b, then hop=a…
      const next = new URL(url);
      next.searchParams.set('hop', url.searchParams.get('hop') === 'a' ? 'b' : 'a');
      ctx.status = 302;
      ctx.set('location', next.pathname + next.search);
      return;
    }
    case 'slow-body': {
      // Headers at once, then the feed in 10 chunks spread over ?ms= (default 4000) milliseconds.
      const body = await fixture('minimal-feed.json');
      const total = Number(url.searchParams.get('ms') ?? 4000);
      const chunks = 10;
      const size = Math.ceil(body.length / chunks);
      ctx.respond = false;
      const res = ctx.res;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.flushHeaders();
      await new Promise((resolve) => {
        let i = 0;
        const write = () => {
          if (res.destroyed) return resolve();
          res.write(body.subarray(i * size, (i + 1) * size));
          i++;
          if (i < chunks) setTimeout(write, total / chunks);
          else res.end(resolve);
        };
        res.once('close', resolve);
        write();
      });
      return;
    }
    case 'wrong-type':
      // A valid feed served as text/plain (a static host that does not know .json).
      ctx.type = 'text/plain';
      ctx.body = await fixture('minimal-feed.json');
      return;
    case 'json-as-html':
      // A valid feed served as text/html.
      ctx.type = 'html';
      ctx.body = await fixture('minimal-feed.json');
      return;
    case 'empty':
      ctx.status = 200;
      ctx.type = 'json';
      ctx.body = '';
      return;
    case 'no-content':
      ctx.status = 204;
      return;
    case 'gated-v2':
      // The updated feed, held until /__feed/release?k=<key> (or the client gives up).
      await Promise.race([gate(key).opened, new Promise((resolve) => ctx.res.once('close', resolve))]);
      side.gates.delete(key);
      if (ctx.res.destroyed) {
        ctx.respond = false;
        return;
      }
      ctx.type = 'json';
      ctx.body = await fixture('minimal-feed-updated.json');
      return;
    default:
      return next();
  }
}

// ---- the fuzz tests' echo (tests/security/fuzz-widgets.test.ts): the browser POSTs a mutant's
// exact bytes to /__fuzz/put?id=<id>, then a widget reads them once from /__fuzz/get?id=<id>.
const fuzzBodies = new Map();

async function fuzzRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/__fuzz/')) return next();
  const id = url.searchParams.get('id') ?? '';
  const route = url.pathname.slice('/__fuzz/'.length);
  if (route === 'put' && ctx.method === 'POST') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    fuzzBodies.set(id, Buffer.concat(chunks));
    while (fuzzBodies.size > 32) fuzzBodies.delete(fuzzBodies.keys().next().value);
    ctx.body = 'ok';
    return;
  }
  if (route === 'get' && fuzzBodies.has(id)) {
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = fuzzBodies.get(id);
    fuzzBodies.delete(id);
    return;
  }
  return next();
}

/** Every cdn/ file (path from cdn/ → text) as release `other` would ship it (see /__other-version/). */
async function otherVersionTree(other) {
  const { version } = JSON.parse(await readFile(fileURLToPath(new URL('./package.json', import.meta.url)), 'utf8'));
  const root = fileURLToPath(new URL('./cdn/', import.meta.url));
  const files = (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.js'));
  const tree = new Map();
  for (const name of files) {
    const text = await readFile(join(root, name), 'utf8');
    tree.set(
      name,
      text
        .replace(`infomipyme-widgets ${version} `, `infomipyme-widgets ${other} `)
        .split(JSON.stringify(version))
        .join(JSON.stringify(other))
        .split(`infomipyme-widgets@${version}/`)
        .join(`infomipyme-widgets@${other}/`)
        .replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n'),
    );
  }
  const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
  for (const [name, text] of tree) {
    if (name.includes('/')) continue;
    const table = readPartsTable(text);
    if (!table) continue;
    for (const part of Object.keys(table)) table[part][0] = sri(tree.get(part));
    tree.set(name, replacePartsTable(text, table));
  }
  return tree;
}

/**
 * cdn/ exactly as built: the dev server would otherwise rewrite the imports of the parts (its
 * module resolution), and their bytes would no longer match the hashes the entries carry.
 */
async function cdnAsBuilt(ctx, next) {
  const path = new URL(ctx.url, 'http://localhost').pathname;
  if (!/^\/cdn\/(parts\/[\w-]+\/)?[\w-]+\.js$/.test(path)) return next();
  try {
    ctx.body = await readFile(fileURLToPath(new URL(`.${path}`, import.meta.url)));
  } catch {
    return next();
  }
  ctx.type = 'js';
  ctx.set('cache-control', 'no-cache');
}

// ---- /__split/<key>/<file>: the split sample feed (demo/feed-split/, written by
// `infomipyme-widgets split demo/feed.json demo/feed-split`) for tests/feed/split.test.ts.
// Per key: /__split/<key>/__hits → { requests: { file: n }, notModified: { file: n } };
// /__split/<key>/__mode?m=<mode>[&m=<mode>…] sets the faults, each for every file or for one
// (`<mode>:<file>`): `down` (the connection drops), `missing` (404), `broken` (JSON cut in half),
// `etag` (ETag + max-age=0, must-revalidate: 304 when unchanged, else no-store),
// `index-for:<file>` (the index's text instead), `index-without:<CC>` (the index without CC's
// part; `index-without:shared`, without its shared part; `index-without:all`, without the whole
// feed for pages without a country). The files are answered on the raw
// response: the runner's own middleware would otherwise mark every address with an extension
// `max-age=31536000`, and the browser would never ask again.
const splitHits = new Map();
const splitModes = new Map();

async function splitRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const match = /^\/__split\/([\w-]+)\/([\w.-]+)$/.exec(url.pathname);
  if (!match) return next();
  const [, key, file] = match;
  const counts = splitHits.get(key) ?? { requests: {}, notModified: {} };
  splitHits.set(key, counts);
  if (file === '__hits') {
    ctx.set('cache-control', 'no-store');
    ctx.type = 'json';
    ctx.body = JSON.stringify(counts);
    return;
  }
  if (file === '__mode') {
    splitModes.set(key, url.searchParams.getAll('m'));
    ctx.set('cache-control', 'no-store');
    ctx.body = 'ok';
    return;
  }
  if (!/^[\w-]+\.json$/.test(file)) return next();
  const modes = splitModes.get(key) ?? [];
  const has = (mode) => modes.includes(mode) || modes.includes(`${mode}:${file}`);
  counts.requests[file] = (counts.requests[file] ?? 0) + 1;
  ctx.respond = false;
  const answer = (status, headers, body) => {
    ctx.res.writeHead(status, headers);
    ctx.res.end(body);
  };
  if (has('down')) {
    ctx.req.socket.destroy();
    return;
  }
  const read = (name) => readFile(fileURLToPath(new URL(`./demo/feed-split/${name}`, import.meta.url)), 'utf8');
  let body;
  try {
    body = await read(has('index-for') ? 'index.json' : file);
  } catch {
    body = undefined;
  }
  if (body === undefined || has('missing')) {
    answer(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }, 'Not found');
    return;
  }
  if (has('broken')) body = body.slice(0, Math.floor(body.length / 2));
  for (const mode of modes) {
    const without = /^index-without:(\w+)$/.exec(mode);
    if (without && file === 'index.json') {
      const index = JSON.parse(body);
      if (/^[A-Z]{2}$/.test(without[1])) delete index.countries[without[1]];
      else delete index[without[1]];
      body = JSON.stringify(index);
    }
  }
  const type = { 'content-type': 'application/json; charset=utf-8' };
  if (!has('etag')) {
    answer(200, { ...type, 'cache-control': 'no-store' }, body);
    return;
  }
  const { createHash: hash } = await import('node:crypto');
  const etag = `"${hash('sha1').update(body).digest('base64url')}"`;
  const caching = { etag, 'cache-control': 'max-age=0, must-revalidate' };
  if (ctx.get('if-none-match') === etag) {
    counts.notModified[file] = (counts.notModified[file] ?? 0) + 1;
    answer(304, caching);
    return;
  }
  answer(200, { ...type, ...caching }, body);
}

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [cdnAsBuilt, feedRoutes, fuzzRoutes, splitRoutes],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: BROWSER_ARGS } })],
  testFramework: { config: { timeout: 10000 } },
  // The security files (fuzzing, hostile payloads) run for a minute or more on a 2-core machine.
  testsFinishTimeout: 600_000,
};
