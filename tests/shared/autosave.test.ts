import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AutosaveController } from '../../src/shared/autosave.js';

let saves = 0;
let external = 0;

class TestAutosaveHost extends LitElement {
  autosave = new AutosaveController(this, {
    name: 'test.autosave',
    delay: 60_000, // never reached in these tests: every save here is an explicit flush
    save: () => saves++,
    onExternalChange: () => external++,
  });
}
customElements.define('test-autosave-host', TestAutosaveHost);

beforeEach(() => {
  saves = 0;
  external = 0;
});

describe('AutosaveController', () => {
  it('saves a pending change when the page is hidden, and only once', async () => {
    const el = await fixture<TestAutosaveHost>(html`<test-autosave-host></test-autosave-host>`);
    el.autosave.schedule();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as unknown as Record<string, unknown>)['visibilityState'];
    }
    expect(saves).to.equal(1);
  });

  it('saves on pagehide and when the element leaves the page; nothing when nothing changed', async () => {
    const el = await fixture<TestAutosaveHost>(html`<test-autosave-host></test-autosave-host>`);
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).to.equal(0);
    el.autosave.schedule();
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).to.equal(1);
    el.autosave.schedule();
    el.remove();
    expect(saves).to.equal(2);
    window.dispatchEvent(new Event('pagehide'));
    expect(saves).to.equal(2);
  });

  it('flush(true) saves even without a pending change', async () => {
    const el = await fixture<TestAutosaveHost>(html`<test-autosave-host></test-autosave-host>`);
    el.autosave.flush(true);
    expect(saves).to.equal(1);
  });

  it('follows changes another tab stores under its name', async () => {
    await fixture<TestAutosaveHost>(html`<test-autosave-host></test-autosave-host>`);
    window.dispatchEvent(new StorageEvent('storage', { key: 'infomipyme-widgets.test.autosave' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'someone-else' }));
    expect(external).to.equal(1);
  });
});
