// Serves the repository on localhost for the demo (after `npm run build`).
// Usage: node scripts/serve.mjs [--port 8000]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const portArg = process.argv.indexOf('--port');
const firstPort = Number(portArg > -1 ? process.argv[portArg + 1] : process.env.PORT || 8000);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.xlf': 'application/xml; charset=utf-8',
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (path === '/') {
    response.writeHead(302, { location: '/demo/' });
    response.end();
    return;
  }
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
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'access-control-allow-origin': '*',
  });
  createReadStream(file).pipe(response);
});

function listen(port, triesLeft) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && triesLeft > 0) listen(port + 1, triesLeft - 1);
    else throw error;
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`\n  infomipyme-widgets demo: http://localhost:${port}/demo/\n  Feed check:              http://localhost:${port}/demo/feed-check.html\n\n  (Ctrl+C to stop)\n`);
  });
}
listen(firstPort, 20);
