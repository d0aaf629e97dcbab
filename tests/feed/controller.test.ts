import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../../src/feed/controller.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { configure } from '../../src/shared/config.js';
import { registry } from '../../src/shared/registry.js';
import type { MipymeFeedErrorEvent, MipymeFeedLoadEvent } from '../../src/shared/events.js';

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

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

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
});
