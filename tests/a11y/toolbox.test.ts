/**
 * The toolbox, audited (issue #10): axe with its filter panel open, filters applied, the
 * no-results view with its suggestions and the saved list, light and dark, at 320 px and
 * 1280 px; and the focus never lost to the page when the focused control goes away (a saved tool
 * taken off the saved list, a suggestion that did its job) — by keyboard alone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/toolbox-browser/toolbox-browser.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import { initLocalization } from '../../src/shared/locale.js';
import { resetFeeds } from '../../src/feed/load.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import { reportViolations, sticksOut, violationsSeen } from '../helpers/a11y.js';
import { blockNavigation, focused } from '../helpers/keyboard.js';
import { until } from '../helpers/until.js';

const key = () => `tb${Math.random().toString(36).slice(2)}`;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => Array.from(el.shadowRoot!.querySelectorAll<T>(selector));
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
});
after(async () => {
  document.removeEventListener('click', blockNavigation);
  await setViewport({ width: 800, height: 600 });
});
afterEach(() => {
  resetFeeds();
  localStorage.removeItem(`${STORAGE_PREFIX}toolbox.starred`);
});

async function toolbox(theme = 'light'): Promise<MipymeToolboxBrowser> {
  const el = await fixture<MipymeToolboxBrowser>(
    html`<mipyme-toolbox-browser theme=${theme} country="SV" feed=${`/__feed/sample?k=${key()}`}></mipyme-toolbox-browser>`,
  );
  await until(() => $$(el, '.item').length > 0, 'the tools');
  return el;
}

/** Focus `control` and press `key` on it, as a keyboard user would. */
async function press(control: HTMLElement, keyName = 'Enter'): Promise<void> {
  control.focus();
  await sendKeys({ press: keyName });
}

async function search(el: MipymeToolboxBrowser, words: string): Promise<void> {
  const field = $<HTMLInputElement>(el, '#search')!;
  field.focus();
  field.select();
  await sendKeys({ type: words });
  await el.updateComplete;
}

async function expectClean(el: MipymeToolboxBrowser, what: string, width: number): Promise<void> {
  await el.updateComplete;
  const violations = await violationsSeen(el);
  expect(violations, `${what}: ${reportViolations(violations)}`).to.deep.equal([]);
  if (width === 320) expect(sticksOut(el), `${what}: sideways at 320 px`).to.deep.equal([]);
}

for (const width of [320, 1280]) {
  for (const theme of ['light', 'dark']) {
    it(`axe: filters open and applied, no results with suggestions, the saved list — ${width} px, ${theme}`, async function () {
      this.timeout(60000);
      await setViewport({ width, height: 900 });
      const el = await toolbox(theme);
      const toggle = $<HTMLButtonElement>(el, '[part="filter-toggle"]')!;
      if (getComputedStyle(toggle).display !== 'none') {
        await press(toggle);
        await until(() => toggle.getAttribute('aria-expanded') === 'true', 'the filters open');
      }
      await expectClean(el, 'filters open', width);
      await press($<HTMLInputElement>(el, '[part="filter"] input')!, 'Space');
      await until(() => $$(el, '[part="chip"]').length === 1, 'a filter applied');
      await expectClean(el, 'a filter applied', width);
      await search(el, 'zzzzqqq');
      await until(() => !!$(el, '[part="empty"]'), 'no results');
      await expectClean(el, 'no results', width);
      await press($<HTMLButtonElement>(el, '.show-all')!);
      await until(() => $$(el, '.item').length > 0, 'all tools again');
      await press($<HTMLButtonElement>(el, '[part="star"]')!, 'Space');
      await press($<HTMLButtonElement>(el, '[part="saved-toggle"]')!);
      await until(() => $$(el, '.item').length === 1, 'the saved list');
      await expectClean(el, 'the saved list', width);
    });
  }
}

describe('the focus stays in the toolbox when its control goes away', () => {
  it('a tool taken off the saved list: focus on the next saved tool; the last one: on "Show all tools"', async () => {
    const el = await toolbox();
    const stars = $$<HTMLButtonElement>(el, '[part="star"]');
    await press(stars[0]!, 'Space');
    await press(stars[1]!, 'Space');
    await until(() => text($(el, '[part="saved-toggle"]')).includes('2'), 'two saved');
    await press($<HTMLButtonElement>(el, '[part="saved-toggle"]')!);
    await until(() => $$(el, '.item').length === 2, 'the saved list');
    const second = text($$(el, '.item h3 .title')[1]!);
    await press($$<HTMLButtonElement>(el, '[part="star"]')[0]!, 'Space');
    await until(() => $$(el, '.item').length === 1, 'one left');
    expect(focused()?.matches('.item h3 a'), `focus on ${focused()?.outerHTML}`).to.equal(true);
    expect(text(focused())).to.contain(second);
    await press($$<HTMLButtonElement>(el, '[part="star"]')[0]!, 'Space');
    await until(() => !!$(el, '[part="empty"]'), 'the empty saved list');
    expect(focused() === $(el, '.show-all'), `focus on "Show all tools", not ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '.item').length > 1, 'all tools');
    expect(focused()?.matches('.item h3 a'), 'focus on the first tool').to.equal(true);
  });

  it('"Search … instead" and "Remove …" suggestions: focus on the first result they bring', async () => {
    const el = await toolbox();
    await search(el, 'cajx');
    await until(() => !!$(el, '[part="empty"] .empty-action'), 'a spelling suggestion');
    await press($<HTMLButtonElement>(el, '[part="empty"] .empty-action')!);
    await until(() => $$(el, '.item').length > 0, 'the suggested search');
    expect(focused() === $(el, '.item h3 a'), `focus on the first result, not ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);

    await press($<HTMLButtonElement>(el, '.chips .clear-all')!);
    await until(() => $$(el, '[part="chip"]').length === 0 && $<HTMLInputElement>(el, '#search')!.value === '', 'cleared');
    const option = $<HTMLInputElement>(el, '[part="filter"] input')!;
    await press(option, 'Space');
    await until(() => $$(el, '[part="chip"]').length === 1, 'one filter');
    expect(focused() === option, 'a checked filter keeps the focus').to.equal(true);
    await search(el, 'fiado');
    await until(() => !!$(el, '[part="empty"]'), 'no results with this filter');
    const relax = $$<HTMLButtonElement>(el, '[part="empty"] .empty-action').find((b) => b.textContent!.includes('Quitar'));
    expect(relax, 'a "Remove …" suggestion').to.exist;
    await press(relax!);
    await until(() => $$(el, '.item').length > 0, 'the results without the filter');
    expect(focused() === $(el, '.item h3 a'), `focus on the first result, not ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
  });
});
