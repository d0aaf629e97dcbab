/**
 * Text spacing (WCAG 1.4.12, issue #10): a reader who widens lines, letters, words and paragraphs
 * with a user style or a bookmarklet loses nothing — no text cut off by a box that hides its
 * overflow, and (at 320 px) nothing pushed sideways out of the widget. The spacings are those of
 * the success criterion: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em.
 * They are put into every shadow root, as such a user style would have to be.
 */
import { expect, fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/define.js';
import { resetFeeds } from '../../src/feed/load.js';
import { initLocalization } from '../../src/shared/locale.js';
import { sticksOut } from '../helpers/a11y.js';
import { until } from '../helpers/until.js';

const TAGS = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'];

const SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

before(async () => {
  await initLocalization('es');
});
afterEach(() => {
  resetFeeds();
  localStorage.clear();
});
after(async () => {
  await setViewport({ width: 800, height: 600 });
});

/** Every shadow root under (and including) `root`. */
function shadowRoots(root: ShadowRoot): ShadowRoot[] {
  const found = [root];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.shadowRoot) found.push(...shadowRoots(element.shadowRoot));
  }
  return found;
}

function widen(root: ShadowRoot): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(SPACING);
  for (const shadow of shadowRoots(root)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}

/** Text a box cuts off: it hides its overflow (or ends it with an ellipsis) and its content is bigger. */
function cutOff(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const shadow of shadowRoots(root)) {
    for (const node of Array.from(shadow.querySelectorAll<HTMLElement>('*'))) {
      if (node.matches('input, select, textarea, option, svg, svg *') || node.closest('.visually-hidden, [hidden], dialog:not([open])')) continue;
      if (!node.textContent?.trim()) continue;
      const style = getComputedStyle(node);
      const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
      const wide = node.scrollWidth > node.clientWidth + 1 && (hides(style.overflowX) || style.textOverflow === 'ellipsis');
      const tall = node.scrollHeight > node.clientHeight + 1 && hides(style.overflowY);
      if ((wide || tall) && node.clientWidth > 0) {
        found.push(`<${node.localName} class="${node.className}"> "${node.textContent.trim().slice(0, 40)}": ${node.scrollWidth}×${node.scrollHeight} in ${node.clientWidth}×${node.clientHeight}`);
      }
    }
  }
  return found;
}

for (const width of [320, 1280]) {
  describe(`text spacing at ${width} px`, () => {
    before(async () => {
      await setViewport({ width, height: 900 });
    });
    for (const tag of TAGS) {
      it(`<${tag}>: nothing cut off${width === 320 ? ', nothing sideways' : ''}`, async () => {
        const t = unsafeStatic(tag);
        const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
          staticHtml`<${t} country="SV" feed=${`/__feed/sample?k=ts${Math.random().toString(36).slice(2)}`}></${t}>`,
        );
        await until(() => !el.shadowRoot!.querySelector('[part~="loading"]') && el.shadowRoot!.childElementCount > 0, `${tag} ready`);
        await el.updateComplete;
        widen(el.shadowRoot!);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(cutOff(el.shadowRoot!), 'text cut off').to.deep.equal([]);
        if (width === 320) expect(sticksOut(el), 'sideways').to.deep.equal([]);
      });
    }
  });
}
