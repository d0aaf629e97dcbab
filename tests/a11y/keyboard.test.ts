/**
 * Keyboard only (issue #10): the toolbox's main task — find a tool and open it — with Tab, typing
 * and Enter, from the control before the widget; every stop has a visible focus indicator.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/toolbox-browser/toolbox-browser.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeToolOpenEvent } from '../../src/shared/events.js';
import { initLocalization } from '../../src/shared/locale.js';
import { resetFeeds } from '../../src/feed/load.js';
import { until } from '../helpers/until.js';

/** The focused element, inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A focus indicator a sighted keyboard user can see: an outline or a box shadow. */
function visibleFocus(element: Element): boolean {
  const style = getComputedStyle(element);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
}

/** Tab until `accept` holds for the focused element (at most `max` presses), checking each stop's focus indicator. */
async function tabTo(accept: (element: Element) => boolean, what: string, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const element = focused();
    if (!element) continue;
    if (element.closest('mipyme-toolbox-browser') || element.getRootNode() !== document) {
      expect(visibleFocus(element), `focus visible on <${element.localName} class="${(element as HTMLElement).className}">`).to.equal(true);
    }
    if (accept(element)) return element;
  }
  throw new Error(`Tab never reached ${what}`);
}

const blockNavigation = (event: Event) => {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
};

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
});
after(() => document.removeEventListener('click', blockNavigation));
afterEach(() => resetFeeds());

describe('keyboard only', () => {
  it('toolbox: Tab to the search, type, Tab to a tool, Enter opens it', async () => {
    const container = await fixture<HTMLElement>(html`<div>
      <button id="before">Antes</button>
      <mipyme-toolbox-browser country="SV" feed=${`/__feed/sample?k=kb${Math.random().toString(36).slice(2)}`}></mipyme-toolbox-browser>
    </div>`);
    const el = container.querySelector<MipymeToolboxBrowser>('mipyme-toolbox-browser')!;
    await until(() => (el.shadowRoot!.querySelectorAll('.item').length ?? 0) > 0, 'the tools');
    container.querySelector<HTMLButtonElement>('#before')!.focus();
    await tabTo((element) => element.id === 'search', 'the search field');
    const count = () => el.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim();
    const all = count();
    await sendKeys({ type: 'precio' });
    await until(() => count() !== all && el.shadowRoot!.querySelectorAll('.item').length > 0, 'the results of the search');
    await el.updateComplete;
    const link = await tabTo((element) => element.matches('.item h3 a'), 'a tool');
    const opened = oneEvent(el, 'mipyme-tool-open') as Promise<MipymeToolOpenEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await opened;
    expect(event.detail.url).to.equal((link as HTMLAnchorElement).href);
  });
});
