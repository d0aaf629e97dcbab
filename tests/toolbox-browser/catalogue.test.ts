import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/schema.js';
import { pickText } from '../../src/feed/text.js';
import {
  EMPTY_QUERY,
  FACET_NAMES,
  buildCatalogue,
  editDistance,
  emptyFilters,
  hasFilters,
  normalizeText,
  queryCatalogue,
  toggleFilter,
  withinOneEdit,
  type Catalogue,
  type FacetName,
  type SortOrder,
  type ToolQuery,
} from '../../src/toolbox-browser/catalogue.js';

// ---------------------------------------------------------------- a small handmade feed
//
// | id            | topic                        | type       | audience      | level        | format        | lang  | countries | updated    |
// | precio        | costs-prices                 | guide      | entrepreneur  | basic        | pdf           | es    | —         | 2025-01-28 |
// | credito       | finance-credit               | guide      | entrepreneur  | basic        | pdf           | es    | —         | 2025-09-16 |
// | cuota         | finance-credit               | calculator | (everyone)    | intermediate | web           | es,en | SV        | 2026-01-09 |
// | mercadeo      | marketing                    | template   | entrepreneur  | basic        | document      | es    | GT        | 2024-03-11 |
// | asesores      | marketing                    | course     | advisor       | advanced     | online-course | es,en | —         | 2023-05-02 |
// | presupuesto   | costs-prices, finance-credit | template   | entr., adv.   | basic        | spreadsheet   | es    | —         | —          |
// | margen        | costs-prices                 | article    | entrepreneur  | intermediate | web           | es    | SV, GT    | 2022-06-01 |
// | hoja-margenes | costs-prices                 | template   | entrepreneur  | basic        | spreadsheet   | es    | HN        | 2023-02-01 |

const RAW_FEED = {
  version: 1,
  title: 'Feed de prueba del catálogo',
  countries: [
    { code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV' },
    { code: 'GT', name: 'Guatemala', currency: 'GTQ', locale: 'es-GT' },
    { code: 'HN', name: 'Honduras', currency: 'HNL', locale: 'es-HN' },
    { code: 'DO', name: 'República Dominicana', currency: 'DOP', locale: 'es-DO' },
  ],
  topics: [
    { id: 'costs-prices', name: { es: 'Costos y precios', en: 'Costs and prices' } },
    { id: 'finance-credit', name: { es: 'Financiamiento y crédito', en: 'Finance and credit' } },
    { id: 'marketing', name: { es: 'Mercadeo', en: 'Marketing' } },
  ],
  providers: [
    { id: 'impulso', name: 'Fundación Impulso', kind: 'ngo', countries: ['SV'], example: true },
  ],
  tools: [
    {
      id: 'precio',
      title: { es: 'Cómo calcular el precio de su producto', en: 'How to price your product' },
      summary: {
        es: 'Una guía con ejemplos para fijar precios que dejen ganancia.',
        en: 'A guide with examples to set prices that leave a profit.',
      },
      type: 'guide',
      topics: ['costs-prices'],
      audience: ['entrepreneur'],
      level: 'basic',
      languages: ['es'],
      url: 'https://example.org/precio',
      format: 'pdf',
      updated: '2025-01-28',
      providerId: 'impulso',
      keywords: ['precio', 'costos'],
    },
    {
      id: 'credito',
      title: { es: 'Cómo preparar la solicitud de un crédito', en: 'How to prepare a loan application' },
      summary: {
        es: 'Los papeles que pide el banco y cómo presentar su negocio.',
        en: 'The papers the bank asks for and how to present your business.',
      },
      type: 'guide',
      topics: ['finance-credit'],
      audience: ['entrepreneur'],
      level: 'basic',
      languages: ['es'],
      url: 'https://example.org/credito',
      format: 'pdf',
      updated: '2025-09-16',
      keywords: ['préstamo', 'banco'],
    },
    {
      id: 'cuota',
      title: { es: 'Calculadora de cuota de préstamo', en: 'Loan instalment calculator' },
      summary: 'Calcule la cuota semanal o mensual de un crédito.',
      type: 'calculator',
      topics: ['finance-credit'],
      level: 'intermediate',
      countries: ['SV'],
      languages: ['es', 'en'],
      url: 'https://example.org/cuota',
      format: 'web',
      updated: '2026-01-09',
    },
    {
      id: 'mercadeo',
      title: { es: 'Plan de mercadeo en una página', en: 'One-page marketing plan' },
      summary: 'Ordene a quién vende, a qué precio y cómo se da a conocer.',
      type: 'template',
      topics: ['marketing'],
      audience: ['entrepreneur'],
      level: 'basic',
      countries: ['GT'],
      languages: ['es'],
      url: 'https://example.org/mercadeo',
      format: 'document',
      updated: '2024-03-11',
    },
    {
      id: 'asesores',
      title: { es: 'Curso para asesores: servicio al cliente', en: 'Course for advisers: customer service' },
      summary: 'Material para enseñar atención al cliente en microempresas.',
      type: 'course',
      topics: ['marketing'],
      audience: ['advisor'],
      level: 'advanced',
      languages: ['es', 'en'],
      url: 'https://example.org/asesores',
      format: 'online-course',
      updated: '2023-05-02',
      providerId: 'impulso',
    },
    {
      id: 'presupuesto',
      title: { es: 'Plantilla de presupuesto mensual', en: 'Monthly budget template' },
      summary: 'Anote lo que espera ganar y gastar cada mes.',
      type: 'template',
      topics: ['costs-prices', 'finance-credit'],
      audience: ['entrepreneur', 'advisor'],
      level: 'basic',
      languages: ['es'],
      url: 'https://example.org/presupuesto',
      format: 'spreadsheet',
    },
    {
      id: 'margen',
      title: 'Margen de ganancia explicado',
      type: 'article',
      topics: ['costs-prices'],
      audience: ['entrepreneur'],
      level: 'intermediate',
      countries: ['SV', 'GT'],
      languages: ['es'],
      url: 'https://example.org/margen',
      format: 'web',
      updated: '2022-06-01',
    },
    {
      id: 'hoja-margenes',
      title: 'Hoja de márgenes',
      type: 'template',
      topics: ['costs-prices'],
      audience: ['entrepreneur'],
      level: 'basic',
      countries: ['HN'],
      languages: ['es'],
      url: 'https://example.org/hoja-margenes',
      format: 'spreadsheet',
      updated: '2023-02-01',
      keywords: ['ganancia'],
    },
  ],
};

function parsed(raw: unknown): Feed {
  const result = parseFeed(raw);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(result.issues).to.deep.equal([]);
  return result.feed;
}

const FEED = parsed(RAW_FEED);
const ES = buildCatalogue(FEED, { lang: 'es' });

type Filters = Partial<Record<FacetName, readonly string[]>>;

function query(text = '', filters: Filters = {}, sort: SortOrder = 'relevance', only?: readonly string[]): ToolQuery {
  return {
    text,
    filters: { ...emptyFilters(), ...filters },
    sort,
    ...(only === undefined ? {} : { only: new Set(only) }),
  };
}

function ids(catalogue: Catalogue, q: ToolQuery): string[] {
  return queryCatalogue(catalogue, q).tools.map((tool) => tool.id);
}

function search(text: string, catalogue: Catalogue = ES): string[] {
  return ids(catalogue, query(text));
}

// ---------------------------------------------------------------- text

describe('normalizeText', () => {
  const rows: Array<{ input: string; expected: string }> = [
    { input: 'Crédito', expected: 'credito' },
    { input: '  ¿Cómo   calcular—el PRECIO? ', expected: 'como calcular el precio' },
    { input: 'Año 2026: PEQUEÑO contribuyente', expected: 'ano 2026 pequeno contribuyente' },
    { input: 'e-mail/WhatsApp', expected: 'e mail whatsapp' },
    { input: 'Cre\u0301dito (NFD)', expected: 'credito nfd' },
    { input: 'Facturación electrónica', expected: 'facturacion electronica' },
    { input: '', expected: '' },
    { input: ' ¡¿…?! ', expected: '' },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(normalizeText(input)).to.equal(expected);
    });
  }
});

describe('edit distance (Damerau-Levenshtein, optimal string alignment)', () => {
  const rows: Array<{ input: [string, string]; expected: number }> = [
    { input: ['credito', 'credito'], expected: 0 },
    { input: ['credto', 'credito'], expected: 1 }, // deletion
    { input: ['creditoo', 'credito'], expected: 1 }, // insertion
    { input: ['credita', 'credito'], expected: 1 }, // substitution
    { input: ['crdeito', 'credito'], expected: 1 }, // swap of neighbours
    { input: ['presupsto', 'presupuesto'], expected: 2 },
    { input: ['abc', 'xyz'], expected: 3 },
  ];
  for (const { input: [a, b], expected } of rows) {
    it(`${a} ↔ ${b}: ${expected}`, () => {
      expect(editDistance(a, b, 3)).to.equal(expected);
      expect(withinOneEdit(a, b)).to.equal(expected <= 1);
      expect(withinOneEdit(b, a)).to.equal(expected <= 1);
    });
  }
  it('stops at the bound', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).to.equal(3);
  });
});

// ---------------------------------------------------------------- search

describe('queryCatalogue: search', () => {
  const rows: Array<{ title: string; input: string; expected: string[] }> = [
    // accents and case
    { title: 'no accent finds the accented word', input: 'credito', expected: ['credito', 'cuota', 'presupuesto'] },
    { title: 'accents and capitals are ignored', input: 'CRÉDITO', expected: ['credito', 'cuota', 'presupuesto'] },
    { title: 'capitals find lower case', input: 'MERCADEO', expected: ['mercadeo', 'asesores'] },
    // several words narrow
    // precio: title; hoja-margenes, margen, presupuesto: "precios" (topic name) as a prefix; mercadeo: summary
    { title: 'one word', input: 'precio', expected: ['precio', 'hoja-margenes', 'margen', 'presupuesto', 'mercadeo'] },
    { title: 'two words narrow', input: 'calcular precio', expected: ['precio'] },
    { title: 'a word found nowhere empties the result', input: 'precio zanahoria', expected: [] },
    { title: 'words may match different fields', input: 'préstamo banco', expected: ['credito'] },
    // stop words
    { title: 'Spanish stop words are ignored', input: 'cómo calcular el precio de mi producto', expected: ['precio'] },
    { title: 'a query of stop words only is no text', input: 'de la', expected: ['cuota', 'credito', 'precio', 'mercadeo', 'asesores', 'hoja-margenes', 'margen', 'presupuesto'] },
    // prefix of the last word
    { title: 'the last word matches as a prefix', input: 'cred', expected: ['credito', 'cuota', 'presupuesto'] },
    { title: 'prefix of a title word', input: 'presu', expected: ['presupuesto'] },
    { title: 'an exact word ranks above a prefix', input: 'PLAN', expected: ['mercadeo', 'presupuesto', 'hoja-margenes'] },
    { title: 'only the last word is a prefix', input: 'pres banco', expected: [] },
    // one typo in longer words
    { title: 'a missing letter', input: 'credto', expected: ['credito', 'cuota', 'presupuesto'] },
    { title: 'a missing letter in a long word', input: 'presupusto', expected: ['presupuesto'] },
    { title: 'two letters swapped', input: 'mercaedo', expected: ['mercadeo', 'asesores'] },
    { title: 'a plural finds the singular', input: 'presupuestos mensual', expected: ['presupuesto'] },
    { title: 'but not two letters more', input: 'presupuesto mensuales', expected: [] },
    { title: 'no typo in words under 5 letters', input: 'plam', expected: [] },
    { title: 'not two typos', input: 'presupsto', expected: [] },
    // other fields
    { title: 'the type is a tag (Spanish name)', input: 'calculadora', expected: ['cuota'] },
    { title: 'the provider name is searched', input: 'impulso', expected: ['precio', 'asesores'] },
    { title: 'topic names are tags', input: 'financiamiento', expected: ['cuota', 'credito', 'presupuesto'] },
  ];
  for (const { title, input, expected } of rows) {
    it(`${title}: ${JSON.stringify(input)} → [${expected.join(', ')}]`, () => {
      expect(search(input)).to.deep.equal(expected);
    });
  }

  it('ranks title above tags above summary, whatever the date', () => {
    // "ganancia": title of margen (2022), keyword of hoja-margenes (2023), summary of precio (2025).
    expect(search('ganancia')).to.deep.equal(['margen', 'hoja-margenes', 'precio']);
  });

  it('breaks score ties by newest, then by title', () => {
    // "guia" is a tag (the type) of precio (2025-01-28) and credito (2025-09-16).
    expect(search('guia')).to.deep.equal(['credito', 'precio']);
    const undated = parsed({
      ...RAW_FEED,
      tools: [
        { id: 'b', title: 'Beta guía', url: 'https://example.org/b' },
        { id: 'a', title: 'Alfa guía', url: 'https://example.org/a' },
      ],
    });
    expect(search('guia', buildCatalogue(undated, { lang: 'es' }))).to.deep.equal(['a', 'b']);
  });

  it('searches the page language and Spanish', () => {
    const en = buildCatalogue(FEED, { lang: 'en' });
    const rows: Array<{ input: string; expected: string[] }> = [
      { input: 'how to price my product', expected: ['precio'] },
      { input: 'loan', expected: ['cuota', 'credito'] },
      { input: 'préstamo', expected: ['cuota', 'credito'] },
      { input: 'calculator', expected: ['cuota'] },
    ];
    for (const { input, expected } of rows) expect(search(input, en), input).to.deep.equal(expected);
  });

  it('ignores words beyond the first twelve and never throws on odd input', () => {
    for (const input of ['%%%', '\u0000', 'a'.repeat(5000), '🙂 credito 🙂', '∑∂ƒ©']) {
      expect(() => queryCatalogue(ES, query(input)), input).not.to.throw();
    }
    expect(search('🙂 credito 🙂')).to.deep.equal(['credito', 'cuota', 'presupuesto']);
  });
});

// ---------------------------------------------------------------- sort

describe('queryCatalogue: sort', () => {
  const rows: Array<{ input: { text: string; sort: SortOrder; lang: string }; expected: string[] }> = [
    {
      input: { text: '', sort: 'relevance', lang: 'es' },
      expected: ['cuota', 'credito', 'precio', 'mercadeo', 'asesores', 'hoja-margenes', 'margen', 'presupuesto'],
    },
    {
      input: { text: '', sort: 'newest', lang: 'es' },
      expected: ['cuota', 'credito', 'precio', 'mercadeo', 'asesores', 'hoja-margenes', 'margen', 'presupuesto'],
    },
    {
      input: { text: '', sort: 'title', lang: 'es' },
      expected: ['cuota', 'precio', 'credito', 'asesores', 'hoja-margenes', 'margen', 'mercadeo', 'presupuesto'],
    },
    {
      input: { text: '', sort: 'title', lang: 'en' },
      expected: ['asesores', 'hoja-margenes', 'credito', 'precio', 'cuota', 'margen', 'presupuesto', 'mercadeo'],
    },
    { input: { text: 'credito', sort: 'relevance', lang: 'es' }, expected: ['credito', 'cuota', 'presupuesto'] },
    { input: { text: 'credito', sort: 'newest', lang: 'es' }, expected: ['cuota', 'credito', 'presupuesto'] },
    { input: { text: 'credito', sort: 'title', lang: 'es' }, expected: ['cuota', 'credito', 'presupuesto'] },
    { input: { text: 'ganancia', sort: 'newest', lang: 'es' }, expected: ['precio', 'hoja-margenes', 'margen'] },
    { input: { text: 'ganancia', sort: 'title', lang: 'es' }, expected: ['precio', 'hoja-margenes', 'margen'] },
  ];
  for (const { input, expected } of rows) {
    it(`${input.sort} (${input.lang}) ${JSON.stringify(input.text)}`, () => {
      const catalogue = buildCatalogue(FEED, { lang: input.lang });
      expect(ids(catalogue, query(input.text, {}, input.sort))).to.deep.equal(expected);
    });
  }

  it('sorts titles with the locale, ignoring accents, case and opening punctuation', () => {
    const feed = parsed({
      ...RAW_FEED,
      tools: ['Zeta', '¿Está listo?', 'árbol', 'Ñandú', 'Nube', 'Plan 10', 'Plan 9'].map((title, i) => ({
        id: `t${i}`,
        title,
        url: `https://example.org/${i}`,
      })),
    });
    const titles = queryCatalogue(buildCatalogue(feed, { lang: 'es' }), query('', {}, 'title')).tools.map((t) =>
      pickText(t.title),
    );
    expect(titles).to.deep.equal(['árbol', '¿Está listo?', 'Nube', 'Ñandú', 'Plan 9', 'Plan 10', 'Zeta']);
  });
});

// ---------------------------------------------------------------- facets

function facetTable(result: ReturnType<typeof queryCatalogue>): Record<FacetName, string[]> {
  const out = {} as Record<FacetName, string[]>;
  for (const facet of FACET_NAMES) {
    out[facet] = result.facets[facet].map((v) => `${v.value} ${v.count}${v.selected ? ' *' : ''}`);
  }
  return out;
}

describe('queryCatalogue: facets (disjunctive)', () => {
  // Counted by hand from the table at the top of this file; `*` = selected.
  const rows: Array<{ title: string; input: ToolQuery; expected: { tools: string[]; facets: Record<FacetName, string[]> } }> = [
    {
      title: 'no filter: every value present, by count then value',
      input: query(),
      expected: {
        tools: ['cuota', 'credito', 'precio', 'mercadeo', 'asesores', 'hoja-margenes', 'margen', 'presupuesto'],
        facets: {
          topic: ['costs-prices 4', 'finance-credit 3', 'marketing 2'],
          type: ['template 3', 'guide 2', 'article 1', 'calculator 1', 'course 1'],
          audience: ['entrepreneur 7', 'advisor 3'],
          level: ['basic 5', 'intermediate 2', 'advanced 1'],
          format: ['pdf 2', 'spreadsheet 2', 'web 2', 'document 1', 'online-course 1'],
          language: ['es 8', 'en 2'],
        },
      },
    },
    {
      title: 'one value in two facets: a facet counts with the other facets’ selections',
      input: query('', { topic: ['costs-prices'], type: ['template'] }),
      expected: {
        tools: ['hoja-margenes', 'presupuesto'],
        facets: {
          topic: ['costs-prices 2 *', 'finance-credit 1', 'marketing 1'],
          type: ['template 2 *', 'article 1', 'guide 1'],
          audience: ['entrepreneur 2', 'advisor 1'],
          level: ['basic 2'],
          format: ['spreadsheet 2'],
          language: ['es 2'],
        },
      },
    },
    {
      title: 'two values in a facet are OR-ed; a selected value at 0 still shows',
      input: query('', { type: ['guide', 'calculator'], level: ['basic'] }),
      expected: {
        tools: ['credito', 'precio'],
        facets: {
          topic: ['costs-prices 1', 'finance-credit 1'],
          type: ['template 3', 'guide 2 *', 'calculator 0 *'],
          audience: ['entrepreneur 2'],
          level: ['basic 2 *', 'intermediate 1'],
          format: ['pdf 2'],
          language: ['es 2'],
        },
      },
    },
    {
      title: 'with text: counts are within the text matches; no audience = everyone',
      input: query('credito', { audience: ['advisor'] }),
      expected: {
        tools: ['cuota', 'presupuesto'],
        facets: {
          topic: ['finance-credit 2', 'costs-prices 1'],
          type: ['calculator 1', 'template 1'],
          audience: ['entrepreneur 3', 'advisor 2 *'],
          level: ['basic 1', 'intermediate 1'],
          format: ['spreadsheet 1', 'web 1'],
          language: ['es 2', 'en 1'],
        },
      },
    },
    {
      title: 'a selected value the catalogue does not have shows at 0',
      input: query('', { topic: ['export'] }),
      expected: {
        tools: [],
        facets: {
          topic: ['costs-prices 4', 'finance-credit 3', 'marketing 2', 'export 0 *'],
          type: [],
          audience: [],
          level: [],
          format: [],
          language: [],
        },
      },
    },
  ];
  for (const { title, input, expected } of rows) {
    it(title, () => {
      const result = queryCatalogue(ES, input);
      expect(result.tools.map((t) => t.id)).to.deep.equal(expected.tools);
      expect(facetTable(result)).to.deep.equal(expected.facets);
    });
  }
});

// ---------------------------------------------------------------- country, only

describe('buildCatalogue: country', () => {
  const rows: Array<{ input: string | undefined; expected: string[] }> = [
    { input: undefined, expected: ['cuota', 'credito', 'precio', 'mercadeo', 'asesores', 'hoja-margenes', 'margen', 'presupuesto'] },
    { input: 'SV', expected: ['cuota', 'credito', 'precio', 'asesores', 'margen', 'presupuesto'] },
    { input: 'GT', expected: ['credito', 'precio', 'mercadeo', 'asesores', 'margen', 'presupuesto'] },
    { input: 'hn', expected: ['credito', 'precio', 'asesores', 'hoja-margenes', 'presupuesto'] },
    { input: 'DO', expected: ['credito', 'precio', 'asesores', 'presupuesto'] },
    { input: '', expected: ['cuota', 'credito', 'precio', 'mercadeo', 'asesores', 'hoja-margenes', 'margen', 'presupuesto'] },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)}: tools without countries apply everywhere`, () => {
      const catalogue = buildCatalogue(FEED, { lang: 'es', country: input });
      expect(catalogue.size).to.equal(expected.length);
      expect(ids(catalogue, EMPTY_QUERY)).to.deep.equal(expected);
    });
  }

  it('facets count only the country’s tools', () => {
    const gt = buildCatalogue(FEED, { lang: 'es', country: 'GT' });
    expect(facetTable(queryCatalogue(gt, EMPTY_QUERY)).topic).to.deep.equal([
      'costs-prices 3',
      'finance-credit 2',
      'marketing 2',
    ]);
    expect(search('credito', gt)).to.deep.equal(['credito', 'presupuesto']);
  });
});

describe('queryCatalogue: only (saved tools)', () => {
  const rows: Array<{ input: { only: string[]; text?: string; country?: string }; expected: string[] }> = [
    { input: { only: ['precio', 'cuota', 'not-a-tool'] }, expected: ['cuota', 'precio'] },
    { input: { only: ['precio', 'cuota'], country: 'GT' }, expected: ['precio'] },
    { input: { only: ['precio', 'cuota', 'credito'], text: 'credito' }, expected: ['credito', 'cuota'] },
    { input: { only: [] }, expected: [] },
  ];
  for (const { input, expected } of rows) {
    it(JSON.stringify(input), () => {
      const catalogue = buildCatalogue(FEED, { lang: 'es', country: input.country });
      expect(ids(catalogue, query(input.text ?? '', {}, 'relevance', input.only))).to.deep.equal(expected);
    });
  }

  it('facets count within the saved tools', () => {
    const result = queryCatalogue(ES, query('', {}, 'relevance', ['precio', 'cuota']));
    expect(facetTable(result).type).to.deep.equal(['calculator 1', 'guide 1']);
  });
});

// ---------------------------------------------------------------- empty results

describe('queryCatalogue: relaxations', () => {
  const rows: Array<{ title: string; input: ToolQuery; expected: string[] }> = [
    {
      title: 'one value per facet',
      input: query('', { topic: ['marketing'], level: ['basic'], format: ['pdf'] }),
      expected: ['topic marketing 2', 'format pdf 1', 'level basic 0'],
    },
    {
      title: 'two values in one facet (ties keep facet, then value order)',
      input: query('', { type: ['course', 'calculator'], level: ['basic'] }),
      expected: ['level basic 2', 'type calculator 0', 'type course 0'],
    },
    {
      title: 'with text',
      input: query('credito', { audience: ['advisor'], level: ['advanced'] }),
      expected: ['level advanced 2', 'audience advisor 0'],
    },
    { title: 'none when there are results', input: query('', { topic: ['marketing'] }), expected: [] },
    { title: 'none without filters', input: query('zanahoria'), expected: [] },
  ];
  for (const { title, input, expected } of rows) {
    it(title, () => {
      const result = queryCatalogue(ES, input);
      expect(result.relaxations.map((r) => `${r.facet} ${r.value} ${r.count}`)).to.deep.equal(expected);
    });
  }
});

describe('queryCatalogue: did you mean', () => {
  const rows: Array<{ input: ToolQuery; expected: string | undefined }> = [
    { input: query('presupsto'), expected: 'presupuesto' },
    { input: query('cuota prestmoo'), expected: 'cuota préstamo' },
    { input: query('¿Cómo calcular el presiio de su prductoo?'), expected: '¿Cómo calcular el precio de su producto?' },
    { input: query('xyzzy'), expected: undefined },
    // The corrected query would still give nothing with this filter.
    { input: query('presupsto', { format: ['pdf'] }), expected: undefined },
    // Every word is known: the filters are what empties the result.
    { input: query('credito', { topic: ['marketing'] }), expected: undefined },
    // Results: no suggestion.
    { input: query('credto'), expected: undefined },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input.text)} ${JSON.stringify(input.filters.format)} → ${JSON.stringify(expected)}`, () => {
      const result = queryCatalogue(ES, input);
      expect(result.didYouMean).to.equal(expected);
      if (expected !== undefined) {
        expect(result.tools).to.deep.equal([]);
        expect(queryCatalogue(ES, { ...input, text: expected }).tools).not.to.deep.equal([]);
      }
    });
  }
});

describe('query helpers', () => {
  it('EMPTY_QUERY has no text, no filter, relevance', () => {
    expect(EMPTY_QUERY).to.deep.equal({ text: '', filters: emptyFilters(), sort: 'relevance' });
    expect(hasFilters(EMPTY_QUERY)).to.equal(false);
  });

  it('toggleFilter adds, then removes, without touching the original', () => {
    const on = toggleFilter(EMPTY_QUERY, 'topic', 'marketing');
    expect(on.filters.topic).to.deep.equal(['marketing']);
    expect(hasFilters(on)).to.equal(true);
    expect(EMPTY_QUERY.filters.topic).to.deep.equal([]);
    expect(toggleFilter(on, 'topic', 'marketing').filters.topic).to.deep.equal([]);
  });

  it('refuses an object not made by buildCatalogue', () => {
    const fake: Catalogue = { size: 0, lang: 'es', country: undefined, tools: [] };
    expect(() => queryCatalogue(fake, EMPTY_QUERY)).to.throw(TypeError);
  });

  it('handles a feed without tools', () => {
    const empty = buildCatalogue(parsed({ version: 1, title: 'Vacío' }), { lang: 'es' });
    const result = queryCatalogue(empty, query('credito', { type: ['guide'] }));
    expect(empty.size).to.equal(0);
    expect(result.tools).to.deep.equal([]);
    expect(result.didYouMean).to.equal(undefined);
    expect(result.relaxations).to.deep.equal([{ facet: 'type', value: 'guide', count: 0 }]);
  });
});

// ---------------------------------------------------------------- the sample feed

describe('queryCatalogue on the sample feed', () => {
  let sample: Feed;
  before(async () => {
    const response = await fetch('/demo/feed.json');
    const result = parseFeedText(await response.text());
    if (!result.ok) throw new Error(result.error.message);
    sample = result.feed;
  });

  const rows: Array<{ input: string; expected: string }> = [
    { input: 'precio', expected: 'precio' },
    { input: 'credito', expected: 'credito' },
    { input: 'flujo de caja', expected: 'flujo de caja' },
    { input: 'whatsapp', expected: 'whatsapp' },
    { input: 'exportar', expected: 'exportar' },
    { input: 'PLAN DE NEGOCIOS', expected: 'plan de negocios' },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)}: the first result's title contains ${JSON.stringify(expected)}`, () => {
      const result = queryCatalogue(buildCatalogue(sample, { lang: 'es' }), query(input));
      expect(result.tools.length).to.be.greaterThan(0);
      expect(normalizeText(pickText(result.tools[0]!.title, 'es'))).to.contain(expected);
    });
  }

  it('finds the pricing guide for a question in plain words', () => {
    const result = queryCatalogue(buildCatalogue(sample, { lang: 'es' }), query('cómo calcular el precio de mi producto'));
    expect(result.tools[0]!.id).to.equal('calcular-precio-producto');
  });

  it('shows a country its own tools and the regional ones, not other countries’', () => {
    const gt = buildCatalogue(sample, { lang: 'es', country: 'GT' });
    const found = ids(gt, query('inscribirse contribuyente'));
    expect(found).to.include('inscripcion-sat-guatemala');
    expect(found).not.to.include('inscripcion-hacienda-sv');
    expect(gt.size).to.equal(sample.tools.filter((t) => !t.countries || t.countries.includes('GT')).length);
  });

  it('counts every tool once per facet value without filters', () => {
    const catalogue = buildCatalogue(sample, { lang: 'es' });
    const result = queryCatalogue(catalogue, EMPTY_QUERY);
    const typeTotal = result.facets.type.reduce((sum, v) => sum + v.count, 0);
    expect(typeTotal).to.equal(catalogue.size);
    expect(result.tools.length).to.equal(catalogue.size);
  });
});
