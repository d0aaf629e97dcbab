#!/usr/bin/env node
// Generates a large, realistic, valid feed (version 1) for benches.
//
//   node bench/generate-feed.mjs --tools 10000 --providers 10000 --seed 1 > /tmp/big.json
//
// Or from another script, in Node or in the browser (no Node API is touched unless run
// as a command):  import { generateFeed } from './generate-feed.mjs';
//
// Deterministic for a seed (mulberry32). The five countries (SV GT HN NI DO) with a few
// real regions each, the sample feed's topics and services, N tools with Spanish/English
// titles and summaries built from word lists, N providers, one cash-flow template and one
// plan outline. Every item passes `parseFeed` with no issue; everything is marked as an
// example (`example.org` addresses, `"example": true` providers).
// ---------------------------------------------------------------- randomness

/** A small, fast, seedable PRNG: returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function helpers(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  /** `[value, weight]` pairs. */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = random() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  };
  /** `n` distinct items of `list`, in list order. */
  const some = (list, n) => {
    const chosen = new Set();
    const count = Math.min(n, list.length);
    while (chosen.size < count) chosen.add(Math.floor(random() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
  };
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const date = (fromYear, toYear) => {
    const from = Date.UTC(fromYear, 0, 1);
    const to = Date.UTC(toYear, 10, 1);
    return new Date(from + Math.floor(random() * (to - from))).toISOString().slice(0, 10);
  };
  return { int, pick, chance, weighted, some, shuffle, date };
}

// ---------------------------------------------------------------- fixed vocabularies

const COUNTRIES = [
  {
    code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV', salesTax: { name: 'IVA', rate: 13 },
    regions: [
      ['SV-SS', 'San Salvador', 13.6989, -89.1914],
      ['SV-SA', 'Santa Ana', 13.9942, -89.5597],
      ['SV-SM', 'San Miguel', 13.4833, -88.1833],
      ['SV-LI', 'La Libertad', 13.6769, -89.2797],
      ['SV-SO', 'Sonsonate', 13.7189, -89.7242],
    ],
  },
  {
    code: 'GT', name: 'Guatemala', currency: 'GTQ', locale: 'es-GT', salesTax: { name: 'IVA', rate: 12 },
    regions: [
      ['GT-01', 'Guatemala', 14.6349, -90.5069],
      ['GT-09', 'Quetzaltenango', 14.8347, -91.518],
      ['GT-05', 'Escuintla', 14.305, -90.785],
      ['GT-16', 'Alta Verapaz', 15.4708, -90.3708],
      ['GT-17', 'Petén', 16.9125, -89.8936],
    ],
  },
  {
    code: 'HN', name: 'Honduras', currency: 'HNL', locale: 'es-HN', salesTax: { name: 'ISV', rate: 15 },
    regions: [
      ['HN-FM', 'Francisco Morazán', 14.0723, -87.1921],
      ['HN-CR', 'Cortés', 15.5042, -88.025],
      ['HN-AT', 'Atlántida', 15.7597, -86.7822],
      ['HN-CH', 'Choluteca', 13.3007, -87.1908],
      ['HN-CP', 'Copán', 14.7667, -88.7792],
    ],
  },
  {
    code: 'NI', name: 'Nicaragua', currency: 'NIO', locale: 'es-NI', salesTax: { name: 'IVA', rate: 15 },
    regions: [
      ['NI-MN', 'Managua', 12.1364, -86.2514],
      ['NI-LE', 'León', 12.4379, -86.8780],
      ['NI-MT', 'Matagalpa', 12.9256, -85.9175],
      ['NI-GR', 'Granada', 11.9344, -85.956],
      ['NI-ES', 'Estelí', 13.0917, -86.3539],
    ],
  },
  {
    code: 'DO', name: { es: 'República Dominicana', en: 'Dominican Republic' }, currency: 'DOP', locale: 'es-DO',
    salesTax: { name: 'ITBIS', rate: 18 },
    regions: [
      ['DO-01', 'Distrito Nacional', 18.4861, -69.9312],
      ['DO-32', 'Santo Domingo', 18.5, -69.85],
      ['DO-25', 'Santiago', 19.4517, -70.697],
      ['DO-13', 'La Vega', 19.2221, -70.5296],
      ['DO-18', 'Puerto Plata', 19.7934, -70.6884],
    ],
  },
];
const COUNTRY_NAME_ES = { SV: 'El Salvador', GT: 'Guatemala', HN: 'Honduras', NI: 'Nicaragua', DO: 'República Dominicana' };
const COUNTRY_NAME_EN = { SV: 'El Salvador', GT: 'Guatemala', HN: 'Honduras', NI: 'Nicaragua', DO: 'the Dominican Republic' };

const TOPICS = [
  ['business-plan', 'Plan de negocios', 'Business plan'],
  ['cash-flow', 'Flujo de caja', 'Cash flow'],
  ['costs-prices', 'Costos y precios', 'Costs and prices'],
  ['marketing', 'Mercadeo', 'Marketing'],
  ['sales', 'Ventas', 'Sales'],
  ['formalisation', 'Formalización y trámites', 'Formalisation and registration'],
  ['finance-credit', 'Financiamiento y crédito', 'Finance and credit'],
  ['human-resources', 'Personal y recursos humanos', 'People and human resources'],
  ['digital', 'Herramientas digitales', 'Digital tools'],
  ['export', 'Exportación', 'Exporting'],
  ['accounting', 'Contabilidad y registros', 'Bookkeeping and accounting'],
  ['customer-service', 'Atención al cliente', 'Customer service'],
];

const SERVICES = [
  ['training', 'Capacitación', 'Training'],
  ['advice', 'Asesoría empresarial', 'Business advice'],
  ['mentoring', 'Mentoría', 'Mentoring'],
  ['finance', 'Crédito y financiamiento', 'Credit and finance'],
  ['seed-capital', 'Capital semilla', 'Seed capital'],
  ['legal', 'Formalización y apoyo legal', 'Formalisation and legal help'],
  ['export', 'Apoyo para exportar', 'Export support'],
  ['digital', 'Transformación digital', 'Digital transformation'],
  ['incubation', 'Incubación de empresas', 'Business incubation'],
  ['market-access', 'Acceso a mercados', 'Market access'],
  ['certification', 'Calidad y certificación', 'Quality and certification'],
];

/** Per topic: subjects `[es (with article), en]` and keywords. */
const SUBJECTS = {
  'business-plan': {
    subjects: [
      ['el plan de negocios', 'the business plan'],
      ['el modelo de negocio', 'the business model'],
      ['la idea de negocio', 'the business idea'],
      ['las metas del primer año', 'first-year goals'],
      ['el estudio de mercado', 'market research'],
    ],
    keywords: ['plan de negocios', 'emprender', 'idea de negocio', 'lienzo', 'metas', 'business plan', 'canvas'],
  },
  'cash-flow': {
    subjects: [
      ['el flujo de caja mensual', 'monthly cash flow'],
      ['la reserva de efectivo', 'a cash reserve'],
      ['los meses de pocas ventas', 'slow months'],
      ['el dinero de la casa y del negocio', 'household and business money'],
      ['las cuentas por cobrar', 'money owed to you'],
    ],
    keywords: ['flujo de caja', 'efectivo', 'liquidez', 'ahorro', 'temporadas', 'cash flow', 'fiado'],
  },
  'costs-prices': {
    subjects: [
      ['el precio de venta', 'the selling price'],
      ['los costos fijos y variables', 'fixed and variable costs'],
      ['el punto de equilibrio', 'the break-even point'],
      ['el margen de ganancia', 'the profit margin'],
      ['el costo unitario', 'the unit cost'],
    ],
    keywords: ['precio', 'costos', 'margen', 'ganancia', 'punto de equilibrio', 'pricing', 'costo unitario'],
  },
  marketing: {
    subjects: [
      ['la marca del negocio', 'your brand'],
      ['las redes sociales', 'social media'],
      ['las fotos de producto', 'product photos'],
      ['el cliente ideal', 'your ideal customer'],
      ['las promociones', 'promotions'],
    ],
    keywords: ['mercadeo', 'marca', 'redes sociales', 'clientes', 'publicidad', 'marketing', 'Facebook'],
  },
  sales: {
    subjects: [
      ['las ventas por WhatsApp', 'selling on WhatsApp'],
      ['las ventas en ferias', 'selling at fairs'],
      ['el registro diario de ventas', 'a daily sales record'],
      ['las técnicas de venta', 'sales techniques'],
      ['las ventas al crédito', 'selling on credit'],
    ],
    keywords: ['ventas', 'WhatsApp', 'ferias', 'vender', 'clientes', 'sales', 'cobranza'],
  },
  formalisation: {
    subjects: [
      ['la inscripción del negocio', 'registering your business'],
      ['el registro de contribuyente', 'tax registration'],
      ['los permisos municipales', 'municipal permits'],
      ['el régimen simplificado', 'the simplified tax regime'],
      ['la factura', 'invoicing'],
    ],
    keywords: ['formalizar', 'impuestos', 'trámites', 'registro', 'permisos', 'tax', 'contribuyente'],
  },
  'finance-credit': {
    subjects: [
      ['la solicitud de crédito', 'a loan application'],
      ['la cuota del préstamo', 'loan repayments'],
      ['el capital semilla', 'seed capital'],
      ['la tasa de interés', 'the interest rate'],
      ['las garantías', 'collateral'],
    ],
    keywords: ['crédito', 'préstamo', 'banco', 'cooperativa', 'interés', 'loan', 'microcrédito'],
  },
  'human-resources': {
    subjects: [
      ['el primer empleado', 'your first employee'],
      ['la planilla', 'payroll'],
      ['el aguinaldo', 'the year-end bonus'],
      ['la descripción de puestos', 'job descriptions'],
      ['la seguridad social', 'social security'],
    ],
    keywords: ['personal', 'empleados', 'salario', 'aguinaldo', 'contrato', 'payroll', 'planilla'],
  },
  digital: {
    subjects: [
      ['la facturación electrónica', 'e-invoicing'],
      ['los cobros digitales', 'digital payments'],
      ['la seguridad digital', 'digital security'],
      ['la tienda en línea', 'an online shop'],
      ['el negocio en los mapas', 'your business on maps'],
    ],
    keywords: ['digital', 'celular', 'internet', 'pagos', 'QR', 'online', 'factura electrónica'],
  },
  export: {
    subjects: [
      ['la primera exportación', 'your first export'],
      ['el precio de exportación', 'the export price'],
      ['el etiquetado de alimentos', 'food labelling'],
      ['los compradores en el extranjero', 'buyers abroad'],
      ['el comercio centroamericano', 'Central American trade'],
    ],
    keywords: ['exportar', 'aduana', 'FOB', 'etiquetado', 'comercio exterior', 'export', 'certificado de origen'],
  },
  accounting: {
    subjects: [
      ['el libro de ingresos y gastos', 'an income and expense book'],
      ['el control de inventario', 'stock control'],
      ['el estado de resultados', 'the income statement'],
      ['el cierre de mes', 'the month-end close'],
      ['el balance general', 'the balance sheet'],
    ],
    keywords: ['contabilidad', 'registros', 'inventario', 'gastos', 'ingresos', 'bookkeeping', 'libro contable'],
  },
  'customer-service': {
    subjects: [
      ['la atención al cliente', 'customer service'],
      ['las quejas y reclamos', 'complaints'],
      ['los clientes que regresan', 'repeat customers'],
      ['la encuesta de satisfacción', 'a satisfaction survey'],
      ['la atención por teléfono', 'phone service'],
    ],
    keywords: ['clientes', 'servicio', 'quejas', 'fidelizar', 'atención', 'customer service', 'encuesta'],
  },
};

const SECTORS = [
  ['tiendas de barrio', 'corner shops'],
  ['comedores y pupuserías', 'small eateries'],
  ['talleres', 'workshops'],
  ['panaderías', 'bakeries'],
  ['salones de belleza', 'beauty salons'],
  ['productores de café', 'coffee growers'],
  ['artesanas y artesanos', 'artisans'],
  ['costureras', 'dressmakers'],
  ['cooperativas', 'cooperatives'],
  ['negocios en línea', 'online businesses'],
  ['agroindustria', 'agribusiness'],
  ['turismo rural', 'rural tourism'],
];

const VERBS = [
  ['calcular', 'work out'],
  ['organizar', 'organise'],
  ['mejorar', 'improve'],
  ['controlar', 'keep track of'],
  ['planificar', 'plan'],
  ['entender', 'understand'],
  ['revisar', 'review'],
];

const ANGLES = [
  ['errores frecuentes', 'common mistakes'],
  ['lo básico', 'the basics'],
  ['preguntas y respuestas', 'questions and answers'],
  ['diez consejos prácticos', 'ten practical tips'],
  ['un ejemplo completo', 'a worked example'],
];

const FEATURES = [
  ['una hoja de cálculo lista para llenar', 'a ready-to-fill spreadsheet'],
  ['preguntas para revisar su propio negocio', 'questions to review your own business'],
  ['casos reales de la región', 'real cases from the region'],
  ['un resumen de una página para imprimir', 'a one-page summary to print'],
  ['ejercicios cortos con sus respuestas', 'short exercises with answers'],
  ['las fórmulas explicadas con números sencillos', 'the formulas explained with simple numbers'],
];

const NEEDS = [
  ['empiezan un negocio', 'are starting a business'],
  ['quieren ordenar sus cuentas', 'want to put their accounts in order'],
  ['buscan vender más', 'want to sell more'],
  ['acompañan a microempresas', 'support micro-enterprises'],
  ['necesitan financiamiento', 'need finance'],
];

const TYPE_TITLES = {
  guide: (s, v) => [`Cómo ${v[0]} ${s[0]}`, `How to ${v[1]} ${s[1]}`],
  template: (s) => [`Plantilla para ${s[0]}`, `Template: ${s[1]}`],
  calculator: (s) => [`Calculadora para ${s[0]}`, `Calculator: ${s[1]}`],
  course: (s) => [`Curso sobre ${s[0]}`, `Course on ${s[1]}`],
  video: (s, _v, a) => [`Video: ${s[0]}, ${a[0]}`, `Video: ${s[1]}, ${a[1]}`],
  checklist: (s) => [`Lista de verificación para ${s[0]}`, `Checklist: ${s[1]}`],
  article: (s, _v, a) => [`${capital(s[0])}: ${a[0]}`, `${capital(s[1])}: ${a[1]}`],
  toolkit: (s) => [`Kit de herramientas para ${s[0]}`, `Toolkit: ${s[1]}`],
  webinar: (s) => [`Webinar sobre ${s[0]}`, `Webinar on ${s[1]}`],
  podcast: (s, _v, a) => [`Podcast: ${s[0]}, ${a[0]}`, `Podcast: ${s[1]}, ${a[1]}`],
};
const TYPE_WEIGHTS = [
  ['guide', 22], ['template', 18], ['calculator', 8], ['course', 14], ['video', 10], ['checklist', 10],
  ['article', 10], ['toolkit', 3], ['webinar', 3], ['podcast', 2],
];
const FORMATS = {
  guide: ['pdf', 'web', 'document'],
  template: ['spreadsheet', 'document', 'pdf'],
  calculator: ['web', 'spreadsheet', 'app'],
  course: ['online-course', 'in-person', 'video', 'slides'],
  video: ['video'],
  checklist: ['pdf', 'web', 'document'],
  article: ['web'],
  toolkit: ['other', 'pdf', 'web'],
  webinar: ['video'],
  podcast: ['audio'],
};
const TIMED = new Set(['course', 'video', 'webinar', 'podcast']);

const PROVIDER_KINDS = [
  ['public', 18], ['training', 14], ['ngo', 14], ['private', 12], ['finance', 10], ['cooperative', 10],
  ['chamber', 8], ['university', 8], ['international', 4], ['other', 2],
];
const BRANDS = ['Avanza', 'Progreso', 'Futuro', 'Impulso', 'Semilla', 'Horizonte', 'Unión', 'Esperanza', 'Alianza', 'Raíces', 'Crecer', 'Puente', 'Faro', 'Ceiba', 'Maíz', 'Volcán', 'Quetzal', 'Torogoz', 'Guacamaya', 'Cacao'];
const SURNAMES = ['Martínez', 'Hernández', 'López', 'García', 'Pérez', 'Rodríguez', 'Flores', 'Ramírez', 'Castillo', 'Morales', 'Reyes', 'Méndez', 'Cruz', 'Ortiz', 'Santos'];
const FIELDS = [['Comercio', 'Commerce'], ['Agroindustria', 'Agribusiness'], ['Turismo', 'Tourism'], ['Oficios', 'Trades'], ['Tecnología', 'Technology']];
const PROVIDER_SECTORS = ['Comercio', 'Servicios', 'Manufactura', 'Agroindustria', 'Turismo', 'Artesanía', 'Alimentos', 'Textil', 'Tecnología', 'Todos los sectores'];
const AREA_CODES = { SV: '+503', GT: '+502', HN: '+504', NI: '+505', DO: '+1 809' };
const COSTS = [['free', 5], ['subsidised', 3], ['paid', 2]];

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function words(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

function pad(n) {
  return String(n).padStart(6, '0');
}

// ---------------------------------------------------------------- generation

/**
 * A feed object (not yet parsed: amounts in major units, like a published feed).
 * @param {{ tools?: number, providers?: number, seed?: number }} options
 */
export function generateFeed({ tools: toolCount = 1000, providers: providerCount = 100, seed = 1 } = {}) {
  const random = mulberry32(seed);
  const r = helpers(random);

  const countries = COUNTRIES.map(({ regions, ...country }) => ({
    ...country,
    regions: regions.map(([code, name, lat, lng]) => ({ code, name, centre: { lat, lng } })),
  }));
  const regionsOf = Object.fromEntries(COUNTRIES.map((c) => [c.code, c.regions]));
  const countryCodes = COUNTRIES.map((c) => c.code);

  const topics = TOPICS.map(([id, es, en]) => ({ id, name: { es, en } }));
  const services = SERVICES.map(([id, es, en]) => ({ id, name: { es, en } }));

  // ---- providers
  const providers = [];
  for (let i = 1; i <= providerCount; i++) {
    const id = `provider-${pad(i)}`;
    const kind = r.weighted(PROVIDER_KINDS);
    const country = r.pick(countryCodes);
    const region = r.pick(regionsOf[country]);
    const city = region[1];
    const brand = r.pick(BRANDS);
    const field = r.pick(FIELDS);
    const names = {
      public: [`Centro de Desarrollo de la MIPYME de ${city}`, `${city} MSME Development Centre`],
      training: [`Instituto Técnico de ${field[0]} de ${city}`, `${city} Technical Institute of ${field[1]}`],
      ngo: [`Fundación ${r.pick(SURNAMES)} para el Emprendimiento`, `${r.pick(SURNAMES)} Foundation for Entrepreneurship`],
      private: [`${brand} Consultores de ${city}`, `${brand} Consultants, ${city}`],
      finance: [`Microfinanciera ${brand}`, `${brand} Microfinance`],
      cooperative: [`Cooperativa de Ahorro y Crédito ${brand}`, `${brand} Savings and Credit Cooperative`],
      chamber: [`Cámara de Comercio de ${city}`, `${city} Chamber of Commerce`],
      university: [`Universidad ${brand}: Centro de Emprendimiento`, `${brand} University Entrepreneurship Centre`],
      international: [`Programa Regional ${brand} para la MIPYME`, `${brand} Regional MSME Programme`],
      other: [`Red ${brand} de Emprendedores`, `${brand} Entrepreneurs Network`],
    }[kind];
    const theirCountries = r.chance(0.1) ? r.some(countryCodes, r.int(2, 5)) : [country];
    if (!theirCountries.includes(country)) theirCountries.unshift(country);
    const serviceIds = r.some(SERVICES.map(([sid]) => sid), r.int(1, 5));
    const serviceNames = serviceIds.map((sid) => SERVICES.find(([s]) => s === sid));
    const provider = {
      id,
      name: { es: names[0], en: names[1] },
      ...(r.chance(0.3) ? { alternateName: `${brand.toUpperCase().slice(0, 4)}${i % 100}` } : {}),
      kind,
      description: {
        es: `Ofrece ${serviceNames.map((s) => s[1].toLowerCase()).join(', ')} a micro y pequeñas empresas de ${city} y sus alrededores. Atiende con cita previa y también por teléfono.`,
        en: `Offers ${serviceNames.map((s) => s[2].toLowerCase()).join(', ')} to micro and small businesses in and around ${city}. Visits by appointment, and by phone.`,
      },
      services: serviceIds,
      sectors: r.some(PROVIDER_SECTORS, r.int(1, 3)),
      countries: theirCountries,
      ...(theirCountries.length === 1 && r.chance(0.7)
        ? { regions: r.some(regionsOf[country].map(([code]) => code), r.int(1, 3)) }
        : {}),
      cost: r.weighted(COSTS),
      website: `https://example.org/proveedores/${id}`,
      email: `contacto@${id}.example.org`,
      phones: [
        { number: `${AREA_CODES[country]} ${r.int(2000, 2999)} ${String(r.int(0, 9999)).padStart(4, '0')}`, type: 'voice' },
        ...(r.chance(0.6)
          ? [{ number: `${AREA_CODES[country]} ${r.int(6000, 7999)} ${String(r.int(0, 9999)).padStart(4, '0')}`, type: 'whatsapp' }]
          : []),
      ],
      locations: [
        {
          name: { es: 'Oficina principal', en: 'Main office' },
          address: { address1: `Calle ${r.pick(SURNAMES)} ${r.int(1, 200)}`, city, region: region[0], country },
          lat: Math.round((region[2] + (random() - 0.5) * 0.2) * 1e4) / 1e4,
          lng: Math.round((region[3] + (random() - 0.5) * 0.2) * 1e4) / 1e4,
        },
      ],
      hours: { es: 'Lunes a viernes, de 8:00 a 16:00', en: 'Monday to Friday, 8:00 to 16:00' },
      languages: r.chance(0.15) ? ['es', 'en'] : ['es'],
      example: true,
      verified: r.date(2024, 2026),
    };
    providers.push(provider);
  }

  // ---- tools
  const toolList = [];
  for (let i = 1; i <= toolCount; i++) {
    const id = `tool-${pad(i)}`;
    const type = r.weighted(TYPE_WEIGHTS);
    const topicIds = r.some(TOPICS.map(([tid]) => tid), r.weighted([[1, 6], [2, 3], [3, 1]]));
    const mainTopic = r.pick(topicIds);
    const subject = r.pick(SUBJECTS[mainTopic].subjects);
    const verb = r.pick(VERBS);
    const angle = r.pick(ANGLES);
    const sector = r.pick(SECTORS);
    const countries = r.weighted([[undefined, 55], [1, 35], [2, 10]]);
    const toolCountries = countries === undefined ? undefined : r.some(countryCodes, countries === 1 ? 1 : r.int(2, 4));
    let [titleEs, titleEn] = TYPE_TITLES[type](subject, verb, angle);
    if (toolCountries?.length === 1) {
      titleEs += ` en ${COUNTRY_NAME_ES[toolCountries[0]]}`;
      titleEn += ` in ${COUNTRY_NAME_EN[toolCountries[0]]}`;
    } else if (r.chance(0.4)) {
      titleEs += ` para ${sector[0]}`;
      titleEn += ` for ${sector[1]}`;
    }
    const need = r.pick(NEEDS);
    const feature = r.pick(FEATURES);
    const sentences = [
      [`Explica paso a paso ${subject[0]} con ejemplos de ${sector[0]}.`, `Explains ${subject[1]} step by step with examples from ${sector[1]}.`],
      [`Incluye ${feature[0]}.`, `Includes ${feature[1]}.`],
      [`Pensado para personas que ${need[0]} y tienen poco tiempo.`, `Written for people who ${need[1]} and have little time.`],
      [`Le ayuda a ${verb[0]} ${subject[0]} sin conocimientos previos de contabilidad ni de finanzas.`, `It helps you ${verb[1]} ${subject[1]} with no prior knowledge of bookkeeping or finance.`],
      [`Revisado por asesores de la red en ${r.date(2019, 2026).slice(0, 4)}.`, 'Reviewed by network advisers.'],
    ];
    const order = r.shuffle(sentences.map((_, k) => k));
    let summaryEs = '';
    let summaryEn = '';
    for (const k of order) {
      if (words(summaryEs) >= 20) break;
      summaryEs = `${summaryEs} ${sentences[k][0]}`.trim();
      summaryEn = `${summaryEn} ${sentences[k][1]}`.trim();
    }
    const bilingual = r.chance(0.85);
    const tool = {
      id,
      title: bilingual ? { es: titleEs, en: titleEn } : titleEs,
      summary: bilingual ? { es: summaryEs, en: summaryEn } : summaryEs,
      type,
      topics: topicIds,
      audience: r.weighted([[['entrepreneur'], 60], [['advisor'], 15], [['entrepreneur', 'advisor'], 10], [[], 15]]),
      ...(r.chance(0.95) ? { level: r.weighted([['basic', 58], ['intermediate', 31], ['advanced', 11]]) } : {}),
      ...(toolCountries === undefined ? {} : { countries: toolCountries }),
      languages: r.weighted([[['es'], 75], [['es', 'en'], 15], [['en'], 5], [[], 5]]),
      url: `https://example.org/herramientas/${id}`,
      format: r.pick(FORMATS[type]),
      ...(r.chance(0.95) ? { updated: r.date(2018, 2026) } : {}),
      ...(providers.length > 0 && r.chance(0.7) ? { providerId: r.pick(providers).id } : {}),
      keywords: r.some(SUBJECTS[mainTopic].keywords, r.int(2, 5)),
      ...(r.chance(0.2) ? { licence: 'CC BY 4.0' } : {}),
      ...(TIMED.has(type) ? { durationMinutes: r.pick([10, 15, 30, 45, 60, 90, 120, 240, 480]) } : {}),
    };
    toolList.push(tool);
  }

  return {
    version: 1,
    title: { es: `Feed generado para pruebas (${toolCount} herramientas)`, en: `Generated test feed (${toolCount} tools)` },
    updated: '2026-11-20',
    publisher: { name: { es: 'Red InfoMIPYME (ejemplo)', en: 'InfoMIPYME Network (example)' }, url: 'https://example.org/red-infomipyme' },
    languages: ['es', 'en'],
    countries,
    topics,
    services,
    tools: toolList,
    providers,
    cashflowTemplates: [
      {
        id: 'generated-shop',
        name: { es: 'Tienda (generada)', en: 'Shop (generated)' },
        currency: 'USD',
        months: 12,
        lines: [
          { id: 'sales', label: { es: 'Ventas', en: 'Sales' }, flow: 'in', group: 'operations', amounts: Array.from({ length: 12 }, () => r.int(3000, 6000) + 0.5) },
          { id: 'stock', label: { es: 'Compras de mercadería', en: 'Stock purchases' }, flow: 'out', group: 'operations', amounts: Array.from({ length: 12 }, () => r.int(2000, 4000)) },
          { id: 'rent', label: { es: 'Alquiler', en: 'Rent' }, flow: 'out', group: 'operations', amounts: Array(12).fill(300) },
          { id: 'loan', label: { es: 'Préstamo', en: 'Loan' }, flow: 'in', group: 'financing', amounts: [0, 0, 1500, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
        ],
      },
    ],
    planOutlines: [
      {
        id: 'generated-plan',
        name: { es: 'Plan corto (generado)', en: 'Short plan (generated)' },
        kind: 'micro',
        sections: [
          {
            id: 'idea',
            title: { es: 'Su idea', en: 'Your idea' },
            questions: [{ id: 'what', text: { es: '¿Qué vende y a quién?', en: 'What do you sell, and to whom?' } }],
            toolIds: toolList.slice(0, 3).map((t) => t.id),
          },
          {
            id: 'money',
            title: { es: 'Sus números', en: 'Your numbers' },
            questions: [{ id: 'price', text: { es: '¿A qué precio vende?', en: 'At what price do you sell?' } }],
            toolIds: toolList.slice(3, 6).map((t) => t.id),
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------- command line

function parseArgs(argv) {
  const options = { tools: 1000, providers: 100, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) : [undefined, undefined];
    if (key === 'help' || arg === '-h') {
      process.stdout.write('Usage: node bench/generate-feed.mjs [--tools N] [--providers N] [--seed N] > feed.json\n');
      process.exit(0);
    }
    if (!key || !(key in options)) throw new Error(`Unknown argument: ${arg}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} needs a whole number ≥ 0`);
    options[key] = value;
  }
  return options;
}

const isCommand =
  typeof process !== 'undefined' &&
  typeof process.argv?.[1] === 'string' &&
  import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href;

if (isCommand) {
  try {
    process.stdout.write(JSON.stringify(generateFeed(parseArgs(process.argv.slice(2)))));
    process.stdout.write('\n');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
