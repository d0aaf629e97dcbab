/**
 * Malformed feeds (issue #8): 1,000 mutants of the sample feed, with a fixed
 * seed, through `parseFeed` / `parseFeedText`. Each one must give either a
 * usable feed, whose every item passes the schema again (parsing the output
 * once more is ok, adds no issue and changes nothing), or a plain failure;
 * never an exception, never a polluted prototype.
 */
import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText, type FeedIssue, type ParseFeedResult } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/schema.js';
import { OPERATOR_NAMES, loaderText, mutant, mutantPlan, type Channel, type Mutant } from './fuzz.js';

const SEED = 0x5eed;
const COUNT = 1000;
/** Mutants per `it`; a heavy one (huge arrays) gets an `it` of its own. */
const BLOCK = 10;

const FAILURE_CODES = ['not-json', 'not-object', 'version-missing', 'version-invalid', 'version-newer', 'section-not-list'];
const ISSUE_KINDS = ['invalid', 'duplicate', 'reference', 'unknown-value', 'limit'];

let sample: unknown;

// ---------------------------------------------------------------- what a run found

const summary = {
  mutants: 0,
  channels: {} as Record<Channel, number>,
  ok: 0,
  okWithoutIssues: 0,
  failed: {} as Record<string, number>,
  issueKinds: {} as Record<string, number>,
  issueSeverities: {} as Record<string, number>,
  operators: {} as Record<string, number>,
};
const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);

// ---------------------------------------------------------------- checks

const prototypeBaseline = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
  toString: Object.prototype.toString,
  hasOwnProperty: Object.prototype.hasOwnProperty,
};

function expectNoPollution(name: string): void {
  const probe = {} as Record<string, unknown>;
  expect(probe['polluted'], `${name}: ({}).polluted`).to.equal(undefined);
  expect(probe['isAdmin'], `${name}: ({}).isAdmin`).to.equal(undefined);
  expect(Object.getPrototypeOf(probe), name).to.equal(Object.prototype);
  expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${name}: Object.prototype`).to.deep.equal(prototypeBaseline.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort(), `${name}: Array.prototype`).to.deep.equal(prototypeBaseline.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort(), `${name}: Function.prototype`).to.deep.equal(
    prototypeBaseline.function,
  );
  expect(Object.prototype.toString, name).to.equal(prototypeBaseline.toString);
  expect(Object.prototype.hasOwnProperty, name).to.equal(prototypeBaseline.hasOwnProperty);
}

/** No object in the parsed feed has a strange prototype or a prototype-ish own key. */
function expectPlainTree(feed: Feed, name: string): void {
  const stack: unknown[] = [feed];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== Array.prototype) {
      expect.fail(`${name}: an object in the parsed feed has another prototype`);
    }
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      if (Object.prototype.hasOwnProperty.call(node, key)) expect.fail(`${name}: the parsed feed has an own "${key}" key`);
    }
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
}

/** The parsed feed written back as a feed (amounts in major units again). */
function asFeedInput(feed: Feed): unknown {
  const copy = structuredClone(feed);
  for (const template of copy.cashflowTemplates) {
    for (const line of template.lines) {
      if (line.amounts) line.amounts = line.amounts.map((cents) => cents / 100);
      if (line.preStart !== undefined) line.preStart = line.preStart / 100;
    }
  }
  for (const country of copy.countries) {
    for (const regime of country.taxRegimes ?? []) {
      if (regime.monthlyFee !== undefined) regime.monthlyFee = regime.monthlyFee / 100;
    }
  }
  return copy;
}

/** Plain checks first (a mutant can have 50,000 issues); chai only to report a bad one. */
function expectIssueShape(issue: FeedIssue, name: string): void {
  const good =
    typeof issue.path === 'string' &&
    typeof issue.message === 'string' &&
    issue.message.trim() !== '' &&
    (issue.severity === 'error' || issue.severity === 'warning') &&
    ISSUE_KINDS.includes(issue.kind);
  if (!good) expect.fail(`${name}: a malformed issue ${JSON.stringify(issue)}`);
}

function run(m: Mutant): ParseFeedResult {
  try {
    if (m.channel === 'value') return parseFeed(m.value);
    if (m.channel === 'text') return parseFeedText(m.text!);
    return parseFeedText(loaderText(m));
  } catch (error) {
    throw new Error(`${m.name}: parsing threw ${String(error)}`);
  }
}

/** Parse the mutant and check the result's shape; the feed when it is usable. */
function checkParse(m: Mutant): ParseFeedResult {
  const result = run(m);
  summary.mutants++;
  bump(summary.channels, m.channel);
  for (const op of m.ops) bump(summary.operators, op);

  expect(result, m.name).to.be.an('object');
  if (!result.ok) {
    bump(summary.failed, result.error.code);
    // `unexpected` is what parseFeed says when it caught its own exception: a bug.
    expect(FAILURE_CODES, `${m.name}: failure code`).to.include(result.error.code);
    expect(result.error.message, `${m.name}: failure message`).to.be.a('string');
    expect(result.error.message.trim(), `${m.name}: failure message`).not.to.equal('');
    expect(result.error.message.length, `${m.name}: a plain, short message`).to.be.at.most(1000);
    expect(result.error.message, `${m.name}: failure message`).not.to.include('[object ');
    expectNoPollution(m.name);
    return result;
  }
  summary.ok++;
  if (result.issues.length === 0) summary.okWithoutIssues++;
  for (const issue of result.issues) {
    expectIssueShape(issue, m.name);
    bump(summary.issueKinds, issue.kind);
    bump(summary.issueSeverities, issue.severity);
  }
  expectPlainTree(result.feed, m.name);
  expectNoPollution(m.name);
  return result;
}

/** Idempotent: what came out passes the schema and the reference checks as it is. */
function reparse(m: Mutant, feed: Feed): Feed {
  const again = parseFeed(asFeedInput(feed));
  if (!again.ok) expect.fail(`${m.name}: the parsed feed is refused when parsed again: ${again.error.message}`);
  // A missing or invalid title is left out of the feed, so the second pass reports it missing.
  const left = feed.title === undefined ? again.issues.filter((issue) => issue.path !== 'title') : again.issues;
  expect(left, `${m.name}: issues when parsed again`).to.deep.equal([]);
  expectNoPollution(m.name);
  return again.feed;
}

/**
 * Where two JSON-like values first differ (`undefined` when they are equal). Plain and
 * iterative: chai's deep equality takes ~30 ms per sample-sized feed, most of the run.
 */
function firstDifference(a: unknown, b: unknown): string | undefined {
  const stack: Array<[unknown, unknown, string]> = [[a, b, '']];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return path || '(root)';
    if (Array.isArray(x) !== Array.isArray(y)) return path;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length || kx.some((k) => !Object.prototype.hasOwnProperty.call(y, k))) return path;
    for (const k of kx) stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}/${k}`]);
  }
  return undefined;
}

function expectUnchanged(m: Mutant, feed: Feed, again: Feed): void {
  const at = firstDifference(feed, again);
  if (at === undefined) return;
  const pick = (root: unknown) => at.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root);
  expect(pick(again), `${m.name}: parsed again, ${at} changed`).to.deep.equal(pick(feed));
  expect.fail(`${m.name}: parsed again, ${at} changed`);
}

function check(m: Mutant): void {
  const result = checkParse(m);
  if (result.ok) expectUnchanged(m, result.feed, reparse(m, result.feed));
}

// ---------------------------------------------------------------- the run

/** Consecutive mutants in blocks of `BLOCK`; a heavy one alone. */
function blocks(): Array<{ from: number; to: number; heavy: boolean }> {
  const out: Array<{ from: number; to: number; heavy: boolean }> = [];
  let start = 0;
  for (let i = 0; i <= COUNT; i++) {
    const heavy = i < COUNT && mutantPlan(SEED, i).heavy;
    if (i === COUNT || heavy || i - start === BLOCK) {
      if (i > start) out.push({ from: start, to: i - 1, heavy: false });
      start = i;
    }
    if (heavy) {
      out.push({ from: i, to: i, heavy: true });
      start = i + 1;
    }
  }
  return out;
}

describe(`feed fuzzing: ${COUNT} mutants of demo/feed.json, seed 0x${SEED.toString(16)}`, () => {
  before(async () => {
    sample = await (await fetch('/demo/feed.json')).json();
  });

  after(() => {
    const lines = Object.entries(summary).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`);
    console.log(`feed fuzzing (seed 0x${SEED.toString(16)}):\n${lines.join('\n')}`);
  });

  it('the sample itself parses with no issues', () => {
    const result = parseFeed(sample);
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.issues).to.deep.equal([]);
  });

  it('the idempotency check sees a difference anywhere (its own test)', () => {
    const rows: Array<[unknown, unknown, string | undefined]> = [
      [{ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, undefined],
      [{ a: [1, 2] }, { a: [1, 3] }, '/a/1'],
      [{ a: [1, 2] }, { a: [1, 2, 3] }, '/a'],
      [{ a: 1 }, { a: 1, b: undefined }, ''],
      [{ a: { b: 0 } }, { a: { b: -0 } }, '/a/b'],
      [{ a: [] }, { a: {} }, '/a'],
      [1, '1', '(root)'],
    ];
    for (const [a, b, expected] of rows) expect(firstDifference(a, b), JSON.stringify([a, b])).to.equal(expected);
  });

  it('the mutants are the same on every run (mutant 123 built twice)', () => {
    const a = mutant(sample, SEED, 123);
    const b = mutant(sample, SEED, 123);
    expect(a.name).to.equal(b.name);
    expect(a.text ?? '').to.equal(b.text ?? '');
    expect(Array.from(a.bytes ?? [])).to.deep.equal(Array.from(b.bytes ?? []));
    expect(JSON.stringify(a.value) === JSON.stringify(b.value)).to.equal(true);
  });

  it('a document nested 1,000,000 levels deep: refused item by item, no stack overflow', () => {
    // JSON.parse in V8 is iterative (a million levels are fine); JSON.stringify is not (it
    // overflows around 10,000 in Node, 20,000+ in Chromium), which is why the fuzzer writes
    // deep text itself. The parser's depth check walks without recursion, so it holds too.
    const depth = 1_000_000;
    const sections = `${'[{"id":"s","title":"S","sections":'.repeat(depth)}[]${'}]'.repeat(depth)}`;
    const text = `{"version":1,"title":"x","tools":[${'['.repeat(depth)}${']'.repeat(depth)}],"planOutlines":[{"id":"o","name":"O","sections":${sections}}]}`;
    const result = parseFeedText(text);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.issues.map((issue) => `${issue.path}: ${issue.message}`)).to.deep.equal([
      'tools[0]: Nested too deeply; the item was dropped.',
      'planOutlines[0]: Nested too deeply; the item was dropped.',
    ]);
    expectNoPollution('deep document');
  });

  for (const { from, to, heavy } of blocks()) {
    if (!heavy) {
      it(`mutants #${from}–#${to}: never throw; a usable feed that parses again unchanged, or a plain error`, () => {
        for (let i = from; i <= to; i++) check(mutant(sample, SEED, i));
      });
      continue;
    }
    // Huge arrays (50,000 items): one step per `it`, each well within the timeout.
    let m: Mutant | undefined;
    let result: ParseFeedResult | undefined;
    let again: Feed | undefined;
    it(`mutant #${from} (huge arrays): never throws; a usable feed or a plain error`, () => {
      m = mutant(sample, SEED, from);
      result = checkParse(m);
    });
    it(`mutant #${from} (huge arrays): the feed parses again with no issue`, () => {
      if (result?.ok) again = reparse(m!, result.feed);
    });
    it(`mutant #${from} (huge arrays): … and unchanged`, () => {
      if (result?.ok) expectUnchanged(m!, result.feed, again!);
      m = result = again = undefined;
    });
  }

  it(`covered all ${COUNT} mutants, every operator, both outcomes`, () => {
    expect(summary.mutants).to.equal(COUNT);
    for (const op of OPERATOR_NAMES) expect(summary.operators[op] ?? 0, op).to.be.at.least(10);
    expect(summary.ok, 'usable feeds').to.be.at.least(COUNT / 4);
    expect(COUNT - summary.ok, 'rejected feeds').to.be.at.least(COUNT / 10);
    expect(summary.okWithoutIssues, 'mutants the parser saw nothing wrong in').to.be.below(summary.ok);
  });
});
