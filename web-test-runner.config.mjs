// Tests run in real headless Chromium (Debian's, or CHROME_PATH), never a downloaded one.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { BROWSER_ARGS, ensureBrowser } from './scripts/browser.mjs';

const executablePath = ensureBrowser();

// ---- a real HTTP feed server for the loader tests: /__feed/<behaviour>?k=<key>
const hits = new Map();
const modes = new Map();
const fixture = (name) => readFile(fileURLToPath(new URL(`./tests/fixtures/${name}`, import.meta.url)));

async function feedRoutes(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
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
    default:
      return next();
  }
}

export default {
  files: ['tests/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [feedRoutes],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: BROWSER_ARGS } })],
  testFramework: { config: { timeout: 10000 } },
};
