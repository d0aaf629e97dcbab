/**
 * "Take my plan to an advisor" (#12), in the finder: the card's "Enviarles mi plan" only when the
 * owner saved a plan or a projection on this device; the dialog shows what would be shared (the
 * list, the message word for word, the file) and sends nothing until she chooses a way.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/provider-finder/provider-finder.js';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import type { MipymeProviderOpenEvent } from '../../src/shared/events.js';
import { EMPTY_PLANS, savePlans, upsertPlan } from '../../src/business-plan-outline/plan-store.js';
import { newPlan, setAnswer } from '../../src/business-plan-outline/plan-core.js';
import { EMPTY_DRAFTS, saveDrafts, upsertDraft, type Draft } from '../../src/cash-flow-calculator/drafts.js';
import { until } from '../helpers/until.js';
import { expectAccessible } from '../helpers/a11y.js';
import { sendKeys } from '@web/test-runner-commands';
import { freshWidgets, spanishOnce } from '../helpers/fresh.js';

type Json = Record<string, any>;

async function feed(): Promise<Json> {
  const data = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Json;
  data['providers'][0]['email'] = 'asesoria@example.org';
  // A second provider with no WhatsApp and no e-mail.
  data['providers'].push({ id: 'quiet-centre', name: 'Centro Sin Contacto', kind: 'training', services: ['training'], countries: ['SV'] });
  return data;
}

const NOW = Date.UTC(2026, 10, 29, 12);

function savePlan(name = 'Plan para el banco', business = 'Pupusería Rosa'): void {
  let plan = newPlan({ id: 'p1', outlineId: 'short', name, businessName: business, now: NOW });
  plan = setAnswer(plan, 'idea', 'what', 'Pupusas de queso y frijol.', NOW);
  expect(savePlans(upsertPlan(EMPTY_PLANS, plan)).ok).to.equal(true);
}

function saveDraft(): void {
  const draft: Draft = {
    id: 'd1',
    name: 'Flujo 2027',
    createdAt: NOW,
    updatedAt: NOW,
    plan: {
      currency: 'USD',
      startMonth: '2027-01',
      months: 2,
      openingBalance: 0,
      safetyMinimum: 0,
      lines: [
        { id: 'sales', label: 'Ventas', flow: 'in', group: 'operations', preStart: 0, amounts: [100000, 120000] },
        { id: 'rent', label: 'Alquiler', flow: 'out', group: 'operations', preStart: 0, amounts: [30000, 30000] },
      ],
    },
  };
  expect(saveDrafts(upsertDraft(EMPTY_DRAFTS, draft)).ok).to.equal(true);
}

const shadow = (el: Element) => el.shadowRoot!;
const shareButtons = (el: Element) => Array.from(shadow(el).querySelectorAll<HTMLButtonElement>('[part="share-button"]'));
const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();
const dialog = (el: Element) => shadow(el).querySelector<HTMLDialogElement>('dialog')!;

async function finder(attrs: { withoutShare?: boolean } = {}): Promise<MipymeProviderFinder> {
  const el = await fixture<MipymeProviderFinder>(
    html`<mipyme-provider-finder .data=${await feed()} country="SV" ?without-share=${attrs.withoutShare ?? false}></mipyme-provider-finder>`,
  );
  await until(() => shadow(el).querySelectorAll('[part="item"]').length === 2, 'the providers');
  return el;
}

async function openShare(el: MipymeProviderFinder, providerId = 'example-centre'): Promise<HTMLButtonElement> {
  const button = shareButtons(el).find((b) => b.dataset['provider'] === providerId)!;
  button.click();
  await until(() => dialog(el).open && shadow(el).querySelector('#share-title') !== null, 'the share dialog');
  return button;
}

before(spanishOnce);

beforeEach(freshWidgets);

after(() => localStorage.clear());

describe('"Enviarles mi plan" on the cards', () => {
  it('not there when nothing is saved on this device', async () => {
    const el = await finder();
    expect(shareButtons(el)).to.have.length(0);
  });

  it('on every card once a plan or a projection is saved; not with without-share', async () => {
    saveDraft();
    const el = await finder();
    expect(shareButtons(el).map((b) => [text(b), b.getAttribute('aria-label')])).to.deep.equal([
      ['Enviarles mi plan', 'Enviarles mi plan: Centro de Ejemplo'],
      ['Enviarles mi plan', 'Enviarles mi plan: Centro Sin Contacto'],
    ]);
    const hidden = await finder({ withoutShare: true });
    expect(shareButtons(hidden)).to.have.length(0);
  });
});

describe('"Enviarles mi plan" with the calculator on the same page', () => {
  it('appears once the owner changes her projection there, without a reload', async () => {
    const data = await feed();
    const page = await fixture<HTMLElement>(html`<div>
      <mipyme-cash-flow-calculator .data=${data} country="SV"></mipyme-cash-flow-calculator>
      <mipyme-provider-finder .data=${data} country="SV"></mipyme-provider-finder>
    </div>`);
    const calculator = page.querySelector('mipyme-cash-flow-calculator')!;
    const el = page.querySelector<MipymeProviderFinder>('mipyme-provider-finder')!;
    await until(() => shadow(el).querySelectorAll('[part="item"]').length === 2, 'the providers');
    await until(() => shadow(calculator).querySelector('[data-pos="0:0"]') !== null, 'the grid');
    expect(shareButtons(el)).to.have.length(0);
    // The owner adds a line: a change of her projection.
    Array.from(shadow(calculator).querySelectorAll<HTMLButtonElement>('button')).find((b) => text(b) === '+ Entrada')!.click();
    await until(() => shareButtons(el).length === 2, 'the buttons');
  });
});

describe('the share dialog', () => {
  it('shows exactly what is shared, the message word for word and the file; nothing is sent on opening', async () => {
    savePlan();
    saveDraft();
    const el = await finder();
    const events: MipymeProviderOpenEvent[] = [];
    el.addEventListener('mipyme-provider-open', (e) => events.push(e));
    await openShare(el);
    expect(shadow(el).activeElement?.id).to.equal('share-title');
    expect(text(shadow(el).querySelector('#share-title'))).to.equal('Enviar mi plan a Centro de Ejemplo');
    expect(shadow(el).querySelector<HTMLSelectElement>('#share-plan')!.value).to.equal('p1');
    expect(shadow(el).querySelector<HTMLSelectElement>('#share-draft')!.value).to.equal('d1');
    expect(Array.from(shadow(el).querySelectorAll('.share-contents li')).map(text)).to.deep.equal([
      'Plan de negocio «Plan para el banco» (Pupusería Rosa): 1 de 1 preguntas respondidas',
      'Proyección de flujo de caja «Flujo 2027»: 2 meses desde enero de 2027',
      'No se comparte nada más de este dispositivo.',
    ]);
    const message = text(shadow(el).querySelector('[part="share-message"]'));
    expect(message.startsWith('Mi plan de negocio «Plan para el banco» (1 de 1 preguntas respondidas) y mi proyección de flujo de caja «Flujo 2027»: 2 meses desde enero de 2027.')).to.equal(true);
    expect(message).to.match(/ Le adjunto el archivo «para-asesor-pupuseria-rosa-\d{4}-\d{2}-\d{2}\.html»\.$/);
    const frame = shadow(el).querySelector<HTMLIFrameElement>('.share-file iframe')!;
    expect(frame.getAttribute('sandbox')).to.equal('');
    expect(frame.srcdoc).to.include('Preparado para Centro de Ejemplo');
    expect(frame.srcdoc).to.include('Pupusas de queso y frijol.');
    expect(frame.srcdoc).to.include('Proyección de flujo de caja');
    // The ways to send it: this provider has WhatsApp and e-mail; the message goes in the links.
    const whatsapp = shadow(el).querySelector<HTMLAnchorElement>('[part="share-actions"] a[href^="https://wa.me/"]')!;
    expect(whatsapp.href.startsWith('https://wa.me/50322000000?text=Mi%20plan%20de%20negocio')).to.equal(true);
    const mail = shadow(el).querySelector<HTMLAnchorElement>('[part="share-actions"] a[href^="mailto:"]')!;
    expect(mail.href.startsWith('mailto:asesoria@example.org?subject=Mi%20plan%20de%20negocio%20y%20mi%20flujo%20de%20caja%3A%20Pupuser%C3%ADa%20Rosa&body=')).to.equal(true);
    expect(events).to.have.length(0);
    await expectAccessible(el);
  });

  it('the owner chooses what goes: the preview follows; nothing chosen, nothing to send', async () => {
    savePlan();
    saveDraft();
    const el = await finder();
    await openShare(el);
    const plan = shadow(el).querySelector<HTMLSelectElement>('#share-plan')!;
    plan.value = '';
    plan.dispatchEvent(new Event('change'));
    await until(() => shadow(el).querySelectorAll('.share-contents li').length === 2, 'the projection alone');
    expect(Array.from(shadow(el).querySelectorAll('.share-contents li')).map(text)[0]).to.equal('Proyección de flujo de caja «Flujo 2027»: 2 meses desde enero de 2027');
    expect(shadow(el).querySelector<HTMLIFrameElement>('.share-file iframe')!.srcdoc).not.to.include('Pupusas de queso');
    const draft = shadow(el).querySelector<HTMLSelectElement>('#share-draft')!;
    draft.value = '';
    draft.dispatchEvent(new Event('change'));
    await until(() => shadow(el).querySelector('[part="share-empty"]') !== null, 'nothing chosen');
    expect(text(shadow(el).querySelector('[part="share-empty"]'))).to.equal('Elija un plan o un flujo de caja para enviar.');
    expect(shadow(el).querySelector('[part="share-actions"]')).to.equal(null);
  });

  it('"Descargar el archivo" saves the one file and says so to the page (never its content)', async () => {
    savePlan();
    saveDraft();
    const el = await finder();
    const events: MipymeProviderOpenEvent[] = [];
    el.addEventListener('mipyme-provider-open', (e) => events.push(e));
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    const downloads: string[] = [];
    const onClick = (e: Event) => {
      const link = e.target as HTMLAnchorElement;
      if (link.download) {
        downloads.push(link.download);
        e.preventDefault();
      }
    };
    shadow(el).addEventListener('click', onClick, true);
    try {
      await openShare(el);
      const button = Array.from(shadow(el).querySelectorAll<HTMLButtonElement>('[part="share-actions"] button')).find((b) => text(b) === 'Descargar el archivo')!;
      button.click();
    } finally {
      URL.createObjectURL = original;
      shadow(el).removeEventListener('click', onClick, true);
    }
    expect(downloads).to.have.length(1);
    expect(downloads[0]).to.match(/^para-asesor-pupuseria-rosa-\d{4}-\d{2}-\d{2}\.html$/);
    expect(blobs).to.have.length(1);
    const file = await blobs[0]!.text();
    expect(file.startsWith('<!doctype html>')).to.equal(true);
    expect(file).to.include('Pupusas de queso y frijol.');
    expect(events.map((e) => e.detail)).to.deep.equal([
      { widget: 'mipyme-provider-finder', action: 'share', itemId: 'example-centre', country: 'SV', id: 'example-centre', channel: 'download' },
    ]);
  });

  it('a provider with no WhatsApp or e-mail: download only, and the dialog says why', async () => {
    saveDraft();
    const el = await finder();
    await openShare(el, 'quiet-centre');
    expect(shadow(el).querySelectorAll('[part="share-actions"] a')).to.have.length(0);
    expect(text(shadow(el).querySelector('[part="share-actions"] + .meta'))).to.equal(
      'Centro Sin Contacto no tiene WhatsApp ni correo en este directorio: descargue el archivo y lléveselo, o envíelo por su cuenta.',
    );
  });

  it('what the owner typed is shown as text, never as markup', async () => {
    savePlan('<img src=x onerror="window.hacked=1">', '"><script>window.hacked=1</script>');
    const el = await finder();
    await openShare(el);
    expect(shadow(el).querySelector('dialog img, dialog script')).to.equal(null);
    expect(text(shadow(el).querySelector('#share-plan option[value="p1"]'))).to.include('<img src=x onerror="window.hacked=1">');
    const srcdoc = shadow(el).querySelector<HTMLIFrameElement>('.share-file iframe')!.srcdoc;
    expect(srcdoc).not.to.include('<script>window');
    expect(srcdoc).not.to.include('<img src=x');
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('Escape closes it and the focus goes back to the card\'s button', async () => {
    saveDraft();
    const el = await finder();
    const button = await openShare(el);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open, 'the dialog closed');
    expect(shadow(el).activeElement).to.equal(button);
    // Opening the details afterwards shows the details, not the share view.
    shadow(el).querySelector<HTMLButtonElement>('button[data-provider="example-centre"].name-button')!.click();
    await until(() => dialog(el).open && shadow(el).querySelector('#details-title') !== null, 'the details');
    expect(shadow(el).querySelector('#share-title')).to.equal(null);
  });

  it('Tab stays in the dialog: from its last control back to its first', async () => {
    saveDraft();
    const el = await finder();
    await openShare(el);
    const close = Array.from(shadow(el).querySelectorAll<HTMLButtonElement>('.dialog-actions button')).at(-1)!;
    close.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('share-draft');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadow(el).activeElement).to.equal(close);
  });

  it('nothing saved any more (cleared in another tab): the dialog says how to start', async () => {
    saveDraft();
    const el = await finder();
    localStorage.clear();
    await openShare(el);
    expect(text(shadow(el).querySelector('[part="share-empty"]'))).to.equal(
      'Todavía no hay un plan de negocio ni un flujo de caja guardado en este dispositivo. Empiece uno con las herramientas de plan de negocio o de flujo de caja de este sitio y vuelva aquí para enviarlo.',
    );
    await expectAccessible(el);
  });
});
