import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/business-plan-outline/business-plan-outline.js';
import type { MipymeBusinessPlanOutline } from '../../src/business-plan-outline/business-plan-outline.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import type { MipymePlanChangeEvent, MipymeToolOpenEvent } from '../../src/shared/events.js';
import { expectAccessible } from '../helpers/a11y.js';
import { blockStorage, fillStorage } from '../helpers/storage-faults.js';
import { until } from '../helpers/until.js';
import { markdown, printable } from '../../src/business-plan-outline/parts.js';

type Json = Record<string, any>;
const PLANS_KEY = `${STORAGE_PREFIX}business-plan.plans`;

async function minimal(): Promise<Json> {
  const response = await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url));
  return (await response.json()) as Json;
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  Array.from(shadow(el).querySelectorAll<T>(selector));

async function outlineWidget(): Promise<MipymeBusinessPlanOutline> {
  return fixture<MipymeBusinessPlanOutline>(
    html`<mipyme-business-plan-outline .data=${await minimal()} country="SV"></mipyme-business-plan-outline>`,
  );
}

async function answer(el: MipymeBusinessPlanOutline, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, 'textarea');
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

function blockNavigation(event: Event) {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
}

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
});
after(() => {
  document.removeEventListener('click', blockNavigation);
  localStorage.removeItem(PLANS_KEY);
});
beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  localStorage.removeItem(PLANS_KEY);
});

describe('<mipyme-business-plan-outline>: states', () => {
  it('loading: accessible', async () => {
    const el = await fixture(html`<mipyme-business-plan-outline feed="/__feed/hang?k=${Math.random()}"></mipyme-business-plan-outline>`);
    expect($(el, '[part="loading"]')).to.exist;
    await expectAccessible(el);
  });

  it('error: accessible, with a retry', async () => {
    const el = await fixture(html`<mipyme-business-plan-outline feed="/__feed/server-error?k=${Math.random()}"></mipyme-business-plan-outline>`);
    await oneEvent(el, 'mipyme-feed-error');
    await (el as MipymeBusinessPlanOutline).updateComplete;
    expect($(el, '[part="error"] button')).to.exist;
    await expectAccessible(el);
  });

  it('ready: the outline with its sections, questions and progress, accessible', async () => {
    const el = await outlineWidget();
    // What is seen ("0/1") and what is said ("0 de 1 respondidas", the figures hidden from screen readers).
    const seen = (b: Element) => Array.from(b.querySelectorAll(':scope > span:not(.visually-hidden)')).map((s) => s.textContent!.trim()).join(' ');
    expect($$(el, 'nav button').map(seen)).to.deep.equal(['1. Su idea 0/1', '1.1. Clientes']);
    const count = $(el, 'nav button .count');
    expect(count.getAttribute('aria-hidden')).to.equal('true');
    expect(count.nextElementSibling!.matches('.visually-hidden')).to.equal(true);
    expect(count.nextElementSibling!.textContent).to.equal('0 de 1 respondidas');
    expect($(el, '#section-title').textContent).to.equal('1. Su idea');
    expect($(el, '.question label').textContent).to.equal('¿Qué vende?');
    expect($(el, '[part="progress"] label').textContent).to.contain('0 de 1 preguntas respondidas (0 %)');
    await expectAccessible(el);
  });

  it('ready on the sample feed: three outlines to choose from, accessible', async () => {
    const el = await fixture<MipymeBusinessPlanOutline>(
      html`<mipyme-business-plan-outline feed="/demo/feed.json" country="GT"></mipyme-business-plan-outline>`,
    );
    await oneEvent(el, 'mipyme-feed-load');
    await el.updateComplete;
    expect($$(el, '#new-plan option').length).to.equal(4);
    expect($$(el, 'nav button').length).to.be.greaterThan(8);
    await expectAccessible(el);
  });
});

describe('<mipyme-business-plan-outline>: writing', () => {
  it('saves each answer, updates the progress, and tells the page the figures only', async () => {
    const el = await outlineWidget();
    const changed = oneEvent(el, 'mipyme-plan-change') as Promise<MipymePlanChangeEvent>;
    await answer(el, 'Pupusas y refrescos');
    const event = await changed;
    expect(event.detail).to.include({ answered: 1, total: 1, percent: 100, outlineId: 'short', sectionId: 'idea' });
    expect(JSON.stringify(event.detail)).not.to.contain('Pupusas');
    expect($(el, '[part="progress"] label').textContent).to.contain('1 de 1 preguntas respondidas (100 %)');
    el.save();
    expect(localStorage.getItem(PLANS_KEY)).to.contain('Pupusas y refrescos');
    const again = await outlineWidget();
    expect($<HTMLTextAreaElement>(again, 'textarea').value).to.equal('Pupusas y refrescos');
  });

  it('says when it saved (the time as the country writes it, one full stop), and reminds to download only after 7 days', async () => {
    const el = await outlineWidget();
    const saved = () => $(el, '.saved').textContent!.replace(/\s+/g, ' ').trim();
    expect(saved()).not.to.contain('Descargue una copia');
    await answer(el, 'Pupusas');
    el.save();
    await el.updateComplete;
    expect(saved()).to.match(/^Guardado en este dispositivo a las \d{1,2}:\d{2}( [ap]\. m\.)?$/);
    // A plan started 8 days ago and never downloaded: the reminder.
    const stored = JSON.parse(localStorage.getItem(PLANS_KEY)!) as Json;
    stored['data']['plans'][0]['createdAt'] = Date.now() - 8 * 86_400_000;
    localStorage.setItem(PLANS_KEY, JSON.stringify(stored));
    const old = await outlineWidget();
    expect($(old, '.saved').textContent).to.contain('Descargue una copia de vez en cuando');
  });

  it('a second tab never overwrites newer text', async () => {
    const el = await outlineWidget();
    await answer(el, 'texto viejo');
    el.save();
    // Another tab writes a newer answer for the same question.
    const stored = JSON.parse(localStorage.getItem(PLANS_KEY)!) as Json;
    const plan = stored['data']['plans'][0];
    plan['answers']['idea/what'] = { text: 'texto nuevo de la otra pestaña', updatedAt: Date.now() + 60_000 };
    localStorage.setItem(PLANS_KEY, JSON.stringify(stored));
    // This tab saves again (an older edit elsewhere): the newer answer survives.
    const business = $<HTMLInputElement>(el, '#business');
    business.value = 'Comedor Doña Ana';
    business.dispatchEvent(new Event('change'));
    el.save();
    expect(localStorage.getItem(PLANS_KEY)).to.contain('texto nuevo de la otra pestaña');
    expect(localStorage.getItem(PLANS_KEY)).to.contain('Comedor Doña Ana');
  });

  it('moves between sections from the navigator and the pager, focus on the title', async () => {
    const el = await outlineWidget();
    $$<HTMLButtonElement>(el, 'nav button')[1]!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '#section-title').textContent).to.equal('1.1. Clientes');
    expect(shadow(el).activeElement).to.equal($(el, '#section-title'));
    expect($$(el, 'nav button')[1]!.getAttribute('aria-current')).to.equal('step');
    $<HTMLButtonElement>(el, '.pager button').click();
    await el.updateComplete;
    expect($(el, '#section-title').textContent).to.equal('1. Su idea');
  });

  it('links to the tools of a section and reports opening them', async () => {
    const el = await outlineWidget();
    const link = $<HTMLAnchorElement>(el, '.tools a');
    expect(link.rel).to.equal('noopener noreferrer');
    const opened = oneEvent(el, 'mipyme-tool-open') as Promise<MipymeToolOpenEvent>;
    link.click();
    expect((await opened).detail).to.include({ id: 'price-guide', widget: 'mipyme-business-plan-outline' });
  });
});

describe('<mipyme-business-plan-outline>: when the device cannot save', () => {
  it('says so and offers a download instead of losing the text', async () => {
    const el = await outlineWidget();
    const restore = fillStorage();
    try {
      await answer(el, 'texto importante');
      el.save();
      await el.updateComplete;
    } finally {
      restore();
    }
    const notice = $(el, '[part="notice"][role="alert"]');
    expect(notice.textContent).to.contain('no tiene espacio');
    expect(notice.querySelector('button')!.textContent!.trim()).to.equal('Descargar una copia');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('texto importante');
    await expectAccessible(el);
  });
});

describe('<mipyme-business-plan-outline>: when storage is blocked', () => {
  it('says so from the start, offers the download, and keeps the text on screen', async () => {
    const restore = blockStorage();
    try {
      const el = await outlineWidget();
      expect($(el, '[part="notice"]').textContent).to.contain('no permite');
      await answer(el, 'texto importante');
      el.save();
      await el.updateComplete;
      const alert = $(el, '[part="notice"][role="alert"]');
      expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Descargar una copia');
      expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('texto importante');
    } finally {
      restore();
    }
  });
});

describe('<mipyme-business-plan-outline>: the numbers of the cash-flow calculator', () => {
  it('the financial section can include a projection saved by the calculator', async () => {
    const { saveDrafts } = await import('../../src/cash-flow-calculator/drafts.js');
    saveDrafts({
      drafts: [
        {
          id: 'cf1',
          name: 'Flujo del comedor',
          createdAt: 1,
          updatedAt: 1,
          plan: {
            currency: 'USD', startMonth: '2027-01', months: 2, openingBalance: 0, safetyMinimum: 0,
            lines: [{ id: 'a', label: 'Ventas', flow: 'in', group: 'operations', preStart: 0, amounts: [100000, 120000] }],
          },
        },
      ],
      activeId: 'cf1',
    });
    try {
      const data = await minimal();
      data['planOutlines'][0]['sections'].push({ id: 'plan-financiero', title: 'Plan financiero', questions: [{ id: 'q', text: '¿Cuánto vende?' }] });
      const el = await fixture<MipymeBusinessPlanOutline>(html`<mipyme-business-plan-outline .data=${data} country="SV"></mipyme-business-plan-outline>`);
      $$<HTMLButtonElement>(el, 'nav button').find((b) => b.textContent!.includes('Plan financiero'))!.click();
      await el.updateComplete;
      const select = $<HTMLSelectElement>(el, '#cash-flow');
      select.value = 'cf1';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect($(el, '.section .hint[role="status"]').textContent).to.contain('Flujo del comedor');
      const markdown = await el.exportMarkdown();
      expect(markdown).to.contain('Flujo del comedor');
      expect(markdown).to.contain('$2,200.00');
    } finally {
      localStorage.removeItem(`${STORAGE_PREFIX}cash-flow.drafts`);
    }
  });
});

describe('<mipyme-business-plan-outline>: taking the plan out', () => {
  it('exportMarkdown() is the documented way to get the text', async () => {
    const el = await outlineWidget();
    await answer(el, 'Pupusas');
    const markdown = await el.exportMarkdown();
    expect(markdown).to.contain('Pupusas');
    expect(markdown).to.contain('¿Qué vende?');
  });

  it('prints a document built from text only', async () => {
    const el = await outlineWidget();
    await answer(el, '<img src=x onerror="window.__pwned=1">');
    // A same-origin frame stands in for the pop-up (its own document and CSSOM).
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow!;
    const doc = popup.document;
    let printed = 0;
    popup.print = () => void printed++;
    const original = window.open;
    window.open = () => popup;
    try {
      // The print code loads on first use: print() resolves once the document is printed.
      await el.print();
    } finally {
      window.open = original;
    }
    expect(printed).to.equal(1);
    expect(doc.querySelector('img')).to.equal(null);
    expect(doc.body.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(doc.querySelector('script')).to.equal(null);
    // Built with DOM calls and styled through the CSSOM: nothing a strict CSP refuses.
    expect(doc.querySelector('style')).to.equal(null);
    expect(doc.adoptedStyleSheets.length).to.equal(1);
    expect(popup.getComputedStyle(doc.querySelector('.answer')!).whiteSpace).to.equal('pre-wrap');
    expect(doc.documentElement.lang).to.equal('es');
    // The same document as the downloaded web page, element for element.
    const file = new DOMParser().parseFromString(await el.exportHtml(), 'text/html');
    const shape = (root: Element) =>
      Array.from(root.querySelectorAll('*')).map((node) => `${node.localName}.${node.className}#${node.id}:${node.childElementCount ? '' : node.textContent}`);
    expect(shape(doc.body)).to.deep.equal(shape(file.body));
    expect(doc.title).to.equal(file.title);
    frame.remove();
  });

  it('the web page and print load on first use: "Preparing…" meanwhile; if they cannot, the owner is told, nothing is lost, the next click works', async () => {
    const el = await outlineWidget();
    await answer(el, 'Pupusas');
    const button = (text: string) => $$<HTMLButtonElement>(el, '[part="actions"] button').find((b) => b.textContent!.trim() === text)!;
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return createObjectURL.call(URL, blob);
    };
    const real = await import('../../src/business-plan-outline/plan-print.js');
    let release = () => {};
    let fail = () => {};
    const restore = printable.useImporter(
      () => new Promise((resolve, reject) => ((release = () => resolve(real)), (fail = () => reject(new TypeError('Failed to fetch dynamically imported module'))))),
    );
    const warn = console.warn;
    console.warn = () => {};
    try {
      // While it loads: the button says so.
      const download = button('Descargar (página web)');
      download.click();
      await el.updateComplete;
      expect(download.getAttribute('aria-busy')).to.equal('true');
      expect(download.textContent!.trim()).to.equal('Preparando…');
      // It cannot be loaded: a message, no file, the answer still there.
      fail();
      await until(() => !!shadow(el).querySelector('[part="actions"] + [role="alert"]'), 'the message');
      expect($(el, '[part="actions"] + [role="alert"]').textContent).to.contain('No se pudo cargar esta parte de la herramienta');
      expect(download.hasAttribute('aria-busy')).to.equal(false);
      expect(blobs).to.have.length(0);
      expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Pupusas');
      const page = el.exportHtml();
      fail();
      expect(await page).to.equal('');
      // Print: the window it opened closes again.
      let closed = false;
      const original = window.open;
      window.open = () => ({ document: document.implementation.createHTMLDocument(''), close: () => (closed = true) }) as unknown as Window;
      try {
        const printing = el.print();
        fail();
        await printing;
      } finally {
        window.open = original;
      }
      expect(closed).to.equal(true);
      await expectAccessible(el);
      // The next click loads it and downloads the page.
      download.click();
      release();
      await until(() => blobs.length === 1, 'the download');
      expect(await blobs[0]!.text()).to.contain('Pupusas');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="actions"] + [role="alert"]')).to.equal(null);
      expect(await el.exportHtml()).to.contain('Pupusas');
    } finally {
      console.warn = warn;
      URL.createObjectURL = createObjectURL;
      restore();
    }
  });

  it('the text (Markdown) export loads on first use: busy, then a message if it cannot load, then the file on the next click', async () => {
    const el = await outlineWidget();
    await answer(el, 'Tamales');
    const button = () => $$<HTMLButtonElement>(el, '[part="actions"] button').find((b) => /Descargar \(texto\)|Preparando/.test(b.textContent!))!;
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return createObjectURL.call(URL, blob);
    };
    const real = await import('../../src/business-plan-outline/plan-markdown.js');
    let release = () => {};
    let fail = () => {};
    const restore = markdown.useImporter(
      () => new Promise((resolve, reject) => ((release = () => resolve(real)), (fail = () => reject(new TypeError('Failed to fetch dynamically imported module'))))),
    );
    const warn = console.warn;
    console.warn = () => {};
    try {
      button().click();
      await el.updateComplete;
      expect(button().getAttribute('aria-busy')).to.equal('true');
      expect(button().textContent!.trim()).to.equal('Preparando…');
      fail();
      await until(() => !!shadow(el).querySelector('[part="actions"] + [role="alert"]'), 'the message');
      expect(blobs).to.have.length(0);
      expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Tamales');
      const text = el.exportMarkdown();
      fail();
      expect(await text).to.equal('');
      button().click();
      release();
      await until(() => blobs.length === 1, 'the download');
      expect(await blobs[0]!.text()).to.contain('Tamales');
      expect(await el.exportMarkdown()).to.contain('Tamales');
    } finally {
      console.warn = warn;
      URL.createObjectURL = createObjectURL;
      restore();
    }
  });

  it('imports a plan file as a new plan; a bad file changes nothing', async () => {
    const el = await outlineWidget();
    await answer(el, 'mi respuesta');
    const input = $<HTMLInputElement>(el, 'input[type="file"]');
    const drop = async (content: string, done: () => boolean) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'plan.json', { type: 'application/json' }));
      input.files = data.files;
      input.dispatchEvent(new Event('change'));
      for (let i = 0; i < 200 && !done(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await el.updateComplete;
      }
    };
    await drop('nonsense', () => !!shadow(el).querySelector('[part="notice"]'));
    expect($(el, '[part="notice"]').textContent).to.contain('No se cambió nada');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('mi respuesta');
    const file = JSON.stringify({
      format: 'infomipyme-business-plan',
      version: 1,
      exportedAt: '2026-11-27T10:00:00.000Z',
      plan: {
        id: 'p1',
        outlineId: 'short',
        name: 'Plan del asesor',
        businessName: 'Tienda',
        answers: { 'idea/what': { text: 'respuesta importada', updatedAt: 1 } },
        createdAt: 1,
        updatedAt: 1,
      },
    });
    await drop(file, () => $$(el, '#plan option').some((o) => o.textContent === 'Plan del asesor'));
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('respuesta importada');
  });

  it('attributes map to properties', async () => {
    const el = await fixture<MipymeBusinessPlanOutline>(
      html`<mipyme-business-plan-outline outline="short" country="NI" theme="dark" feed="/x.json"></mipyme-business-plan-outline>`,
    );
    expect([el.outline, el.country, el.theme, el.feed]).to.deep.equal(['short', 'NI', 'dark', '/x.json']);
  });
});
