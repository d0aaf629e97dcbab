// custom-elements.json (generated from JSDoc by `npm run build:ts`) describes every widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const elements = new Map(
  manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d])),
);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('package.json points at the manifest', () => {
  assert.equal(pkg.customElements, 'custom-elements.json');
});

test('<mipyme-toolbox-browser> is documented: attributes, events, parts, CSS properties', () => {
  const el = elements.get('mipyme-toolbox-browser');
  assert.ok(el, 'missing from the manifest');
  const attributes = el.attributes.map((a) => a.name);
  for (const name of ['feed', 'country', 'theme', 'topic', 'type', 'audience', 'page-size', 'without-search', 'without-filters', 'sync-url']) {
    assert.ok(attributes.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(el.events.map((e) => e.name).sort(), ['mipyme-feed-error', 'mipyme-feed-load', 'mipyme-help-open', 'mipyme-tool-open']);
  assert.ok(el.events.every((e) => e.description), 'every event described');
  const parts = el.cssParts.map((p) => p.name);
  for (const name of ['base', 'search-input', 'filters', 'list', 'item', 'help', 'empty', 'error', 'loading']) {
    assert.ok(parts.includes(name), `part ${name}`);
  }
  assert.ok(el.cssProperties.some((p) => p.name === '--mipyme-toolbox-browser-filters-width'));
});

test('every widget is in the manifest with its events and parts', () => {
  const expected = {
    'mipyme-cash-flow-calculator': ['mipyme-cash-flow-change', 'mipyme-feed-error', 'mipyme-feed-load', 'mipyme-help-open'],
    'mipyme-business-plan-outline': ['mipyme-feed-error', 'mipyme-feed-load', 'mipyme-help-open', 'mipyme-plan-change', 'mipyme-tool-open'],
    'mipyme-provider-finder': ['mipyme-feed-error', 'mipyme-feed-load', 'mipyme-provider-open'],
  };
  for (const [tag, events] of Object.entries(expected)) {
    const el = elements.get(tag);
    assert.ok(el, `${tag} missing from the manifest`);
    assert.deepEqual(el.events.map((e) => e.name).sort(), events, tag);
    assert.ok(el.cssParts.some((p) => p.name === 'base'), `${tag} parts`);
    assert.ok(el.attributes.some((a) => a.name === 'feed'), `${tag} attributes`);
  }
});
