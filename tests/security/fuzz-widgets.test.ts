/**
 * Malformed feeds (issue #8) in the widgets: a deterministic subset of the
 * fuzzer's mutants (every 5th of the 1,000 of fuzz-parse.test.ts, same seed,
 * plus every mutant with an edge value — data the parser accepts is where a
 * widget can still break — and one with huge arrays of each kind), each shown by all four widgets at once — objects
 * through the `data` property, JSON text and wrongly encoded bytes through a
 * served URL.
 *
 * Each widget must end up showing what `parseFeed` makes of the mutant: the
 * valid part of the data (its ready view, with as many tools or providers as
 * the parsed feed has for the country) or, when the feed is refused, its error
 * view with the reason. Never stuck loading, never an uncaught exception or
 * rejected promise, never a console.error.
 */
import { expect } from '@open-wc/testing';
import '../../src/toolbox-browser/toolbox-browser.js';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import '../../src/business-plan-outline/business-plan-outline.js';
import '../../src/provider-finder/provider-finder.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { parseFeed, parseFeedText, type ParseFeedResult } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/schema.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import type { MipymeElement } from '../../src/shared/element.js';
import type { MipymeFeedErrorEvent, MipymeFeedLoadEvent } from '../../src/shared/events.js';
import { bodyBytes, loaderText, mutant, mutantPlan, type Mutant } from './fuzz.js';

const SEED = 0x5eed;
const COUNT = 1000;
/** Every 5th mutant: 200 of them, the same operator mix as the whole run … */
const STRIDE = 5;
/** … every mutant made with these operators … */
const ALWAYS = ['edge-value'];
/** … and the first heavy mutant (huge arrays) of each kind; heavy ones cost seconds each. */
/** Mutants per `it`. */
const BLOCK = 5;
/**
 * Country attributes taken in turn (widget k of mutant n gets entry n + k): declared
 * ones, none, one no feed declares. The four widgets of a mutant see four of them.
 */
const COUNTRIES = ['SV', 'GT', undefined, 'DO', 'ZZ'] as const;
const TAGS = [
  'mipyme-toolbox-browser',
  'mipyme-cash-flow-calculator',
  'mipyme-business-plan-outline',
  'mipyme-provider-finder',
] as const;
type Tag = (typeof TAGS)[number];

let sample: unknown;

// ---------------------------------------------------------------- what reaches the page

const consoleErrors: string[] = [];
const consoleWarnings = new Map<string, number>();
const pageErrors: string[] = [];
const original = { error: console.error, warn: console.warn };
let current = '';

function onError(event: ErrorEvent): void {
  pageErrors.push(`${current}: error ${event.message}`);
}
function onRejection(event: PromiseRejectionEvent): void {
  pageErrors.push(`${current}: unhandledrejection ${String(event.reason)}`);
}

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
}

const summary = { mutants: 0, ready: 0, refused: 0, byChannel: {} as Record<string, number> };

// ---------------------------------------------------------------- one mutant, four widgets

type Outcome = MipymeFeedLoadEvent | MipymeFeedErrorEvent;

const shown = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const shownAll = (el: Element, selector: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(selector));
const digits = (text: string | null | undefined) => Number((text ?? '').replace(/\D/g, ''));

function expected(m: Mutant): ParseFeedResult {
  return m.channel === 'value' ? parseFeed(m.value) : parseFeedText(loaderText(m));
}

/** How many of each thing the widget should show for `country`. */
function forCountry(feed: Feed, country: string | undefined) {
  const applies = (countries: readonly string[] | undefined) => !country || !countries || countries.includes(country);
  return {
    tools: feed.tools.filter((t) => applies(t.countries)).length,
    providers: feed.providers.filter((p) => !country || p.countries.includes(country)).length,
    outlines: feed.planOutlines.filter((o) => applies(o.countries)).length,
  };
}

function expectReadyView(tag: Tag, el: Element, feed: Feed, country: string | undefined, name: string): void {
  const want = forCountry(feed, country);
  const what = `${name}: <${tag}>`;
  switch (tag) {
    case 'mipyme-toolbox-browser': {
      expect(digits(shown(el, '[part="count"]')?.textContent), `${what} tool count`).to.equal(want.tools);
      if (want.tools > 0) expect(shownAll(el, '[part="list"] [part="item"]').length, `${what} items`).to.be.greaterThan(0);
      else expect(shown(el, '[part="empty"]'), `${what} empty view`).to.exist;
      break;
    }
    case 'mipyme-provider-finder': {
      expect(digits(shown(el, '[part="count"]')?.textContent), `${what} provider count`).to.equal(want.providers);
      if (want.providers > 0) expect(shownAll(el, '[part="list"] [part="item"]').length, `${what} items`).to.be.greaterThan(0);
      else expect(shown(el, '[part="empty"]'), `${what} empty view`).to.exist;
      break;
    }
    case 'mipyme-business-plan-outline': {
      if (want.outlines > 0) {
        expect(shown(el, '[part="progress"]'), `${what} progress`).to.exist;
        expect(shown(el, '[part="section"]'), `${what} section`).to.exist;
        expect(shownAll(el, '[part="nav"] button').length, `${what} sections`).to.be.greaterThan(0);
      } else {
        expect(shown(el, '[part="notice"]')?.textContent?.trim(), `${what} "no outline" notice`).to.be.a('string').and.not.equal('');
      }
      break;
    }
    case 'mipyme-cash-flow-calculator': {
      expect(shown(el, '[part="table"] [role="grid"]'), `${what} grid`).to.exist;
      expect(shown(el, '[part="summary"]'), `${what} summary`).to.exist;
      break;
    }
  }
}

async function settle(elements: MipymeElement[]): Promise<void> {
  for (let round = 0; round < 10 && elements.some((el) => el.isUpdatePending); round++) {
    await Promise.all(elements.map((el) => el.updateComplete));
  }
  // Timers the widgets set on a ready feed (autosave, focus) get their turn too.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.all(elements.map((el) => el.updateComplete));
}

/** Show mutant `m` in the widgets and check what they show; true when the feed was usable. */
async function renderAndCheck(
  m: Mutant,
  { tags = TAGS, country: onlyCountry }: { tags?: readonly Tag[]; country?: string } = {},
): Promise<boolean> {
  current = m.name;
  clearStorage();
  resetFeeds();
  setFeedCache(new MemoryStore());
  const result = expected(m);
  const errorsBefore = consoleErrors.length;
  const pageErrorsBefore = pageErrors.length;

  let url: string | undefined;
  if (m.channel !== 'value') {
    const id = `${SEED.toString(16)}-${m.index}`;
    const put = await fetch(`/__fuzz/put?id=${id}`, { method: 'POST', body: bodyBytes(m) });
    expect(put.ok, `${m.name}: stored on the test server`).to.equal(true);
    url = `/__fuzz/get?id=${id}`;
  }

  const host = document.createElement('div');
  document.body.append(host);
  try {
    const widgets = tags.map((tag) => {
      const country = onlyCountry ?? COUNTRIES[(m.index + TAGS.indexOf(tag)) % COUNTRIES.length];
      const el = document.createElement(tag) as MipymeElement;
      if (country) el.setAttribute('country', country);
      const outcome = new Promise<Outcome>((resolve) => {
        el.addEventListener('mipyme-feed-load', resolve, { once: true });
        el.addEventListener('mipyme-feed-error', resolve, { once: true });
      });
      if (url) el.setAttribute('feed', url);
      else el.data = m.value;
      host.append(el);
      return { tag, el, outcome, country };
    });
    const outcomes = await Promise.all(widgets.map((w) => w.outcome));
    await settle(widgets.map((w) => w.el));

    widgets.forEach(({ tag, el, country }, i) => {
      const outcome = outcomes[i]!;
      const what = `${m.name}: <${tag}>`;
      expect(shown(el, '[part="loading"]'), `${what} still loading after the load settled`).to.equal(null);
      if (result.ok) {
        expect(outcome.type, `${what} event`).to.equal('mipyme-feed-load');
        expect((outcome as MipymeFeedLoadEvent).detail.issueCount, `${what} issue count`).to.equal(result.issues.length);
        expect(shown(el, '[part="error"]'), `${what} error view on a usable feed`).to.equal(null);
        expectReadyView(tag, el, result.feed, country, m.name);
      } else {
        expect(outcome.type, `${what} event`).to.equal('mipyme-feed-error');
        const error = shown(el, '[part="error"]');
        expect(error, `${what} error view`).to.exist;
        expect(error!.getAttribute('role'), `${what} error role`).to.equal('alert');
        const detail = error!.querySelector('.error-detail')?.textContent ?? '';
        expect(detail.trim(), `${what} error message`).not.to.equal('');
        expect((outcome as MipymeFeedErrorEvent).detail.message, `${what} event message`).to.equal(detail);
        // The reason is the parser's, except for text that looks like a web page (its own message).
        if (!(result.error.code === 'not-json' && url && /^\s*</.test(loaderText(m)))) {
          expect(detail, `${what} error message`).to.include(result.error.message);
        }
        if (tag === 'mipyme-cash-flow-calculator') {
          // The calculator stays usable (blank) under its error.
          expect(shown(el, '[part="table"] [role="grid"]'), `${what} grid`).to.exist;
        }
      }
    });
  } finally {
    host.remove();
  }
  // Uncaught exceptions and rejections surface in a later task: give them one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(pageErrors.slice(pageErrorsBefore), `${m.name}: uncaught on the page`).to.deep.equal([]);
  expect(consoleErrors.slice(errorsBefore), `${m.name}: console.error`).to.deep.equal([]);
  return result.ok;
}

function count(m: Mutant, ok: boolean): void {
  summary.mutants++;
  summary[ok ? 'ready' : 'refused']++;
  summary.byChannel[m.channel] = (summary.byChannel[m.channel] ?? 0) + 1;
}

// ---------------------------------------------------------------- the run

const heavyKinds = new Set<string>();
const indices = Array.from({ length: COUNT }, (_, i) => i).filter((i) => {
  const plan = mutantPlan(SEED, i);
  if (plan.heavy) {
    const kind = `${plan.hugeVariant}/${plan.channel}`;
    if (heavyKinds.has(kind)) return false;
    heavyKinds.add(kind);
    return true;
  }
  return i % STRIDE === 0 || plan.ops.some((op) => ALWAYS.includes(op));
});

describe(`feed fuzzing in the widgets: ${indices.length} of ${COUNT} mutants × 4 widgets, seed 0x${SEED.toString(16)}`, () => {
  before(async () => {
    await initLocalization('es');
    sample = await (await fetch('/demo/feed.json')).json();
    console.error = (...args: unknown[]) => {
      consoleErrors.push(`${current}: ${args.map(String).join(' ')}`);
    };
    console.warn = (...args: unknown[]) => {
      const key = String(args[0]).replace(/\/__fuzz\/get\?id=[\w-]+/g, '<url>').replace(/\d+/g, 'N').slice(0, 100);
      consoleWarnings.set(key, (consoleWarnings.get(key) ?? 0) + 1);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  after(() => {
    console.error = original.error;
    console.warn = original.warn;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    clearStorage();
    resetFeeds();
    console.log(
      `feed fuzzing in the widgets (seed 0x${SEED.toString(16)}): ${JSON.stringify(summary)}; console.warn: ${JSON.stringify(
        Object.fromEntries(consoleWarnings),
      )}`,
    );
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(`last mutant: ${current}`);
  });

  describe('regressions found by fuzzing', () => {
    // Mutant #95: the feed's pattern accepts the locale, Intl refuses it, and every widget
    // threw "Invalid language tag" in its update, rendering nothing (fixed in formatLocale).
    for (const locale of ['es-SVX', 'es-12', 'es-SV-SV']) {
      it(`a country whose locale Intl refuses ("${locale}"): every widget renders, formatting as es-419`, async () => {
        const value = structuredClone(sample) as { countries: Array<Record<string, unknown>> };
        value.countries[0]!['locale'] = locale;
        const name = `regression: countries[0] (SV).locale=${JSON.stringify(locale)}`;
        await renderAndCheck({ index: 0, name, ops: ['edge-value'], channel: 'value', heavy: false, value }, { country: 'SV' });
      });
    }
  });

  let block: number[] = [];
  const flush = () => {
    const chosen = block;
    block = [];
    if (chosen.length === 0) return;
    it(`mutants #${chosen.join(', #')}: the valid part or a clear error, nothing uncaught`, async () => {
      for (const i of chosen) {
        const m = mutant(sample, SEED, i);
        count(m, await renderAndCheck(m));
      }
    });
  };
  for (const index of indices) {
    if (mutantPlan(SEED, index).heavy) {
      flush();
      // Huge arrays: each widget parses the feed itself, so one widget per `it`.
      for (const tag of TAGS) {
        it(`mutant #${index} (huge arrays) in <${tag}>: the valid part or a clear error`, async () => {
          const m = mutant(sample, SEED, index);
          const ok = await renderAndCheck(m, { tags: [tag] });
          if (tag === TAGS[0]) count(m, ok);
        });
      }
      continue;
    }
    block.push(index);
    if (block.length === BLOCK) flush();
  }
  flush();

  it(`covered ${indices.length} mutants, usable and refused`, () => {
    expect(summary.mutants).to.equal(indices.length);
    expect(summary.ready).to.be.greaterThan(0);
    expect(summary.refused).to.be.greaterThan(0);
  });
});
