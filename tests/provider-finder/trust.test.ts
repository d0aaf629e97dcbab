/**
 * Trust (#12): a provider the network checked over a year ago is marked, on its card and in its
 * details; a recent one, or one without a date, is not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/provider-finder/provider-finder.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { checkedLongAgo, STALE_AFTER_DAYS } from '../../src/shared/trust.js';
import { until } from '../helpers/until.js';

const NOW = Date.UTC(2026, 10, 29, 12); // 29 November 2026, noon UTC

describe('checkedLongAgo', () => {
  const rows: Array<[string | undefined, boolean]> = [
    [undefined, false],
    ['', false],
    ['hace poco', false],
    ['2026-11-01', false],
    ['2025-11-30', false], // 364 days and 12 hours
    ['2025-11-28', true], // 366 days and 12 hours
    ['2024-01-01', true],
  ];
  for (const [verified, expected] of rows) {
    it(`${JSON.stringify(verified)} → ${expected}`, () => expect(checkedLongAgo(verified, NOW)).to.equal(expected));
  }
  it('exactly 365 days is not over a year; 365 days and 12 hours is', () => {
    expect(checkedLongAgo('2025-11-29', Date.UTC(2026, 10, 29))).to.equal(false);
    expect(checkedLongAgo('2025-11-29', NOW)).to.equal(true);
  });
  it('the limit is a year', () => expect(STALE_AFTER_DAYS).to.equal(365));
});

describe('<mipyme-provider-finder>: records checked over a year ago', () => {
  before(async () => {
    await initLocalization('es');
  });
  beforeEach(() => {
    resetFeeds();
    setFeedCache(new MemoryStore());
  });

  it('the old one is marked on its card and in its details; the recent one and the undated one are not', async () => {
    const minimal = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Record<string, any>;
    const base = minimal['providers'][0];
    minimal['providers'] = [
      { ...base, id: 'old', name: 'Centro Antiguo', verified: '2020-03-01' },
      { ...base, id: 'recent', name: 'Centro Reciente', verified: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) },
      { ...base, id: 'undated', name: 'Centro Sin Fecha' },
    ];
    const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder .data=${minimal} country="SV" without-location></mipyme-provider-finder>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('[part="item"]').length === 3, 'three providers');
    const marked = Array.from(root.querySelectorAll('[part="item"]'))
      .filter((item) => item.querySelector('[part="stale"]'))
      .map((item) => item.querySelector('.name-button')!.textContent!.trim());
    expect(marked).to.deep.equal(['Centro Antiguo']);
    expect(root.querySelector('[part="stale"]')!.textContent!.trim()).to.equal('Revisado hace más de un año');
    // The details say it next to the date.
    root.querySelector<HTMLButtonElement>('.name-button[data-provider="old"]')!.click();
    await until(() => root.querySelector('dialog[open] .stale') !== null, 'the details');
    expect(root.querySelector('dialog[open] .stale')!.textContent!.trim()).to.equal('(hace más de un año: confirme los datos antes de ir)');
    root.querySelector<HTMLDialogElement>('dialog')!.close();
  });
});
