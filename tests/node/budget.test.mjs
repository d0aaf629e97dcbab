// The size budgets of issue #9 (scripts/budgets.mjs), on the files `npm test` has just built:
// the cdn/ file a partner pins stays small; its parts (cdn/parts/) load when used, each checked
// against the hash the file carries (tests/cdn/sri.test.ts). Not a timing test: bytes only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUDGETS, KB } from '../../scripts/budgets.mjs';

const manifest = JSON.parse(readFileSync(new URL('../../cdn/manifest.json', import.meta.url), 'utf8'));

test('every cdn file has a budget, and every budget a file', () => {
  assert.deepEqual(Object.keys(manifest.files).sort(), Object.keys(BUDGETS).sort());
});

for (const [file, budget] of Object.entries(BUDGETS)) {
  test(`cdn/${file} stays within ${budget / KB} KB gzip`, () => {
    const { gzip } = manifest.files[file];
    assert.ok(
      gzip <= budget,
      `cdn/${file} is ${(gzip / KB).toFixed(1)} KB gzip, over its budget of ${budget / KB} KB: ` +
        'find the bytes with `node scripts/bundle-report.mjs cdn/' + file + '`; raise the budget (scripts/budgets.mjs) only with a reason in CHANGELOG.md.',
    );
  });
}
