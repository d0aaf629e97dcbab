/**
 * A deterministic fuzzer for the feed (issue #8, malformed feeds).
 *
 * `mutants(sample, count, seed)` derives `count` broken copies of a sample feed,
 * each made by 1–3 mutation operators: deleted fields, wrong types, nulls, huge
 * arrays, deep nesting, duplicate ids, dangling references, swapped sections,
 * bad formats and numbers, edge values the parser accepts (a locale Intl
 * refuses, the largest amounts, lists filled to their limit),
 * `__proto__` / `constructor` / `prototype` keys, truncated or decorated JSON
 * text, BOMs, and text in the wrong encoding.
 *
 * A mutant comes through one of three channels, the way a feed reaches a widget:
 * - `value`: a JS value (the `data` property, `parseFeed`);
 * - `text`: JSON text (`parseFeedText`, or served over HTTP);
 * - `bytes`: a body in some encoding, which the loader decodes as UTF-8 (`response.text()`).
 *
 * DOM-free and pure: the same (sample, seed, index) always gives the same mutant,
 * and mutant n can be rebuilt alone with `mutant(sample, seed, n)`.
 */

// ---------------------------------------------------------------- PRNG

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-mixed 32-bit seed for mutant `index` of run `seed` (murmur3's finaliser). */
function mutantSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

// ---------------------------------------------------------------- operators

/**
 * Stages, applied in this order: `tree` (edit the value), `proto` (own
 * `__proto__`-like keys; needs JSON text), `heavy` (huge arrays, deep nesting:
 * applied last so no other operator walks them), `document` (replace the
 * whole document), `text` (edit the JSON text), `bytes` (encode the text).
 */
type Stage = 'tree' | 'proto' | 'heavy' | 'document' | 'text' | 'bytes';

export const OPERATORS = {
  'delete-field': { stage: 'tree', weight: 8 },
  'wrong-type': { stage: 'tree', weight: 8 },
  null: { stage: 'tree', weight: 6 },
  'undefined-ish': { stage: 'tree', weight: 4 },
  'duplicate-id': { stage: 'tree', weight: 5 },
  'dangling-reference': { stage: 'tree', weight: 7 },
  'swap-sections': { stage: 'tree', weight: 3 },
  'empty-string': { stage: 'tree', weight: 4 },
  'long-string': { stage: 'tree', weight: 3 },
  'invalid-format': { stage: 'tree', weight: 8 },
  'bad-number': { stage: 'tree', weight: 5 },
  'number-as-string': { stage: 'tree', weight: 4 },
  version: { stage: 'tree', weight: 3 },
  'edge-value': { stage: 'tree', weight: 7 },
  'proto-keys': { stage: 'proto', weight: 6 },
  // Deep nesting before huge arrays: it looks for a place in the tree, which a huge array would make slow.
  'deep-nesting': { stage: 'heavy', weight: 3 },
  'huge-array': { stage: 'heavy', weight: 2 },
  'whole-document': { stage: 'document', weight: 2 },
  'deep-document': { stage: 'document', weight: 2 },
  truncate: { stage: 'text', weight: 4 },
  bom: { stage: 'text', weight: 3 },
  'trailing-garbage': { stage: 'text', weight: 3 },
  comments: { stage: 'text', weight: 3 },
  'nan-literal': { stage: 'text', weight: 3 },
  utf16: { stage: 'bytes', weight: 2 },
  latin1: { stage: 'bytes', weight: 3 },
  'invalid-utf8': { stage: 'bytes', weight: 1 },
} as const satisfies Record<string, { stage: Stage; weight: number }>;

export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as OperatorName[];
const STAGES: readonly Stage[] = ['tree', 'proto', 'heavy', 'document', 'text', 'bytes'];
const stageOf = (op: OperatorName): Stage => OPERATORS[op].stage;

export type Channel = 'value' | 'text' | 'bytes';

/** Huge-array variants; `cheap` ones stay small as JSON text (a few MB at most). */
const HUGE_VARIANTS = [
  { name: 'same-item', cheap: false, heavy: true }, // tools/providers: 50,001 times one item (duplicate ids)
  { name: 'unique-items', cheap: false, heavy: true }, // tools/providers: 50,001 copies with their own ids
  { name: 'small-section', cheap: true, heavy: false }, // a small section one past its limit
  { name: 'primitives', cheap: true, heavy: true }, // a section of 60,000 nulls, numbers or texts
  { name: 'inner-list', cheap: true, heavy: false }, // a list inside an item, 50,000 entries
  { name: 'minimal-tools', cheap: true, heavy: true }, // 50,001 tiny, valid, distinct tools (~2.5 MB of text)
] as const;

export interface MutantPlan {
  readonly index: number;
  readonly ops: readonly OperatorName[];
  readonly channel: Channel;
  /** Huge arrays: give it an `it` of its own. */
  readonly heavy: boolean;
  readonly hugeVariant?: (typeof HUGE_VARIANTS)[number]['name'];
}

export interface Mutant extends MutantPlan {
  /** `#index op detail; op detail` — enough to find and rebuild it. */
  readonly name: string;
  readonly value?: unknown;
  readonly text?: string;
  readonly bytes?: Uint8Array<ArrayBuffer>;
}

function drawPlan(rng: Rng, index: number): MutantPlan {
  const r = rng.float();
  const count = r < 0.4 ? 1 : r < 0.75 ? 2 : 3;
  const weights = OPERATOR_NAMES.map((op) => [op, OPERATORS[op].weight] as const);
  const chosen: OperatorName[] = [];
  for (let guard = 0; chosen.length < count && guard < 100; guard++) {
    const op = rng.weighted(weights);
    if (chosen.includes(op)) continue;
    const stage = stageOf(op);
    // One document replacement and one encoding at most.
    if ((stage === 'document' || stage === 'bytes') && chosen.some((o) => stageOf(o) === stage)) continue;
    chosen.push(op);
  }
  chosen.sort(
    (a, b) =>
      STAGES.indexOf(stageOf(a)) - STAGES.indexOf(stageOf(b)) || OPERATOR_NAMES.indexOf(a) - OPERATOR_NAMES.indexOf(b),
  );
  const stages = new Set(chosen.map(stageOf));
  const channel: Channel = stages.has('bytes')
    ? 'bytes'
    : stages.has('text') || stages.has('proto') || stages.has('document')
      ? 'text'
      : 'value';
  let hugeVariant: MutantPlan['hugeVariant'];
  let heavy = false;
  if (chosen.includes('huge-array')) {
    const variants = HUGE_VARIANTS.filter((v) => channel === 'value' || v.cheap);
    const variant = rng.pick(variants);
    hugeVariant = variant.name;
    heavy = variant.heavy && !stages.has('document');
  }
  return { index, ops: chosen, channel, heavy, ...(hugeVariant ? { hugeVariant } : {}) };
}

/** What mutant `index` of run `seed` will be made of, without building it. */
export function mutantPlan(seed: number, index: number): MutantPlan {
  return drawPlan(new Rng(mutantSeed(seed, index)), index);
}

// ---------------------------------------------------------------- the tree

type Container = Record<string, unknown> | unknown[];

interface Slot {
  readonly parent: Container;
  readonly key: string | number;
  readonly path: string;
  readonly depth: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** Set an own property, even `__proto__` (plain assignment would change the prototype). */
function setOwn(parent: Container, key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
}

function get(parent: Container, key: string | number): unknown {
  return Array.isArray(parent)
    ? parent[key as number]
    : Object.prototype.hasOwnProperty.call(parent, key)
      ? parent[key as string]
      : undefined;
}

function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Every place in the tree (iterative, so any depth is safe). */
function slotsOf(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: Array<[Container, string, number]> = isContainer(root) ? [[root, '', 1]] : [];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      const slot = { parent: node, key, path: childPath(path, key), depth };
      out.push(slot);
      const child = get(node, key);
      if (isContainer(child)) stack.push([child, slot.path, depth + 1]);
    }
  }
  return out;
}

/**
 * A slot, chosen in three steps so that every part of the feed gets its share:
 * a top-level field (`tools`, `title`, …), then a depth under it, then a place.
 */
function pickSlot(rng: Rng, slots: readonly Slot[]): Slot | undefined {
  if (slots.length === 0) return undefined;
  const top = (slot: Slot) => /^[^.[]*/.exec(slot.path)![0];
  const tops = [...new Set(slots.map(top))];
  const chosenTop = rng.pick(tops);
  const under = slots.filter((s) => top(s) === chosenTop);
  const depths = [...new Set(under.map((s) => s.depth))];
  const depth = rng.pick(depths);
  return rng.pick(under.filter((s) => s.depth === depth));
}

function typeName(v: unknown): 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'undefined' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'object' | 'string' | 'number' | 'boolean' | 'undefined';
}

const short = (v: unknown): string => {
  let s: string;
  if (typeof v === 'number' && !Number.isFinite(v)) s = String(v);
  else if (Object.is(v, -0)) s = '-0';
  else if (v === undefined) s = 'undefined';
  else s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

const SECTIONS = ['countries', 'topics', 'services', 'tools', 'providers', 'cashflowTemplates', 'planOutlines'] as const;
const SECTION_LIMITS: Record<(typeof SECTIONS)[number], number> = {
  countries: 50,
  topics: 500,
  services: 500,
  tools: 50_000,
  providers: 50_000,
  cashflowTemplates: 500,
  planOutlines: 200,
};
const HUGE = 50_000;

function section(root: unknown, name: string): unknown[] | undefined {
  if (!isObject(root)) return undefined;
  const value = get(root, name);
  return Array.isArray(value) ? value : undefined;
}

function objectItems(root: unknown, name: string): Array<Record<string, unknown>> {
  return (section(root, name) ?? []).filter(isObject);
}

/** A deep copy of a plain JSON value (no deep nesting in the sample, so JSON is fine). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Values that put a format check to the test, by the field they go in. */
const BAD_FORMATS: Record<string, readonly unknown[]> = {
  date: ['2026-02-30', '31/03/2026', '2026-03-31 10:00', 'ayer', '2026-13-01', '0000-00-00', '2026-03-31T25:00', '+275760-09-13'],
  url: [
    'javascript:alert(1)',
    'www.example.org',
    '/guia.pdf',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pw@example.org/',
    'http://',
    'https:// example.org',
    'mailto:info@example.org',
    'ftp://example.org/x',
    'https://[::1',
    `https://example.org/${'a'.repeat(2100)}`,
  ],
  email: ['info@example', 'Ana <info@example.org>', '@example.org', 'a@b@c.org', `${'x'.repeat(300)}@example.org`, 'info@example.org\n'],
  currency: ['usd', 'US$', 'EURO', '', '840', 'U S D'],
  country: ['sv', 'SLV', 'S1', '', 'GT-01', 'El Salvador', 'ZZ'],
  region: ['San Salvador', 'sv-ss', 'SV_SS', 'SV-ABCD', 'ZZ-01', 'GT-01', ''],
  language: ['ES', 'Spanish', 'e', 'es_SV', '', 'es-', '__proto__'],
  phone: ['(503) 2200-0000', 'llame al 2200-0000', '+', 'abc', '2200-0000 ext. 12', '+503 2200 0000 0000 0000 0000'],
  id: ['-guia', 'guía precios', '', 'a'.repeat(81), 'a b', '__proto__', 'constructor', 'toString'],
  enum: ['ebook', 'GUIDE', '', 'toString', '__proto__', 'constructor'],
  flow: ['IN', 'both', '', 'entrada'],
  lat: [91, -90.0001, '13.7', 1e308],
  lng: [181, -181, '-89.2'],
  rate: [101, -1, '13', 13.5],
  month: [0, 37, 13, 1.5, -1],
  minutes: [-1, 1.5, 100_001],
  money: [0.001, 1250.555, 1e13, -1e13, '1,250.50', '$1250', 999999999999.99, 0.1 + 0.2],
  boolean: ['yes', 1, 'false', 0],
};

const FORMAT_OF_KEY: Record<string, keyof typeof BAD_FORMATS> = {
  updated: 'date',
  verified: 'date',
  url: 'url',
  website: 'url',
  email: 'email',
  currency: 'currency',
  country: 'country',
  countries: 'country',
  region: 'region',
  regions: 'region',
  locale: 'language',
  languages: 'language',
  number: 'phone',
  id: 'id',
  providerId: 'id',
  toolIds: 'id',
  topics: 'id',
  services: 'id',
  type: 'enum',
  kind: 'enum',
  level: 'enum',
  format: 'enum',
  cost: 'enum',
  group: 'enum',
  audience: 'enum',
  flow: 'flow',
  lat: 'lat',
  lng: 'lng',
  rate: 'rate',
  months: 'month',
  firstMonth: 'month',
  durationMinutes: 'minutes',
  amounts: 'money',
  preStart: 'money',
  example: 'boolean',
};

const BAD_NUMBERS: readonly number[] = [
  1e308, -1e308, -0, 5e-324, Number.MAX_SAFE_INTEGER + 2, -1, 0, 0.1 + 0.2, 1e21, NaN, Infinity, -Infinity,
];

/**
 * Values the parser accepts, at the edges of what a widget must show (a locale
 * the feed's pattern allows but Intl refuses, a 0- or 3-decimal currency, the
 * largest amounts, the poles, ids named like Object.prototype members…).
 */
const EDGE_VALUES: Record<string, readonly unknown[]> = {
  locale: ['es-SVX', 'es-12', 'es-SV-SV', 'zz-ZZZZZZZZ', 'en', 'qaa', 'ar-EG', 'es-419'],
  currency: ['XXX', 'ZZZ', 'JPY', 'BHD', 'CLF', 'BTC'],
  months: [1, 36],
  firstMonth: [1, 12],
  amounts: [[], new Array<number>(36).fill(1e12), new Array<number>(36).fill(-1e12), [0.01], [-0, 0]],
  preStart: [1e12, -1e12, 0, -0, 0.01],
  lat: [90, -90, 0, -0],
  lng: [180, -180, 0],
  rate: [0, 100],
  durationMinutes: [0, 100_000],
  updated: ['9999-12-31', '1000-01-01', '2026-03-31T10:00:00.123456789+14:00', '2024-02-29', '2026-03-31T10:00+99:99'],
  verified: ['9999-12-31', '2026-03-31T23:59:59Z', '2026-03-31T10:00-99:00'],
  url: ['http://a', 'HTTPS://EXAMPLE.ORG', `https://example.org/${'a'.repeat(2000)}`, 'https://example.org/?q=<script>', 'http://127.0.0.1:8080/x'],
  website: ['http://a', 'https://example.org/#"><img src=x>', 'https://xn--ejemplo-9za.org'],
  email: ['a@b.co', `${'a'.repeat(64)}@${'b'.repeat(63)}.org`, "o'brien@example.org"],
  number: ['999', '+0 ((((((((((((((((((((((', '+503 ........', '0-0-0', '+99999999999999999999999999'],
  id: ['constructor', 'toString', '0', 'a'.repeat(80), 'hasOwnProperty', 'x:y.z_w-1', 'valueOf'],
  example: [true, false],
};

/** Lists filled up to their limit with valid entries: [section, list, limit, make the i-th entry]. */
const FULL_LISTS: ReadonlyArray<readonly [string, string, number, (entry: unknown, i: number, item: Record<string, unknown>) => unknown]> = [
  ['cashflowTemplates', 'lines', 200, (e, i) => ({ ...(e as object), id: `linea-${i}` })],
  ['planOutlines', 'sections', 80, (e, i) => ({ ...(e as object), id: `seccion-${i}` })],
  ['providers', 'locations', 100, (e) => e],
  ['providers', 'phones', 10, (e) => e],
  ['countries', 'regions', 400, (e, i, item) => ({ ...(e as object), code: `${String(item['code'])}-${i.toString(36).toUpperCase()}` })],
  ['tools', 'keywords', 40, (e, i) => `${String(e)} ${i}`],
];

/** The key a slot is about: its own key, or its list's key for a list entry (`countries[2]` → `countries`). */
function fieldKey(slot: Slot): string | undefined {
  if (typeof slot.key === 'string') return slot.key;
  const match = /\.?([A-Za-z_$][\w$]*)\[\d+\]$/.exec(slot.path);
  return match?.[1];
}

// ---------------------------------------------------------------- building one mutant

interface Deferred {
  readonly token: string;
  readonly parent: Container;
  readonly key: string | number;
  readonly value: () => unknown;
  readonly text: () => string;
}

class Builder {
  doc: unknown;
  readonly notes: string[] = [];
  readonly deferred: Deferred[] = [];
  replacedText: string | undefined;

  constructor(
    readonly rng: Rng,
    readonly plan: MutantPlan,
    sampleText: string,
  ) {
    this.doc = JSON.parse(sampleText);
  }

  private slots(filter?: (slot: Slot, value: unknown) => boolean): Slot[] {
    const all = slotsOf(this.doc);
    return filter ? all.filter((slot) => filter(slot, get(slot.parent, slot.key))) : all;
  }

  private note(op: string, detail: string): void {
    this.notes.push(`${op} ${detail}`);
  }

  private defer(parent: Container, key: string | number, value: () => unknown, text: () => string): void {
    const token = `__fuzz_deferred_${this.deferred.length}__`;
    setOwn(parent, key, token);
    this.deferred.push({ token, parent, key, value, text });
  }

  apply(op: OperatorName): void {
    const { rng } = this;
    switch (op) {
      case 'delete-field': {
        const slot = pickSlot(rng, this.slots((s) => !Array.isArray(s.parent)));
        if (!slot) return this.note(op, '(nothing)');
        delete (slot.parent as Record<string, unknown>)[slot.key as string];
        return this.note(op, slot.path);
      }
      case 'wrong-type': {
        const slot = pickSlot(rng, this.slots());
        if (!slot) return this.note(op, '(nothing)');
        const old = get(slot.parent, slot.key);
        const other = (['number', 'string', 'boolean', 'array', 'object'] as const).filter((t) => t !== typeName(old));
        const type = rng.pick(other);
        const asText = typeof old === 'string' ? old : short(old);
        const value =
          type === 'number' ? rng.pick([0, 1, 42, -7.5, Number(asText) || 3])
          : type === 'string' ? rng.pick([asText, 'x', '[object Object]', '1'])
          : type === 'boolean' ? rng.chance(0.5)
          : type === 'array' ? rng.pick([[], [old], [asText, 1, null]])
          : rng.pick([{}, { value: old }, { es: asText }, { length: 3 }]);
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(value)}`);
      }
      case 'null': {
        const slot = pickSlot(rng, this.slots());
        if (!slot) return this.note(op, '(nothing)');
        setOwn(slot.parent, slot.key, null);
        return this.note(op, slot.path);
      }
      case 'undefined-ish': {
        const slot = pickSlot(rng, this.slots());
        if (!slot) return this.note(op, '(nothing)');
        const value = rng.pick([undefined, 'undefined', 'null', 'NaN', '', 0, false]);
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(value)}`);
      }
      case 'duplicate-id': {
        if (rng.chance(0.4)) {
          // Inside an item (cash-flow lines, plan sections and questions, regions): ids there are
          // checked for their format only, so the widgets must cope with duplicates.
          const idOf = (e: unknown) => (isObject(e) ? (typeof e['id'] === 'string' ? 'id' : typeof e['code'] === 'string' ? 'code' : undefined) : undefined);
          const lists = this.slots((slot, v) => slot.depth > 1 && Array.isArray(v) && v.some((e) => idOf(e) !== undefined));
          const slot = pickSlot(rng, lists);
          if (slot) {
            const list = get(slot.parent, slot.key) as unknown[];
            const entries = list.filter((e): e is Record<string, unknown> => idOf(e) !== undefined);
            const entry = rng.pick(entries);
            const key = idOf(entry)!;
            if (rng.chance(0.5) || entries.length < 2) {
              const at = rng.int(list.length + 1);
              list.splice(at, 0, copy(entry));
              return this.note(op, `${slot.path}: a copy of ${short(entry[key])} at ${at}`);
            }
            setOwn(rng.pick(entries.filter((e) => e !== entry)), key, entry[key]);
            return this.note(op, `${slot.path}: two entries with ${key} ${short(entry[key])}`);
          }
        }
        const names = SECTIONS.filter((name) => objectItems(this.doc, name).length > 0);
        if (names.length === 0) return this.note(op, '(nothing)');
        const name = rng.pick(names);
        const list = section(this.doc, name)!;
        const items = objectItems(this.doc, name);
        const key = name === 'countries' ? 'code' : 'id';
        if (rng.chance(0.5) || items.length < 2) {
          const item = rng.pick(items);
          const at = rng.int(list.length + 1);
          list.splice(at, 0, copy(item));
          return this.note(op, `${name}: a copy of ${short(item[key])} at ${at}`);
        }
        const a = rng.pick(items);
        const b = rng.pick(items.filter((item) => item !== a));
        setOwn(b, key, a[key]);
        return this.note(op, `${name}: two items with ${key} ${short(a[key])}`);
      }
      case 'dangling-reference':
        return this.dangling();
      case 'swap-sections': {
        if (!isObject(this.doc)) return this.note(op, '(nothing)');
        const keys = [...SECTIONS, 'title', 'publisher', 'languages'];
        const a = rng.pick(keys);
        if (rng.chance(0.25)) {
          // Renamed: the section is gone, an unknown field appears.
          const renamed = rng.pick([a.toUpperCase(), `${a}s`, a.slice(0, -1), ` ${a}`]);
          setOwn(this.doc, renamed, get(this.doc, a));
          delete this.doc[a];
          return this.note(op, `${a}→${JSON.stringify(renamed)}`);
        }
        const b = rng.pick(keys.filter((k) => k !== a));
        const va = get(this.doc, a);
        const vb = get(this.doc, b);
        setOwn(this.doc, a, vb);
        setOwn(this.doc, b, va);
        return this.note(op, `${a}↔${b}`);
      }
      case 'empty-string': {
        const slot = pickSlot(rng, this.slots((_, v) => typeof v === 'string')) ?? pickSlot(rng, this.slots());
        if (!slot) return this.note(op, '(nothing)');
        const value = rng.pick(['', ' ', '\n\t ', '\u00a0', '\u200b', '\u0000']);
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(value)}`);
      }
      case 'long-string': {
        const slot = pickSlot(rng, this.slots((_, v) => typeof v === 'string')) ?? pickSlot(rng, this.slots());
        if (!slot) return this.note(op, '(nothing)');
        const length = rng.pick([81, 301, 2049, 8001, 100_000, 1_000_000]);
        const unit = rng.pick(['x', 'ñ', '😀', 'a ', '<b>']);
        const value = unit.repeat(Math.ceil(length / unit.length));
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(unit)}×${Math.ceil(length / unit.length)}`);
      }
      case 'invalid-format': {
        const candidates = this.slots((slot, v) => {
          if (isContainer(v)) return false; // a value, not an item or a list
          const key = fieldKey(slot);
          return key !== undefined && Object.prototype.hasOwnProperty.call(FORMAT_OF_KEY, key);
        });
        const slot = pickSlot(rng, candidates);
        if (!slot) return this.note(op, '(nothing)');
        const format = FORMAT_OF_KEY[fieldKey(slot)!]!;
        const value = rng.pick(BAD_FORMATS[format]!);
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(value)}`);
      }
      case 'bad-number': {
        const slot = pickSlot(rng, this.slots((_, v) => typeof v === 'number')) ?? pickSlot(rng, this.slots());
        if (!slot) return this.note(op, '(nothing)');
        const value = rng.pick(BAD_NUMBERS);
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(value)}`);
      }
      case 'number-as-string': {
        const slot = pickSlot(rng, this.slots((_, v) => typeof v === 'number' || typeof v === 'boolean'));
        if (!slot) return this.note(op, '(nothing)');
        const old = get(slot.parent, slot.key) as number | boolean;
        const value = rng.pick([String(old), ` ${String(old)} `, typeof old === 'number' ? old.toFixed(2).replace('.', ',') : 'sí']);
        setOwn(slot.parent, slot.key, value);
        return this.note(op, `${slot.path}=${short(value)}`);
      }
      case 'version': {
        if (!isObject(this.doc)) return this.note(op, '(nothing)');
        const choice = rng.pick<unknown>([0, 2, '1', 'missing', 1.5, 1.999999, -1, null, 1e308, NaN, Infinity, true, [1], 10, 0.999]);
        if (choice === 'missing') delete this.doc['version'];
        else setOwn(this.doc, 'version', choice);
        return this.note(op, choice === 'missing' ? 'missing' : `=${short(choice)}`);
      }
      case 'edge-value':
        return this.edge();
      case 'proto-keys':
        return this.protoKeys();
      case 'huge-array':
        return this.huge();
      case 'deep-nesting':
        return this.deep();
      case 'whole-document': {
        const choice = rng.pick<unknown>([null, [], 'x', 42, true, {}, 'sample-in-a-list', { version: 1 }, false, '']);
        this.doc = choice === 'sample-in-a-list' ? [this.doc] : choice;
        this.deferred.length = 0; // whatever was deferred is gone with the old document
        return this.note(op, choice === 'sample-in-a-list' ? '[sample]' : short(choice));
      }
      case 'deep-document': {
        const depth = rng.pick([1000, 10_000, 100_000]);
        const kind = rng.pick(['arrays', 'objects', 'in-tools', 'in-title', 'unclosed']);
        this.replacedText =
          kind === 'arrays' ? `${'['.repeat(depth)}${']'.repeat(depth)}`
          : kind === 'objects' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
          : kind === 'in-tools' ? `{"version":1,"title":"x","tools":[${'['.repeat(depth)}${']'.repeat(depth)}]}`
          : kind === 'in-title' ? `{"version":1,"title":${'{"es":'.repeat(depth)}"x"${'}'.repeat(depth)}}`
          : `{"version":1,"title":"x","tools":${'['.repeat(depth)}`;
        this.deferred.length = 0;
        return this.note(op, `${kind}×${depth}`);
      }
      case 'truncate':
      case 'bom':
      case 'trailing-garbage':
      case 'comments':
      case 'nan-literal':
      case 'utf16':
      case 'latin1':
      case 'invalid-utf8':
        return; // text and byte stages: see `finish`
    }
  }

  private dangling(): void {
    const op = 'dangling-reference';
    const { rng } = this;
    const tools = objectItems(this.doc, 'tools');
    const providers = objectItems(this.doc, 'providers');
    const outlines = objectItems(this.doc, 'planOutlines');
    const countries = objectItems(this.doc, 'countries');
    const kinds: Array<() => string> = [];
    if (tools.length) {
      kinds.push(() => {
        const tool = rng.pick(tools);
        setOwn(tool, 'providerId', rng.pick(['no-such-provider', 'Centro', String(get(tool, 'id'))]));
        return `tool ${short(tool['id'])}.providerId`;
      });
      kinds.push(() => {
        const tool = rng.pick(tools);
        const topics = Array.isArray(tool['topics']) ? tool['topics'] : [];
        setOwn(tool, 'topics', [...topics, 'ghost-topic']);
        return `tool ${short(tool['id'])}.topics`;
      });
    }
    if (providers.length) {
      kinds.push(() => {
        const provider = rng.pick(providers);
        const regions = Array.isArray(provider['regions']) ? provider['regions'] : [];
        setOwn(provider, 'regions', [...regions, rng.pick(['SV-ZZZ', 'GT-01', 'DO-99', 'HN-FM'])]);
        return `provider ${short(provider['id'])}.regions`;
      });
      kinds.push(() => {
        const provider = rng.pick(providers);
        const services = Array.isArray(provider['services']) ? provider['services'] : [];
        setOwn(provider, 'services', [...services, 'ghost-service']);
        return `provider ${short(provider['id'])}.services`;
      });
    }
    if (outlines.length) {
      kinds.push(() => {
        const outline = rng.pick(outlines);
        const sections = slotsOf(outline)
          .map((s) => get(s.parent, s.key))
          .filter((v): v is Record<string, unknown> => isObject(v) && 'title' in v && 'id' in v);
        if (sections.length === 0) return 'outline without sections';
        const target = rng.pick(sections);
        const ids = Array.isArray(target['toolIds']) ? target['toolIds'] : [];
        setOwn(target, 'toolIds', [...ids, 'no-such-tool']);
        return `outline ${short(outline['id'])} section ${short(target['id'])}.toolIds`;
      });
    }
    const withCountries = [...tools, ...providers, ...objectItems(this.doc, 'cashflowTemplates'), ...outlines];
    if (withCountries.length) {
      kinds.push(() => {
        const item = rng.pick(withCountries);
        const list = Array.isArray(item['countries']) ? item['countries'] : [];
        setOwn(item, 'countries', [...list, rng.pick(['ZZ', 'CR', 'PA'])]);
        return `${short(item['id'])}.countries`;
      });
    }
    if (countries.length) {
      // A referenced item disappears: everything pointing at it cascades.
      kinds.push(() => {
        const list = section(this.doc, 'countries')!;
        const at = rng.int(list.length);
        const [gone] = list.splice(at, 1);
        return `country ${short(isObject(gone) ? gone['code'] : gone)} removed`;
      });
    }
    if (providers.length && tools.some((t) => typeof t['providerId'] === 'string')) {
      kinds.push(() => {
        const linked = new Set(tools.map((t) => t['providerId']));
        const list = section(this.doc, 'providers')!;
        const found = list.findIndex((p) => isObject(p) && linked.has(p['id']));
        const at = found >= 0 ? found : rng.int(list.length);
        const [gone] = list.splice(at, 1);
        return `provider ${short(isObject(gone) ? gone['id'] : gone)} removed`;
      });
    }
    if (kinds.length === 0) return this.note(op, '(nothing)');
    this.note(op, rng.pick(kinds)());
  }

  private edge(): void {
    const op = 'edge-value';
    const { rng } = this;
    if (rng.chance(0.3)) {
      const fills = FULL_LISTS.filter(([name, list]) => objectItems(this.doc, name).some((item) => Array.isArray(item[list]) && (item[list] as unknown[]).length > 0));
      if (fills.length > 0) {
        const [name, list, limit, make] = rng.pick(fills);
        const item = rng.pick(objectItems(this.doc, name).filter((it) => Array.isArray(it[list]) && (it[list] as unknown[]).length > 0));
        const entries = item[list] as unknown[];
        setOwn(item, list, Array.from({ length: limit }, (_, i) => make(copy(entries[i % entries.length]), i, item)));
        return this.note(op, `${name} ${short(item['id'] ?? item['code'])}.${list}×${limit}`);
      }
    }
    // A field first, then a place that has it, so rare fields (locale, currency) get their turn.
    const slots = this.slots((_, v) => !isContainer(v) || Array.isArray(v));
    const byKey = new Map<string, Slot[]>();
    for (const slot of slots) {
      const key = typeof slot.key === 'string' ? slot.key : undefined;
      if (key === undefined || !Object.prototype.hasOwnProperty.call(EDGE_VALUES, key)) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), slot]);
    }
    if (byKey.size === 0) return this.note(op, '(nothing)');
    const key = rng.pick([...byKey.keys()]);
    const slot = rng.pick(byKey.get(key)!);
    const value = rng.pick(EDGE_VALUES[key]!);
    setOwn(slot.parent, slot.key, Array.isArray(value) ? [...value] : value);
    this.note(op, `${slot.path}=${short(value)}`);
  }

  private protoKeys(): void {
    const op = 'proto-keys';
    const { rng } = this;
    const payloads: ReadonlyArray<readonly [string, () => unknown]> = [
      ['__proto__', () => ({ polluted: 'yes', version: 1, isAdmin: true })],
      ['__proto__', () => ({ tools: [{ id: 'evil', title: 'Evil', url: 'https://evil.example' }] })],
      ['__proto__', () => null],
      ['__proto__', () => []],
      ['__proto__', () => 'x'],
      ['constructor', () => ({ prototype: { polluted: 'yes' } })],
      ['constructor', () => 'x'],
      ['prototype', () => ({ polluted: 'yes' })],
      ['hasOwnProperty', () => 'x'],
      ['toString', () => 1],
    ];
    const objects: Container[] = [];
    if (isObject(this.doc)) objects.push(this.doc);
    for (const slot of this.slots((_, v) => isObject(v))) objects.push(get(slot.parent, slot.key) as Container);
    // At every level: the root always, then a share of all objects.
    const share = rng.pick([0.05, 0.2, 1]);
    let count = 0;
    for (const [i, object] of objects.entries()) {
      if (i > 0 && !rng.chance(share)) continue;
      const [key, value] = rng.pick(payloads);
      setOwn(object, key, value());
      count++;
    }
    this.note(op, `${count} object(s), share ${share}`);
  }

  private huge(): void {
    const op = 'huge-array';
    const { rng } = this;
    const variant = this.plan.hugeVariant!;
    if (!isObject(this.doc)) return this.note(op, '(nothing)');
    const doc = this.doc;
    switch (variant) {
      case 'same-item':
      case 'unique-items': {
        const name = rng.pick(['tools', 'providers'] as const);
        const items = objectItems(doc, name);
        if (items.length === 0) return this.note(op, `${variant} (no ${name})`);
        const item = rng.pick(items);
        const n = SECTION_LIMITS[name] + 1;
        const list =
          variant === 'same-item'
            ? new Array<unknown>(n).fill(item)
            : Array.from({ length: n }, (_, i) => ({ ...item, id: `${name}-${i}` }));
        setOwn(doc, name, list);
        return this.note(op, `${variant} ${name}×${n}`);
      }
      case 'small-section': {
        const name = rng.pick(['countries', 'topics', 'services', 'cashflowTemplates', 'planOutlines'] as const);
        const items = objectItems(doc, name);
        if (items.length === 0) return this.note(op, `${variant} (no ${name})`);
        const n = SECTION_LIMITS[name] + 1;
        const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
        const list = Array.from({ length: n }, (_, i) => {
          const item = copy(items[i % items.length]!);
          if (name === 'countries') {
            const code = `${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`;
            setOwn(item, 'code', code);
            setOwn(item, 'regions', []);
          } else {
            setOwn(item, 'id', `${name}-${i}`);
          }
          return item;
        });
        setOwn(doc, name, list);
        return this.note(op, `${variant} ${name}×${n}`);
      }
      case 'primitives': {
        const name = rng.pick(SECTIONS);
        const entry = rng.pick<unknown>([null, 0, 'x', true, [], {}]);
        setOwn(doc, name, new Array<unknown>(60_000).fill(entry));
        return this.note(op, `${variant} ${name}=${short(entry)}×60000`);
      }
      case 'inner-list': {
        const lists = this.slots((_, v) => Array.isArray(v) && v.length > 0 && !isObject(v[0]));
        const slot = pickSlot(rng, lists);
        if (!slot) return this.note(op, `${variant} (nothing)`);
        const first = (get(slot.parent, slot.key) as unknown[])[0];
        setOwn(slot.parent, slot.key, new Array<unknown>(HUGE).fill(first));
        return this.note(op, `${variant} ${slot.path}=${short(first)}×${HUGE}`);
      }
      case 'minimal-tools': {
        const n = SECTION_LIMITS.tools + 1;
        setOwn(
          doc,
          'tools',
          Array.from({ length: n }, (_, i) => ({ id: `t${i}`, title: `Herramienta ${i}`, url: `https://example.org/t/${i}` })),
        );
        return this.note(op, `${variant} tools×${n}`);
      }
    }
  }

  private deep(): void {
    const op = 'deep-nesting';
    const { rng } = this;
    const outlines = objectItems(this.doc, 'planOutlines');
    if (outlines.length > 0 && rng.chance(0.35)) {
      // The one recursive part of the schema: plan sections inside sections.
      const depth = rng.pick([5, 30, 10_000]);
      const outline = rng.pick(outlines);
      const section = (i: number) => ({ id: `nivel-${i}`, title: `Nivel ${i}` });
      this.defer(
        outline,
        'sections',
        () => {
          let inner: Record<string, unknown> = section(depth);
          for (let i = depth - 1; i >= 1; i--) inner = { ...section(i), sections: [inner] };
          return [inner];
        },
        () => {
          const open: string[] = [];
          for (let i = 1; i < depth; i++) open.push(`{"id":"nivel-${i}","title":"Nivel ${i}","sections":[`);
          return `[${open.join('')}${JSON.stringify(section(depth))}${']}'.repeat(depth - 1)}]`;
        },
      );
      return this.note(op, `outline ${short(outline['id'])} sections×${depth}`);
    }
    const slot = pickSlot(rng, this.slots());
    if (!slot) return this.note(op, '(nothing)');
    const depth = rng.pick([25, 1000, 10_000]);
    const kind = rng.pick(['arrays', 'objects'] as const);
    this.defer(
      slot.parent,
      slot.key,
      () => {
        let v: unknown = 'fondo';
        for (let i = 0; i < depth; i++) v = kind === 'arrays' ? [v] : { a: v };
        return v;
      },
      () => (kind === 'arrays' ? `${'['.repeat(depth)}"fondo"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"fondo"${'}'.repeat(depth)}`),
    );
    this.note(op, `${slot.path}=${kind}×${depth}`);
  }

  /** The JSON text of the document; deferred deep values written out without recursion. */
  private serialize(): string {
    if (this.replacedText !== undefined) return this.replacedText;
    let text = JSON.stringify(this.doc) ?? 'undefined';
    for (const d of this.deferred) text = text.split(JSON.stringify(d.token)).join(d.text());
    return text;
  }

  finish(): { value?: unknown; text?: string; bytes?: Uint8Array<ArrayBuffer> } {
    const { rng, plan } = this;
    if (plan.channel === 'value') {
      for (const d of this.deferred) setOwn(d.parent, d.key, d.value());
      return { value: this.doc };
    }
    let text = this.serialize();
    for (const op of plan.ops) {
      switch (op) {
        case 'nan-literal': {
          const numbers = [...text.matchAll(/:(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?=[,}\]])/g)];
          const literal = rng.pick(['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '+1', '01', '.5', '1.', '1e']);
          if (numbers.length === 0) {
            text = text.replace(/^(\s*\{)/, `$1"x":${literal},`);
            this.note(op, `inserted ${literal}`);
          } else {
            const m = rng.pick(numbers);
            const at = m.index! + 1;
            text = text.slice(0, at) + literal + text.slice(at + m[1]!.length);
            this.note(op, `${m[1]}→${literal} at ${at}`);
          }
          break;
        }
        case 'comments': {
          const comment = rng.pick(['/* comentario */', '// comentario\n', '#', '<!-- x -->']);
          const commas = [...text.matchAll(/,/g)];
          const at = commas.length > 0 && rng.chance(0.7) ? rng.pick(commas).index! + 1 : rng.chance(0.5) ? 0 : text.length;
          text = text.slice(0, at) + comment + text.slice(at);
          this.note(op, `${JSON.stringify(comment.trim())} at ${at}`);
          break;
        }
        case 'trailing-garbage': {
          const garbage = rng.pick([',', '}', ']', ' basura', '\u0000', '{"version":1}', '\n\n<html>', '\n', ';']);
          text += garbage;
          this.note(op, JSON.stringify(garbage));
          break;
        }
        case 'truncate': {
          const at = text.length <= 1 ? 0 : rng.chance(0.1) ? text.length - 1 : rng.int(text.length);
          text = text.slice(0, at);
          this.note(op, `at ${at}`);
          break;
        }
        case 'bom': {
          const bom = rng.pick(['\uFEFF', '\uFEFF\uFEFF', ' \uFEFF', '\uFEFF\n']);
          text = bom + text;
          this.note(op, JSON.stringify(bom));
          break;
        }
        default:
          break;
      }
    }
    if (plan.channel === 'text') return { text };
    const byteOp = plan.ops.find((op) => stageOf(op) === 'bytes')!;
    let bytes: Uint8Array<ArrayBuffer>;
    if (byteOp === 'utf16') {
      const bigEndian = rng.chance(0.5);
      const withBom = rng.chance(0.5);
      bytes = encodeUtf16(text, bigEndian, withBom);
      this.note(byteOp, `${bigEndian ? 'BE' : 'LE'}${withBom ? ' with BOM' : ''}`);
    } else if (byteOp === 'latin1') {
      bytes = encodeLatin1(text);
      this.note(byteOp, `${bytes.length} bytes`);
    } else {
      const utf8 = new TextEncoder().encode(text);
      const bad = rng.pick([[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]]);
      const at = rng.int(utf8.length + 1);
      bytes = new Uint8Array(utf8.length + bad.length);
      bytes.set(utf8.subarray(0, at), 0);
      bytes.set(bad, at);
      bytes.set(utf8.subarray(at), at + bad.length);
      this.note(byteOp, `${bad.map((b) => b.toString(16)).join(' ')} at ${at}`);
    }
    return { bytes };
  }
}

function encodeUtf16(text: string, bigEndian: boolean, withBom: boolean): Uint8Array<ArrayBuffer> {
  const offset = withBom ? 2 : 0;
  const out = new Uint8Array(offset + text.length * 2);
  const view = new DataView(out.buffer);
  if (withBom) view.setUint16(0, 0xfeff, !bigEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), !bigEndian);
  return out;
}

/** ISO-8859-1: one byte per character; characters it lacks become "?". */
function encodeLatin1(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] = code <= 0xff ? code : 0x3f;
  }
  return out;
}

const sampleTexts = new WeakMap<object, string>();

function sampleText(sample: unknown): string {
  if (typeof sample !== 'object' || sample === null) return JSON.stringify(sample);
  let text = sampleTexts.get(sample);
  if (text === undefined) {
    text = JSON.stringify(sample);
    sampleTexts.set(sample, text);
  }
  return text;
}

/** Mutant `index` of run `seed`, alone. */
export function mutant(sample: unknown, seed: number, index: number): Mutant {
  const rng = new Rng(mutantSeed(seed, index));
  const plan = drawPlan(rng, index);
  const builder = new Builder(rng, plan, sampleText(sample));
  for (const op of plan.ops) builder.apply(op);
  const body = builder.finish();
  return { ...plan, name: `#${index} ${builder.notes.join('; ')}`, ...body };
}

/** `count` mutants of `sample`, made with `seed`: the same every time. */
export function* mutants(sample: unknown, count: number, seed: number): Generator<Mutant> {
  for (let index = 0; index < count; index++) yield mutant(sample, seed, index);
}

/**
 * The text a widget's loader gets from this mutant: `response.text()` decodes
 * the body as UTF-8, dropping one leading byte-order mark (as `TextDecoder` does).
 */
export function bodyBytes(m: Pick<Mutant, 'text' | 'bytes' | 'value'>): Uint8Array<ArrayBuffer> {
  if (m.bytes) return m.bytes;
  if (m.text !== undefined) return new TextEncoder().encode(m.text);
  throw new Error('a value mutant has no body');
}

export function loaderText(m: Pick<Mutant, 'text' | 'bytes' | 'value'>): string {
  return new TextDecoder('utf-8').decode(bodyBytes(m));
}
