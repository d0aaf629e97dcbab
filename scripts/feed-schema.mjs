// Writes dist/feed.schema.json: the JSON Schema of the feed, generated from the
// zod schema at build time (never at run time, so no schema ids are registered
// in a page's zod). Needs dist/ (run after `tsc -p tsconfig.build.json`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';

const root = new URL('..', import.meta.url);
const { feedSchema, FEED_VERSION } = await import(new URL('dist/feed/schema.js', root).href);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

const generated = z.toJSONSchema(feedSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

// What zod's refinements check but JSON Schema cannot be told by zod itself:
// a localized text object (`{ "es": "…" }`, the only records in the feed) needs one language;
// a list of months, a tax regime: see below.
(function addRefinements(node) {
  if (Array.isArray(node)) return node.forEach(addRefinements);
  if (typeof node !== 'object' || node === null) return;
  if (node.type === 'object' && node.propertyNames && node.additionalProperties) node.minProperties = 1;
  // A list of calendar months names each month once.
  if (node.type === 'array' && node.items?.type === 'integer' && node.items.minimum === 1 && node.items.maximum === 12) {
    node.uniqueItems = true;
  }
  // A tax regime needs the amount its kind uses (missingRegimeAmount in validate-rules.ts).
  if (node.type === 'object' && node.properties?.monthlyFee && node.properties.kind?.enum) {
    const when = (kinds, field) => ({ if: { properties: { kind: { enum: kinds } }, required: ['kind'] }, then: { required: [field] } });
    node.allOf = [when(node.properties.kind.enum.filter((kind) => kind !== 'fixed-fee'), 'ratePct'), when(['fixed-fee'], 'monthlyFee')];
  }
  Object.values(node).forEach(addRefinements);
})(generated);
const schema = {
  $schema: generated.$schema,
  $id: `https://unpkg.com/infomipyme-widgets@${version}/dist/feed.schema.json`,
  title: 'InfoMIPYME feed',
  description: `Feed format version ${FEED_VERSION} of infomipyme-widgets: countries, topics, provider services, tools, providers, cash-flow templates and business-plan outlines. Fields not listed here are ignored. Documented in docs/feed.md.`,
  ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
};
mkdirSync(new URL('dist/', root), { recursive: true });
writeFileSync(new URL('dist/feed.schema.json', root), `${JSON.stringify(schema, null, 2)}\n`);
console.log('dist/feed.schema.json written');
