/**
 * A provider's vCard ("add to contacts"), from the same checked values as its contact links
 * (contact-links.ts). Pure: no DOM, no Lit, no zod. Its own module so the widget loads it only
 * when the owner asks for a card.
 */
import type { Phone, Provider } from '../feed/schema.js';
import { pickText } from '../feed/text.js';
import { cleanText, phonesOf, readEmail, readPhone, readWebsite } from './contact-links.js';

// ---------------------------------------------------------------- vCard

/** Names for the codes in an address (the feed has ISO codes; a vCard reader wants names). */
export interface VCardPlaces {
  readonly regionName?: ((code: string) => string | undefined) | undefined;
  readonly countryName?: ((code: string) => string | undefined) | undefined;
}

const TEL_TYPE: Readonly<Record<Phone['type'], string>> = {
  voice: 'VOICE',
  whatsapp: 'CELL',
  sms: 'CELL',
  fax: 'FAX',
};

/** RFC 2426 text value: `\` `;` `,` escaped, line breaks as `\n`, other control characters dropped. */
function escapeValue(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (char) => `\\${char}`)
      .replace(/\n/g, '\\n')
  );
}

const encoder = new TextEncoder();

/**
 * Fold a content line at 75 octets (RFC 2426 § 2.6 / RFC 2425 § 5.8.1):
 * CRLF + one space before each continuation. Never inside a UTF-8 sequence,
 * a surrogate pair or a backslash escape.
 */
function fold(line: string): string {
  const units: string[] = [];
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '\\' && i + 1 < chars.length) units.push(char + chars[++i]!);
    else units.push(char);
  }
  let out = '';
  let octets = 0;
  let limit = 75;
  for (const unit of units) {
    const size = encoder.encode(unit).length;
    if (octets + size > limit) {
      out += '\r\n ';
      octets = 1;
      limit = 75;
    }
    out += unit;
    octets += size;
  }
  return out;
}

/**
 * A vCard 3.0 (RFC 2426) for "add to contacts": FN, N, ORG, TEL (TYPE=VOICE,
 * CELL for WhatsApp and SMS, FAX), EMAIL, URL, ADR (one per office with an
 * address), NOTE (the description), every value escaped and every line folded
 * at 75 octets, CRLF line ends.
 */
export function providerToVCard(provider: Provider, lang: string, places: VCardPlaces = {}): string {
  const name = cleanText(pickText(provider.name, lang)) || cleanText(provider.id);
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeValue(name)}`, `N:${escapeValue(name)};;;;`, `ORG:${escapeValue(name)}`];
  if (typeof provider.alternateName === 'string' && cleanText(provider.alternateName) !== '') {
    lines.push(`NICKNAME:${escapeValue(cleanText(provider.alternateName))}`);
  }
  for (const phone of phonesOf(provider)) {
    const number = readPhone(phone.number);
    const type = TEL_TYPE[phone.type];
    if (number !== undefined && type !== undefined) lines.push(`TEL;TYPE=${type}:${escapeValue(number.written)}`);
  }
  const email = readEmail(provider.email);
  if (email !== undefined) lines.push(`EMAIL;TYPE=INTERNET:${escapeValue(email.address)}`);
  const website = readWebsite(provider.website);
  if (website !== undefined) lines.push(`URL:${escapeValue(website.href)}`);
  for (const location of Array.isArray(provider.locations) ? provider.locations : []) {
    const address = location?.address;
    if (address === undefined || address === null) continue;
    const region = cleanText(address.region);
    const country = cleanText(address.country);
    const parts = [
      '', // post office box
      '', // extended address
      cleanText(address.address1),
      cleanText(address.city),
      region === '' ? '' : cleanText(places.regionName?.(region)) || region,
      cleanText(address.postalCode),
      country === '' ? '' : cleanText(places.countryName?.(country)) || country,
    ];
    if (parts.every((part) => part === '')) continue;
    lines.push(`ADR;TYPE=WORK:${parts.map(escapeValue).join(';')}`);
  }
  const description = pickText(provider.description, lang).trim();
  if (description !== '') lines.push(`NOTE:${escapeValue(description)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
