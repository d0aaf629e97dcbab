/**
 * The business-plan outline audited end to end (issue #10): its main task — go to a section,
 * answer it, print the plan — by keyboard alone from the control before the widget, with a visible
 * focus at every stop and no trap; the focus kept or put back in a sensible place whenever
 * something opens, closes or re-renders; axe with every disclosure, form, notice and message of
 * the plan shown, light and dark, at 320 px and 1280 px, and nothing sideways at 320 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/business-plan-outline/business-plan-outline.js';
import type { MipymeBusinessPlanOutline } from '../../src/business-plan-outline/business-plan-outline.element.js';
import { markdown, printable } from '../../src/business-plan-outline/parts.js';
import { saveDrafts } from '../../src/cash-flow-calculator/drafts.js';
import { resetFeeds } from '../../src/feed/load.js';
import { initLocalization } from '../../src/shared/locale.js';
import { reportViolations, sticksOut, violationsSeen } from '../helpers/a11y.js';
import { blockNavigation, focused, tabTo, visibleFocus } from '../helpers/keyboard.js';
import { blockStorage, fillStorage } from '../helpers/storage-faults.js';
import { until } from '../helpers/until.js';

const key = () => `pl${Math.random().toString(36).slice(2)}`;
const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => Array.from(shadow(el).querySelectorAll<T>(selector));
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The widget's button whose visible text is `label`. */
const buttonNamed = (label: string) => (element: Element) => element.localName === 'button' && text(element) === label;

interface Page {
  readonly el: MipymeBusinessPlanOutline;
  readonly before: HTMLButtonElement;
  readonly after: HTMLButtonElement;
}

/** The plan on the sample feed between two page buttons, once its first section is on screen. */
async function planPage(theme = 'light', feed = `/__feed/sample?k=${key()}`): Promise<Page> {
  const container = await fixture<HTMLElement>(html`<div>
    <button id="before">Antes</button>
    <mipyme-business-plan-outline country="SV" theme=${theme} feed=${feed}></mipyme-business-plan-outline>
    <button id="after">Después</button>
  </div>`);
  const el = container.querySelector<MipymeBusinessPlanOutline>('mipyme-business-plan-outline')!;
  if (feed.includes('/sample')) await until(() => !!el.shadowRoot?.querySelector('#section-title'), 'the plan');
  await el.updateComplete;
  return { el, before: container.querySelector<HTMLButtonElement>('#before')!, after: container.querySelector<HTMLButtonElement>('#after')! };
}

/** Press `key` on the focused control and wait for the widget to render what it did. */
async function press(el: MipymeBusinessPlanOutline, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

/**
 * Shift+Tab until `accept` holds, through tabTo (its visible-focus checks): Shift is held down
 * around its Tab presses (the runner's sendKeys has no "Shift+Tab" key to press).
 */
async function shiftTabTo(accept: (element: Element) => boolean, what: string, max = 60): Promise<Element> {
  await sendKeys({ down: 'Shift' });
  try {
    return await tabTo(accept, what, { max });
  } finally {
    await sendKeys({ up: 'Shift' });
  }
}

/** Select all the text of the focused field (Ctrl+A). */
async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
}

/** A same-origin frame standing in for the print pop-up (its own document), and what it printed. */
function printWindow(): { frame: HTMLIFrameElement; doc: () => Document; printed: () => number; restore: () => void } {
  const frame = document.createElement('iframe');
  frame.title = 'impresión';
  document.body.append(frame);
  const popup = frame.contentWindow!;
  let printed = 0;
  popup.print = () => void printed++;
  // A pop-up is another window: its focus() leaves this document's focused control as it is.
  popup.focus = () => {};
  const original = window.open;
  window.open = () => popup;
  return {
    frame,
    doc: () => popup.document,
    printed: () => printed,
    restore: () => {
      window.open = original;
      // Never leave the keyboard's focus in a frame about to go.
      if (document.activeElement === frame) frame.blur();
      frame.remove();
    },
  };
}

/** Choose `file` in the plan's file control, as the file chooser does. */
function chooseFile(el: MipymeBusinessPlanOutline, content: string): void {
  const input = $<HTMLInputElement>(el, 'input[type="file"]');
  const data = new DataTransfer();
  data.items.add(new File([content], 'plan.json', { type: 'application/json' }));
  input.files = data.files;
  input.dispatchEvent(new Event('change'));
}

/** The focus is inside the widget, on `what` (never lost to the page's <body>). */
function expectFocusOn(el: MipymeBusinessPlanOutline, accept: (element: Element) => boolean, what: string): void {
  const element = focused();
  expect(element, `focus lost (on <${element?.localName}>), expected ${what}`).not.to.equal(document.body);
  expect(element?.getRootNode(), `focus outside the widget, expected ${what}`).to.equal(shadow(el));
  expect(accept(element!), `focus on <${element!.localName} id="${element!.id}">${text(element)}, expected ${what}`).to.equal(true);
}

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
  await setViewport({ width: 1280, height: 900 });
});
after(async () => {
  document.removeEventListener('click', blockNavigation);
  await setViewport({ width: 800, height: 600 });
});
afterEach(() => {
  resetFeeds();
  localStorage.clear();
});

describe('plan, keyboard only', function () {
  this.timeout(30000);

  it('from the button before it: Tab to a section, Enter, type the answers, open and close an example, Tab to Print, Enter: the printed plan has the answer; Tab out past the widget and Shift+Tab back', async () => {
    const { el, before, after } = await planPage();
    before.focus();
    // The navigator: Tab to "2. La empresa", Enter: the section opens, the focus on its heading.
    await tabTo((element) => element.localName === 'button' && text(element).startsWith('2. La empresa'), 'the section "La empresa" in the navigator');
    await press(el, 'Enter');
    await until(() => focused()?.id === 'section-title', 'the focus on the new heading');
    expect(text(focused())).to.equal('2. La empresa');
    expect(visibleFocus(focused()!), 'the heading shows its focus').to.equal(true);
    // Answer: Tab to the first question, type; Tab to the next, type.
    const first = await tabTo((element) => element.localName === 'textarea', 'the first question');
    await sendKeys({ type: 'Somos dos hermanas con diez años en la cocina.' });
    // The example under the first question: Enter opens it, Enter closes it, the focus stays.
    const summary = await tabTo((element) => element.localName === 'summary', 'the first example');
    const details = summary.parentElement as HTMLDetailsElement;
    await press(el, 'Enter');
    expect(details.open, 'the example opens').to.equal(true);
    expect(focused()).to.equal(summary);
    await press(el, ' ');
    expect(details.open, 'the example closes').to.equal(false);
    expect(focused()).to.equal(summary);
    const second = await tabTo((element) => element.localName === 'textarea', 'the second question');
    expect(second).not.to.equal(first);
    await sendKeys({ type: 'Empresa individual inscrita.' });
    await until(() => text($(el, '[part="progress"] label')).startsWith('2 de'), 'the progress');
    // Print: the document in the print window carries what was typed; the focus comes back to Print.
    const print = printWindow();
    try {
      await tabTo(buttonNamed('Imprimir'), 'Print');
      await sendKeys({ press: 'Enter' });
      await until(() => print.printed() === 1, 'the print dialog');
      const body = text(print.doc().body);
      expect(body).to.contain('Somos dos hermanas con diez años en la cocina.');
      expect(body).to.contain('Empresa individual inscrita.');
      expect(body).to.contain('La empresa');
      await el.updateComplete;
      expectFocusOn(el, buttonNamed('Imprimir'), 'Print, after printing');
    } finally {
      print.restore();
    }
    // No trap: Tab leaves the widget past its last control, Shift+Tab comes back to it.
    await tabTo((element) => element === after, 'the button after the widget');
    const last = await shiftTabTo((element) => element.getRootNode() === shadow(el), 'the widget, backwards', 3);
    expect((last as HTMLInputElement).type).to.equal('checkbox');
  });

  it('the pager moves to the next and previous sections, the focus on the new heading each time', async () => {
    const { el, before } = await planPage();
    before.focus();
    await tabTo((element) => element.localName === 'button' && text(element).startsWith('La empresa'), 'the next-section button');
    await press(el, 'Enter');
    await until(() => text(focused()) === '2. La empresa', 'the heading of the next section');
    await tabTo((element) => element.localName === 'button' && text(element).includes('Resumen ejecutivo') && !!element.closest('.pager'), 'the previous-section button');
    await press(el, 'Enter');
    await until(() => text(focused()) === '1. Resumen ejecutivo', 'the heading of the previous section');
    expect(focused()?.id).to.equal('section-title');
  });
});

describe('plan, focus after things open, close and re-render', function () {
  this.timeout(30000);

  it('rename: the field gets the focus; saving, Cancel and Escape bring it back to Rename; an empty name is an error tied to the field', async () => {
    const { el, before } = await planPage();
    before.focus();
    await tabTo(buttonNamed('Cambiar nombre'), 'Rename');
    await press(el, 'Enter');
    expectFocusOn(el, (element) => element.id === 'plan-name', 'the name field');
    await selectAll();
    await sendKeys({ type: 'Plan para el banco' });
    await press(el, 'Enter');
    expectFocusOn(el, buttonNamed('Cambiar nombre'), 'Rename, after saving');
    expect(text($(el, '#plan option:checked'))).to.equal('Plan para el banco');
    // Escape cancels.
    await press(el, 'Enter');
    await sendKeys({ type: ' viejo' });
    await press(el, 'Escape');
    expectFocusOn(el, buttonNamed('Cambiar nombre'), 'Rename, after Escape');
    expect(text($(el, '#plan option:checked'))).to.equal('Plan para el banco');
    // Cancel.
    await press(el, 'Enter');
    await tabTo(buttonNamed('Cancelar'), 'Cancel');
    await press(el, 'Enter');
    expectFocusOn(el, buttonNamed('Cambiar nombre'), 'Rename, after Cancel');
    // An empty name: a message tied to the field, which keeps the focus.
    await press(el, 'Enter');
    await selectAll();
    await sendKeys({ press: 'Backspace' });
    await press(el, 'Enter');
    expectFocusOn(el, (element) => element.id === 'plan-name', 'the name field, with its error');
    const field = focused() as HTMLInputElement;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const error = $(el, `#${field.getAttribute('aria-describedby')!.split(' ')[0]}`);
    // (The English source until locales/es.xlf has the new message.)
    expect(text(error)).to.match(/^(Escriba un nombre para el plan|Enter a name for the plan)\.$/);
    await press(el, 'Escape');
    expectFocusOn(el, buttonNamed('Cambiar nombre'), 'Rename, after Escape');
    expect(text($(el, '#plan option:checked'))).to.equal('Plan para el banco');
  });

  it('delete asks first: cancelled or done, the focus stays on Delete, and a deletion is said', async () => {
    const { el, before } = await planPage();
    const original = window.confirm;
    let answer = false;
    let asked = '';
    window.confirm = (question?: string) => ((asked = question ?? ''), answer);
    try {
      before.focus();
      await tabTo(buttonNamed('Duplicar'), 'Duplicate');
      await press(el, 'Enter');
      expectFocusOn(el, buttonNamed('Duplicar'), 'Duplicate, after duplicating');
      const copy = text($(el, '#plan option:checked'));
      expect(copy).to.contain('(copia)');
      expect(text($(el, '.notices [role="status"]'))).to.contain(copy);
      await tabTo(buttonNamed('Borrar'), 'Delete');
      await press(el, 'Enter');
      expect(asked).to.contain(copy);
      expectFocusOn(el, buttonNamed('Borrar'), 'Delete, after cancelling');
      expect($$(el, '#plan option')).to.have.length(2);
      answer = true;
      await press(el, 'Enter');
      expectFocusOn(el, buttonNamed('Borrar'), 'Delete, after deleting');
      expect($$(el, '#plan option')).to.have.length(1);
      expect(text($(el, '.notices [role="status"]'))).to.contain(copy);
    } finally {
      window.confirm = original;
    }
  });

  it('choosing another plan or starting a new one keeps the focus on the list', async () => {
    const { el, before } = await planPage();
    before.focus();
    const list = await tabTo((element) => element.id === 'new-plan', 'New plan');
    // Arrows on the closed list only browse it: no plan is started per key.
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowUp');
    expect((list as HTMLSelectElement).value, 'the outline shown').to.not.equal('');
    expect($$(el, '#plan option').length, 'no plan started by the arrows').to.equal(1);
    await press(el, 'Enter');
    await until(() => $$(el, '#plan option').length === 2, 'the new plan');
    expect(focused() === list, 'the focus stays on the list').to.equal(true);
    expect((list as HTMLSelectElement).value).to.equal('');
    // The button next to it starts the one shown, once.
    await press(el, 'ArrowDown');
    const create = await tabTo((element) => element.id === 'new-plan-create', 'Create', { max: 1 });
    await press(el, 'Enter');
    await until(() => $$(el, '#plan option').length === 3, 'the second new plan');
    expect(focused() === create, 'the focus stays on Create').to.equal(true);
    const plans = await shiftTabTo((element) => element.id === 'plan', 'the plan list');
    const was = (plans as HTMLSelectElement).value;
    await press(el, 'ArrowUp');
    await until(() => $<HTMLSelectElement>(el, '#plan').value !== was, 'the other plan');
    expectFocusOn(el, (element) => element.id === 'plan', 'the plan list');
  });

  it('an export in progress keeps the focus on its button, busy, then done or failed', async () => {
    const { el, before } = await planPage();
    const real = await import('../../src/business-plan-outline/plan-print.js');
    let release = () => {};
    let fail = () => {};
    const restore = printable.useImporter(
      () => new Promise((resolve, reject) => ((release = () => resolve(real)), (fail = () => reject(new TypeError('Failed to fetch dynamically imported module'))))),
    );
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), createObjectURL.call(URL, blob));
    const warn = console.warn;
    console.warn = () => {};
    try {
      before.focus();
      const button = await tabTo(buttonNamed('Descargar (página web)'), 'Download (web page)');
      await press(el, 'Enter');
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expectFocusOn(el, (element) => element === button, 'the busy button');
      fail();
      await until(() => !!shadow(el).querySelector('[part="actions"] + [role="alert"]'), 'the failure');
      expectFocusOn(el, (element) => element === button, 'the button, after the failure');
      await press(el, 'Enter');
      release();
      await until(() => blobs.length === 1, 'the download');
      await el.updateComplete;
      expectFocusOn(el, (element) => element === button, 'the button, after the download');
      expect(button.hasAttribute('aria-busy')).to.equal(false);
    } finally {
      console.warn = warn;
      URL.createObjectURL = createObjectURL;
      restore();
    }
  });

  it('a blocked print window: the focus stays on Print, and the message says what to do', async () => {
    const { el, before } = await planPage();
    const original = window.open;
    window.open = () => null;
    try {
      before.focus();
      await tabTo(buttonNamed('Imprimir'), 'Print');
      await press(el, 'Enter');
      expectFocusOn(el, buttonNamed('Imprimir'), 'Print');
      expect(text($(el, '.notices'))).to.contain('ventanas emergentes');
    } finally {
      window.open = original;
    }
  });

  it('import: the file control shows its focus on its visible button, keeps the focus after the file is read, and the result is said', async () => {
    const { el, before } = await planPage();
    before.focus();
    const input = await tabTo((element) => (element as HTMLInputElement).type === 'file', 'Open a copy (file)');
    const label = input.closest('label')!;
    expect(visibleFocus(label), 'the visible button around the file control shows the focus').to.equal(true);
    chooseFile(el, 'nonsense');
    await until(() => text($(el, '.notices')).includes('No se cambió nada'), 'the error');
    expectFocusOn(el, (element) => element === input, 'the file control, after a bad file');
    expect($(el, '.notices [role="alert"]')).to.exist;
    const plan = JSON.stringify({
      format: 'infomipyme-business-plan',
      version: 1,
      exportedAt: '2026-11-27T10:00:00.000Z',
      plan: { id: 'p1', outlineId: 'plan-tradicional', name: 'Plan del asesor', businessName: 'Tienda', answers: {}, createdAt: 1, updatedAt: 1 },
    });
    chooseFile(el, plan);
    await until(() => text($(el, '#plan option:checked')) === 'Plan del asesor', 'the imported plan');
    await el.updateComplete;
    expectFocusOn(el, (element) => element === input, 'the file control, after the import');
    expect(text($(el, '.notices [role="status"]'))).to.contain('Plan del asesor');
  });

  it('a feed retry that replaces the focused button puts the focus on the plan, never on <body>', async () => {
    const k = key();
    await fetch(`/__feed/mode?k=${k}&m=down`);
    const { el, before } = await planPage('light', `/__feed/switch?k=${k}`);
    await until(() => !!el.shadowRoot?.querySelector('[part="error"] button'), 'the error view');
    before.focus();
    await tabTo(buttonNamed('Intentar de nuevo'), 'Try again');
    await fetch(`/__feed/mode?k=${k}&m=ok`);
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.shadowRoot?.querySelector('#section-title'), 'the plan');
    await el.updateComplete;
    expectFocusOn(el, (element) => element.id === 'section-title' || element.classList.contains('base'), 'the plan');
  });
});

/** Every disclosure open, answers typed, the cash-flow projection chosen, and each message shown. */
async function everythingOpen(el: MipymeBusinessPlanOutline): Promise<void> {
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
  $$<HTMLButtonElement>(el, 'nav button').find((b) => text(b).startsWith('8.3.'))!.click();
  await el.updateComplete;
  for (const area of $$<HTMLTextAreaElement>(el, 'textarea')) {
    area.value = 'Enero y febrero son los meses flojos.';
    area.dispatchEvent(new Event('input'));
  }
  const select = $<HTMLSelectElement>(el, '#cash-flow');
  select.value = 'cf1';
  select.dispatchEvent(new Event('change'));
  for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
  // A file that is not a plan: its message.
  chooseFile(el, 'nonsense');
  await until(() => text($(el, '.notices')).includes('No se cambió nada'), 'the import message');
  // A full device: its alert and download button.
  const restore = fillStorage();
  try {
    el.save();
  } finally {
    restore();
  }
  await el.updateComplete;
  expect($(el, '.section .hint[role="status"]'), 'the projection chosen').to.exist;
  expect($(el, '[part="notice"][role="alert"]'), 'the storage alert').to.exist;
}

for (const width of [320, 1280]) {
  for (const theme of ['light', 'dark']) {
    describe(`plan, axe with everything open: ${width} px, ${theme}`, function () {
      this.timeout(60000);
      before(async () => {
        await setViewport({ width, height: 900 });
      });
      after(async () => {
        await setViewport({ width: 1280, height: 900 });
      });

      const check = async (el: MipymeBusinessPlanOutline, state: string) => {
        const violations = await violationsSeen(el);
        expect(violations, `${state}: ${reportViolations(violations)}`).to.deep.equal([]);
        if (width === 320) expect(sticksOut(el), `${state}: sideways at 320 px`).to.deep.equal([]);
      };

      it('answers, examples, the projection, an import message, the storage alert, an export busy and one failed', async () => {
        const { el } = await planPage(theme);
        await everythingOpen(el);
        await check(el, 'everything open');
        // One export busy, another failed.
        const realPrint = await import('../../src/business-plan-outline/plan-print.js');
        let fail = () => {};
        let release = () => {};
        const restoreMarkdown = markdown.useImporter(() => new Promise((_resolve, reject) => (fail = () => reject(new TypeError('offline')))));
        const restorePrint = printable.useImporter(() => new Promise((resolve) => (release = () => resolve(realPrint))));
        const warn = console.warn;
        console.warn = () => {};
        try {
          // "Download (web page)" waits for its part; meanwhile the text export fails.
          $$<HTMLButtonElement>(el, '[part="actions"] button').find((b) => text(b) === 'Descargar (página web)')!.click();
          const markdownDone = el.exportMarkdown();
          fail();
          await markdownDone;
          await el.updateComplete;
          expect($(el, '[part="actions"] [aria-busy="true"]'), 'a busy button').to.exist;
          expect($(el, '[part="actions"] + [role="alert"]'), 'the failure').to.exist;
          await check(el, 'an export busy, one failed');
          release();
          await until(() => !shadow(el).querySelector('[part="actions"] [aria-busy]'), 'the download');
        } finally {
          console.warn = warn;
          restoreMarkdown();
          restorePrint();
        }
      });

      it('the rename form, with its error message, on a device that cannot save', async () => {
        const restore = blockStorage();
        try {
          const { el } = await planPage(theme);
          $$<HTMLButtonElement>(el, '[part="header"] button').find((b) => text(b) === 'Cambiar nombre')!.click();
          await el.updateComplete;
          await check(el, 'rename open');
          $<HTMLInputElement>(el, '#plan-name').value = '  ';
          $<HTMLFormElement>(el, '[part="header"] form').requestSubmit();
          await el.updateComplete;
          expect($(el, '#plan-name').getAttribute('aria-invalid')).to.equal('true');
          expect(text($(el, '.notices'))).to.contain('no permite');
          await check(el, 'rename with its error');
        } finally {
          restore();
        }
      });
    });
  }
}

describe('plan, names', () => {
  it('the section counts are said in words inside the navigator buttons, not as "0/3"', async () => {
    const { el } = await planPage();
    const button = $$<HTMLButtonElement>(el, 'nav button')[1]!;
    const hidden = button.querySelector('.visually-hidden');
    expect(text(hidden)).to.equal('0 de 3 respondidas');
    expect(button.querySelector('.count')!.getAttribute('aria-hidden')).to.equal('true');
    // No aria-label on a plain <span> (screen readers ignore it there).
    expect($$(el, 'span[aria-label]')).to.deep.equal([]);
  });
});
