/**
 * "Take my plan to an advisor" (#12): the file, the summary, the preview lines and the links,
 * built from a plan and/or a saved projection. The page is in English (the source texts), except
 * in the last block, which checks that the moved extract still finds its Spanish strings.
 */
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse.js';
import type { PlanOutline, Provider } from '../../src/feed/schema.js';
import type { Draft } from '../../src/cash-flow-calculator/drafts.js';
import type { CashFlowPlan } from '../../src/cash-flow-calculator/projection.js';
import type { Answers, PlanDocument } from '../../src/business-plan-outline/plan-core.js';
import { PLAN_HTML_CSS } from '../../src/business-plan-outline/plan-html.js';
import { cashFlowExtract, cashFlowHeadline } from '../../src/business-plan-outline/cash-flow-extract.js';
import {
  buildSharePackage,
  shareLinks,
  SHARE_LINK_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  type ShareChoice,
  type ShareContext,
  type SharePackage,
} from '../../src/provider-finder/advisor-share.js';
import { formatMoney } from '../../src/shared/format.js';
import { initLocalization } from '../../src/shared/locale.js';
import { q, section } from '../helpers/outline.js';

// ------------------------------------------------------------ fixtures

const NOW = Date.UTC(2026, 10, 29, 12); // 29 November 2026, noon UTC: the 29th in every time zone of the region
const DAY = '2026-11-29';


/** 6 questions; the financial plan is section 3. */
const outline: PlanOutline = {
  id: 'corto',
  name: { es: 'Plan corto', en: 'Short plan' },
  kind: 'other',
  sections: [
    section('resumen', { es: 'Resumen', en: 'Summary' }, [q('idea', { es: '¿Qué vende?', en: 'What do you sell?' }), q('meta', 'How much do you need?')]),
    section('mercado', 'The market', [q('tamano', 'How many customers?')], [section('clientes', 'Your customers', [q('quien', 'Who are they?')])]),
    section('finanzas', 'Financial plan', [q('ventas', 'How much will you sell?'), q('costos', 'What will it cost?')]),
  ],
};

const answer = (text: string) => ({ text, updatedAt: 1 });
const planDoc = (extra: Partial<PlanDocument> = {}, answers: Answers = { 'resumen/idea': answer('Bread and pastries'), 'finanzas/ventas': answer('$900 a month') }): PlanDocument => ({
  id: 'p-1',
  outlineId: 'corto',
  name: 'Plan para el banco',
  businessName: 'Panadería Rosa',
  answers,
  createdAt: 1,
  updatedAt: 2,
  ...extra,
});

/** Opening $1,000.00; $1,000.00 in and $1,500.00 out a month: below zero in March, lowest −$5,000.00 in December. */
const shortPlan: CashFlowPlan = {
  currency: 'USD',
  startMonth: '2027-01',
  months: 12,
  openingBalance: 100000,
  safetyMinimum: 0,
  lines: [
    { id: 'ventas', label: 'Ventas', flow: 'in', group: 'operations', preStart: 0, amounts: Array<number>(12).fill(100000) },
    { id: 'costos', label: 'Costos', flow: 'out', group: 'operations', preStart: 0, amounts: Array<number>(12).fill(150000) },
  ],
};
/** Always enough: opening $1,000.00, $500.00 in and $200.00 out a month. */
const healthyPlan: CashFlowPlan = {
  ...shortPlan,
  months: 3,
  lines: [
    { id: 'ventas', label: 'Ventas', flow: 'in', group: 'operations', preStart: 0, amounts: [50000, 50000, 50000] },
    { id: 'costos', label: 'Costos', flow: 'out', group: 'operations', preStart: 0, amounts: [20000, 20000, 20000] },
  ],
};

const draft = (extra: Partial<Draft> = {}): Draft => ({ id: 'd-1', name: 'Flujo 2027', plan: shortPlan, createdAt: 1, updatedAt: 2, ...extra });

const context = (extra: Partial<ShareContext> = {}): ShareContext => ({ lang: 'en', locale: 'en-US', now: NOW, providerName: 'Centro Asesor', ...extra });

const build = (choice: ShareChoice, extra: Partial<ShareContext> = {}): SharePackage => {
  const pkg = buildSharePackage(choice, context(extra));
  if (pkg === undefined) throw new Error('no package');
  return pkg;
};

/** A provider through the real schema, with the given fields. */
function provider(fields: Record<string, unknown>): Provider {
  const result = parseFeed({
    version: 1,
    title: 'Asesores',
    countries: [{ code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV' }],
    providers: [{ id: 'p', name: 'Centro Asesor', kind: 'other', countries: ['SV'], ...fields }],
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.feed.providers[0]!;
}
/** A provider built by hand, past the schema. */
const raw = (fields: Record<string, unknown>): Provider => ({ ...provider({}), ...fields }) as Provider;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const count = (text: string, part: string) => text.split(part).length - 1;

// ------------------------------------------------------------ the extract

describe('cashFlowExtract', () => {
  it('a projection that runs short: its name and headline, and one row per month', () => {
    const extract = cashFlowExtract(draft(), 'en-US');
    expect(extract.headline).to.equal('Flujo 2027. Cash runs out in March 2027: $5,000.00 of funding is needed.');
    expect(extract.header).to.deep.equal(['Month', 'Money in', 'Money out', 'Closing balance']);
    expect(extract.rows.length).to.equal(12);
    expect(extract.rows.slice(0, 3)).to.deep.equal([
      ['Jan 2027', '$1,000.00', '$1,500.00', '$500.00'],
      ['Feb 2027', '$1,000.00', '$1,500.00', '$0.00'],
      ['Mar 2027', '$1,000.00', '$1,500.00', '-$500.00'],
    ]);
    expect(extract.rows[11]).to.deep.equal(['Dec 2027', '$1,000.00', '$1,500.00', '-$5,000.00']);
  });

  it('a projection that is always enough: the lowest balance', () => {
    const healthy = draft({ name: 'Sano', plan: healthyPlan });
    expect(cashFlowExtract(healthy, 'en-US').headline).to.equal('Sano. Cash is enough every month; lowest balance $1,000.00.');
    expect(cashFlowHeadline(healthy, 'en-US')).to.equal('Cash is enough every month; lowest balance $1,000.00.');
  });
});

// ------------------------------------------------------------ the package

describe('buildSharePackage', () => {
  it('nothing chosen: no package', () => {
    expect(buildSharePackage({}, context())).to.equal(undefined);
    expect(buildSharePackage({ plan: undefined, draft: undefined }, context())).to.equal(undefined);
  });

  describe('a plan only', () => {
    const pkg = build({ plan: { outline, document: planDoc() } });

    it('names the file after the business and the day', () => expect(pkg.fileName).to.equal(`for-advisor-panaderia-rosa-${DAY}.html`));
    it('says what it is in the subject', () => expect(pkg.subject).to.equal('My business plan: Panadería Rosa'));
    it('summarises the plan and names the file', () =>
      expect(pkg.summary).to.equal(`My business plan «Plan para el banco» (2 of 6 questions answered). I am attaching the file «for-advisor-panaderia-rosa-${DAY}.html».`));
    it('lists what is shared', () =>
      expect(pkg.contents).to.deep.equal(['Business plan «Plan para el banco» (Panadería Rosa): 2 of 6 questions answered', 'Nothing else from this device is shared.']));
    it('is the printable plan, opening with who it is for, without a projection', () => {
      expect(pkg.html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).to.equal(true);
      expect(pkg.html).to.contain('<body>\n<p class="prepared-for">Prepared for Centro Asesor</p>\n<header class="cover">');
      expect(pkg.html).to.contain('<title>Panadería Rosa — Plan para el banco</title>');
      expect(pkg.html).to.contain('<p class="prepared">Prepared on November 29, 2026</p>');
      expect(pkg.html).to.contain('<p class="answer">Bread and pastries</p>');
      expect(pkg.html).to.contain(PLAN_HTML_CSS);
      expect(pkg.html).not.to.contain('cash-flow"');
      expect(pkg.html).not.to.contain('Not answered yet'); // includeEmpty: false
      expect(count(pkg.html, '<body>')).to.equal(1);
      expect(pkg.html.endsWith('</body>\n</html>\n')).to.equal(true);
    });
    it('in Spanish, the file name starts with para-asesor', () =>
      expect(build({ plan: { outline, document: planDoc() } }, { lang: 'es', locale: 'es-SV' }).fileName).to.equal(`para-asesor-panaderia-rosa-${DAY}.html`));
    it('without a business name: the plan name alone, no brackets', () => {
      const alone = build({ plan: { outline, document: planDoc({ businessName: '  ' }) } });
      expect(alone.subject).to.equal('My business plan: Plan para el banco');
      expect(alone.contents[0]).to.equal('Business plan «Plan para el banco»: 2 of 6 questions answered');
      expect(alone.fileName).to.equal(`for-advisor-plan-para-el-banco-${DAY}.html`);
    });
  });

  describe('a projection only', () => {
    const pkg = build({ draft: draft() });

    it('names the file after the projection', () => expect(pkg.fileName).to.equal(`for-advisor-flujo-2027-${DAY}.html`));
    it('says what it is in the subject', () => expect(pkg.subject).to.equal('My cash-flow projection: Flujo 2027'));
    it('summarises the projection with its headline', () =>
      expect(pkg.summary).to.equal(
        `My cash-flow projection «Flujo 2027»: 12 months from January 2027. Cash runs out in March 2027: $5,000.00 of funding is needed. I am attaching the file «for-advisor-flujo-2027-${DAY}.html».`,
      ));
    it('lists what is shared', () =>
      expect(pkg.contents).to.deep.equal(['Cash-flow projection «Flujo 2027»: 12 months from January 2027', 'Nothing else from this device is shared.']));
    it('is a standalone page: name, headline and the month table', () => {
      const { html } = pkg;
      expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).to.equal(true);
      expect(html).to.contain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
      expect(html).to.contain('<title>Flujo 2027</title>');
      expect(html).to.contain(`<style>${PLAN_HTML_CSS}</style>`);
      expect(html).to.contain('<body>\n<p class="prepared-for">Prepared for Centro Asesor</p>\n<main>\n<section class="cash-flow">\n<h1>Flujo 2027</h1>\n');
      expect(html).to.contain('<p class="plan-name">Cash-flow projection</p>');
      expect(html).to.contain('<p class="prepared">Prepared on November 29, 2026</p>');
      expect(html).to.contain('<p class="headline">Cash runs out in March 2027: $5,000.00 of funding is needed.</p>');
      expect(html).to.contain(
        '<thead><tr><th scope="col">Month</th><th scope="col">Money in</th><th scope="col">Money out</th><th scope="col">Closing balance</th></tr></thead>',
      );
      expect(html).to.contain('<tr><th scope="row">Mar 2027</th><td>$1,000.00</td><td>$1,500.00</td><td>-$500.00</td></tr>');
      expect(count(html, '<th scope="row">')).to.equal(12);
      expect(html).not.to.contain('<script');
      expect(html.endsWith('</body>\n</html>\n')).to.equal(true);
    });
    it('one month: said without a count', () => {
      const one = build({ draft: draft({ plan: { ...healthyPlan, months: 1, lines: healthyPlan.lines.map((l) => ({ ...l, amounts: [l.amounts[0]!] })) } }) });
      expect(one.contents[0]).to.equal('Cash-flow projection «Flujo 2027»: January 2027 only');
      expect(one.summary).to.equal(
        `My cash-flow projection «Flujo 2027» for January 2027. Cash is enough every month; lowest balance $1,000.00. I am attaching the file «for-advisor-flujo-2027-${DAY}.html».`,
      );
    });
  });

  describe('a plan and a projection', () => {
    const pkg = build({ plan: { outline, document: planDoc() }, draft: draft() });

    it('names the file after the business', () => expect(pkg.fileName).to.equal(`for-advisor-panaderia-rosa-${DAY}.html`));
    it('says both in the subject', () => expect(pkg.subject).to.equal('My business plan and cash-flow projection: Panadería Rosa'));
    it('summarises both', () =>
      expect(pkg.summary).to.equal(
        `My business plan «Plan para el banco» (2 of 6 questions answered) and my cash-flow projection «Flujo 2027»: 12 months from January 2027. Cash runs out in March 2027: $5,000.00 of funding is needed. I am attaching the file «for-advisor-panaderia-rosa-${DAY}.html».`,
      ));
    it('lists both', () =>
      expect(pkg.contents).to.deep.equal([
        'Business plan «Plan para el banco» (Panadería Rosa): 2 of 6 questions answered',
        'Cash-flow projection «Flujo 2027»: 12 months from January 2027',
        'Nothing else from this device is shared.',
      ]));
    it('puts the table inside the plan, in the financial part', () => {
      const { html } = pkg;
      expect(count(html, '<!doctype html>')).to.equal(1);
      expect(html).to.contain('<body>\n<p class="prepared-for">Prepared for Centro Asesor</p>\n<header class="cover">');
      const financial = html.indexOf('<h2 id="s-3">3 Financial plan</h2>');
      const table = html.indexOf('<h3 id="cash-flow">Cash-flow projection</h3>');
      expect(financial).to.be.greaterThan(0);
      expect(table).to.be.greaterThan(financial);
      expect(html).to.contain('<p class="headline">Flujo 2027. Cash runs out in March 2027: $5,000.00 of funding is needed.</p>');
      expect(html).to.contain('<tr><th scope="row">Mar 2027</th><td>$1,000.00</td><td>$1,500.00</td><td>-$500.00</td></tr>');
      expect(html).to.contain('<a href="#cash-flow">Cash-flow projection</a>');
    });
  });

  describe('hostile text is text', () => {
    const evil = `<script>alert("x")</script> & 'y'`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;';
    const hostileProvider = '<img src=x onerror=alert(1)> $& $` "q"';

    it('in the plan page', () => {
      const pkg = build(
        { plan: { outline, document: planDoc({ name: evil, businessName: evil }, { 'resumen/idea': answer(evil) }) }, draft: draft({ name: evil }) },
        { providerName: hostileProvider },
      );
      expect(pkg.html).not.to.contain('<script');
      expect(pkg.html).not.to.contain('<img');
      expect(pkg.html).to.contain(`<h1>${escaped}</h1>`);
      expect(pkg.html).to.contain(`<p class="answer">${escaped}</p>`);
      expect(pkg.html).to.contain(`<p class="headline">${escaped}. Cash runs out`);
      expect(pkg.html).to.contain('<p class="prepared-for">Prepared for &lt;img src=x onerror=alert(1)&gt; $&amp; $` &quot;q&quot;</p>');
      expect(pkg.fileName).to.equal(`for-advisor-script-alert-x-script-y-${DAY}.html`);
    });

    it('in the projection page', () => {
      const pkg = build({ draft: draft({ name: evil }) }, { providerName: hostileProvider, lang: '"><script>' });
      expect(pkg.html).not.to.contain('<script');
      expect(pkg.html).not.to.contain('<img');
      expect(pkg.html).to.contain('<html lang="es">');
      expect(pkg.html).to.contain(`<title>${escaped}</title>`);
      expect(pkg.html).to.contain(`<h1>${escaped}</h1>`);
      expect(pkg.html).to.contain('<p class="prepared-for">Prepared for &lt;img src=x onerror=alert(1)&gt; $&amp; $` &quot;q&quot;</p>');
    });

    it('plain text in the summary and the preview (the dialog escapes it)', () => {
      const pkg = build({ draft: draft({ name: evil }) });
      expect(pkg.contents[0]).to.equal(`Cash-flow projection «${evil}»: 12 months from January 2027`);
      expect(pkg.subject).to.equal(`My cash-flow projection: ${evil}`);
    });
  });

  describe('the summary is capped', () => {
    it(`at ${SUMMARY_MAX_LENGTH} characters, cut at a word, with "…"`, () => {
      const long = `${'palabra '.repeat(150)}fin`;
      const pkg = build({ plan: { outline, document: planDoc({ name: long }) }, draft: draft({ name: long }) });
      expect(pkg.summary.length).to.be.at.most(SUMMARY_MAX_LENGTH);
      expect(pkg.summary.length).to.be.greaterThan(SUMMARY_MAX_LENGTH - 10);
      expect(pkg.summary.endsWith(' palabra…')).to.equal(true);
      expect(pkg.summary.startsWith('My business plan «palabra palabra')).to.equal(true);
    });
    it('never splitting a character made of two halves', () => {
      const emoji = '😀'.repeat(700);
      const pkg = build({ draft: draft({ name: emoji }) });
      expect(pkg.summary.length).to.be.at.most(SUMMARY_MAX_LENGTH);
      expect(pkg.summary.endsWith('😀…')).to.equal(true);
      expect(LONE_SURROGATE.test(pkg.summary)).to.equal(false);
      expect(() => encodeURIComponent(pkg.summary)).not.to.throw();
    });
    it('a short summary is left as it is', () => expect(build({ draft: draft() }).summary.endsWith('.html».')).to.equal(true));
  });

  describe('the file name', () => {
    const rows: Array<{ title: string; choice: ShareChoice; lang?: string; expected: string }> = [
      { title: 'accents and spaces', choice: { plan: { outline, document: planDoc({ businessName: '  Panadería   Doña Ñata! ' }) } }, expected: `for-advisor-panaderia-dona-nata-${DAY}.html` },
      { title: 'no business name: the plan name', choice: { plan: { outline, document: planDoc({ businessName: '' }) } }, expected: `for-advisor-plan-para-el-banco-${DAY}.html` },
      { title: 'no names at all: the outline name', choice: { plan: { outline, document: planDoc({ name: '', businessName: '' }) } }, expected: `for-advisor-short-plan-${DAY}.html` },
      { title: 'a name with no letters: prefix and day', choice: { draft: draft({ name: '😀 ¡¿?!' }) }, lang: 'es', expected: `para-asesor-${DAY}.html` },
      { title: 'a projection with an empty name', choice: { draft: draft({ name: '' }) }, expected: `for-advisor-cash-flow-projection-${DAY}.html` },
      { title: 'a long name: at most 60 characters of it', choice: { draft: draft({ name: 'Proyección '.repeat(20) }) }, expected: `for-advisor-${'proyeccion-'.repeat(5)}proye-${DAY}.html` },
    ];
    for (const row of rows) {
      it(row.title, () => {
        const name = build(row.choice, row.lang === undefined ? {} : { lang: row.lang }).fileName;
        expect(name).to.equal(row.expected);
        expect(name).to.match(/^[a-z0-9-]+\.html$/);
      });
    }
  });
});

// ------------------------------------------------------------ the links

describe('shareLinks', () => {
  const pkg = build({ plan: { outline, document: planDoc() }, draft: draft() });

  it('WhatsApp: only with a WhatsApp phone, the country code added, the summary encoded', () => {
    const links = shareLinks(provider({ phones: [{ number: '2200-0001', type: 'voice' }, { number: '7012-3456', type: 'whatsapp' }] }), pkg);
    expect(links.whatsapp).to.equal(`https://wa.me/50370123456?text=${encodeURIComponent(pkg.summary)}`);
    expect(links.whatsapp).to.contain('%C2%AB'); // «
    expect(links.whatsapp).not.to.contain('+');
    expect(links.whatsapp).not.to.contain(' ');
    expect(links).not.to.have.property('email');
    expect(decodeURIComponent(links.whatsapp!.split('?text=')[1]!)).to.equal(pkg.summary);
  });

  it('no WhatsApp link for a voice phone, a fax, or a number that cannot be read', () => {
    const links = shareLinks(
      provider({
        phones: [
          { number: '2200-0001', type: 'voice' },
          { number: '2200-0009', type: 'fax' },
        ],
      }),
      pkg,
    );
    expect(links).to.deep.equal({});
    expect(shareLinks(raw({ phones: [{ number: 'llame ya', type: 'whatsapp' }] }), pkg)).to.deep.equal({});
  });

  it('the calling code can be given', () => {
    const links = shareLinks(provider({ phones: [{ number: '5555-1234', type: 'whatsapp' }] }), pkg, { callingCode: '502' });
    expect(links.whatsapp!.startsWith('https://wa.me/50255551234?text=')).to.equal(true);
  });

  it('e-mail: only with a valid address; subject and body encoded with %20, never +', () => {
    const links = shareLinks(provider({ email: 'asesoria@centro.org.sv' }), pkg);
    expect(links).not.to.have.property('whatsapp');
    expect(links.email).to.equal(
      `mailto:asesoria@centro.org.sv?subject=My%20business%20plan%20and%20cash-flow%20projection%3A%20Panader%C3%ADa%20Rosa&body=${encodeURIComponent(pkg.summary)}`,
    );
    expect(links.email).not.to.contain('+');
    expect(links.email).not.to.contain(' ');
    const url = new URL(links.email!);
    expect(url.protocol).to.equal('mailto:');
    const [subject, body] = url.search.slice(1).split('&');
    expect(decodeURIComponent(subject!.replace(/^subject=/, ''))).to.equal(pkg.subject);
    expect(decodeURIComponent(body!.replace(/^body=/, ''))).to.equal(pkg.summary);
    expect(shareLinks(raw({ email: 'not an address' }), pkg)).to.deep.equal({});
    expect(shareLinks(raw({ email: 'a@b' }), pkg)).to.deep.equal({});
  });

  it('both, when the provider has both', () => {
    const links = shareLinks(provider({ email: 'asesoria@centro.org.sv', phones: [{ number: '+503 7012-3456', type: 'whatsapp' }] }), pkg);
    expect(Object.keys(links).sort()).to.deep.equal(['email', 'whatsapp']);
  });

  it(`each link stays under ${SHARE_LINK_MAX_LENGTH} characters: the summary is shortened at a word, with "…"`, () => {
    const long = { subject: 'Mi plan de negocio: Panadería Rosa', summary: 'Añadiré más información económica pronto. '.repeat(40) };
    expect(encodeURIComponent(long.summary).length).to.be.greaterThan(SHARE_LINK_MAX_LENGTH);
    const links = shareLinks(provider({ email: 'asesoria@centro.org.sv', phones: [{ number: '+503 7012-3456', type: 'whatsapp' }] }), long);
    for (const link of [links.whatsapp!, links.email!]) {
      expect(link.length).to.be.below(SHARE_LINK_MAX_LENGTH);
      expect(link.length).to.be.greaterThan(SHARE_LINK_MAX_LENGTH - 100);
      expect(link.endsWith('%E2%80%A6')).to.equal(true); // …
    }
    const text = decodeURIComponent(links.whatsapp!.split('?text=')[1]!);
    expect(text.startsWith('Añadiré más información')).to.equal(true);
    expect(long.summary.startsWith(text.slice(0, -1))).to.equal(true);
    expect(/(?:pronto|Añadiré|más|información|económica)…$/.test(text)).to.equal(true);
    expect(links.email).to.contain('?subject=Mi%20plan%20de%20negocio%3A%20Panader%C3%ADa%20Rosa&body=A%C3%B1adir%C3%A9');
  });

  it('a summary with control characters and half a character: cleaned, no error', () => {
    const links = shareLinks(provider({ email: 'asesoria@centro.org.sv' }), { subject: 'Plan\n\u0000uno', summary: 'Hola\r\nmundo \ud800' });
    expect(links.email).to.equal('mailto:asesoria@centro.org.sv?subject=Plan%20uno&body=Hola%20mundo%20%EF%BF%BD');
  });
});

// ------------------------------------------------------------ Spanish

describe('in Spanish, the moved extract keeps its translations', () => {
  before(() => initLocalization('es'));
  after(() => initLocalization('en'));

  it('the headline and the table header', () => {
    const extract = cashFlowExtract(draft(), 'es-SV');
    expect(extract.headline).to.equal(`Flujo 2027. El efectivo se acaba en marzo de 2027: se necesitan ${formatMoney(500000, 'USD', 'es-SV')} de financiamiento.`);
    expect(extract.header).to.have.length(4);
    expect(extract.header[0]).to.equal('Mes');
    expect(cashFlowHeadline(draft({ plan: healthyPlan }), 'es-SV')).to.equal(`El efectivo alcanza todos los meses; saldo más bajo ${formatMoney(100000, 'USD', 'es-SV')}.`);
  });
});
