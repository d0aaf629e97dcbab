/**
 * The configurator's pure part (demo only, not shipped): from a partner's
 * choices, the HTML snippet a webmaster pastes, and the document the live
 * preview shows. No DOM: strings in, strings out.
 *
 * Everything a partner types ends up in HTML or CSS, so every value is either
 * chosen from a fixed list (widget, country, language, theme, scope), validated
 * to a narrow form (colours `#rrggbb`, lengths `12px`, hashes `sha384-…`), or
 * escaped for an attribute (the feed address). Nothing else reaches the output.
 */

/** The four widgets: name (= its CDN file without `.js`) and tag. */
export const WIDGETS = [
  { name: 'toolbox-browser', tag: 'mipyme-toolbox-browser' },
  { name: 'cash-flow-calculator', tag: 'mipyme-cash-flow-calculator' },
  { name: 'business-plan-outline', tag: 'mipyme-business-plan-outline' },
  { name: 'provider-finder', tag: 'mipyme-provider-finder' },
] as const;

export type WidgetName = (typeof WIDGETS)[number]['name'];
/** `all`: every widget, from the one file `infomipyme-widgets.js`. */
export type WidgetChoice = 'all' | WidgetName;
export const WIDGET_CHOICES: readonly WidgetChoice[] = ['all', ...WIDGETS.map((widget) => widget.name)];

export const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'DO'] as const;
export type Country = (typeof COUNTRIES)[number];

export const LANGUAGES = ['es', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** Where the tokens are set: the whole page (`:root`) or only the widgets' tags. */
export const SCOPES = ['root', 'elements'] as const;
export type TokenScope = (typeof SCOPES)[number];

/** The brand values a partner may change (each optional; empty = the built-in value). */
export interface Brand {
  primary?: string;
  onPrimary?: string;
  primaryDark?: string;
  onPrimaryDark?: string;
  radius?: string;
  fontSize?: string;
}
export type BrandField = keyof Brand;

interface TokenSpec {
  readonly property: string;
  /** The built-in value (src/styles/tokens.ts): typing it back changes nothing. */
  readonly fallback: string;
  readonly kind: 'color' | 'radius' | 'font-size';
  /** The themes in which the widgets read it. */
  readonly applies: 'light' | 'dark' | 'both';
}

/** The public tokens the configurator sets (names and defaults from src/styles/tokens.ts). */
export const BRAND_TOKENS: Readonly<Record<BrandField, TokenSpec>> = {
  primary: { property: '--mipyme-color-primary', fallback: '#0b5cab', kind: 'color', applies: 'light' },
  onPrimary: { property: '--mipyme-color-on-primary', fallback: '#ffffff', kind: 'color', applies: 'light' },
  primaryDark: { property: '--mipyme-color-primary-dark', fallback: '#78b4ff', kind: 'color', applies: 'dark' },
  onPrimaryDark: { property: '--mipyme-color-on-primary-dark', fallback: '#0b1320', kind: 'color', applies: 'dark' },
  radius: { property: '--mipyme-radius', fallback: '0.5em', kind: 'radius', applies: 'both' },
  fontSize: { property: '--mipyme-font-size', fallback: '16px', kind: 'font-size', applies: 'both' },
};
export const BRAND_FIELDS = Object.keys(BRAND_TOKENS) as BrandField[];

/** The widgets' surfaces, against which the primary colour is read as text. */
export const SURFACES = { light: '#ffffff', dark: '#151a21' } as const;

/** What the partner chooses (what the URL hash keeps). */
export interface Choices {
  widget: WidgetChoice;
  /** `''`: no country attribute (every country). */
  country: Country | '';
  lang: Lang;
  theme: Theme;
  /** The partner's feed address, as typed. */
  feed: string;
  /** Only these partners' records (ids in the feed's `publishers`, as typed); `''`: every record. */
  publisher: string;
  brand: Brand;
  scope: TokenScope;
}

export interface SnippetOptions extends Choices {
  /** The library version in the CDN address. */
  version: string;
  /** The file's Subresource Integrity hash, when known (`sha384-…`). */
  integrity?: string | undefined;
  /** The CDN's origin and path prefix; default `https://unpkg.com`. */
  cdn?: string;
}

export const EXAMPLE_FEED = 'https://su-red.example/feed.json';

export const DEFAULT_CHOICES: Readonly<Choices> = Object.freeze({
  widget: 'all',
  country: 'SV',
  lang: 'es',
  theme: 'light',
  feed: EXAMPLE_FEED,
  publisher: '',
  brand: Object.freeze({}),
  scope: 'root',
});

// ---------------------------------------------------------------- escaping and validation

/** Text for an HTML attribute value in double quotes (or element content). */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A CSS hex colour (`#rgb` or `#rrggbb`, any case) as `#rrggbb`; anything else: undefined. */
export function parseColor(value: string | undefined): string | undefined {
  const text = (value ?? '').trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return /^#[0-9a-f]{6}$/.test(text) ? text : undefined;
}

const LENGTH_LIMITS: Record<'radius' | 'font-size', Partial<Record<'px' | 'em', readonly [number, number]>>> = {
  radius: { px: [0, 64], em: [0, 4] },
  'font-size': { px: [10, 32] },
};

/**
 * A length for `--mipyme-radius` (px or em) or `--mipyme-font-size` (px), within
 * sensible bounds, written plainly (`8px`, `0.25em`, `0`); a bare number is in
 * pixels, a decimal comma is read as a point. Anything else: undefined.
 */
export function parseLength(value: string | undefined, kind: 'radius' | 'font-size'): string | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3})?) ?(px|em)?$/.exec((value ?? '').trim().toLowerCase().replace(',', '.'));
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'px') as 'px' | 'em';
  const limits = LENGTH_LIMITS[kind][unit];
  if (amount === 0 && limits?.[0] === 0) return '0';
  if (!limits || amount < limits[0] || amount > limits[1]) return undefined;
  return `${amount}${unit}`;
}

/** A brand value, validated and normalised for its token; undefined when invalid. */
export function brandValue(field: BrandField, value: string | undefined): string | undefined {
  const { kind } = BRAND_TOKENS[field];
  return kind === 'color' ? parseColor(value) : parseLength(value, kind);
}

/** The CDN address's version: digits and dots (semver); anything else is refused. */
function safeVersion(version: string): string {
  if (!/^\d+\.\d+\.\d+(?:-[0-9a-z.-]+)?$/i.test(version)) throw new Error(`Not a version: ${version}`);
  return version;
}

/** An SRI hash (`sha256|384|512-<base64>`), else undefined. */
export function parseIntegrity(value: unknown): string | undefined {
  return typeof value === 'string' && /^sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value) ? value : undefined;
}

/** The feed address as it goes into the attribute: trimmed, without control characters. */
function cleanFeed(feed: string): string {
  // eslint-disable-next-line no-control-regex
  return feed.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

// ---------------------------------------------------------------- the choice's pieces

export function widgetFile(widget: WidgetChoice): string {
  return widget === 'all' ? 'infomipyme-widgets.js' : `${widget}.js`;
}

export function widgetTags(widget: WidgetChoice): string[] {
  return WIDGETS.filter((item) => widget === 'all' || item.name === widget).map((item) => item.tag);
}

function appliesIn(spec: TokenSpec, theme: Theme): boolean {
  if (spec.applies === 'both' || theme === 'auto') return true;
  return spec.applies === theme;
}

/**
 * The tokens the snippet sets: only those the partner changed (valid and not the
 * built-in value) and that the widgets read in the chosen theme (light colours
 * mean nothing to `theme="dark"`, and the reverse).
 */
export function brandDeclarations(choices: Pick<Choices, 'brand' | 'theme'>): Array<[property: string, value: string]> {
  const declarations: Array<[string, string]> = [];
  for (const field of BRAND_FIELDS) {
    const spec = BRAND_TOKENS[field];
    const value = brandValue(field, choices.brand[field]);
    if (value === undefined || value === spec.fallback || !appliesIn(spec, choices.theme)) continue;
    declarations.push([spec.property, value]);
  }
  return declarations;
}

/** The brand fields the partner filled in with something that is not a valid value. */
export function invalidBrandFields(brand: Brand): BrandField[] {
  return BRAND_FIELDS.filter((field) => (brand[field] ?? '').trim() !== '' && brandValue(field, brand[field]) === undefined);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

export interface ContrastIssue {
  theme: 'light' | 'dark';
  /** `button`: button text on the primary colour; `link`: the primary colour as text on the surface. */
  pair: 'button' | 'link';
  foreground: string;
  background: string;
  ratio: number;
}

/** WCAG AA for text. */
export const MIN_CONTRAST = 4.5;

/**
 * Colour pairs below 4.5:1 in the themes the widgets will show, for the colours
 * the partner changed (the built-in pairs pass).
 */
export function contrastIssues(choices: Pick<Choices, 'brand' | 'theme'>): ContrastIssue[] {
  const issues: ContrastIssue[] = [];
  const themes = choices.theme === 'auto' ? (['light', 'dark'] as const) : ([choices.theme] as const);
  for (const theme of themes) {
    const [primaryField, onPrimaryField] = theme === 'light' ? (['primary', 'onPrimary'] as const) : (['primaryDark', 'onPrimaryDark'] as const);
    const chosen = (field: BrandField) => parseColor(choices.brand[field]);
    if (!chosen(primaryField) && !chosen(onPrimaryField)) continue;
    const primary = chosen(primaryField) ?? BRAND_TOKENS[primaryField].fallback;
    const onPrimary = chosen(onPrimaryField) ?? BRAND_TOKENS[onPrimaryField].fallback;
    const pairs = [
      { pair: 'button' as const, foreground: onPrimary, background: primary },
      { pair: 'link' as const, foreground: primary, background: SURFACES[theme] },
    ];
    for (const { pair, foreground, background } of pairs) {
      const ratio = contrastRatio(foreground, background);
      if (ratio < MIN_CONTRAST) issues.push({ theme, pair, foreground, background, ratio });
    }
  }
  return issues;
}

// ---------------------------------------------------------------- the snippet

function styleBlock(choices: Choices, indent = ''): string | undefined {
  const declarations = brandDeclarations(choices);
  if (declarations.length === 0) return undefined;
  const selector = choices.scope === 'elements' ? widgetTags(choices.widget).join(`,\n${indent}  `) : ':root';
  return [
    `${indent}<style>`,
    `${indent}  ${selector} {`,
    ...declarations.map(([property, value]) => `${indent}    ${property}: ${value};`),
    `${indent}  }`,
    `${indent}</style>`,
  ].join('\n');
}

function scriptTag(attributes: Array<[string, string | undefined]>, indent = ''): string {
  const lines = attributes
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${indent}  ${name}="${escapeHtml(value)}"`);
  return `${indent}<script type="module"\n${lines.join('\n')}></script>`;
}

/**
 * The publisher ids as they go into the attribute: each a feed id (letters, digits, `.`, `_`, `:`,
 * `-`; up to 80), once, separated by one space; anything else is left out.
 */
export function cleanPublisher(value: string): string {
  const ids = value.split(/[\s,]+/).filter((part) => /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/.test(part));
  return [...new Set(ids)].slice(0, 10).join(' ');
}

function elementTags(choices: Choices, indent = ''): string {
  const country = COUNTRIES.includes(choices.country as Country) ? choices.country : '';
  const theme = THEMES.includes(choices.theme) ? choices.theme : 'light';
  const publisher = cleanPublisher(choices.publisher ?? '');
  const attributes = `${country ? ` country="${country}"` : ''}${publisher ? ` publisher="${publisher}"` : ''} theme="${theme}"`;
  return widgetTags(choices.widget)
    .map((tag) => `${indent}<${tag}${attributes}></${tag}>`)
    .join('\n');
}

function lang(choices: Choices): Lang {
  return LANGUAGES.includes(choices.lang) ? choices.lang : 'es';
}

/**
 * The snippet a webmaster pastes: the script tag (with `integrity` and
 * `crossorigin` when the hash is known), a `<style>` block with the tokens the
 * partner changed (none when nothing changed), and the element tag(s).
 */
export function buildSnippet(options: SnippetOptions): string {
  const file = widgetFile(options.widget);
  const cdn = (options.cdn ?? 'https://unpkg.com').replace(/\/+$/, '');
  const integrity = parseIntegrity(options.integrity);
  const feed = cleanFeed(options.feed);
  const script = scriptTag([
    ['src', `${cdn}/infomipyme-widgets@${safeVersion(options.version)}/cdn/${file}`],
    ['integrity', integrity],
    ['crossorigin', integrity ? 'anonymous' : undefined],
    ['data-mipyme-feed', feed || undefined],
    ['data-mipyme-lang', lang(options)],
  ]);
  const style = styleBlock(options);
  return `${[script, style].filter(Boolean).join('\n')}\n\n${elementTags(options)}\n`;
}

/**
 * The live preview's whole document: the same snippet, but loading the local
 * build (`../cdn/<file>`) and the sample feed (`feed.json`), both resolved
 * against `base` (the configurator page's address). A CSP meta tag lets only
 * scripts from that origin run, so even a value that slipped past escaping could
 * not run a script in the preview.
 */
export function previewDocument(choices: Choices, base: string): string {
  const origin = new URL(base).origin;
  const src = new URL(`../cdn/${widgetFile(choices.widget)}`, base).href;
  const feed = new URL('feed.json', base).href;
  const page = {
    light: 'color-scheme: light; background: #f6f8fb; color: #1d2430;',
    dark: 'color-scheme: dark; background: #0e1116; color: #e9eef5;',
    auto: 'color-scheme: light dark; background: Canvas; color: CanvasText;',
  }[THEMES.includes(choices.theme) ? choices.theme : 'light'];
  const style = styleBlock(choices, '    ');
  return [
    '<!doctype html>',
    `<html lang="${lang(choices)}">`,
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    ...(origin === 'null' ? [] : [`    <meta http-equiv="Content-Security-Policy" content="script-src ${escapeHtml(origin)}" />`]),
    '    <title>Vista previa</title>',
    `    <style>body { margin: 0; padding: 16px; font: 16px/1.5 system-ui, sans-serif; ${page} } body > * + * { margin-top: 24px; }</style>`,
    ...(style ? [style] : []),
    scriptTag(
      [
        ['src', src],
        ['data-mipyme-feed', feed],
        ['data-mipyme-lang', lang(choices)],
      ],
      '    ',
    ),
    '  </head>',
    '  <body>',
    elementTags(choices, '    '),
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- cdn/manifest.json

export interface ManifestFile {
  integrity?: string | undefined;
  bytes?: number | undefined;
  gzip?: number | undefined;
  brotli?: number | undefined;
}
export interface Manifest {
  version: string;
  files: Record<string, ManifestFile>;
}

const size = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** cdn/manifest.json, checked: a valid version, and per file a valid hash and sizes (else left out). */
export function parseManifest(json: unknown): Manifest | null {
  if (!json || typeof json !== 'object') return null;
  const { version, files } = json as { version?: unknown; files?: unknown };
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:-[0-9a-z.-]+)?$/i.test(version)) return null;
  if (!files || typeof files !== 'object') return null;
  const result: Record<string, ManifestFile> = {};
  for (const [name, entry] of Object.entries(files as Record<string, unknown>)) {
    if (!/^[a-z-]+\.js$/.test(name) || !entry || typeof entry !== 'object') continue;
    const { integrity, bytes, gzip, brotli } = entry as Record<string, unknown>;
    result[name] = { integrity: parseIntegrity(integrity), bytes: size(bytes), gzip: size(gzip), brotli: size(brotli) };
  }
  return { version, files: result };
}

// ---------------------------------------------------------------- the URL hash

const BRAND_PARAMS: Record<BrandField, string> = {
  primary: 'primary',
  onPrimary: 'on-primary',
  primaryDark: 'primary-dark',
  onPrimaryDark: 'on-primary-dark',
  radius: 'radius',
  fontSize: 'font-size',
};

/** The choices as a URL hash (`#widget=…&country=…`), with only what differs from the defaults. */
export function choicesToHash(choices: Choices): string {
  const params = new URLSearchParams();
  for (const key of ['widget', 'country', 'lang', 'theme', 'feed', 'publisher', 'scope'] as const) {
    if (choices[key] !== DEFAULT_CHOICES[key]) params.set(key, choices[key]);
  }
  for (const field of BRAND_FIELDS) {
    const value = (choices.brand[field] ?? '').trim();
    if (value) params.set(BRAND_PARAMS[field], value);
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

/**
 * Choices from a URL hash (a shared link): fixed-list values must be in their
 * list (else the default); free text is kept as typed (limited in length) and
 * validated where it is used.
 */
export function choicesFromHash(hash: string): Choices {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const pick = <T extends string>(key: string, list: readonly T[], fallback: T): T => {
    const value = params.get(key);
    return value !== null && (list as readonly string[]).includes(value) ? (value as T) : fallback;
  };
  const brand: Brand = {};
  for (const field of BRAND_FIELDS) {
    const value = params.get(BRAND_PARAMS[field]);
    if (value) brand[field] = value.slice(0, 32);
  }
  return {
    widget: pick('widget', WIDGET_CHOICES, DEFAULT_CHOICES.widget),
    country: pick<Country | ''>('country', [...COUNTRIES, ''], DEFAULT_CHOICES.country),
    lang: pick('lang', LANGUAGES, DEFAULT_CHOICES.lang),
    theme: pick('theme', THEMES, DEFAULT_CHOICES.theme),
    feed: (params.get('feed') ?? DEFAULT_CHOICES.feed).slice(0, 2000),
    publisher: (params.get('publisher') ?? DEFAULT_CHOICES.publisher).slice(0, 200),
    brand,
    scope: pick('scope', SCOPES, DEFAULT_CHOICES.scope),
  };
}
