import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../../src/feed/controller.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { configure } from '../../src/shared/config.js';
import { registry } from '../../src/shared/registry.js';
import type { MipymeFeedErrorEvent, MipymeFeedLoadEvent } from '../../src/shared/events.js';
import { until } from '../helpers/until.js';

class TestFeedHost extends LitElement {
  controller = new FeedController(this, { timeout: 2000 });
  @property() feed?: string;
  @property({ attribute: false }) data?: unknown;

  override render() {
    const { state } = this.controller;
    if (state.status === 'ready') return html`ready ${state.snapshot.source} ${state.snapshot.feed.tools.length}`;
    if (state.status === 'error') return html`error ${state.error.code}`;
    return html`${state.status}`;
  }
}
customElements.define('test-feed-host', TestFeedHost);

const freshKey = () => `c${Math.random().toString(36).slice(2)}`;

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  registry().api.feed = undefined;
  registry().script.feed = undefined;
});

after(() => {
  resetFeeds();
  setFeedCache();
});

describe('FeedController', () => {
  it('goes from loading to ready and fires mipyme-feed-load once, bubbling and composed', async () => {
    const key = freshKey();
    const el = await fixture<TestFeedHost>(html`<test-feed-host></test-feed-host>`);
    const loaded = oneEvent(document, 'mipyme-feed-load') as Promise<MipymeFeedLoadEvent>;
    let count = 0;
    document.addEventListener('mipyme-feed-load', () => count++);
    el.feed = `/__feed/ok?k=${key}`;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('loading');
    const event = await loaded;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.include({ source: 'network', offline: false, issueCount: 0 });
    expect(event.detail.url).to.match(/__feed\/ok/);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('ready network 2');
    el.requestUpdate();
    await el.updateComplete;
    expect(count).to.equal(1);
  });

  it('fires mipyme-feed-error with a plain message, and retry() recovers', async () => {
    const key = freshKey();
    await fetch(`/__feed/mode?k=${key}&m=not-found`);
    const errored = oneEvent(document, 'mipyme-feed-error') as Promise<MipymeFeedErrorEvent>;
    const el = await fixture<TestFeedHost>(html`<test-feed-host feed="/__feed/switch?k=${key}"></test-feed-host>`);
    const event = await errored;
    expect(event.detail).to.include({ code: 'http', status: 404 });
    expect(event.detail.message).to.match(/No feed was found/);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('error http');
    await fetch(`/__feed/mode?k=${key}&m=ok`);
    el.controller.retry();
    await until(() => el.controller.state.status === 'ready', 'the retry');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('ready network 2');
  });

  it('takes a feed object through the data property', async () => {
    const response = await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url));
    const data: unknown = await response.json();
    const el = await fixture<TestFeedHost>(html`<test-feed-host .data=${data}></test-feed-host>`);
    expect(el.controller.state.status).to.equal('ready');
    expect(el.shadowRoot!.textContent).to.contain('ready data 2');
    el.data = { version: 9 };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('error not-feed');
  });

  it('falls back to the script tag, then to configure({ feed })', async () => {
    const fromApi = freshKey();
    const fromScript = freshKey();
    configure({ feed: `/__feed/ok?k=${fromApi}` });
    const el = await fixture<TestFeedHost>(html`<test-feed-host></test-feed-host>`);
    await until(() => el.controller.state.status === 'ready', 'the configured feed');
    expect(el.controller.snapshot!.url).to.contain(fromApi);

    registry().script.feed = `/__feed/ok?k=${fromScript}`;
    const second = await fixture<TestFeedHost>(html`<test-feed-host></test-feed-host>`);
    await until(() => second.controller.state.status === 'ready', 'the script feed');
    expect(second.controller.snapshot!.url).to.contain(fromScript);

    const own = freshKey();
    const third = await fixture<TestFeedHost>(html`<test-feed-host feed="/__feed/ok?k=${own}"></test-feed-host>`);
    await until(() => third.controller.state.status === 'ready', 'the attribute feed');
    expect(third.controller.snapshot!.url).to.contain(own);
  });

  it('says plainly when no feed address is set anywhere', async () => {
    const el = await fixture<TestFeedHost>(html`<test-feed-host></test-feed-host>`);
    expect(el.controller.state.status).to.equal('error');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('error no-url');
  });

  it('an element connected first and given data right after (as React does) loads once, with no error', async () => {
    const events: string[] = [];
    const listen = (event: Event) => events.push(event.type);
    document.addEventListener('mipyme-feed-load', listen);
    document.addEventListener('mipyme-feed-error', listen);
    try {
      const el = document.createElement('test-feed-host') as TestFeedHost;
      document.body.append(el);
      el.data = { version: 1, title: 'x' };
      await el.updateComplete;
      expect(el.controller.state.status).to.equal('ready');
      expect(events).to.deep.equal(['mipyme-feed-load']);
      el.remove();
      // Reconnected (a CMS moving it): it follows its data again, without an error.
      document.body.append(el);
      await el.updateComplete;
      expect(el.controller.state.status).to.equal('ready');
      expect(events).not.to.include('mipyme-feed-error');
      el.remove();
    } finally {
      document.removeEventListener('mipyme-feed-load', listen);
      document.removeEventListener('mipyme-feed-error', listen);
    }
  });

  it('the page feed is not fetched for an element given its own data right after connecting', async () => {
    const key = freshKey();
    configure({ feed: `/__feed/ok?k=${key}` });
    try {
      const el = document.createElement('test-feed-host') as TestFeedHost;
      document.body.append(el);
      el.data = { version: 1, title: 'x' };
      await el.updateComplete;
      expect(el.controller.state.status).to.equal('ready');
      const hits = (await (await fetch(`/__feed/hits?k=${key}`)).json()) as { hits: number };
      expect(hits.hits).to.equal(0);
      el.remove();
    } finally {
      configure({ feed: undefined });
    }
  });
});
