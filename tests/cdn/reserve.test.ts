/**
 * No layout jump: with the page rule of docs/embedding.md (read from the docs,
 * so the docs stay true), an undefined element already takes the height the
 * widget keeps while loading; the text written inside the tag shows until the
 * widget is there, and then disappears.
 */
import { expect } from '@open-wc/testing';

const TAGS = [
  'mipyme-toolbox-browser',
  'mipyme-cash-flow-calculator',
  'mipyme-business-plan-outline',
  'mipyme-provider-finder',
];

async function documentedSnippet(): Promise<string> {
  const docs = await (await fetch('/docs/embedding.md')).text();
  const match = /<!-- reserve-space -->\s*```html\n([\s\S]*?)```/.exec(docs);
  expect(match, 'the reserve-space snippet in docs/embedding.md').to.exist;
  return match![1]!;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
    document.head.append(script);
  });
}

const height = (el: Element) => el.getBoundingClientRect().height;

describe('space reserved before the script runs', () => {
  it('an undefined widget is as tall as the loaded widget while it loads, and its fallback text goes', async () => {
    const page = document.createElement('div');
    page.style.width = '360px';
    // The partner's page: the documented rule and tag, then the other three tags the same way.
    page.innerHTML = await documentedSnippet();
    for (const tag of TAGS.slice(1)) {
      const el = document.createElement(tag);
      el.innerHTML = '<p>Cargando…</p>';
      page.append(el);
    }
    document.body.append(page);
    const widgets = TAGS.map((tag) => page.querySelector(tag)!);
    const key = Math.random().toString(36).slice(2);
    for (const el of widgets) el.setAttribute('feed', `/__feed/hang?k=${key}`);
    const before = widgets.map(height);
    expect(before).to.deep.equal([480, 480, 480, 480]);
    const fallback = widgets[0]!.querySelector('p')!;
    expect(fallback.textContent).to.contain('Cargando');
    expect(fallback.getClientRects().length).to.equal(1);

    await loadScript('/cdn/infomipyme-widgets.js');
    for (const el of widgets) {
      await customElements.whenDefined(el.localName);
      await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
      expect(el.shadowRoot!.querySelector('[part="loading"]'), el.localName).to.exist;
    }
    expect(widgets.map(height)).to.deep.equal(before);
    expect(fallback.getClientRects().length, 'the fallback text is no longer shown').to.equal(0);
    page.remove();
  });
});
