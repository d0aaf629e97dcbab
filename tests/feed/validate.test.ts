/**
 * The combinators of src/feed/validate.ts, one rule at a time: what each one
 * accepts, what it makes of the value, and which issues it reports, at which
 * path, with which message (the English source texts of messages.ts). Each
 * row is what zod 4 does with the same schema (validate-parity.test.ts holds
 * the whole feed to that); the odd ones say why.
 */
import { expect } from '@open-wc/testing';
import {
  arr,
  bool,
  fallback,
  gte,
  int,
  lazy,
  lt,
  lte,
  maxLength,
  minLength,
  num,
  obj,
  oneOf,
  optional,
  pattern,
  pipe,
  record,
  refine,
  str,
  superRefine,
  trim,
  union,
  validator,
  withDefault,
  type Schema,
} from '../../src/feed/validate.js';
import { message } from '../../src/feed/messages.js';
import { LANG_RE, TAX_REGIME_KINDS, isUnique, missingRegimeAmount } from '../../src/feed/validate-rules.js';

const REQUIRED = 'This field is required.';
const text = (max: number) => str(trim, minLength(1), maxLength(max));
const lang = str(pattern(LANG_RE, 'language-code'));
/** A tax regime, as the feed has it (without its texts). */
const regime = obj(
  { kind: oneOf(TAX_REGIME_KINDS), ratePct: optional(num(gte(0), lte(100))), monthlyFee: optional(num(gte(0))) },
  superRefine(missingRegimeAmount),
);
const months = arr(int(gte(1), lte(12)), 12, undefined, refine(isUnique));
const localized = union([text(5), record(lang, text(5), refine((v: object) => Object.keys(v).length > 0, 'localized-empty'))], (issue) =>
  issue.input === undefined ? undefined : message('localized'),
);

interface Row {
  name: string;
  schema: Schema;
  input: unknown;
  /** The value it becomes, or the issues as `path: message`. */
  value?: unknown;
  issues?: string[];
}

const rows: Row[] = [
  // ---- texts
  { name: 'a text', schema: str(), input: 'x', value: 'x' },
  { name: 'a number for a text', schema: str(), input: 5, issues: [': Expected a text, found a number.'] },
  { name: 'a missing text', schema: str(), input: undefined, issues: [`: ${REQUIRED}`] },
  { name: 'trimmed', schema: text(5), input: '  abc  ', value: 'abc' },
  { name: 'only spaces', schema: text(5), input: '   ', issues: [': Must not be empty.'] },
  { name: 'too long', schema: text(5), input: 'abcdef', issues: [': Too long: at most 5 characters.'] },
  { name: 'measured in code points: 5 emoji fit in 5', schema: text(5), input: '😀😀😀😀😀', value: '😀😀😀😀😀' },
  { name: '… and 6 do not', schema: text(5), input: '😀😀😀😀😀😀', issues: [': Too long: at most 5 characters.'] },
  { name: 'a lone surrogate counts as one', schema: text(2), input: '\uD800\uD800', value: '\uD800\uD800' },
  {
    // zod's length checks run on anything with a `length`, after the type issue.
    name: 'an empty list for a text: wrong type, and empty',
    schema: text(5),
    input: [],
    issues: [': Expected a text, found a list.', ': Needs at least one entry.'],
  },
  {
    name: 'an object with a text `length` for a text',
    schema: text(5),
    input: { length: 'abc' },
    issues: [': Expected a text, found an object.', ': Must be at least 1.', ': Must be at most 5.'],
  },
  { name: 'null has no length', schema: text(5), input: null, issues: [': Expected a text, found nothing (null).'] },
  {
    name: 'a pattern with its own message',
    schema: lang,
    input: 'Spanish',
    issues: [': Use a language code such as "es" or "es-SV".'],
  },
  {
    name: 'a format check does not stop the next one',
    schema: str(maxLength(3), pattern(/^a+$/, 'web-url'), refine((v: string) => v.length < 3, 'web-url')),
    input: 'bbbb',
    issues: [
      ': Too long: at most 3 characters.',
      ': Only complete web addresses starting with https:// or http:// are allowed.',
      ': Only complete web addresses starting with https:// or http:// are allowed.',
    ],
  },
  { name: 'a type issue stops the pattern', schema: lang, input: 7, issues: [': Expected a text, found a number.'] },

  // ---- numbers
  { name: 'a number in range', schema: num(gte(0), lte(10)), input: 10, value: 10 },
  { name: 'below', schema: num(gte(0), lte(10)), input: -1, issues: [': Must be at least 0.'] },
  { name: 'above, exclusive', schema: num(lt(2)), input: 2, issues: [': Must be at most 2.'] },
  { name: 'NaN is not a number', schema: num(gte(0)), input: NaN, issues: [': Expected a number, found a number.'] },
  { name: 'Infinity is not a number', schema: num(), input: Infinity, issues: [': Expected a number, found a number.'] },
  { name: 'a text for a number', schema: num(gte(0)), input: '1', issues: [': Expected a number, found a text.'] },
  { name: 'a whole number', schema: int(gte(1), lte(36)), input: 12, value: 12 },
  {
    name: 'not whole: that stops the range checks',
    schema: int(gte(1), lte(36)),
    input: 40.5,
    issues: [': Must be a whole number.'],
  },
  {
    name: 'whole but beyond the safe integers, then beyond the range',
    schema: int(gte(0), lte(100)),
    input: 1e21,
    issues: [': Must be at most 9007199254740991.', ': Must be at most 100.'],
  },
  { name: 'true or false', schema: bool(), input: 'yes', issues: [': Expected true or false, found a text.'] },

  // ---- vocabularies
  { name: 'a known value', schema: oneOf(['in', 'out']), input: 'in', value: 'in' },
  { name: 'an unknown value', schema: oneOf(['in', 'out']), input: 'IN', issues: [': Must be one of: "in", "out".'] },
  {
    name: 'its own message, even when missing',
    schema: oneOf(['in', 'out'], 'flow'),
    input: undefined,
    issues: [': Write "in" for money coming in or "out" for money going out.'],
  },

  // ---- lists
  { name: 'a list', schema: arr(num(), 3), input: [1, 2], value: [1, 2] },
  { name: 'entries are checked at their index', schema: arr(num(), 3), input: [1, 'x'], issues: ['1: Expected a number, found a text.'] },
  {
    name: 'over the limit: one issue, the entries are not read',
    schema: arr(num(), 3),
    input: ['a', 'b', 'c', 'd'],
    issues: [': Too many entries: at most 3.'],
  },
  { name: 'at least one', schema: arr(num(), 3, 1), input: [], issues: [': Needs at least one entry.'] },
  {
    name: 'a long text for a list: wrong type, and too long',
    schema: arr(num(), 3),
    input: 'abcd',
    issues: [': Expected a list, found a text.', ': Too long: at most 3 characters.'],
  },

  // ---- objects
  {
    name: 'the shape\'s keys, in its order; others left out',
    schema: obj({ b: num(), a: optional(str()) }),
    input: { a: 'x', extra: 1, b: 2 },
    value: { b: 2, a: 'x' },
  },
  { name: 'a missing required field', schema: obj({ a: num() }), input: {}, issues: [`a: ${REQUIRED}`] },
  { name: 'a missing optional field stays missing', schema: obj({ a: optional(num()) }), input: {}, value: {} },
  {
    name: 'an optional field given as undefined stays, as undefined',
    schema: obj({ a: optional(num()) }),
    input: { a: undefined },
    value: { a: undefined },
  },
  { name: 'a list is not an object', schema: obj({}), input: [], issues: [': Expected an object, found a list.'] },
  {
    name: 'nested paths',
    schema: obj({ a: arr(obj({ b: text(5) }), 5) }),
    input: { a: [{ b: 'x' }, { b: '' }] },
    issues: ['a,1,b: Must not be empty.'],
  },

  // ---- checks on a whole object or list, after its fields (tax regimes, season months)
  { name: 'a regime with the amount its kind needs', schema: regime, input: { kind: 'fixed-fee', monthlyFee: 5 }, value: { kind: 'fixed-fee', monthlyFee: 5 } },
  { name: 'a VAT regime without its rate: required at the rate', schema: regime, input: { kind: 'vat' }, issues: [`ratePct: ${REQUIRED}`] },
  { name: 'a fixed fee without the fee', schema: regime, input: { kind: 'fixed-fee', ratePct: 5 }, issues: [`monthlyFee: ${REQUIRED}`] },
  {
    // A field issue that lets checks go on (a range) still lets the object's check run…
    name: 'a rate out of range, and no fee: both said',
    schema: regime,
    input: { kind: 'fixed-fee', ratePct: 101 },
    issues: ['ratePct: Must be at most 100.', `monthlyFee: ${REQUIRED}`],
  },
  {
    // … one that stops the field (an unknown kind) does not.
    name: 'an unknown kind stops the object\'s check',
    schema: regime,
    input: { kind: 'presumptive' },
    issues: ['kind: Must be one of: "vat", "gross-sales", "fixed-fee".'],
  },
  { name: 'months, each once', schema: months, input: [11, 12, 1], value: [11, 12, 1] },
  { name: 'a month twice: the general message', schema: months, input: [12, 12], issues: [': Has a value that is not valid.'] },
  { name: 'a month out of range, and twice', schema: months, input: [13, 13], issues: ['0: Must be at most 12.', '1: Must be at most 12.', ': Has a value that is not valid.'] },
  { name: 'too many months: the entries are not read', schema: months, input: Array(13).fill(1), issues: [': Too many entries: at most 12.'] },

  // ---- records and unions (localized texts)
  { name: 'one text', schema: localized, input: ' hola ', value: 'hola' },
  { name: 'one text per language', schema: localized, input: { es: 'hola', en: 'hi' }, value: { es: 'hola', en: 'hi' } },
  { name: 'a missing text is required', schema: localized, input: undefined, issues: [`: ${REQUIRED}`] },
  {
    name: 'a text that is too long: the text option\'s own issue',
    schema: localized,
    input: 'abcdef',
    issues: [': Too long: at most 5 characters.'],
  },
  { name: 'an empty language object', schema: localized, input: {}, issues: [': Give the text in at least one language.'] },
  { name: 'an empty text in one language', schema: localized, input: { es: ' ' }, issues: ['es: Must not be empty.'] },
  {
    name: 'a bad language key: neither option',
    schema: localized,
    input: { Spanish: 'x' },
    issues: [': Write a text, or an object with one text per language, such as {"es": "…", "en": "…"}.'],
  },
  {
    name: 'a number: neither option',
    schema: localized,
    input: 3,
    issues: [': Write a text, or an object with one text per language, such as {"es": "…", "en": "…"}.'],
  },

  // ---- wrappers
  { name: 'a default when missing', schema: withDefault(arr(num(), 3), []), input: undefined, value: [] },
  { name: 'no default for null', schema: withDefault(bool(), false), input: null, issues: [': Expected true or false, found nothing (null).'] },
  { name: 'a fallback hides the issue', schema: fallback(oneOf(['a', 'b']), 'b'), input: 'z', value: 'b' },
  { name: 'an open vocabulary: missing is the fallback', schema: withDefault(fallback(oneOf(['a', 'b']), 'b'), 'b'), input: undefined, value: 'b' },
  {
    name: 'a lenient list leaves bad entries out',
    schema: pipe(arr(fallback(optional(num()), undefined), 5), (list: unknown[]) => list.filter((v) => v !== undefined)),
    input: [1, 'x', 2, null],
    value: [1, 2],
  },
  { name: 'a pipe transforms a good value', schema: pipe(num(), (n: number) => n * 100), input: 1.25, value: 125 },
  { name: 'a pipe stops at an issue', schema: pipe(num(gte(0)), (n: number) => n * 100), input: -1, issues: [': Must be at least 0.'] },
];

describe('validate.ts: combinators with zod\'s semantics', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = validator(row.schema)(row.input);
      if (row.issues) {
        expect(result.ok, JSON.stringify(result)).to.equal(false);
        if (!result.ok) expect(result.issues.map((i) => `${i.path.join(',')}: ${i.message}`)).to.deep.equal(row.issues);
      } else {
        expect(result.ok, JSON.stringify(result)).to.equal(true);
        if (result.ok) expect(result.value).to.deep.equal(row.value);
      }
    });
  }

  it('an own key given as undefined is kept as such, not dropped (zod does the same)', () => {
    const result = validator(obj({ a: optional(num()), b: fallback(optional(oneOf(['x'])), undefined) }))({ b: 'y' });
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(Object.keys(result.value as object)).to.deep.equal(['b']);
      expect((result.value as { b?: unknown }).b).to.equal(undefined);
    }
  });

  it('a default is a fresh copy each time', () => {
    const schema = validator(withDefault(arr(num(), 3), []));
    const a = schema(undefined);
    const b = schema(undefined);
    expect(a.ok && b.ok && a.value !== b.value).to.equal(true);
  });

  it('a stopped check is marked so: later checks of the value do not run, a union skips the option', () => {
    const p = int(gte(0)).run({ value: 1.5, issues: [] });
    expect(p.issues.map((i) => [i.code, i.continue])).to.deep.equal([['invalid_type', false]]);
    const q = str(maxLength(2)).run({ value: 'abc', issues: [] });
    expect(q.issues.map((i) => [i.code, i.continue])).to.deep.equal([['too_big', true]]);
    const piped = pipe(num(), (n: number) => n).run({ value: 'x', issues: [] });
    expect(piped.aborted).to.equal(true);
  });

  it('no prototype pollution: __proto__ and constructor keys are never copied', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "es": "x"}');
    const byRecord = validator(record(lang, text(5)))(input);
    expect(byRecord.ok).to.equal(false); // "constructor" is not a language code
    const byLocalized = validator(localized)(JSON.parse('{"__proto__": {"polluted": 1}, "es": "x"}'));
    expect(byLocalized.ok).to.equal(true);
    if (byLocalized.ok) {
      expect(Object.getPrototypeOf(byLocalized.value)).to.equal(Object.prototype);
      expect(Object.keys(byLocalized.value as object)).to.deep.equal(['es']);
    }
    const byObject = validator(obj({ a: optional(num()) }))(input);
    expect(byObject.ok).to.equal(true);
    if (byObject.ok) expect(Object.getOwnPropertyNames(byObject.value)).to.deep.equal([]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('a record takes only plain objects', () => {
    const plain = validator(record(lang, text(5)));
    expect(plain(new Date(0)).ok).to.equal(false);
    expect(plain(Object.assign(Object.create(null) as object, { es: 'x' })).ok).to.equal(true);
    expect(plain({ constructor: 'x' }).ok).to.equal(false); // a plain object, but a bad key
  });

  it('recursion follows the schema only: a value nested 100,000 levels deep is one issue, no stack overflow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = validator(obj({ title: text(5), tags: arr(text(5), 3) }))({ title: deep, tags: deep });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.issues.map((i) => `${i.path.join(',')}: ${i.message}`)).to.deep.equal([
        'title: Expected a text, found a list.',
        'tags,0: Expected a text, found a list.',
      ]);
    }
  });

  it('a recursive schema (lazy)', () => {
    const section: Schema = obj({ id: str(), sections: optional(arr(lazy(() => section), 3)) });
    const result = validator(section)({ id: 'a', sections: [{ id: 'b', sections: [{ id: 5 }] }] });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues.map((i) => i.path.join('.'))).to.deep.equal(['sections.0.sections.0.id']);
  });

  it('never builds code (strict CSP): no Function or eval in the module', async () => {
    const source = await (await fetch(new URL('../../src/feed/validate.ts', import.meta.url))).text();
    expect(source).not.to.match(/\bnew Function\b|\beval\(/);
  });
});
