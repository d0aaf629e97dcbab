/**
 * What a screen reader hears without moving (issue #10): the result count of a search and the
 * recalculated summary are live regions whose text changes with the user's action, and the chart
 * is an image with a name and a description, its figures being the grid's rows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { initLocalization } from '../../src/shared/locale.js';
import { resetFeeds } from '../../src/feed/load.js';
import { until } from '../helpers/until.js';

const key = () => `an${Math.random().toString(36).slice(2)}`;
const shadow = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

before(async () => {
  await initLocalization('es');
});

afterEach(() => {
  resetFeeds();
  localStorage.clear();
});

function live(region: Element): void {
  expect(region.getAttribute('role')).to.equal('status');
  expect(region.getAttribute('aria-live')).to.equal('polite');
}

for (const tag of ['mipyme-toolbox-browser', 'mipyme-provider-finder'] as const) {
  it(`<${tag}>: the result count is a polite live region, and a search changes what it says`, async () => {
    const el = document.createElement(tag);
    el.setAttribute('feed', `/__feed/sample?k=${key()}`);
    el.setAttribute('country', 'SV');
    await fixture(el);
    await until(() => !!shadow(el).querySelector('[part="count"]'), 'the count');
    const count = shadow(el).querySelector('[part="count"]')!;
    live(count);
    const before = text(count);
    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    search.value = 'zzzz-nada';
    search.dispatchEvent(new Event('input'));
    await until(() => text(shadow(el).querySelector('[part="count"]')) !== before, 'a new count');
    // Still the same live element: screen readers announce changes of a region they already know.
    expect(shadow(el).querySelector('[part="count"]')).to.equal(count);
  });
}

it('<mipyme-cash-flow-calculator>: the summary is a polite live region that says the new figures after an edit; the chart is a named image', async () => {
  const el = await fixture<HTMLElement>(html`<mipyme-cash-flow-calculator country="SV" feed=${`/__feed/sample?k=${key()}`}></mipyme-cash-flow-calculator>`);
  await until(() => !!shadow(el).querySelector('.amount[data-row="0"][data-col="1"]'), 'the grid');
  const summary = shadow(el).querySelector('[part="summary"]')!;
  live(summary);
  const before = text(summary);
  const cell = () => shadow(el).querySelector<HTMLElement>('.amount[data-row="0"][data-col="1"]')!;
  cell().click();
  await until(() => !!cell().querySelector('input'), 'the cell editor');
  const input = cell().querySelector('input')!;
  input.value = '987654';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await until(() => text(shadow(el).querySelector('[part="summary"]')) !== before, 'the new summary');
  expect(shadow(el).querySelector('[part="summary"]')).to.equal(summary);
  expect(text(summary)).to.contain('Entradas:');

  const svg = shadow(el).querySelector('svg[part="chart"]')!;
  expect(svg.getAttribute('role')).to.equal('img');
  const labelled = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => text(shadow(el).getElementById(id)));
  expect(labelled.every((part) => part.length > 0)).to.equal(true);
  // The chart's figures, as rows of the grid: money in, money out, the balance month by month.
  const rows = Array.from(shadow(el).querySelectorAll('[role="grid"] [role="row"] [role="rowheader"]')).map((h) => text(h));
  for (const name of ['Total de entradas', 'Total de salidas', 'Saldo final']) expect(rows, name).to.include(name);
});
