import { expect } from '@open-wc/testing';
import { parseFeed, parseFeedText } from '../../src/feed/parse.js';
import type { Feed, Provider } from '../../src/feed/schema.js';
import { pickText } from '../../src/feed/text.js';
import { CALLING_CODES, contactLinks, providerToVCard, type ContactLink } from '../../src/provider-finder/contact.js';

/** A provider through the real schema, with the given fields. */
function provider(fields: Record<string, unknown>): Provider {
  const result = parseFeed({
    version: 1,
    title: 'Contactos',
    countries: [
      { code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV', regions: [{ code: 'SV-SM', name: 'San Miguel' }] },
      { code: 'DO', name: 'República Dominicana', currency: 'DOP', locale: 'es-DO' },
    ],
    providers: [{ id: 'p', name: 'Cooperativa Oriente', kind: 'cooperative', countries: ['SV'], ...fields }],
  });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.issues).to.deep.equal([]);
  return result.feed.providers[0]!;
}

/** A provider built by hand, past the schema (a converter, a `data` property). */
function raw(fields: Record<string, unknown>): Provider {
  return { ...provider({}), ...fields } as Provider;
}

const table = (links: readonly ContactLink[]) => links.map((l) => `${l.action} ${l.href} | ${l.label}`);

const ALLOWED = /^(?:tel:\+?[0-9]+|mailto:[^\s:/?#]+@[A-Za-z0-9.-]+|https:\/\/wa\.me\/[0-9]+|https:\/\/www\.openstreetmap\.org\/[?s][^\s]*|https?:\/\/[^\s]+)$/;

describe('CALLING_CODES', () => {
  it('has the five countries', () => {
    expect(CALLING_CODES).to.deep.equal({ SV: '503', GT: '502', HN: '504', NI: '505', DO: '1' });
  });
});

describe('contactLinks', () => {
  const rows: Array<{ title: string; input: { fields: Record<string, unknown>; options?: Parameters<typeof contactLinks>[1] }; expected: string[] }> = [
    {
      title: 'everything, in order: call, whatsapp, email, website, directions',
      input: {
        fields: {
          phones: [
            { number: '+503 7000-0001', type: 'whatsapp' },
            { number: '+503 2200 0001', type: 'voice' },
            { number: '+503 2200 0009', type: 'fax' },
            { number: '2200 0002', type: 'voice' },
          ],
          email: 'creditos@example.org',
          website: 'https://example.org/cooperativa?ref=mipyme',
          locations: [{ address: { address1: 'Av. Roosevelt 12', city: 'San Miguel', region: 'SV-SM' }, lat: 13.4812, lng: -88.179 }],
        },
        options: { callingCode: '503', countryName: 'El Salvador' },
      },
      expected: [
        'call tel:+50322000001 | +503 2200 0001',
        'call tel:22000002 | 2200 0002',
        'whatsapp https://wa.me/50370000001 | +503 7000-0001',
        'email mailto:creditos@example.org | creditos@example.org',
        'website https://example.org/cooperativa?ref=mipyme | example.org',
        'directions https://www.openstreetmap.org/?mlat=13.4812&mlon=-88.179#map=17/13.4812/-88.179 | Av. Roosevelt 12, San Miguel',
      ],
    },
    {
      title: 'WhatsApp without + gets the calling code; with it already, not twice',
      input: {
        fields: {
          phones: [
            { number: '7000 0002', type: 'whatsapp' },
            { number: '503 7000 0003', type: 'whatsapp' },
            { number: '503-7000-0004', type: 'whatsapp' },
            { number: '5030 0005', type: 'whatsapp' }, // a local number that happens to start with 503
          ],
        },
        options: { callingCode: '503' },
      },
      expected: [
        'whatsapp https://wa.me/50370000002 | 7000 0002',
        'whatsapp https://wa.me/50370000003 | 503 7000 0003',
        'whatsapp https://wa.me/50370000004 | 503-7000-0004',
        'whatsapp https://wa.me/50350300005 | 5030 0005',
      ],
    },
    {
      title: 'Dominican numbers: 809/829/849 get 1',
      input: {
        fields: {
          countries: ['DO'],
          phones: [
            { number: '829 555 0102', type: 'whatsapp' },
            { number: '1 849 555 0103', type: 'whatsapp' },
            { number: '+1 809 555 0104', type: 'whatsapp' },
            { number: '809-555-0101', type: 'voice' },
          ],
        },
        options: { callingCode: CALLING_CODES['DO'] },
      },
      expected: [
        'call tel:8095550101 | 809-555-0101',
        'whatsapp https://wa.me/18295550102 | 829 555 0102',
        'whatsapp https://wa.me/18495550103 | 1 849 555 0103',
        'whatsapp https://wa.me/18095550104 | +1 809 555 0104',
      ],
    },
    {
      title: 'without a calling code: a Dominican number is still +1; a short local one cannot be reached',
      input: {
        fields: {
          phones: [
            { number: '8295550102', type: 'whatsapp' },
            { number: '7000 0002', type: 'whatsapp' },
            { number: '00 504 9000 0001', type: 'whatsapp' },
            { number: '50370000003', type: 'whatsapp' },
          ],
        },
      },
      expected: [
        'whatsapp https://wa.me/18295550102 | 8295550102',
        'whatsapp https://wa.me/50490000001 | 00 504 9000 0001',
        'whatsapp https://wa.me/50370000003 | 50370000003',
      ],
    },
    {
      title: 'SMS and fax give no link; the same number twice gives one',
      input: {
        fields: {
          phones: [
            { number: '+503 2200 0001', type: 'sms' },
            { number: '+503 2200 0009', type: 'fax' },
            { number: '+503 2200 0001', type: 'voice' },
            { number: '+503 2200-0001', type: 'voice' },
          ],
        },
      },
      expected: ['call tel:+50322000001 | +503 2200 0001'],
    },
    {
      title: 'e-mail percent-encoded where needed; http website kept as given',
      input: { fields: { email: 'josé.pérez+mipyme@example.org', website: 'http://Example.org/Páginas/Inicio' } },
      expected: [
        'email mailto:jos%C3%A9.p%C3%A9rez+mipyme@example.org | josé.pérez+mipyme@example.org',
        'website http://Example.org/Páginas/Inicio | example.org',
      ],
    },
    {
      title: 'directions without coordinates: an OpenStreetMap search',
      input: {
        fields: { locations: [{ address: { address1: '2a Calle Poniente #5', city: 'Chalatenango' } }] },
        options: { countryName: 'El Salvador' },
      },
      expected: [
        'directions https://www.openstreetmap.org/search?query=2a%20Calle%20Poniente%20%235%2C%20Chalatenango%2C%20El%20Salvador | 2a Calle Poniente #5, Chalatenango',
      ],
    },
    {
      title: 'directions to coordinates only',
      input: { fields: { locations: [{ lat: 13.6989, lng: -89.1914 }] } },
      expected: [
        'directions https://www.openstreetmap.org/?mlat=13.6989&mlon=-89.1914#map=17/13.6989/-89.1914 | 13.6989, -89.1914',
      ],
    },
    {
      title: 'directions to the office asked for; default the first with coordinates',
      input: {
        fields: {
          locations: [
            { address: { city: 'Usulután' } },
            { address: { city: 'San Miguel' }, lat: 13.4812, lng: -88.179 },
          ],
        },
      },
      expected: [
        'directions https://www.openstreetmap.org/?mlat=13.4812&mlon=-88.179#map=17/13.4812/-88.179 | San Miguel',
      ],
    },
    {
      title: 'no directions from a location with only a postal code or a name',
      input: { fields: { locations: [{ name: 'Oficina', address: { postalCode: '01101', region: 'SV-SM' } }] } },
      expected: [],
    },
    { title: 'nothing to contact', input: { fields: {} }, expected: [] },
  ];
  for (const { title, input, expected } of rows) {
    it(title, () => {
      const links = contactLinks(provider(input.fields), input.options ?? {});
      expect(table(links)).to.deep.equal(expected);
      for (const link of links) expect(link.href).to.match(ALLOWED);
    });
  }

  it('gives directions to the location asked for', () => {
    const p = provider({
      locations: [
        { address: { city: 'San Miguel' }, lat: 13.4812, lng: -88.179 },
        { address: { address1: 'Calle 1', city: 'Usulután' } },
      ],
    });
    expect(table(contactLinks(p, { location: p.locations[1], countryName: 'El Salvador' }))).to.deep.equal([
      'directions https://www.openstreetmap.org/search?query=Calle%201%2C%20Usulut%C3%A1n%2C%20El%20Salvador | Calle 1, Usulután',
    ]);
  });

  describe('hostile data built past the schema', () => {
    const rows: Array<{ title: string; input: Record<string, unknown>; expected: string[] }> = [
      { title: 'a javascript: website', input: { website: 'javascript:alert(1)' }, expected: [] },
      { title: 'a JavaScript: website with spaces', input: { website: '  JavaScript:alert(1)' }, expected: [] },
      { title: 'a data: website', input: { website: 'data:text/html,<script>alert(1)</script>' }, expected: [] },
      { title: 'a vbscript: website', input: { website: 'vbscript:msgbox' }, expected: [] },
      { title: 'a scheme-relative website', input: { website: '//evil.example/' }, expected: [] },
      { title: 'an https: website without slashes', input: { website: 'https:evil.example' }, expected: [] },
      { title: 'a website with a line break', input: { website: 'https://example.org/\nSet-Cookie: x' }, expected: [] },
      { title: 'a website with credentials', input: { website: 'https://user@evil.example/' }, expected: [] },
      { title: 'a website that is not text', input: { website: { href: 'https://example.org' } }, expected: [] },
      {
        title: 'a website with spaces around',
        input: { website: '  https://example.org/a  ' },
        expected: ['website https://example.org/a | example.org'],
      },
      { title: 'an e-mail with a query', input: { email: 'a@example.org?cc=b@evil.example' }, expected: [] },
      { title: 'an e-mail with a header break', input: { email: 'a@example.org\r\nBcc: b@evil.example' }, expected: [] },
      { title: 'an e-mail with two @', input: { email: 'a@b@example.org' }, expected: [] },
      { title: 'an e-mail that is a link', input: { email: 'javascript:alert(1)//@example.org' }, expected: [] },
      {
        title: 'an e-mail with % and & in the mailbox',
        input: { email: 'ventas%25&co@example.org' },
        expected: ['email mailto:ventas%2525%26co@example.org | ventas%25&co@example.org'],
      },
      {
        title: 'phone numbers that are not numbers',
        input: {
          phones: [
            { number: 'javascript:alert(1)', type: 'voice' },
            { number: '+503 2200 0001;ext=2', type: 'voice' },
            { number: '+503 2200 0001 <b>', type: 'whatsapp' },
            { number: '12', type: 'voice' },
            { number: '+1234567890123456', type: 'voice' },
            { number: 50322000001, type: 'voice' },
            { number: '+503\n22000001', type: 'voice' },
            null,
          ],
        },
        expected: [],
      },
      { title: 'phones that are not a list', input: { phones: 'tel:+50322000001' }, expected: [] },
      {
        title: 'coordinates out of range or not numbers: search instead',
        input: { locations: [{ address: { city: 'San Miguel' }, lat: 200, lng: Number.NaN }] },
        expected: ['directions https://www.openstreetmap.org/search?query=San%20Miguel | San Miguel'],
      },
      {
        title: 'coordinates as text are not coordinates',
        input: { locations: [{ lat: '13.48', lng: '-88.17"><script>' }] },
        expected: [],
      },
      {
        title: 'an address with markup and control characters is only encoded',
        input: { locations: [{ address: { address1: '<img src=x onerror=alert(1)>\u0000', city: 'a&b=c#d' } }] },
        expected: [
          'directions https://www.openstreetmap.org/search?query=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%2C%20a%26b%3Dc%23d | <img src=x onerror=alert(1)>, a&b=c#d',
        ],
      },
      { title: 'locations that are not objects', input: { locations: [null, 'Calle 1'] }, expected: [] },
    ];
    for (const { title, input, expected } of rows) {
      it(title, () => {
        const links = contactLinks(raw(input), { callingCode: '503' });
        expect(table(links)).to.deep.equal(expected);
        for (const link of links) expect(link.href).to.match(ALLOWED);
      });
    }

    it('ignores a calling code that is not one', () => {
      const p = provider({ phones: [{ number: '7000 0002', type: 'whatsapp' }] });
      for (const callingCode of ['abc', '50 3', '0', '5030', '+503']) {
        const links = contactLinks(p, { callingCode });
        expect(links.map((l) => l.href), callingCode).to.deep.equal(callingCode === '+503' ? ['https://wa.me/50370000002'] : []);
      }
    });
  });
});

describe('providerToVCard', () => {
  it('writes the whole record, escaped, CRLF', () => {
    const p = provider({
      name: { es: 'Cooperativa Oriente, R.L.', en: 'East Cooperative, Ltd.' },
      alternateName: 'COOP; Oriente',
      description: { es: 'Créditos para el campo;\ncomercio y servicios.\\Fin', en: 'Loans.' },
      phones: [
        { number: '+503 2200 0001', type: 'voice' },
        { number: '+503 7000 0001', type: 'whatsapp' },
        { number: '+503 2200 0009', type: 'fax' },
      ],
      email: 'creditos@example.org',
      website: 'https://example.org/a,b;c',
      locations: [
        { address: { address1: 'Av. Roosevelt 12, local 3', city: 'San Miguel', region: 'SV-SM', postalCode: '3301', country: 'SV' } },
        { lat: 13.3451, lng: -88.4385 },
      ],
    });
    const card = providerToVCard(p, 'es');
    expect(card.split('\r\n')).to.deep.equal([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Cooperativa Oriente\\, R.L.',
      'N:Cooperativa Oriente\\, R.L.;;;;',
      'ORG:Cooperativa Oriente\\, R.L.',
      'NICKNAME:COOP\\; Oriente',
      'TEL;TYPE=VOICE:+503 2200 0001',
      'TEL;TYPE=CELL:+503 7000 0001',
      'TEL;TYPE=FAX:+503 2200 0009',
      'EMAIL;TYPE=INTERNET:creditos@example.org',
      'URL:https://example.org/a\\,b\\;c',
      'ADR;TYPE=WORK:;;Av. Roosevelt 12\\, local 3;San Miguel;SV-SM;3301;SV',
      'NOTE:Créditos para el campo\\;\\ncomercio y servicios.\\\\Fin',
      'END:VCARD',
      '',
    ]);
    expect(card).not.to.match(/[^\r]\n/);
    expect(providerToVCard(p, 'en')).to.contain('\r\nFN:East Cooperative\\, Ltd.\r\n').and.to.contain('\r\nNOTE:Loans.\r\n');
  });

  it('names regions and countries when told how', () => {
    const p = provider({ locations: [{ address: { city: 'San Miguel', region: 'SV-SM', country: 'SV' } }] });
    const card = providerToVCard(p, 'es', {
      regionName: (code) => (code === 'SV-SM' ? 'San Miguel' : undefined),
      countryName: (code) => (code === 'SV' ? 'El Salvador' : undefined),
    });
    expect(card).to.contain('\r\nADR;TYPE=WORK:;;;San Miguel;San Miguel;;El Salvador\r\n');
  });

  it('folds long lines at 75 octets, never inside a character or an escape', () => {
    // 75 octets exactly: not folded.
    const exact = `NOTE:${'a'.repeat(70)}`;
    // 3 + 72 = 75 octets, then continuation lines of 1 space + at most 74 octets.
    const long = 'é'.repeat(40) + 'b'.repeat(100) + ',x';
    const p = provider({ description: { es: long } });
    const card = providerToVCard(p, 'es');
    const note = card.slice(card.indexOf('NOTE:'), card.indexOf('\r\nEND:VCARD'));
    const lines = note.split('\r\n');
    const octets = (s: string) => new TextEncoder().encode(s).length;
    expect(lines.map(octets)).to.deep.equal([75, 75, 40]);
    expect(lines).to.deep.equal([
      // "NOTE:" (5) + 35 × "é" (70 octets) = 75
      `NOTE:${'é'.repeat(35)}`,
      // 1 + 5 × "é" (10) + 64 × "b" = 75
      ` ${'é'.repeat(5)}${'b'.repeat(64)}`,
      // 1 + 36 × "b" + "\\," + "x" = 40
      ` ${'b'.repeat(36)}\\,x`,
    ]);
    // Unfolded, it is the escaped text again.
    expect(note.replace(/\r\n /g, '')).to.equal(`NOTE:${long.replace(',', '\\,')}`);
    expect(octets(exact)).to.equal(75);
    const q = providerToVCard(provider({ description: { es: 'a'.repeat(70) } }), 'es');
    expect(q).to.contain(`\r\n${exact}\r\n`);
  });

  it('keeps an escape whole at the fold', () => {
    // "NOTE:" + 69 × "a" = 74 octets; the next unit "\;" (2) would pass 75: it goes to the next line whole.
    const card = providerToVCard(provider({ description: { es: `${'a'.repeat(69)};z` } }), 'es');
    expect(card).to.contain(`\r\nNOTE:${'a'.repeat(69)}\r\n \\;z\r\n`);
  });

  it('folds a character of four octets whole', () => {
    const card = providerToVCard(provider({ description: { es: `${'a'.repeat(68)}🙂🙂` } }), 'es');
    expect(card).to.contain(`\r\nNOTE:${'a'.repeat(68)}\r\n 🙂🙂\r\n`);
  });

  it('leaves out what is odd or absent, drops control characters', () => {
    const card = providerToVCard(
      raw({
        name: 'Fundación\u0007 Uno',
        website: 'javascript:alert(1)',
        email: 'a@b@c',
        phones: [{ number: 'tel:1', type: 'voice' }],
        locations: [{ address: {} }, null],
        description: 'Línea 1\r\nLínea 2\rLínea 3',
      }),
      'es',
    );
    expect(card.split('\r\n')).to.deep.equal([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Fundación Uno',
      'N:Fundación Uno;;;;',
      'ORG:Fundación Uno',
      'NOTE:Línea 1\\nLínea 2\\nLínea 3',
      'END:VCARD',
      '',
    ]);
  });
});

describe('contact on the sample feed', () => {
  let sample: Feed;
  before(async () => {
    const response = await fetch('/demo/feed.json');
    const result = parseFeedText(await response.text());
    if (!result.ok) throw new Error(result.error.message);
    sample = result.feed;
  });

  it('every link is of an allowed kind, every WhatsApp number international, every vCard well formed', () => {
    let whatsapp = 0;
    for (const p of sample.providers) {
      const country = p.countries[0]!;
      const countryName = pickText(sample.countries.find((c) => c.code === country)?.name, 'es');
      const links = contactLinks(p, { callingCode: CALLING_CODES[country], countryName });
      for (const link of links) {
        expect(link.href, p.id).to.match(ALLOWED);
        if (link.action === 'whatsapp') {
          whatsapp++;
          expect(link.href, p.id).to.match(/^https:\/\/wa\.me\/(?:50[2-5][0-9]{8}|1(?:809|829|849)[0-9]{7})$/);
        }
      }
      if (p.website !== undefined) expect(links.some((l) => l.action === 'website'), p.id).to.equal(true);
      const card = providerToVCard(p, 'es');
      expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n'), p.id).to.equal(true);
      expect(card.endsWith('\r\nEND:VCARD\r\n'), p.id).to.equal(true);
      for (const line of card.split('\r\n')) expect(new TextEncoder().encode(line).length, p.id).to.be.at.most(75);
    }
    expect(whatsapp).to.be.greaterThan(0);
  });
});
