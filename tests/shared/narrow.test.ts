/**
 * From 280 px up: on a narrow column no widget is wider than the column
 * (only the cash-flow grid scrolls, inside its own box). Real sample feed,
 * whose long outline and template names once widened the widgets.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';

const tags = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'] as const;

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
});

for (const tag of tags) {
  it(`${tag} fits a 280 px column`, async () => {
    const wrapper = await fixture(html`<div style="width: 280px"></div>`);
    const el = document.createElement(tag);
    el.setAttribute('feed', '/demo/feed.json');
    el.setAttribute('country', 'GT');
    const loaded = oneEvent(el, 'mipyme-feed-load');
    wrapper.append(el);
    await loaded;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const root = el.shadowRoot!;
    const base = root.querySelector('.base')!.getBoundingClientRect();
    expect(Math.round(base.width)).to.equal(280);
    const scroller = root.querySelector('.grid-wrap');
    const wider = Array.from(root.querySelectorAll('*'))
      .filter((node) => !(scroller && scroller.contains(node) && node !== scroller))
      .filter((node) => node.getBoundingClientRect().right > base.right + 1)
      .map((node) => `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''}`);
    expect(wider).to.deep.equal([]);
  });
}
