/**
 * The host page cannot break the widgets. Each widget is rendered on a clean page
 * and again under a partner page's CSS — Bootstrap 5, Tailwind's preflight, a theme
 * with `html { font-size: 62.5% }`, and hostile global rules — and must look the
 * same (every element inside: box size, font, line height, case, display, colour)
 * and still work.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';

type Json = Record<string, unknown>;

const HOSTS: Record<string, { href?: string; text?: string }> = {
  'Bootstrap 5': { href: '/node_modules/bootstrap/dist/css/bootstrap.min.css' },
  "Tailwind's preflight": { href: '/node_modules/tailwindcss/preflight.css' },
  'html { font-size: 62.5% }': { text: 'html { font-size: 62.5%; } body { font-size: 1.4rem; }' },
  'hostile global rules': {
    // (The host element's own box — margin, padding, border — is the page's layout to decide.)
    text: `* { line-height: 0.5 !important; text-transform: uppercase; letter-spacing: 3px; font-family: serif;
             color: magenta; word-spacing: 9px; font-size: 9px; font-weight: 900; text-align: right }
           button, input, select, textarea, a, svg, table, dialog, ul, li, h2, h3, p { display: none !important }
           body { font: italic 30px/3 cursive; white-space: pre; direction: ltr; visibility: visible }`,
  },
};

const WIDGETS = [
  'mipyme-toolbox-browser',
  'mipyme-cash-flow-calculator',
  'mipyme-business-plan-outline',
  'mipyme-provider-finder',
] as const;

let feed: Json;
const TEMPLATE = 'comedor';

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
}

async function addHostCss(css: { href?: string; text?: string }): Promise<HTMLElement> {
  if (css.href) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css.href;
    const loaded = new Promise((resolve, reject) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', () => reject(new Error(`could not load ${css.href}`)));
    });
    document.head.append(link);
    await loaded;
    return link;
  }
  const style = document.createElement('style');
  style.textContent = css.text ?? '';
  document.head.append(style);
  return style;
}

type Widget = HTMLElement & { updateComplete: Promise<boolean>; data?: unknown };

/** The widget in a container of fixed width (the page's own layout is not the widget's business). */
async function render(tag: (typeof WIDGETS)[number]): Promise<Widget> {
  clearDrafts();
  const wrapper = await fixture<HTMLDivElement>(html`<div class="host-box"></div>`);
  wrapper.style.setProperty('width', '760px', 'important');
  wrapper.style.setProperty('margin', '0', 'important');
  wrapper.style.setProperty('padding', '0', 'important');
  const el = document.createElement(tag) as Widget;
  el.setAttribute('country', 'GT');
  el.setAttribute('theme', 'light');
  if (tag === 'mipyme-cash-flow-calculator') el.setAttribute('template', TEMPLATE);
  el.data = feed;
  wrapper.append(el);
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
  return el;
}

const round = (n: number) => Math.round(n * 2) / 2;

/** What the widget looks like: every element of its shadow tree, in order. */
function look(el: HTMLElement): string[] {
  const rows: string[] = [];
  const hostBox = el.getBoundingClientRect();
  rows.push(`host ${round(hostBox.width)}×${round(hostBox.height)}`);
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    if (node instanceof HTMLStyleElement) continue;
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    rows.push(
      [
        node.localName,
        node.getAttribute('part') ?? node.className.toString(),
        `${round(box.width)}×${round(box.height)}`,
        style.display,
        style.fontSize,
        style.lineHeight,
        style.fontFamily,
        style.textTransform,
        style.letterSpacing,
        style.color,
        style.visibility,
      ].join(' '),
    );
  }
  return rows;
}

/** Something the widget is for, done by a user, with its visible effect. */
async function use(tag: (typeof WIDGETS)[number], el: Widget): Promise<void> {
  const root = el.shadowRoot!;
  const visible = (element: Element | null) => {
    expect(element, 'element').to.exist;
    const box = element!.getBoundingClientRect();
    expect(box.width * box.height, `${element!.localName} has a size`).to.be.greaterThan(0);
    expect(getComputedStyle(element!).display).not.to.equal('none');
  };
  if (tag === 'mipyme-toolbox-browser' || tag === 'mipyme-provider-finder') {
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    visible(input);
    const count = root.querySelector('[part="count"]')!;
    const before = count.textContent;
    input.focus();
    await sendKeys({ type: 'zzzqqq' });
    await el.updateComplete;
    expect(count.textContent).not.to.equal(before);
  } else if (tag === 'mipyme-cash-flow-calculator') {
    const cell = root.querySelector<HTMLElement>('.amount[data-row="0"][data-col="1"]');
    visible(cell);
    const summary = root.querySelector('[part="summary"]')!.textContent;
    cell!.click();
    await el.updateComplete;
    const input = cell!.querySelector('input');
    visible(input);
    input!.select();
    await sendKeys({ type: '987654' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.querySelector('[part="summary"]')!.textContent).not.to.equal(summary);
  } else {
    const answer = root.querySelector<HTMLTextAreaElement>('textarea')!;
    visible(answer);
    answer.focus();
    await sendKeys({ type: 'Vendemos pupusas' });
    await el.updateComplete;
    expect(answer.value).to.equal('Vendemos pupusas');
  }
}

describe('the host page cannot break the widgets', () => {
  before(async () => {
    await initLocalization('es');
    feed = (await (await fetch('/demo/feed.json')).json()) as Json;
  });
  afterEach(clearDrafts);

  for (const [host, css] of Object.entries(HOSTS)) {
    for (const tag of WIDGETS) {
      it(`${tag} under ${host}: same look, still works`, async () => {
        const clean = look(await render(tag));
        const sheet = await addHostCss(css);
        try {
          const el = await render(tag);
          const hosted = look(el);
          const changed = hosted.filter((row, i) => row !== clean[i]).slice(0, 5);
          expect(hosted.length, 'elements').to.equal(clean.length);
          expect(changed, `first differences (clean: ${clean.filter((row, i) => row !== hosted[i]).slice(0, 5).join(' | ')})`).to.deep.equal([]);
          await use(tag, el);
        } finally {
          sheet.remove();
        }
      });
    }
  }
});
