/**
 * The demo's feed-check page on a feed split by country: given the index's address it reads the
 * index and every part, lists each part's result, and shows the parts together; given an index as
 * a file or pasted text (no addresses to find the parts by), it says how to check it instead.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../demo/src/feed-check.js';
import type { MipymeFeedCheck } from '../../demo/src/feed-check.js';
import { initLocalization } from '../../src/shared/locale.js';
import { until } from '../helpers/until.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function checkAddress(el: MipymeFeedCheck, url: string): Promise<ShadowRoot> {
  const root = el.shadowRoot!;
  const input = root.querySelector<HTMLInputElement>('#url')!;
  input.value = new URL(url, location.href).href;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => !!root.querySelector('.verdict') && !text(root.querySelector('.verdict')).startsWith('Revisando'), 'the check');
  return root;
}

before(async () => {
  await initLocalization('es');
});

describe('the feed-check page on a split feed', () => {
  it('checks the index and every part, and shows the parts together (71 tools, as the whole feed)', async () => {
    const el = await fixture<MipymeFeedCheck>(html`<mipyme-feed-check></mipyme-feed-check>`);
    const key = `fc${Math.random().toString(36).slice(2)}`;
    const root = await checkAddress(el, `/__split/${key}/index.json`);
    const rows = Array.from(root.querySelectorAll('table.parts tbody tr')).map((row) => text(row.querySelector('th')));
    expect(rows).to.deep.equal(['shared', 'SV', 'GT', 'HN', 'NI', 'DO']);
    for (const row of Array.from(root.querySelectorAll('table.parts tbody tr'))) expect(text(row.lastElementChild)).to.equal('✓ válida');
    expect(text(root.querySelector('.verdict'))).to.contain('Sin errores');
    // The sections table: the merged feed holds all 71 tools of demo/feed.json.
    const cells = Array.from(root.querySelectorAll('table:not(.parts) tbody tr'))[0]!;
    expect(text(cells)).to.contain('71');
  });

  it('names a part that cannot be used', async () => {
    const el = await fixture<MipymeFeedCheck>(html`<mipyme-feed-check></mipyme-feed-check>`);
    const key = `fc${Math.random().toString(36).slice(2)}`;
    await fetch(`/__split/${key}/__mode?m=missing:HN.json`);
    const root = await checkAddress(el, `/__split/${key}/index.json`);
    const hn = Array.from(root.querySelectorAll('table.parts tbody tr')).find((row) => text(row.querySelector('th')) === 'HN')!;
    expect(text(hn.lastElementChild)).to.match(/404/);
    expect(text(root.querySelector('.verdict'))).to.match(/^1 parte\(s\) de esta fuente de datos dividida no se pueden usar/);
  });

  it('an index pasted (or as a file) says how to check it instead of showing an empty feed', async () => {
    const el = await fixture<MipymeFeedCheck>(html`<mipyme-feed-check></mipyme-feed-check>`);
    const root = el.shadowRoot!;
    const index = await (await fetch('/demo/feed-split/index.json')).text();
    const paste = root.querySelector<HTMLTextAreaElement>('#paste')!;
    paste.value = index;
    paste.dispatchEvent(new Event('input'));
    await el.updateComplete;
    Array.from(root.querySelectorAll('button')).find((b) => text(b) === 'Revisar el texto pegado')!.click();
    await until(() => !!root.querySelector('.verdict.bad'), 'the message');
    expect(text(root.querySelector('.verdict.bad'))).to.contain('npx infomipyme-widgets validate index.json');
  });
});
