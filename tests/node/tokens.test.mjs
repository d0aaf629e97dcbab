// Design tokens are a contract: every custom property the styles read is defined
// (private `--_*`) or documented (public `--mipyme-*`), and every one defined or
// documented is really read. Scans the sources, so a renamed or forgotten token
// fails here rather than silently falling back in a partner's page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

function sources(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = Object.fromEntries(sources('src').map((path) => [path, read(path)]));
const all = Object.values(files).join('\n');
const matches = (text, pattern) => new Set([...text.matchAll(pattern)].map((match) => match[1]));
const sorted = (set) => [...set].sort();
const minus = (a, b) => sorted(new Set([...a].filter((item) => !b.has(item))));

const WIDGETS = ['toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder'];

test('every private token read with var() is defined, and every one defined is read', () => {
  const used = matches(all, /var\(\s*(--_[\w-]+)/g);
  const defined = matches(all, /(--_[\w-]+)\s*:/g);
  for (const name of matches(all, /setProperty\(\s*['"](--_[\w-]+)/g)) defined.add(name);
  assert.ok(used.size > 10, 'the scan found the tokens');
  assert.deepEqual(minus(used, defined), [], 'read but never defined');
  assert.deepEqual(minus(defined, used), [], 'defined but never read');
});

test('every public --mipyme-* token read is documented, and every documented one is read', () => {
  const used = matches(all, /var\(\s*(--mipyme-[\w-]+)/g);
  const embedding = read('docs/embedding.md');
  // The shared tokens: the table of docs/embedding.md (light name; the dark column is the `-dark` twin).
  const table = [...embedding.matchAll(/^\| `(--mipyme-[\w-]+)` \|([^|]*)\|([^|]*)\|$/gm)];
  const documented = new Set();
  for (const [, name, , dark] of table) {
    documented.add(name);
    if (dark.trim()) documented.add(`${name}-dark`);
  }
  // The per-widget knobs: @cssproperty in the element's JSDoc (so the manifest lists them) and its docs page.
  for (const widget of WIDGETS) {
    const element = files[`src/${widget}/${widget}.element.ts`];
    assert.ok(element, `src/${widget}/${widget}.element.ts`);
    const own = matches(element, /@cssproperty (--mipyme-[\w-]+)/g);
    const docs = read(`docs/${widget}.md`);
    for (const name of own) {
      assert.ok(name.startsWith(`--mipyme-${widget}-`), `${name} is named after its widget`);
      assert.ok(docs.includes(name), `docs/${widget}.md documents ${name}`);
      documented.add(name);
    }
    const ownUsed = sorted(used).filter((name) => name.startsWith(`--mipyme-${widget}-`));
    assert.deepEqual(minus(new Set(ownUsed), own), [], `${widget}: knobs read but not in @cssproperty`);
  }
  assert.ok(documented.size > 20, 'the docs table was found');
  assert.deepEqual(minus(used, documented), [], 'read but not documented');
  assert.deepEqual(minus(documented, used), [], 'documented but never read');
});

test('no rem and no inline style strings in the widgets', () => {
  for (const [path, text] of Object.entries(files)) {
    assert.doesNotMatch(text, /\d(\.\d+)?rem\b/, `${path} sizes in rem`);
    assert.doesNotMatch(text, /\sstyle=\$\{|\sstyle="/, `${path} renders an inline style attribute`);
  }
});
