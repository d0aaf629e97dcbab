/**
 * One-tap contact actions for a provider (its vCard, "add to contacts", is in vcard.ts, loaded
 * only when asked for; `contact.ts` gathers both, as the package exports them).
 *
 * Pure: no DOM, no Lit, no zod. Safe by construction: every link this module
 * makes is `tel:`, `mailto:`, `https://wa.me/`, `https://www.openstreetmap.org/`
 * or the provider's own `https:`/`http:` website, built from values checked
 * here again (the feed schema already checks them; a provider built by hand
 * or by a converter may not have been). Anything odd is left out, never
 * passed through.
 */
import type { Phone, Provider, ProviderLocation } from '../feed/schema.js';
import { isPoint } from './directory.js';

export type ContactAction = 'call' | 'whatsapp' | 'email' | 'website' | 'directions';

export interface ContactLink {
  readonly action: ContactAction;
  readonly href: string;
  /** What to show: the number, the e-mail, the host name, the address (or coordinates). */
  readonly label: string;
}

/** Options of `contactLinks`. */
export interface ContactOptions {
  /** The calling code to add to WhatsApp numbers written without one, e.g. `'503'` (see `CALLING_CODES`). */
  readonly callingCode?: string | undefined;
  /** The country's name in the page language, for the directions search. */
  readonly countryName?: string | undefined;
  /** The office to give directions to; default: the first one with coordinates or an address. */
  readonly location?: Provider['locations'][number] | undefined;
}

/** Calling codes of the five countries: SV 503, GT 502, HN 504, NI 505, DO 1 (area codes 809, 829, 849). */
export const CALLING_CODES: Readonly<Record<string, string>> = Object.freeze({
  SV: '503',
  GT: '502',
  HN: '504',
  NI: '505',
  DO: '1',
});

/** Digits of a national number (after the calling code), by calling code. */
const NATIONAL_LENGTH: Readonly<Record<string, number>> = { '503': 8, '502': 8, '504': 8, '505': 8, '1': 10 };
/** Dominican area codes: a 10-digit number starting with one is +1. */
const DO_AREA_CODES = ['809', '829', '849'];
/** E.164: at most 15 digits with the country code. */
const MAX_DIGITS = 15;
const MIN_DIGITS = 3;

/** A phone number as people write it: an optional `+` (or `00`), digits, spaces, dots, dashes, brackets. */
const WRITTEN_PHONE = /^\+?[0-9][0-9 ().-]*$/;

/** @internal */
export interface PhoneNumber {
  /** As written, trimmed. */
  readonly written: string;
  /** Digits only. */
  readonly digits: string;
  /** Written with `+` or `00`: the digits start with the country code. */
  readonly international: boolean;
}

/** @internal Shared with vcard.ts. */
export function readPhone(value: unknown): PhoneNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const written = value.trim();
  if (written.length > 30 || !WRITTEN_PHONE.test(written)) return undefined;
  let digits = written.replace(/[^0-9]/g, '');
  let international = written.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return undefined;
  return { written, digits, international };
}

function validCallingCode(code: string | undefined): string | undefined {
  if (typeof code !== 'string') return undefined;
  const digits = code.trim().replace(/^\+/, '');
  return /^[1-9][0-9]{0,2}$/.test(digits) ? digits : undefined;
}

/** The number with its country code, digits only, or undefined when it cannot be known. */
function internationalDigits(phone: PhoneNumber, callingCode: string | undefined): string | undefined {
  if (phone.international) return phone.digits.length >= 7 ? phone.digits : undefined;
  const { digits } = phone;
  if (digits.length === 10 && DO_AREA_CODES.some((area) => digits.startsWith(area))) {
    if (callingCode === undefined || callingCode === '1') return `1${digits}`;
  }
  if (callingCode !== undefined) {
    const national = NATIONAL_LENGTH[callingCode];
    const hasCode =
      digits.startsWith(callingCode) &&
      (national === undefined ? digits.length > callingCode.length + 6 : digits.length === callingCode.length + national);
    const out = hasCode ? digits : `${callingCode}${digits}`;
    return out.length <= MAX_DIGITS ? out : undefined;
  }
  // No code to add: only a number long enough to include one.
  return digits.length >= 11 ? digits : undefined;
}

// ---------------------------------------------------------------- e-mail

const EMAIL_DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
// Control characters, spaces, what would end or split an address, and lone surrogates
// (which `encodeURIComponent` cannot encode: it throws).
const EMAIL_LOCAL_REFUSED = /[\u0000-\u0020\u007f-\u009f\s@<>()[\]\\,;:"\ud800-\udfff]/u;
/** Characters kept as they are in a `mailto:` address; the rest is percent-encoded (UTF-8). */
const MAILTO_SAFE = /[A-Za-z0-9._~!$'*+=^`{|}-]/;

/** @internal Shared with vcard.ts. */
export function readEmail(value: unknown): { address: string; local: string; domain: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const address = value.trim();
  if (address.length > 254) return undefined;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || EMAIL_LOCAL_REFUSED.test(local) || !EMAIL_DOMAIN.test(domain)) return undefined;
  return { address, local, domain };
}

function encodeMailbox(local: string): string {
  let out = '';
  for (const char of local) out += MAILTO_SAFE.test(char) ? char : encodeURIComponent(char);
  return out;
}

// ---------------------------------------------------------------- website

/** Absolute `http(s)://host…` with no spaces or control characters. */
const WEB_URL = /^https?:\/\/[^\s/?#@\\]+(?:[/?#][^\s\u0000-\u001f\u007f]*)?$/i;

/** @internal Shared with vcard.ts. */
export function readWebsite(value: unknown): { href: string; host: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const href = value.trim();
  if (href.length > 2048 || !WEB_URL.test(href)) return undefined;
  try {
    const url = new URL(href);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return undefined;
    return { href, host: url.hostname };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- directions

const OSM = 'https://www.openstreetmap.org/';

const hasPoint = (location: ProviderLocation): boolean => isPoint(location.lat, location.lng);

/** A coordinate for a URL: at most 6 decimals (about 10 cm), no exponent. */
function coordinate(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A lone surrogate (half of a pair): `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** @internal Shared with vcard.ts. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(LONE_SURROGATE, '\ufffd').replace(/\s+/g, ' ').trim();
}

function addressLine(location: ProviderLocation): string {
  return [cleanText(location.address?.address1), cleanText(location.address?.city)].filter((part) => part !== '').join(', ');
}

function directionsLink(location: ProviderLocation | undefined, countryName: string | undefined): ContactLink | undefined {
  if (location === undefined || location === null || typeof location !== 'object') return undefined;
  const line = addressLine(location);
  if (hasPoint(location)) {
    const lat = coordinate(location.lat!);
    const lng = coordinate(location.lng!);
    return {
      action: 'directions',
      href: `${OSM}?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`,
      label: line !== '' ? line : `${lat}, ${lng}`,
    };
  }
  if (line === '') return undefined;
  const query = [line, cleanText(countryName)].filter((part) => part !== '').join(', ');
  return { action: 'directions', href: `${OSM}search?query=${encodeURIComponent(query)}`, label: line };
}

function defaultLocation(provider: Provider): ProviderLocation | undefined {
  const locations = Array.isArray(provider.locations) ? provider.locations : [];
  return (
    locations.find((location) => location !== null && typeof location === 'object' && hasPoint(location)) ??
    locations.find((location) => location !== null && typeof location === 'object' && addressLine(location) !== '')
  );
}

// ---------------------------------------------------------------- links

/** @internal Shared with vcard.ts. */
export function phonesOf(provider: Provider): Phone[] {
  return Array.isArray(provider.phones)
    ? provider.phones.filter((phone): phone is Phone => phone !== null && typeof phone === 'object')
    : [];
}

/**
 * The provider's contact links, in this order: call (each voice phone: `tel:`
 * + digits, a leading `+` kept), whatsapp (each WhatsApp phone:
 * `https://wa.me/` + digits with the country code — added from `callingCode`
 * to a number written without `+` and without it; left out when it cannot be
 * known), email (`mailto:`, percent-encoded where needed), website (only
 * `https:`/`http:`, as given), directions (OpenStreetMap: coordinates, else a
 * search for "address1, city, country name"; none without a location).
 * Never any other scheme; anything odd is dropped; no link twice.
 */
export function contactLinks(provider: Provider, options: ContactOptions = {}): ContactLink[] {
  const links: ContactLink[] = [];
  const seen = new Set<string>();
  const add = (link: ContactLink | undefined) => {
    if (link === undefined || seen.has(link.href)) return;
    seen.add(link.href);
    links.push(link);
  };
  const phones = phonesOf(provider);
  const callingCode = validCallingCode(options.callingCode);

  for (const phone of phones) {
    if (phone.type !== 'voice') continue;
    const number = readPhone(phone.number);
    if (number === undefined) continue;
    add({ action: 'call', href: `tel:${number.international ? '+' : ''}${number.digits}`, label: number.written });
  }
  for (const phone of phones) {
    if (phone.type !== 'whatsapp') continue;
    const number = readPhone(phone.number);
    const digits = number === undefined ? undefined : internationalDigits(number, callingCode);
    if (number === undefined || digits === undefined) continue;
    add({ action: 'whatsapp', href: `https://wa.me/${digits}`, label: number.written });
  }
  const email = readEmail(provider.email);
  if (email !== undefined) {
    add({ action: 'email', href: `mailto:${encodeMailbox(email.local)}@${email.domain}`, label: email.address });
  }
  const website = readWebsite(provider.website);
  if (website !== undefined) add({ action: 'website', href: website.href, label: website.host });
  add(directionsLink(options.location ?? defaultLocation(provider), options.countryName));
  return links;
}
