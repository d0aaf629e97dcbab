/**
 * The built CDN files, as a partner's page loads them: one <script> tag with
 * data-mipyme-* defaults, elements written in the page, the script loaded twice.
 * (`npm test` builds cdn/ before the browser tests.) This file imports no source
 * module, so the page is like a partner's.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers/until.js';

const errors: unknown[] = [];
window.addEventListener('error', (event) => errors.push(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => errors.push(event.reason));

function loadScript(src: string, data: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
    document.head.append(script);
  });
}

const key = `cdn${Math.random().toString(36).slice(2)}`;

describe('cdn/infomipyme-widgets.js on a partner page', () => {
  it('upgrades elements already in the page, with the feed from the script tag', async () => {
    // The element is in the page before the script, as a CMS would write it.
    const toolbox = document.createElement('mipyme-toolbox-browser');
    toolbox.setAttribute('country', 'SV');
    document.body.append(toolbox);
    await loadScript('/cdn/infomipyme-widgets.js', { mipymeFeed: `/__feed/ok?k=${key}`, mipymeLang: 'es' });
    await customElements.whenDefined('mipyme-toolbox-browser');
    await customElements.whenDefined('mipyme-cash-flow-calculator');
    await until(() => (toolbox.shadowRoot?.querySelectorAll('.item').length ?? 0) === 1, 'the tools');
    expect(toolbox.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim()).to.equal('1 herramienta');
    const calculator = document.createElement('mipyme-cash-flow-calculator');
    calculator.setAttribute('country', 'SV');
    document.body.append(calculator);
    await until(() => !!calculator.shadowRoot?.querySelector('[role="grid"]'), 'the calculator');
    const hits = (await (await fetch(`/__feed/hits?k=${key}`)).json()) as { hits: number };
    expect(hits.hits).to.equal(1);
    expect(errors).to.deep.equal([]);
  });

  it('loading the script again (another URL, same version) or a single-widget file breaks nothing', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      await loadScript('/cdn/infomipyme-widgets.js?copy=2');
      await loadScript('/cdn/toolbox-browser.js');
      await loadScript('/cdn/cash-flow-calculator.js?copy=3');
    } finally {
      console.warn = original;
    }
    expect(errors).to.deep.equal([]);
    expect(warnings.filter((w) => String(w[0]).includes('already defined'))).to.deep.equal([]);
    const late = document.createElement('mipyme-toolbox-browser');
    late.setAttribute('feed', `/__feed/ok?k=${key}`);
    document.body.append(late);
    await until(() => (late.shadowRoot?.querySelectorAll('.item').length ?? 0) === 2, 'a late element');
  });

  it('adds nothing to the page but its registry', () => {
    const ours = Object.getOwnPropertyNames(window).filter((name) => /mipyme|infomipyme/i.test(name));
    expect(ours).to.deep.equal([]);
    expect(Object.getOwnPropertySymbols(window).map(String)).to.include('Symbol(infomipyme-widgets.registry.v1)');
    expect(document.head.querySelectorAll('style').length).to.equal(0);
  });
});
