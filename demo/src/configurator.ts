/**
 * The configurator (demo/configurator.html): a partner picks the widget,
 * country, language, theme and brand colours, sees the result live in an
 * iframe, and copies the snippet for their page.
 *
 * Demo only (not part of the library's bundles). The snippet and the preview
 * document come from the pure module `snippet.ts`; this file builds the form
 * with createElement/textContent only (never innerHTML: values come from the
 * URL hash of a shared link), and keeps the choices in the URL hash.
 */
import { VERSION } from '../../src/shared/version.js';
import {
  BRAND_FIELDS,
  BRAND_TOKENS,
  DEFAULT_CHOICES,
  EXAMPLE_FEED,
  MIN_CONTRAST,
  brandValue,
  buildSnippet,
  choicesFromHash,
  choicesToHash,
  contrastIssues,
  invalidBrandFields,
  parseColor,
  parseManifest,
  previewDocument,
  widgetFile,
  type BrandField,
  type Choices,
  type Manifest,
  type WidgetChoice,
} from './snippet.js';

export type { Manifest } from './snippet.js';

export interface ConfiguratorOptions {
  /** cdn/manifest.json, parsed: `undefined` while it loads, `null` when it could not be read. */
  manifest?: Manifest | null;
  /** The address the preview resolves `../cdn/` and `feed.json` against; default: this page's. */
  base?: string;
  /** Keep the choices in `location.hash` (a shareable link); default false. */
  hash?: boolean;
  /** The first choices (with `hash`, the URL's win). */
  choices?: Choices;
  /** Wait this long after typing before reloading the preview (ms); default 300. */
  previewDelay?: number;
}

export interface Configurator {
  /** The current choices (a copy). */
  readonly choices: Choices;
  /** The snippet shown. */
  readonly snippet: string;
  /** Give the manifest once read (`null`: it could not be read). */
  setManifest(manifest: Manifest | null): void;
  /** Apply a pending preview reload now. */
  flush(): void;
  /** Remove the configurator and its listeners. */
  destroy(): void;
}

// ---------------------------------------------------------------- texts (the demo is in Spanish)

const WIDGET_LABELS: Record<WidgetChoice, string> = {
  all: 'Los cuatro widgets',
  'toolbox-browser': 'Caja de herramientas',
  'cash-flow-calculator': 'Flujo de caja',
  'business-plan-outline': 'Plan de negocios',
  'provider-finder': 'Quién le ayuda',
};

const COUNTRY_OPTIONS: Array<[Choices['country'], string]> = [
  ['SV', 'El Salvador'],
  ['GT', 'Guatemala'],
  ['HN', 'Honduras'],
  ['NI', 'Nicaragua'],
  ['DO', 'República Dominicana'],
  ['', 'Ninguno (todos los países)'],
];

const BRAND_LABELS: Record<BrandField, string> = {
  primary: 'Color principal',
  onPrimary: 'Texto sobre el color principal',
  primaryDark: 'Color principal (tema oscuro)',
  onPrimaryDark: 'Texto sobre el color principal (tema oscuro)',
  radius: 'Redondeo de las esquinas',
  fontSize: 'Tamaño de la letra',
};

const BRAND_ERRORS: Record<'color' | 'radius' | 'font-size', string> = {
  color: 'Escriba el color como #RRGGBB, por ejemplo #0b5cab.',
  radius: 'Escriba píxeles de 0 a 64 (por ejemplo 8) o em de 0 a 4 (por ejemplo 0.25em).',
  'font-size': 'Escriba píxeles de 10 a 32, por ejemplo 18.',
};

const decimal = new Intl.NumberFormat('es', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kilobytes = (bytes: number) => `${decimal.format(bytes / 1024)} KB`;

// ---------------------------------------------------------------- DOM helpers

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.filter((child): child is Node | string => !!child));
  return element;
}

const code = (text: string) => h('code', {}, text);

let instances = 0;

/** cdn/manifest.json, read and checked; `null` when it cannot be read. */
export async function loadManifest(url: string | URL): Promise<Manifest | null> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return null;
    return parseManifest(await response.json());
  } catch {
    return null;
  }
}

/** Build the configurator into `root` and wire it. */
export function initConfigurator(root: HTMLElement, options: ConfiguratorOptions = {}): Configurator {
  const prefix = `cfg${++instances}`;
  const id = (name: string) => `${prefix}-${name}`;
  const base = options.base ?? document.baseURI;
  const previewDelay = options.previewDelay ?? 300;
  let manifest: Manifest | null | undefined = options.manifest;
  let choices: Choices = cloneChoices(options.hash ? choicesFromHash(location.hash) : (options.choices ?? DEFAULT_CHOICES));
  let writtenHash = '';
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let shownSnippet = '';

  // ---- the form
  const radios = <T extends string>(name: string, items: Array<[T, string, string?]>) =>
    items.map(([value, label, hint]) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name: id(name), value }),
        ' ',
        h('span', {}, label, hint ? h('span', { class: 'hint' }, ` ${hint}`) : null),
      ),
    );
  const select = (name: string, label: string, items: Array<[string, string]>, hint?: string) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id(name) }, label),
      h(
        'select',
        { id: id(name), name: id(name), 'aria-describedby': hint ? id(`${name}-hint`) : undefined },
        ...items.map(([value, text]) => h('option', { value }, text)),
      ),
      hint ? h('p', { class: 'hint', id: id(`${name}-hint`) }, hint) : null,
    );
  const brandField = (field: BrandField, hint?: string) => {
    const spec = BRAND_TOKENS[field];
    const describedBy = [hint ? id(`${field}-hint`) : '', id(`${field}-error`)].filter(Boolean).join(' ');
    const text = h('input', {
      type: 'text',
      id: id(field),
      name: id(field),
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: spec.fallback,
      'aria-describedby': describedBy,
      'data-brand': field,
      class: spec.kind === 'color' ? 'color-text' : 'length',
    });
    const picker =
      spec.kind === 'color'
        ? h('input', { type: 'color', 'aria-label': `${BRAND_LABELS[field]}: elegir en la paleta`, 'data-picker': field })
        : null;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id(field) }, BRAND_LABELS[field]),
      h('div', { class: 'color-row' }, text, picker),
      hint ? h('p', { class: 'hint', id: id(`${field}-hint`) }, hint) : null,
      h('p', { class: 'field-error', id: id(`${field}-error`), hidden: true }),
    );
  };

  const lightColours = h(
    'fieldset',
    {},
    h('legend', {}, 'Colores de su marca'),
    brandField('primary', 'Botones, enlaces y elementos activos.'),
    brandField('onPrimary', 'El texto de los botones: debe leerse bien sobre el color principal.'),
  );
  const darkColours = h(
    'fieldset',
    {},
    h('legend', {}, 'Colores para el tema oscuro'),
    h(
      'p',
      { class: 'hint' },
      'Sobre fondo oscuro los widgets usan otro color principal, más claro, para que se lea. ' +
        'Si su color de marca es oscuro, elija aquí una versión clara; si no cambia nada, se usan los de fábrica.',
    ),
    brandField('primaryDark'),
    brandField('onPrimaryDark'),
  );
  const resetButton = h('button', { type: 'button', class: 'secondary' }, 'Volver a los colores y tamaños de fábrica');

  const form = h(
    'form',
    { class: 'configurator-form card', 'aria-labelledby': id('form-title'), novalidate: true },
    h('h2', { id: id('form-title') }, 'Sus opciones'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Widget'),
      ...radios<WidgetChoice>('widget', [
        ['all', WIDGET_LABELS.all, '(un archivo para todos)'],
        ['toolbox-browser', WIDGET_LABELS['toolbox-browser']],
        ['cash-flow-calculator', WIDGET_LABELS['cash-flow-calculator']],
        ['business-plan-outline', WIDGET_LABELS['business-plan-outline']],
        ['provider-finder', WIDGET_LABELS['provider-finder']],
      ]),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Feed'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: id('feed') }, 'Dirección de su feed'),
        h('input', {
          type: 'text',
          id: id('feed'),
          name: id('feed'),
          inputmode: 'url',
          autocomplete: 'url',
          spellcheck: 'false',
          'aria-describedby': id('feed-hint'),
        }),
        h(
          'p',
          { class: 'hint', id: id('feed-hint') },
          'La que publica su red. Su servidor debe permitir que otros sitios la lean (',
          code('Access-Control-Allow-Origin'),
          '). La vista previa usa el feed de ejemplo; revise el suyo en ',
          h('a', { href: 'feed-check.html' }, 'Revisar un feed'),
          '.',
        ),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'País, idioma y tema'),
      select('country', 'País', COUNTRY_OPTIONS, 'Los widgets muestran primero lo de este país.'),
      select('lang', 'Idioma', [['es', 'Español'], ['en', 'English']], 'Uno por página: todos los widgets de la página lo comparten.'),
      select('theme', 'Tema visual', [['light', 'Claro'], ['dark', 'Oscuro'], ['auto', 'Según el dispositivo']]),
      h(
        'div',
        { class: 'field' },
        h('label', { for: id('publisher') }, 'Solo lo publicado por (opcional)'),
        h('input', {
          type: 'text',
          id: id('publisher'),
          name: id('publisher'),
          autocomplete: 'off',
          spellcheck: 'false',
          'aria-describedby': id('publisher-hint'),
        }),
        h(
          'p',
          { class: 'hint', id: id('publisher-hint') },
          'El identificador de su organización en la sección ',
          code('publishers'),
          ' del feed (en el de ejemplo: ',
          code('socio-sv'),
          ', ',
          code('red-infomipyme'),
          '…). Vacío: todo lo del feed compartido.',
        ),
      ),
    ),
    lightColours,
    darkColours,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Forma y tamaño (opcional)'),
      brandField('radius', 'En píxeles (8) o em (0.25em). Vacío: 0.5em, unos 8 píxeles.'),
      brandField('fontSize', 'En píxeles. Vacío: 16. Todo el widget crece o se achica con ella.'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Aplicar colores y tamaños a'),
      ...radios('scope', [
        ['root', 'Toda la página', '(:root)'],
        ['elements', 'Solo a estos widgets', '(sus etiquetas)'],
      ]),
    ),
    h('p', {}, resetButton),
  );

  // ---- the outputs
  const iframe = h('iframe', { class: 'preview', title: 'Vista previa de los widgets elegidos' });
  const previewHint = h('p', { class: 'hint' });
  const codeElement = h('code', {});
  const pre = h('pre', { class: 'snippet', tabindex: '0' }, codeElement);
  const copyButton = h('button', { type: 'button' }, 'Copiar');
  const copyStatus = h('p', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  const sizeLine = h('p', { class: 'size' });
  const notes = h('ul', { class: 'notes' });

  const output = h(
    'div',
    { class: 'configurator-output' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': id('preview-title') },
      h('h2', { id: id('preview-title') }, 'Vista previa'),
      previewHint,
      iframe,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': id('code-title') },
      h('h2', { id: id('code-title') }, 'Su código'),
      h(
        'p',
        {},
        'Péguelo en su página donde deban aparecer los widgets. El ',
        code('<script>'),
        ' y el ',
        code('<style>'),
        ' pueden ir en el ',
        code('<head>'),
        '; van una sola vez por página.',
      ),
      pre,
      h('div', { class: 'copy-row' }, copyButton, copyStatus),
      sizeLine,
      notes,
    ),
  );

  const container = h('div', { class: 'configurator' }, form, output);
  root.replaceChildren(container);

  // ---- reading and writing the form
  const field = <T extends HTMLElement = HTMLInputElement>(name: string) => form.querySelector<T>(`#${id(name)}`)!;
  const radioValue = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${id(name)}"]:checked`)?.value;

  function readForm(): Choices {
    const brand: Choices['brand'] = {};
    for (const name of BRAND_FIELDS) {
      const value = field(name).value.trim();
      if (value) brand[name] = value;
    }
    const fallback = (value: string | undefined, list: readonly string[], otherwise: string) =>
      value !== undefined && list.includes(value) ? value : otherwise;
    return {
      widget: fallback(radioValue('widget'), ['all', 'toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder'], 'all') as Choices['widget'],
      country: field<HTMLSelectElement>('country').value as Choices['country'],
      lang: field<HTMLSelectElement>('lang').value as Choices['lang'],
      theme: field<HTMLSelectElement>('theme').value as Choices['theme'],
      feed: field('feed').value,
      publisher: field('publisher').value,
      brand,
      scope: fallback(radioValue('scope'), ['root', 'elements'], 'root') as Choices['scope'],
    };
  }

  function writeForm(next: Choices): void {
    for (const name of ['widget', 'scope'] as const) {
      for (const radio of form.querySelectorAll<HTMLInputElement>(`input[name="${id(name)}"]`)) radio.checked = radio.value === next[name];
    }
    field<HTMLSelectElement>('country').value = next.country;
    field<HTMLSelectElement>('lang').value = next.lang;
    field<HTMLSelectElement>('theme').value = next.theme;
    field('feed').value = next.feed;
    field('publisher').value = next.publisher;
    for (const name of BRAND_FIELDS) {
      field(name).value = next.brand[name] ?? '';
      syncPicker(name);
    }
  }

  /** The colour picker shows the text field's colour (or the built-in one). */
  function syncPicker(name: BrandField): void {
    const picker = form.querySelector<HTMLInputElement>(`input[data-picker="${name}"]`);
    if (picker) picker.value = parseColor(field(name).value) ?? BRAND_TOKENS[name].fallback;
  }

  // ---- rendering
  function release(): { version: string; integrity: string | undefined; file: ReturnType<typeof fileInfo> } {
    const file = fileInfo();
    return { version: manifest?.version ?? VERSION, integrity: file?.integrity, file };
  }
  function fileInfo() {
    return manifest ? manifest.files[widgetFile(choices.widget)] : undefined;
  }

  function render({ preview }: { preview: 'now' | 'later' }): void {
    const { version, integrity, file } = release();
    const snippet = buildSnippet({ ...choices, version, integrity });
    if (snippet !== shownSnippet) {
      shownSnippet = snippet;
      codeElement.textContent = snippet;
      copyStatus.textContent = '';
    }

    lightColours.hidden = choices.theme === 'dark';
    darkColours.hidden = choices.theme === 'light';

    const invalid = new Set(invalidBrandFields(choices.brand));
    for (const name of BRAND_FIELDS) {
      const input = field(name);
      const error = field<HTMLParagraphElement>(`${name}-error`);
      const bad = invalid.has(name);
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      error.hidden = !bad;
      error.textContent = bad ? BRAND_ERRORS[BRAND_TOKENS[name].kind] : '';
    }

    previewHint.textContent =
      'Así se verá en su página, con el feed de ejemplo de esta demostración.' +
      (choices.theme === 'auto' ? ' Con «Según el dispositivo», sigue el modo claro u oscuro de este equipo.' : '');

    const fileName = widgetFile(choices.widget);
    if (file?.gzip !== undefined) {
      const raw = file.bytes !== undefined ? ` (${kilobytes(file.bytes)} sin comprimir)` : '';
      let text = `Tamaño de ${fileName}: ${kilobytes(file.gzip)} comprimido con gzip${raw}.`;
      if (choices.widget === 'all' && manifest) {
        const single = Object.entries(manifest.files)
          .filter(([name]) => name !== fileName)
          .map(([, entry]) => entry.gzip)
          .filter((gzip): gzip is number => gzip !== undefined);
        if (single.length > 0) {
          text += ` Una página con un solo widget puede cargar solo el suyo: de ${kilobytes(Math.min(...single))} a ${kilobytes(Math.max(...single))}.`;
        }
      }
      sizeLine.textContent = text;
    } else {
      sizeLine.textContent = manifest === undefined ? '' : `Tamaño de ${fileName}: no se conoce (falta cdn/manifest.json).`;
    }

    notes.replaceChildren(...noteTexts(integrity, invalid).map((text) => h('li', {}, text)));

    if (preview === 'now') updatePreview();
    else {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(updatePreview, previewDelay);
    }

    if (options.hash) {
      const hash = choicesToHash(choices);
      if (hash !== location.hash) {
        history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
      }
      writtenHash = location.hash;
    }
  }

  function noteTexts(integrity: string | undefined, invalid: Set<BrandField>): string[] {
    const texts: string[] = [];
    const fileName = widgetFile(choices.widget);
    if (manifest === undefined) texts.push('Buscando el hash de integridad (cdn/manifest.json)…');
    else if (manifest === null)
      texts.push(
        'No se pudo leer cdn/manifest.json (lo crea npm run build): el código va sin el atributo integrity. ' +
          'Funciona igual, pero el navegador no podrá comprobar que el archivo del CDN no fue alterado.',
      );
    else if (!integrity) texts.push(`cdn/manifest.json no trae el hash de ${fileName}: el código va sin el atributo integrity.`);
    else
      texts.push(
        'Con integrity, el navegador rechaza el archivo si alguien lo cambia en el CDN. ' +
          'Si cambia la versión en la dirección, cambie también el hash: cada versión trae el suyo en cdn/manifest.json.',
      );

    const feed = choices.feed.trim();
    if (!feed) texts.push('Falta la dirección del feed: sin data-mipyme-feed, cada widget necesita su propio atributo feed.');
    else if (feed === EXAMPLE_FEED) texts.push('Cambie la dirección de ejemplo (su-red.example) por la de su feed.');
    else if (/^http:/i.test(feed)) texts.push('El feed usa http://: en una página https el navegador lo bloquea. Publíquelo con https://.');

    for (const name of invalid) {
      texts.push(`«${BRAND_LABELS[name]}» no es un valor válido y no entra en el código. ${BRAND_ERRORS[BRAND_TOKENS[name].kind]}`);
    }
    const ratio = (value: number) => decimal.format(Math.floor(value * 10) / 10);
    for (const issue of contrastIssues(choices)) {
      const theme = issue.theme === 'light' ? 'Tema claro' : 'Tema oscuro';
      texts.push(
        issue.pair === 'button'
          ? `${theme}: el texto de los botones (${issue.foreground} sobre ${issue.background}) tiene un contraste de ${ratio(issue.ratio)}:1; para leerse bien hace falta al menos ${decimal.format(MIN_CONTRAST)}:1.`
          : `${theme}: los enlaces en ${issue.foreground} sobre el fondo ${issue.background} tienen un contraste de ${ratio(issue.ratio)}:1; para leerse bien hace falta al menos ${decimal.format(MIN_CONTRAST)}:1.`,
      );
    }
    const changed = (name: BrandField) => {
      const value = brandValue(name, choices.brand[name]);
      return value !== undefined && value !== BRAND_TOKENS[name].fallback;
    };
    if (choices.theme === 'auto' && (changed('primary') || changed('onPrimary')) && !changed('primaryDark') && !changed('onPrimaryDark')) {
      texts.push(
        'Con «Según el dispositivo», quien use el modo oscuro verá los colores del tema oscuro, que siguen siendo los de fábrica: ' +
          'elija los suyos en «Colores para el tema oscuro».',
      );
    }
    return texts;
  }

  let previewScroll = 0;
  function updatePreview(): void {
    clearTimeout(previewTimer);
    previewTimer = undefined;
    const next = previewDocument(choices, base);
    if (iframe.getAttribute('srcdoc') === next) return;
    try {
      previewScroll = iframe.contentWindow?.scrollY ?? 0;
    } catch {
      previewScroll = 0;
    }
    iframe.setAttribute('srcdoc', next);
  }
  // Keep the place in the preview across reloads (the widgets draw after the feed loads: try twice).
  const restoreScroll = () => {
    const target = previewScroll;
    if (!target) return;
    const scroll = () => {
      try {
        iframe.contentWindow?.scrollTo(0, target);
      } catch {
        /* not reachable: leave it */
      }
    };
    scroll();
    setTimeout(scroll, 500);
  };

  // ---- events
  function onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const picked = target.dataset?.['picker'] as BrandField | undefined;
    if (picked) field(picked).value = target.value;
    else if (target.dataset?.['brand']) syncPicker(target.dataset['brand'] as BrandField);
    choices = readForm();
    render({ preview: event.type === 'change' ? 'now' : 'later' });
  }
  function onSubmit(event: Event): void {
    event.preventDefault();
  }
  function onReset(): void {
    choices = { ...readForm(), brand: {} };
    writeForm(choices);
    render({ preview: 'now' });
  }
  function onHashChange(): void {
    if (location.hash === writtenHash) return;
    choices = choicesFromHash(location.hash);
    writeForm(choices);
    render({ preview: 'now' });
  }
  function selectSnippet(): void {
    const selection = getSelection();
    if (!selection) return;
    const range = document.createRange();
    range.selectNodeContents(codeElement);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  async function onCopy(): Promise<void> {
    const text = shownSnippet;
    copyStatus.textContent = '';
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard API');
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = 'Copiado. Péguelo en el código de su página.';
    } catch {
      // No clipboard (a page over plain http, or permission refused): select the code instead.
      selectSnippet();
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      if (copied) copyStatus.textContent = 'Copiado. Péguelo en el código de su página.';
      else {
        pre.focus();
        copyStatus.textContent = 'No se pudo copiar solo: el código quedó seleccionado. Cópielo con Ctrl+C (⌘C en Mac).';
      }
    }
  }
  const onCopyClick = () => void onCopy();

  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', onSubmit);
  resetButton.addEventListener('click', onReset);
  copyButton.addEventListener('click', onCopyClick);
  iframe.addEventListener('load', restoreScroll);
  if (options.hash) addEventListener('hashchange', onHashChange);

  writeForm(choices);
  choices = readForm();
  render({ preview: 'now' });

  return {
    get choices() {
      return cloneChoices(choices);
    },
    get snippet() {
      return shownSnippet;
    },
    setManifest(next) {
      manifest = next;
      render({ preview: 'later' });
    },
    flush() {
      if (previewTimer !== undefined) updatePreview();
    },
    destroy() {
      clearTimeout(previewTimer);
      if (options.hash) removeEventListener('hashchange', onHashChange);
      container.remove();
    },
  };
}

function cloneChoices(choices: Choices): Choices {
  return { ...choices, brand: { ...choices.brand } };
}

// The page itself: build into #configurator, then add the hashes once the manifest is read.
const mount = typeof document !== 'undefined' ? document.getElementById('configurator') : null;
if (mount) {
  const configurator = initConfigurator(mount, { hash: true });
  void loadManifest(new URL('../cdn/manifest.json', document.baseURI)).then((manifest) => configurator.setManifest(manifest));
}
