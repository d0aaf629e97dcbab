/**
 * Keyboard only (issue #10): the toolbox's main task — find a tool and open it — with Tab, typing
 * and Enter, from the control before the widget; every stop has a visible focus indicator.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { blockNavigation, tabTo } from '../helpers/keyboard.js';
import '../../src/toolbox-browser/toolbox-browser.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeToolOpenEvent } from '../../src/shared/events.js';
import { initLocalization } from '../../src/shared/locale.js';
import { resetFeeds } from '../../src/feed/load.js';
import { until } from '../helpers/until.js';

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
