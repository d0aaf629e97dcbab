import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText } from '../../src/feed/parse.js';
import type { Feed, Provider } from '../../src/feed/schema.js';
import {
  EMPTY_PROVIDER_QUERY,
  PROVIDER_FACETS,
  buildDirectory,
  distanceKm,
  emptyProviderFilters,
  hasProviderFilters,
  queryDirectory,
  toggleProviderFilter,
  type Directory,
  type DirectoryResult,
  type GeoPoint,
  type ProviderFacet,
  type ProviderQuery,
} from '../../src/provider-finder/directory.js';
import { normalizeText } from '../../src/toolbox-browser/catalogue.js';

// ---------------------------------------------------------------- a small handmade feed
//
// | id                    | countries | regions             | kind        | cost       | services          | sectors              | offices (region, coordinates)                       |
// | conamype              | SV        | —                   | public      | free       | advice, training  | Comercio, Servicios  | San Salvador SV-SS 13.6989,-89.1914                 |
// | coop-oriente          | SV        | SV-SM               | cooperative | paid       | finance           | Agropecuario, comercio | San Miguel SV-SM 13.4812,-88.179                  |
// | consultores-occidente | SV        | SV-SA, SV-AH        | private     | paid       | advice            | Comercio             | Santa Ana SV-SA 13.9942,-89.5597                    |
// | academia              | SV, GT    | —                   | training    | free       | training          | Tecnología           | —                                                   |
// | camara-gt             | GT        | GT-09               | chamber     | paid       | training, export  | Comercio             | Quetzaltenango GT-09 14.835,-91.517                 |
// | lab                   | SV, GT    | SV-SS, SV-LI, GT-01 | private     | —          | export            | Alimentos            | Guatemala GT-01 14.59,-90.53; San Salvador SV-SS 13.701,-89.22 |
// | fundacion             | SV        | SV-CH, SV-SS        | ngo         | subsidised | training, finance | Artesanía            | Chalatenango SV-CH (no coordinates)                 |
// | mentores              | SV, GT    | GT-01 (none in SV = all SV) | ngo  | free       | advice            | Todos los sectores   | —                                                   |
//
// Names A→Z: Academia, Cámara, Comisión (conamype), Consultores, Cooperativa, Fundación, Laboratorio, Red (mentores).

const RAW_FEED = {
  version: 1,
  title: 'Feed de prueba del directorio',
  countries: [
    {
      code: 'SV',
      name: 'El Salvador',
      currency: 'USD',
      locale: 'es-SV',
      regions: [
        { code: 'SV-SS', name: 'San Salvador', centre: { lat: 13.6929, lng: -89.2182 } },
        { code: 'SV-SA', name: 'Santa Ana', centre: { lat: 13.9942, lng: -89.5597 } },
        { code: 'SV-LI', name: 'La Libertad', centre: { lat: 13.6769, lng: -89.2797 } },
        { code: 'SV-AH', name: 'Ahuachapán', centre: { lat: 13.9214, lng: -89.845 } },
        { code: 'SV-SM', name: 'San Miguel', centre: { lat: 13.4833, lng: -88.1833 } },
        { code: 'SV-CH', name: 'Chalatenango', centre: { lat: 14.0333, lng: -88.9333 } },
        { code: 'SV-US', name: 'Usulután', centre: { lat: 13.3451, lng: -88.4385 } },
        { code: 'SV-MO', name: 'Morazán' },
      ],
    },
    {
      code: 'GT',
      name: 'Guatemala',
      currency: 'GTQ',
      locale: 'es-GT',
      regions: [
        { code: 'GT-01', name: 'Guatemala', centre: { lat: 14.6349, lng: -90.5069 } },
        { code: 'GT-09', name: 'Quetzaltenango', centre: { lat: 14.8347, lng: -91.5181 } },
      ],
    },
  ],
  services: [
    { id: 'training', name: { es: 'Capacitación', en: 'Training' } },
    { id: 'advice', name: { es: 'Asesoría empresarial', en: 'Business advice' } },
    { id: 'finance', name: { es: 'Crédito y financiamiento', en: 'Credit and finance' } },
    { id: 'export', name: { es: 'Apoyo para exportar', en: 'Export support' } },
  ],
  providers: [
    {
      id: 'conamype',
      name: 'Comisión Nacional de la Micro y Pequeña Empresa',
      alternateName: 'CONAMYPE',
      kind: 'public',
      cost: 'free',
      description: {
        es: 'Asesoría gratuita y apoyo para vender en línea y hacer su negocio digital.',
        en: 'Free advice and help to sell online and take your business digital.',
      },
      services: ['advice', 'training'],
      sectors: ['Comercio', 'Servicios'],
      countries: ['SV'],
      locations: [{ address: { city: 'San Salvador', region: 'SV-SS', country: 'SV' }, lat: 13.6989, lng: -89.1914 }],
    },
    {
      id: 'coop-oriente',
      name: 'Cooperativa de Ahorro Oriente',
      kind: 'cooperative',
      cost: 'paid',
      services: ['finance'],
      sectors: ['Agropecuario', 'comercio '],
      countries: ['SV'],
      regions: ['SV-SM'],
      locations: [{ address: { city: 'San Miguel', region: 'SV-SM', country: 'SV' }, lat: 13.4812, lng: -88.179 }],
    },
    {
      id: 'consultores-occidente',
      name: 'Consultores de Occidente',
      kind: 'private',
      cost: 'paid',
      services: ['advice'],
      sectors: ['Comercio'],
      countries: ['SV'],
      regions: ['SV-SA', 'SV-AH'],
      locations: [{ address: { city: 'Santa Ana', region: 'SV-SA', country: 'SV' }, lat: 13.9942, lng: -89.5597 }],
    },
    {
      id: 'academia',
      name: 'Academia Digital en Línea',
      kind: 'training',
      cost: 'free',
      services: ['training'],
      sectors: ['Tecnología'],
      countries: ['SV', 'GT'],
    },
    {
      id: 'camara-gt',
      name: 'Cámara de Comercio de Quetzaltenango',
      kind: 'chamber',
      cost: 'paid',
      services: ['training', 'export'],
      sectors: ['Comercio'],
      countries: ['GT'],
      regions: ['GT-09'],
      locations: [{ address: { city: 'Quetzaltenango', region: 'GT-09', country: 'GT' }, lat: 14.835, lng: -91.517 }],
    },
    {
      id: 'lab',
      name: 'Laboratorio de Calidad',
      kind: 'private',
      services: ['export'],
      sectors: ['Alimentos'],
      countries: ['SV', 'GT'],
      regions: ['SV-SS', 'SV-LI', 'GT-01'],
      locations: [
        { address: { city: 'Ciudad de Guatemala', region: 'GT-01', country: 'GT' }, lat: 14.59, lng: -90.53 },
        { address: { city: 'San Salvador', region: 'SV-SS', country: 'SV' }, lat: 13.701, lng: -89.22 },
      ],
    },
    {
      id: 'fundacion',
      name: 'Fundación Mujeres Emprendedoras',
      kind: 'ngo',
      cost: 'subsidised',
      services: ['training', 'finance'],
      sectors: ['Artesanía'],
      countries: ['SV'],
      regions: ['SV-CH', 'SV-SS'],
      locations: [{ address: { address1: '2a Calle Poniente', city: 'Chalatenango', region: 'SV-CH', country: 'SV' } }],
    },
    {
      id: 'mentores',
      name: 'Red de Mentores Voluntarios',
      kind: 'ngo',
      cost: 'free',
      services: ['advice'],
      sectors: ['Todos los sectores'],
      countries: ['SV', 'GT'],
      regions: ['GT-01'],
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
const SV = buildDirectory(FEED, { lang: 'es', country: 'SV' });
const GT = buildDirectory(FEED, { lang: 'es', country: 'GT' });
const ALL_SV = ['academia', 'conamype', 'consultores-occidente', 'coop-oriente', 'fundacion', 'lab', 'mentores'];

const SAN_SALVADOR: GeoPoint = { lat: 13.6929, lng: -89.2182 };
const SANTA_ANA: GeoPoint = { lat: 13.9942, lng: -89.5597 };
const GUATEMALA: GeoPoint = { lat: 14.6349, lng: -90.5069 };

type Filters = Partial<Record<ProviderFacet, readonly string[]>>;

function query(text = '', filters: Filters = {}, extra: { region?: string; origin?: GeoPoint } = {}): ProviderQuery {
  return { text, filters: { ...emptyProviderFilters(), ...filters }, ...extra };
}

function ids(directory: Directory, q: ProviderQuery): string[] {
  return queryDirectory(directory, q).results.map((result) => result.provider.id);
}

function facetTable(result: DirectoryResult): Record<ProviderFacet, string[]> {
  const out = {} as Record<ProviderFacet, string[]>;
  for (const facet of PROVIDER_FACETS) {
    out[facet] = result.facets[facet].map((v) => `${v.value} ${v.count}${v.selected ? ' *' : ''}`);
  }
  return out;
}

// ---------------------------------------------------------------- distance

describe('distanceKm (haversine, R = 6371)', () => {
  // Checked by hand: the spherical law of cosines and the equirectangular
  // approximation give the same figures to 0.01 km at these distances.
  const rows: Array<{ title: string; input: [GeoPoint, GeoPoint]; expected: number }> = [
    { title: 'San Salvador → Santa Ana', input: [SAN_SALVADOR, SANTA_ANA], expected: 49.82 },
    { title: 'San Salvador → Ciudad de Guatemala', input: [SAN_SALVADOR, GUATEMALA], expected: 174.0 },
    { title: 'one degree of longitude on the equator (2πR / 360)', input: [{ lat: 0, lng: 0 }, { lat: 0, lng: 1 }], expected: 111.19 },
    { title: 'half the equator (πR)', input: [{ lat: 0, lng: 0 }, { lat: 0, lng: 180 }], expected: 20015.09 },
    { title: 'pole to pole (πR)', input: [{ lat: 90, lng: 0 }, { lat: -90, lng: 0 }], expected: 20015.09 },
    { title: 'across the antimeridian', input: [{ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 }], expected: 111.19 },
    { title: 'the same point', input: [SANTA_ANA, SANTA_ANA], expected: 0 },
  ];
  for (const { title, input: [a, b], expected } of rows) {
    it(`${title}: ${expected} km`, () => {
      expect(distanceKm(a, b)).to.be.closeTo(expected, 0.005);
      expect(distanceKm(b, a)).to.be.closeTo(expected, 0.005);
    });
  }
});

// ---------------------------------------------------------------- country

describe('buildDirectory: country', () => {
  const rows: Array<{ input: string | undefined; expected: string[] }> = [
    { input: 'SV', expected: ALL_SV },
    { input: 'gt', expected: ['academia', 'camara-gt', 'lab', 'mentores'] },
    { input: ' GT ', expected: ['academia', 'camara-gt', 'lab', 'mentores'] },
    { input: 'HN', expected: [] },
    { input: undefined, expected: ['academia', 'camara-gt', ...ALL_SV.slice(1)] },
    { input: '', expected: ['academia', 'camara-gt', ...ALL_SV.slice(1)] },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)} → [${expected.join(', ')}] (by name)`, () => {
      const directory = buildDirectory(FEED, { lang: 'es', country: input });
      expect(directory.size).to.equal(expected.length);
      expect(ids(directory, EMPTY_PROVIDER_QUERY)).to.deep.equal(expected);
    });
  }

  it('keeps its language, country and providers in feed order', () => {
    expect(GT.lang).to.equal('es');
    expect(GT.country).to.equal('GT');
    expect(GT.providers.map((p) => p.id)).to.deep.equal(['academia', 'camara-gt', 'lab', 'mentores']);
  });
});

// ---------------------------------------------------------------- search

describe('queryDirectory: keyword search', () => {
  const rows: Array<{ title: string; input: string; directory?: Directory; expected: string[] }> = [
    { title: 'a service name, without accent', input: 'credito', expected: ['coop-oriente', 'fundacion'] },
    { title: 'capitals and accents are ignored', input: 'CRÉDITO', expected: ['coop-oriente', 'fundacion'] },
    { title: 'an accent where the text has none', input: 'Ahórro', expected: ['coop-oriente'] },
    { title: 'the alternate name', input: 'conamype', expected: ['conamype'] },
    { title: 'a service name shared by three', input: 'asesoría', expected: ['conamype', 'consultores-occidente', 'mentores'] },
    { title: 'a sector, whatever its case in the feed', input: 'comercio', expected: ['conamype', 'consultores-occidente', 'coop-oriente'] },
    { title: 'a sector with an accent', input: 'tecnologia', expected: ['academia'] },
    { title: 'a city name', input: 'chalatenango', expected: ['fundacion'] },
    { title: 'a city name of two words', input: 'Santa Ana', expected: ['consultores-occidente'] },
    // San Salvador, San Miguel: exact "san" (3 × 1); Santa Ana: prefix (3 × 0.7).
    { title: 'exact before prefix, then by name', input: 'san', expected: ['conamype', 'coop-oriente', 'lab', 'consultores-occidente'] },
    // Name (10) before description (2).
    { title: 'name before description', input: 'digital', expected: ['academia', 'conamype'] },
    { title: 'every word must match', input: 'cooperativa ahorro', expected: ['coop-oriente'] },
    { title: 'words may match different fields', input: 'crédito chalatenango', expected: ['fundacion'] },
    { title: 'a word found nowhere empties the result', input: 'crédito zanahoria', expected: [] },
    { title: 'the last word is a prefix', input: 'mujeres emprend', expected: ['fundacion'] },
    { title: 'only the last word is a prefix', input: 'emprend mujeres', expected: [] },
    { title: 'stop words are ignored', input: 'la cooperativa de ahorro en San Miguel', expected: ['coop-oriente'] },
    { title: 'a query of stop words only is no text', input: 'de la', expected: ALL_SV },
    { title: 'punctuation is a separator', input: '¿Crédito?', expected: ['coop-oriente', 'fundacion'] },
    { title: 'only the country’s providers', input: 'comercio', directory: GT, expected: ['camara-gt'] },
    { title: 'a name beats a city', input: 'quetzaltenango', directory: GT, expected: ['camara-gt'] },
  ];
  for (const { title, input, directory, expected } of rows) {
    it(`${title}: ${JSON.stringify(input)} → [${expected.join(', ')}]`, () => {
      expect(ids(directory ?? SV, query(input))).to.deep.equal(expected);
    });
  }

  it('searches the page language and Spanish', () => {
    const en = buildDirectory(FEED, { lang: 'en', country: 'SV' });
    const rows: Array<{ input: string; expected: string[] }> = [
      { input: 'credit', expected: ['coop-oriente', 'fundacion'] },
      { input: 'crédito', expected: ['coop-oriente', 'fundacion'] },
      { input: 'online', expected: ['conamype'] },
      { input: 'business advice', expected: ['conamype', 'consultores-occidente', 'mentores'] },
    ];
    for (const { input, expected } of rows) expect(ids(en, query(input)), input).to.deep.equal(expected);
  });

  it('never throws on odd input', () => {
    for (const input of ['%%%', '\u0000', 'a'.repeat(5000), '🙂 crédito 🙂', '∑∂ƒ©', 'x '.repeat(100)]) {
      expect(() => queryDirectory(SV, query(input)), input).not.to.throw();
    }
    expect(ids(SV, query('🙂 crédito 🙂'))).to.deep.equal(['coop-oriente', 'fundacion']);
  });
});

// ---------------------------------------------------------------- facets

describe('queryDirectory: facets (disjunctive)', () => {
  // Counted by hand from the table at the top of this file; `*` = selected.
  const rows: Array<{ title: string; input: ProviderQuery; expected: { results: string[]; facets: Record<ProviderFacet, string[]> } }> = [
    {
      title: 'no filter: every value present, by count then value; sectors folded by case',
      input: query(),
      expected: {
        results: ALL_SV,
        facets: {
          service: ['advice 3', 'training 3', 'finance 2', 'export 1'],
          sector: ['Comercio 3', 'Agropecuario 1', 'Alimentos 1', 'Artesanía 1', 'Servicios 1', 'Tecnología 1', 'Todos los sectores 1'],
          kind: ['ngo 2', 'private 2', 'cooperative 1', 'public 1', 'training 1'],
          cost: ['free 3', 'paid 2', 'subsidised 1'],
        },
      },
    },
    {
      title: 'OR inside a facet, AND across; a facet counts with the other facets’ selections',
      input: query('', { service: ['training', 'finance'], cost: ['free'] }),
      expected: {
        results: ['academia', 'conamype'],
        facets: {
          service: ['advice 2', 'training 2 *', 'finance 0 *'],
          sector: ['Comercio 1', 'Servicios 1', 'Tecnología 1'],
          kind: ['public 1', 'training 1'],
          cost: ['free 2 *', 'paid 1', 'subsidised 1'],
        },
      },
    },
    {
      title: 'a sector selected in another case matches',
      input: query('', { sector: ['COMERCIO'] }),
      expected: {
        results: ['conamype', 'consultores-occidente', 'coop-oriente'],
        facets: {
          service: ['advice 2', 'finance 1', 'training 1'],
          sector: ['Comercio 3 *', 'Agropecuario 1', 'Alimentos 1', 'Artesanía 1', 'Servicios 1', 'Tecnología 1', 'Todos los sectores 1'],
          kind: ['cooperative 1', 'private 1', 'public 1'],
          cost: ['paid 2', 'free 1'],
        },
      },
    },
    {
      title: 'counts are within the text and region',
      input: query('crédito', { kind: ['ngo'] }, { region: 'SV-SS' }),
      expected: {
        results: ['fundacion'],
        facets: {
          service: ['finance 1', 'training 1'],
          sector: ['Artesanía 1'],
          kind: ['ngo 1 *'],
          cost: ['subsidised 1'],
        },
      },
    },
    {
      title: 'a selected value the directory does not have shows at 0',
      input: query('', { service: ['legal'] }),
      expected: {
        results: [],
        facets: {
          service: ['advice 3', 'training 3', 'finance 2', 'export 1', 'legal 0 *'],
          sector: [],
          kind: [],
          cost: [],
        },
      },
    },
  ];
  for (const { title, input, expected } of rows) {
    it(title, () => {
      const result = queryDirectory(SV, input);
      expect(result.results.map((r) => r.provider.id)).to.deep.equal(expected.results);
      expect(facetTable(result)).to.deep.equal(expected.facets);
    });
  }
});

// ---------------------------------------------------------------- region

describe('queryDirectory: region', () => {
  // Served: no `regions` = the whole country; regions listed only for another
  // country = the whole of this one (mentores). Those with an office there first.
  const rows: Array<{ input: { region: string; directory?: Directory }; expected: string[] }> = [
    { input: { region: 'SV-SS' }, expected: ['conamype', 'lab', 'academia', 'fundacion', 'mentores'] },
    { input: { region: 'sv-ss' }, expected: ['conamype', 'lab', 'academia', 'fundacion', 'mentores'] },
    { input: { region: 'SV-SM' }, expected: ['coop-oriente', 'academia', 'conamype', 'mentores'] },
    { input: { region: 'SV-SA' }, expected: ['consultores-occidente', 'academia', 'conamype', 'mentores'] },
    { input: { region: 'SV-AH' }, expected: ['academia', 'conamype', 'consultores-occidente', 'mentores'] },
    { input: { region: 'SV-CH' }, expected: ['fundacion', 'academia', 'conamype', 'mentores'] },
    { input: { region: 'SV-LI' }, expected: ['academia', 'conamype', 'lab', 'mentores'] },
    { input: { region: 'GT-01', directory: GT }, expected: ['lab', 'academia', 'mentores'] },
    { input: { region: 'GT-09', directory: GT }, expected: ['camara-gt', 'academia'] },
    { input: { region: 'SV-SS', directory: buildDirectory(FEED, { lang: 'es' }) }, expected: ['conamype', 'lab', 'academia', 'fundacion', 'mentores'] },
    { input: { region: '' }, expected: ALL_SV },
    { input: { region: '  ' }, expected: ALL_SV },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input.region)}${input.directory === GT ? ' (GT)' : ''} → [${expected.join(', ')}]`, () => {
      expect(ids(input.directory ?? SV, query('', {}, { region: input.region }))).to.deep.equal(expected);
    });
  }

  it('with text: located first, then relevance', () => {
    // "asesoría" (a service): consultores has its office in Santa Ana; the others serve the whole country.
    expect(ids(SV, query('asesoria', {}, { region: 'SV-SA' }))).to.deep.equal([
      'consultores-occidente',
      'conamype',
      'mentores',
    ]);
  });

  it('shows the office in the region, else in the country, else the first', () => {
    const rows: Array<{ directory: Directory; region?: string; expected: string | undefined }> = [
      { directory: SV, expected: 'San Salvador' },
      { directory: SV, region: 'SV-SS', expected: 'San Salvador' },
      { directory: GT, expected: 'Ciudad de Guatemala' },
      { directory: buildDirectory(FEED, { lang: 'es' }), expected: 'Ciudad de Guatemala' },
    ];
    for (const { directory, region, expected } of rows) {
      const result = queryDirectory(directory, query('laboratorio', {}, region === undefined ? {} : { region }));
      expect(result.results[0]!.nearest?.address?.city).to.equal(expected);
      expect(result.results[0]!.distanceKm).to.equal(undefined);
    }
    const academia = queryDirectory(SV, query('academia')).results[0]!;
    expect(academia).to.deep.equal({ provider: FEED.providers.find((p) => p.id === 'academia') });
  });
});

// ---------------------------------------------------------------- distance order

describe('queryDirectory: distance', () => {
  const rows: Array<{ title: string; input: { directory: Directory; q: ProviderQuery }; expected: string[] }> = [
    {
      title: 'from San Salvador: nearest office first, without coordinates last by name',
      input: { directory: SV, q: query('', {}, { origin: SAN_SALVADOR }) },
      expected: [
        'lab 0.9 San Salvador',
        'conamype 3 San Salvador',
        'consultores-occidente 49.8 Santa Ana',
        'coop-oriente 114.8 San Miguel',
        'academia',
        'fundacion – Chalatenango',
        'mentores',
      ],
    },
    {
      title: 'from Ciudad de Guatemala: the provider’s nearest office counts',
      input: { directory: GT, q: query('', {}, { origin: GUATEMALA }) },
      expected: ['lab 5.6 Ciudad de Guatemala', 'camara-gt 110.9 Quetzaltenango', 'academia', 'mentores'],
    },
    {
      title: 'with a region, distance wins over being located there',
      input: { directory: SV, q: query('', {}, { region: 'SV-SS', origin: SANTA_ANA }) },
      expected: ['lab 49.1 San Salvador', 'conamype 51.6 San Salvador', 'academia', 'fundacion – Chalatenango', 'mentores'],
    },
    {
      title: 'with text and filters',
      input: { directory: SV, q: query('crédito', { cost: ['paid', 'subsidised'] }, { origin: SANTA_ANA }) },
      expected: ['coop-oriente 159.7 San Miguel', 'fundacion – Chalatenango'],
    },
    {
      title: 'an origin that is not a point is ignored',
      input: { directory: SV, q: query('', {}, { origin: { lat: Number.NaN, lng: 0 } }) },
      expected: [
        'academia',
        'conamype – San Salvador',
        'consultores-occidente – Santa Ana',
        'coop-oriente – San Miguel',
        'fundacion – Chalatenango',
        'lab – San Salvador',
        'mentores',
      ],
    },
  ];
  for (const { title, input, expected } of rows) {
    it(title, () => {
      const table = queryDirectory(input.directory, input.q).results.map(({ provider, distanceKm: km, nearest }) => {
        const city = nearest?.address?.city;
        return [provider.id, km ?? (city === undefined ? undefined : '–'), city].filter((part) => part !== undefined).join(' ');
      });
      expect(table).to.deep.equal(expected);
    });
  }

  it('rounds to one decimal', () => {
    const result = queryDirectory(SV, query('consultores', {}, { origin: SAN_SALVADOR }));
    expect(result.results[0]!.distanceKm).to.equal(49.8);
    expect(distanceKm(SAN_SALVADOR, SANTA_ANA)).to.be.closeTo(49.818, 0.001);
  });
});

// ---------------------------------------------------------------- widenings

describe('queryDirectory: widenings', () => {
  const describeWidening = (w: DirectoryResult['widenings'][number]): string => {
    switch (w.kind) {
      case 'drop-filter':
        return `drop ${w.facet} ${w.value} ${w.count}`;
      case 'nearby-region':
        return `nearby ${w.region} ${w.count}`;
      default:
        return `${w.kind} ${w.count}`;
    }
  };
  const rows: Array<{ title: string; input: ProviderQuery; expected: string[] }> = [
    {
      title: 'drop a filter or the text',
      input: query('crédito', { kind: ['public'] }),
      expected: ['drop kind public 2', 'drop-text 1'],
    },
    {
      // Nearest centres to San Miguel: Usulután 31.6 km, Chalatenango 101.5, San Salvador 114.3
      // (La Libertad, 120.4 km, where the laboratory also works, is the fourth).
      title: 'drop the filter, the whole country, nearby regions that give something',
      input: query('', { service: ['export'] }, { region: 'SV-SM' }),
      expected: ['drop service export 4', 'whole-country 1', 'nearby SV-SS 1'],
    },
    {
      title: 'two values in one facet: each dropped alone; zero counts left out',
      input: query('', { service: ['export', 'finance'], kind: ['public'] }),
      expected: ['drop kind public 3'],
    },
    {
      title: 'text alone',
      input: query('zanahoria'),
      expected: ['drop-text 7'],
    },
    {
      title: 'a drop that gives nothing is left out',
      input: query('zanahoria', { cost: ['paid'] }),
      expected: ['drop-text 2'],
    },
    {
      title: 'text and region',
      // Nearest to Chalatenango: San Salvador, La Libertad, Santa Ana — no savings cooperative there.
      input: query('ahorro', {}, { region: 'SV-CH' }),
      expected: ['drop-text 4', 'whole-country 1'],
    },
    {
      title: 'a region without a centre has no nearby regions',
      input: query('', { service: ['export'] }, { region: 'SV-MO' }),
      expected: ['drop service export 3', 'whole-country 1'],
    },
    {
      title: 'none when there are results',
      input: query('crédito', { cost: ['paid'] }, { region: 'SV-SM' }),
      expected: [],
    },
    { title: 'a value the directory does not have', input: query('', { service: ['legal'] }), expected: ['drop service legal 7'] },
  ];
  for (const { title, input, expected } of rows) {
    it(title, () => {
      const result = queryDirectory(SV, input);
      if (expected.length > 0) expect(result.results).to.deep.equal([]);
      expect(result.widenings.map(describeWidening)).to.deep.equal(expected);
    });
  }

  it('each count is what the widened query gives', () => {
    const input = query('', { service: ['export'], cost: ['paid'] }, { region: 'SV-SM' });
    const result = queryDirectory(SV, input);
    expect(result.results).to.deep.equal([]);
    expect(result.widenings.length).to.be.greaterThan(0);
    for (const w of result.widenings) {
      const widened: ProviderQuery =
        w.kind === 'drop-filter'
          ? toggleProviderFilter(input, w.facet, w.value)
          : w.kind === 'drop-text'
            ? { ...input, text: '' }
            : w.kind === 'whole-country'
              ? { ...input, region: undefined }
              : { ...input, region: w.region };
      expect(queryDirectory(SV, widened).results.length, describeWidening(w)).to.equal(w.count);
    }
  });
});

// ---------------------------------------------------------------- helpers and odd input

describe('query helpers', () => {
  it('EMPTY_PROVIDER_QUERY has no text, no filter, no region, no origin', () => {
    expect(EMPTY_PROVIDER_QUERY).to.deep.equal({ text: '', filters: emptyProviderFilters() });
    expect(PROVIDER_FACETS).to.deep.equal(['service', 'sector', 'kind', 'cost']);
    expect(hasProviderFilters(EMPTY_PROVIDER_QUERY)).to.equal(false);
  });

  it('toggleProviderFilter adds, then removes, without touching the original', () => {
    const on = toggleProviderFilter(EMPTY_PROVIDER_QUERY, 'kind', 'ngo');
    expect(on.filters.kind).to.deep.equal(['ngo']);
    expect(hasProviderFilters(on)).to.equal(true);
    expect(EMPTY_PROVIDER_QUERY.filters.kind).to.deep.equal([]);
    expect(toggleProviderFilter(on, 'kind', 'ngo').filters.kind).to.deep.equal([]);
  });

  it('refuses an object not made by buildDirectory', () => {
    const fake: Directory = { size: 0, lang: 'es', country: undefined, providers: [] };
    expect(() => queryDirectory(fake, EMPTY_PROVIDER_QUERY)).to.throw(TypeError);
  });

  it('handles a feed without providers', () => {
    const empty = buildDirectory(parsed({ version: 1, title: 'Vacío' }), { lang: 'es', country: 'SV' });
    const result = queryDirectory(empty, query('crédito', { kind: ['ngo'] }, { region: 'SV-SS', origin: SAN_SALVADOR }));
    expect(empty.size).to.equal(0);
    expect(result.results).to.deep.equal([]);
    expect(result.widenings).to.deep.equal([]);
    expect(result.facets.kind).to.deep.equal([{ value: 'ngo', count: 0, selected: true }]);
  });

  it('the same query twice gives the same answer (region flags are kept)', () => {
    const q = query('', {}, { region: 'SV-SS', origin: SAN_SALVADOR });
    expect(queryDirectory(SV, q)).to.deep.equal(queryDirectory(SV, q));
  });
});

// ---------------------------------------------------------------- the sample feed

/** The region rule, written out again independently of the module. */
function servesRegion(provider: Provider, region: string): boolean {
  const country = region.split('-')[0]!;
  if (!provider.countries.includes(country)) return false;
  const own = (provider.regions ?? []).filter((code) => code.startsWith(`${country}-`));
  return own.length === 0 || own.includes(region);
}

describe('queryDirectory on the sample feed', () => {
  let sample: Feed;
  before(async () => {
    const response = await fetch('/demo/feed.json');
    const result = parseFeedText(await response.text());
    if (!result.ok) throw new Error(result.error.message);
    sample = result.feed;
  });

  for (const country of ['SV', 'GT', 'HN', 'NI', 'DO']) {
    describe(country, () => {
      let directory: Directory;
      before(() => {
        directory = buildDirectory(sample, { lang: 'es', country });
      });

      it('holds every provider that serves the country, once each, counted in every facet', () => {
        const expected = sample.providers.filter((p) => p.countries.includes(country)).map((p) => p.id);
        expect(directory.size).to.be.greaterThan(0);
        expect(directory.providers.map((p) => p.id)).to.deep.equal(expected);
        const result = queryDirectory(directory, EMPTY_PROVIDER_QUERY);
        expect(result.results.map((r) => r.provider.id).sort()).to.deep.equal([...expected].sort());
        expect(result.facets.kind.reduce((sum, v) => sum + v.count, 0)).to.equal(directory.size);
        for (const value of result.facets.service) {
          expect(value.count, value.value).to.equal(directory.providers.filter((p) => p.services.includes(value.value)).length);
        }
      });

      it('each region keeps the providers that serve it, those with an office there first', () => {
        const regions = sample.countries.find((c) => c.code === country)!.regions;
        expect(regions.length).to.be.greaterThan(0);
        for (const region of regions) {
          const found = queryDirectory(directory, query('', {}, { region: region.code })).results.map((r) => r.provider);
          const expected = directory.providers.filter((p) => servesRegion(p, region.code));
          expect(found.map((p) => p.id).sort(), region.code).to.deep.equal(expected.map((p) => p.id).sort());
          const located = found.map((p) => p.locations.some((l) => l.address?.region === region.code));
          expect(located, region.code).to.deep.equal([...located].sort((a, b) => Number(b) - Number(a)));
        }
      });

      it('from each region’s centre: by distance, those without coordinates last', () => {
        const regions = sample.countries.find((c) => c.code === country)!.regions;
        for (const region of regions) {
          if (region.centre === undefined) continue;
          const results = queryDirectory(directory, query('', {}, { region: region.code, origin: region.centre })).results;
          const km = results.map((r) => r.distanceKm ?? Number.POSITIVE_INFINITY);
          expect(km, region.code).to.deep.equal([...km].sort((a, b) => a - b));
          for (const r of results) {
            const points = r.provider.locations.filter((l) => l.lat !== undefined && l.lng !== undefined);
            if (points.length === 0) {
              expect(r.distanceKm).to.equal(undefined);
              continue;
            }
            const nearest = Math.min(...points.map((l) => distanceKm(region.centre!, { lat: l.lat!, lng: l.lng! })));
            expect(r.distanceKm, r.provider.id).to.equal(Math.round(nearest * 10) / 10);
            expect(points, r.provider.id).to.include(r.nearest);
          }
        }
      });

      it('finds providers by keyword, whatever the accents', () => {
        for (const word of ['CAPACITACIÓN', 'capacitacion', 'credito']) {
          const found = queryDirectory(directory, query(word)).results;
          for (const { provider } of found) {
            const names = provider.services
              .map((id) => sample.services.find((s) => s.id === id))
              .map((s) => s?.name ?? '');
            const cities = provider.locations.map((l) => l.address?.city ?? '');
            const text = normalizeText(
              JSON.stringify([provider.name, provider.alternateName, provider.description, provider.sectors, cities, names]),
            );
            expect(text, `${word} in ${provider.id}`).to.contain(normalizeText(word));
          }
        }
        expect(queryDirectory(directory, query('capacitacion')).results.length).to.be.greaterThan(0);
      });
    });
  }

  const names: Array<{ country: string; input: string; expected: string }> = [
    { country: 'SV', input: 'conamype', expected: 'conamype' },
    { country: 'GT', input: 'Intecap', expected: 'intecap' },
    { country: 'HN', input: 'SENPRENDE', expected: 'senprende' },
    { country: 'NI', input: 'tecnológico nacional', expected: 'inatec' },
    { country: 'DO', input: 'infotep', expected: 'infotep' },
  ];
  for (const { country, input, expected } of names) {
    it(`${country}: ${JSON.stringify(input)} finds ${expected} first`, () => {
      const results = queryDirectory(buildDirectory(sample, { lang: 'es', country }), query(input)).results;
      expect(results[0]?.provider.id).to.equal(expected);
    });
  }

  it('never shows a country another country’s providers', () => {
    const hn = buildDirectory(sample, { lang: 'es', country: 'HN' });
    const found = queryDirectory(hn, query('conamype')).results.map((r) => r.provider.id);
    expect(found).not.to.include('conamype');
  });
});
