// The published types, as a developer's project sees them: tests/types/consumer.ts
// imports 'infomipyme-widgets' (resolved through package.json `exports` to dist/,
// which `npm test` builds first) and must compile with strict settings and the
// libraries' own .d.ts checked too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('a developer project compiles against the published .d.ts (elements, events, feed, React)', () => {
  assert.ok(existsSync(`${root}dist/index.d.ts`), 'dist/ is built (npm run build:ts)');
  try {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tests/types/tsconfig.json`], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    assert.fail(`tsc -p tests/types failed:\n${error.stdout}${error.stderr}`);
  }
});
