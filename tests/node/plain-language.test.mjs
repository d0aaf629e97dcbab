// Plain, consistent Spanish in locales/es.xlf (issue #10). The users are owners of micro and
// small businesses in El Salvador, Guatemala, Honduras, Nicaragua and the Dominican Republic,
// many with little reading practice, on a phone. Every <target> is read here and the test fails,
// naming the unit and the word, on: a tú/vos form (the widgets speak "usted"), an anglicism that
// has a common Spanish word, a placeholder lost or added, an unpaired ¿…? or ¡…!, doubled spaces,
// and English left untranslated. Run: node --test tests/node/plain-language.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------------------------
// Word lists. Each entry: the banned word → [what to write instead, why].
// ---------------------------------------------------------------------------------------------

/** tú and vos forms that cannot be anything else, wherever they are in a sentence. */
const TU_VOS = {
  // pronouns and possessives ("su" is the usted possessive and is fine)
  tú: ['usted', 'tú form'],
  tu: ['su', 'tú possessive'],
  tus: ['sus', 'tú possessive'],
  te: ['le / lo / la', 'tú pronoun'],
  ti: ['usted', 'tú pronoun'],
  contigo: ['con usted', 'tú pronoun'],
  tuyo: ['suyo', 'tú possessive'],
  tuya: ['suya', 'tú possessive'],
  vos: ['usted', 'voseo'],
  // present tense, second person singular
  puedes: ['puede', 'tú verb'],
  quieres: ['quiere', 'tú verb'],
  tienes: ['tiene', 'tú verb'],
  necesitas: ['necesita', 'tú verb'],
  debes: ['debe', 'tú verb'],
  eres: ['es', 'tú verb'],
  estás: ['está', 'tú verb'],
  has: ['ha', 'tú verb (haber)'],
  sabes: ['sabe', 'tú verb'],
  ves: ['ve', 'tú verb'],
  vas: ['va', 'tú verb'],
  prefieres: ['prefiere', 'tú verb'],
  // imperatives that are tú in any position
  haz: ['haga', 'tú imperative'],
  hazlo: ['hágalo', 'tú imperative'],
  pon: ['ponga', 'tú imperative'],
  elige: ['elija', 'tú imperative'],
  escoge: ['escoja', 'tú imperative'],
  pulsa: ['pulse', 'tú imperative'],
  inténtalo: ['inténtelo', 'tú imperative'],
  revísalo: ['revíselo', 'tú imperative'],
  revísala: ['revísela', 'tú imperative'],
  revísalos: ['revíselos', 'tú imperative'],
  pruébalo: ['pruébelo', 'tú imperative'],
  descárgalo: ['descárguelo', 'tú imperative'],
  descárgala: ['descárguela', 'tú imperative'],
  guárdalo: ['guárdelo', 'tú imperative'],
  guárdala: ['guárdela', 'tú imperative'],
  escríbelo: ['escríbalo', 'tú imperative'],
  elígelo: ['elíjalo', 'tú imperative'],
  ábrelo: ['ábralo', 'tú imperative'],
  bórralo: ['bórrelo', 'tú imperative'],
  agrégalo: ['agréguelo', 'tú imperative'],
  úsalo: ['úselo', 'tú imperative'],
  corrígelos: ['corríjalos', 'tú imperative'],
  expórtalo: ['descargue una copia', 'tú imperative'],
  // voseo (Central American "vos"): stressed last syllable
  podés: ['puede', 'voseo'],
  querés: ['quiere', 'voseo'],
  tenés: ['tiene', 'voseo'],
  sabés: ['sabe', 'voseo'],
  necesitás: ['necesita', 'voseo'],
  sos: ['es', 'voseo'],
  escribí: ['escriba', 'voseo'],
  elegí: ['elija', 'voseo'],
  revisá: ['revise', 'voseo'],
  usá: ['use', 'voseo'],
  tocá: ['toque', 'voseo'],
  pulsá: ['pulse', 'voseo'],
  hacé: ['haga', 'voseo'],
  poné: ['ponga', 'voseo'],
  probá: ['pruebe', 'voseo'],
  buscá: ['busque', 'voseo'],
  descargá: ['descargue', 'voseo'],
  guardá: ['guarde', 'voseo'],
  intentá: ['intente', 'voseo'],
  agregá: ['agregue', 'voseo'],
  mirá: ['mire', 'voseo'],
  fijate: ['fíjese', 'voseo'],
};

/**
 * tú imperatives that are also a third-person verb ("la línea muestra", "mientras escribe"):
 * banned only where a sentence starts, which is where an instruction starts.
 */
const TU_IMPERATIVE_AT_START = {
  escribe: 'escriba',
  usa: 'use',
  revisa: 'revise',
  prueba: 'pruebe',
  busca: 'busque',
  agrega: 'agregue',
  añade: 'agregue',
  descarga: 'descargue',
  guarda: 'guarde',
  borra: 'borre',
  intenta: 'intente',
  abre: 'abra',
  cierra: 'cierre',
  selecciona: 'seleccione',
  ingresa: 'escriba',
  llena: 'llene',
  mira: 'mire',
  toca: 'toque',
  pega: 'pegue',
  imprime: 'imprima',
  cambia: 'cambie',
  quita: 'quite',
  vuelve: 'vuelva',
  comparte: 'comparta',
};

/** Anglicisms with a common Spanish word. Technical names inside code (attributes, file names) are not read. */
const ANGLICISMS = {
  clic: ['pulse / toque', 'on a phone nobody clicks; "clic" is jargon'],
  click: ['pulse / toque', 'English'],
  cliquear: ['pulsar / tocar', 'anglicism'],
  clickear: ['pulsar / tocar', 'anglicism'],
  link: ['enlace', 'English'],
  links: ['enlaces', 'English'],
  email: ['correo electrónico', 'English'],
  'e-mail': ['correo electrónico', 'English'],
  mail: ['correo electrónico', 'English'],
  online: ['en línea / con conexión', 'English'],
  offline: ['sin conexión', 'English'],
  reset: ['restablecer / borrar', 'English'],
  resetear: ['restablecer / borrar', 'anglicism'],
  // A webmaster text may name the format once as "fuente de datos (feed)": see ALLOWED_PHRASES.
  feed: ['fuente de datos', 'jargon'],
  feeds: ['fuentes de datos', 'jargon'],
  widget: ['herramienta', 'jargon; the user sees a tool on a page'],
  widgets: ['herramientas', 'jargon (the package name infomipyme-widgets is code and is allowed)'],
  tip: ['consejo', 'English'],
  tips: ['consejos', 'English'],
  ok: ['de acuerdo / listo', 'English'],
  okay: ['de acuerdo / listo', 'English'],
  feedback: ['opinión / comentarios', 'English'],
  login: ['iniciar sesión', 'English'],
  logout: ['cerrar sesión', 'English'],
  password: ['contraseña', 'English'],
  upload: ['subir', 'English'],
  download: ['descargar', 'English'],
  backup: ['copia', 'English'],
  checklist: ['lista de verificación', 'English'],
  chequear: ['revisar', 'anglicism'],
  checar: ['revisar', 'anglicism'],
  setear: ['configurar', 'anglicism'],
  deletear: ['borrar', 'anglicism'],
  delete: ['borrar', 'English'],
  update: ['actualizar', 'English'],
  dashboard: ['panel', 'English'],
  app: ['aplicación', 'English'],
  apps: ['aplicaciones', 'English'],
  input: ['campo / dato', 'English'],
  cash: ['efectivo', 'English'],
  'pop-up': ['ventana emergente', 'English'],
  popup: ['ventana emergente', 'English'],
  scroll: ['desplazar', 'English'],
};

/** Phrases where a listed word is right: the format's name explained, an attribute's name. */
const ALLOWED_PHRASES = [/\(feed\b/g, /\batributo feed\b/g];

// ---------------------------------------------------------------------------------------------
// Reading the XLIFF
// ---------------------------------------------------------------------------------------------

const unescape = (xml) =>
  xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function readUnits(xml) {
  return (xml.match(/<trans-unit\b[\s\S]*?<\/trans-unit>/g) ?? []).map((unit) => ({
    id: unit.match(/\bid="([^"]+)"/)[1],
    source: unit.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '',
    target: unit.match(/<target>([\s\S]*?)<\/target>/)?.[1],
  }));
}

/** The placeholder ids of an XML fragment, sorted. */
const placeholders = (xml) => [...xml.matchAll(/<x\b[^>]*\bid="([^"]*)"[^>]*\/>/g)].map((m) => m[1]).sort();

/** The text a person reads, with a neutral mark for each placeholder. */
const text = (xml) => unescape(xml.replace(/<x\b[^>]*\/>/g, '\u2022'));

/** The prose of a text: code (JSON, "keys", file names, addresses, options, package names) removed. */
function prose(plain) {
  let out = plain
    .replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/\[[^\]\n]*\]/g, ' ')
    .replace(/\S*[./:_=@\\|]\S*/g, ' ')
    .replace(/(^|\s)--\S+/g, ' ')
    .replace(/\b(?:infomipyme|data|mipyme)-[\w-]+/g, ' ');
  for (const allowed of ALLOWED_PHRASES) out = out.replace(allowed, ' ');
  return out;
}

const words = (s) => s.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? [];

/** Words that start a sentence: at the start, after . ! ? … ¿ ¡ or a line break. */
const sentenceStarts = (s) =>
  [...s.matchAll(/(?:^|[.!?…]\s+|\n\s*|[¿¡])[^\p{L}\n]*(\p{L}+)/gu)].map((m) => m[1].toLowerCase());

// ---------------------------------------------------------------------------------------------
// The checks: each returns a list of problems for one unit ([] when it is fine).
// ---------------------------------------------------------------------------------------------

function problems({ id, source, target }) {
  if (target === undefined) return [`${id}: no <target>`];
  const found = [];
  const where = `${id} (${JSON.stringify(text(source).replace(/\s+/g, ' ').slice(0, 60))})`;
  const plain = text(target);
  const readable = prose(plain);

  for (const word of new Set(words(readable))) {
    if (Object.hasOwn(TU_VOS, word)) {
      const [instead, why] = TU_VOS[word];
      found.push(`${where}: "${word}" is a ${why}; write "${instead}"`);
    }
    if (Object.hasOwn(ANGLICISMS, word)) {
      const [instead, why] = ANGLICISMS[word];
      found.push(`${where}: "${word}" (${why}); write "${instead}"`);
    }
  }
  for (const word of new Set(sentenceStarts(readable))) {
    if (Object.hasOwn(TU_IMPERATIVE_AT_START, word)) {
      found.push(`${where}: "${word}" starts a sentence as a tú imperative; write "${TU_IMPERATIVE_AT_START[word]}"`);
    }
  }

  const want = placeholders(source);
  const have = placeholders(target);
  if (want.join() !== have.join()) {
    const lost = want.filter((p, i) => want.indexOf(p) === i && want.filter((q) => q === p).length > have.filter((q) => q === p).length);
    const added = have.filter((p, i) => have.indexOf(p) === i && have.filter((q) => q === p).length > want.filter((q) => q === p).length);
    found.push(`${where}: placeholders differ from the source (lost: [${lost}], added: [${added}])`);
  }

  for (const [open, close] of [
    ['¿', '?'],
    ['¡', '!'],
  ]) {
    let depth = 0;
    for (const char of readable) {
      if (char === open) depth++;
      else if (char === close) {
        if (depth === 0) {
          found.push(`${where}: "${close}" without its opening "${open}"`);
          break;
        }
        depth--;
      }
    }
    if (depth > 0) found.push(`${where}: "${open}" without its closing "${close}"`);
  }

  // Runs of spaces between two words; the CLI's aligned columns have them in the source too.
  const runs = (s) => (s.match(/\S {2,}(?=\S)/g) ?? []).length;
  if (runs(plain) > runs(text(source))) found.push(`${where}: doubled spaces`);

  const english = text(source);
  if (plain.trim() === english.trim() && (english.match(/\p{L}{2,}/gu) ?? []).length > 2) {
    found.push(`${where}: the target is the English text, untranslated`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

const xml = readFileSync(new URL('../../locales/es.xlf', import.meta.url), 'utf8');
const units = readUnits(xml);

test('locales/es.xlf has units to check', () => {
  assert.ok(units.length > 400, `found ${units.length} units`);
});

test('every Spanish message is plain, usted, complete and well punctuated', () => {
  const found = units.flatMap(problems);
  assert.deepEqual(found, [], `fix these targets in locales/es.xlf (the lists are in this test):\n${found.join('\n')}`);
});

test('the checks see what they should, and not more', () => {
  const x0 = '<x id="0" equiv-text="${name}"/>';
  const rows = [
    // [source, target, how many problems, a word the message must name]
    ['Write your name', 'Escribe tu nombre', 2, 'tu'],
    ['Write your name', 'Escriba su nombre', 0],
    ['Changes are saved as you type.', 'Los cambios se guardan mientras escribe.', 0],
    ['Try again.', 'Intentalo de nuevo. Revisá la conexión.', 1, 'revisá'],
    ['Click the link', 'Haga clic en el link', 2, 'link'],
    ['Open the feed', 'Abra la fuente de datos (feed)', 0],
    ['Set the feed attribute', 'Use el atributo feed o data-mipyme-feed', 0],
    ['Update infomipyme-widgets', 'Actualice infomipyme-widgets', 0],
    ['Loading the feed failed', 'Falló la carga del feed', 1, 'feed'],
    ['Delete "x"?', '¿Borrar «x»', 1, '¿'],
    ['Delete?', 'Borrar?', 1, '?'],
    ['Done!', '¡Listo!', 0],
    [`Hello ${x0}`, 'Hola', 1, 'placeholders'],
    [`Hello ${x0}`, `Hola ${x0} ${x0}`, 1, 'added: [0]'],
    ['Hello there', 'Hola  amigo', 1, 'doubled'],
    ['warning  <x id="0" equiv-text="${f}"/>', 'advertencia  <x id="0" equiv-text="${f}"/>', 0],
    ['Show all tools', 'Show all tools', 1, 'untranslated'],
    ['WhatsApp', 'WhatsApp', 0],
    ['Write "in" or "out", such as {"es": "…"}.', 'Escriba "in" u "out", como {"es": "…"}.', 0],
  ];
  for (const [source, target, count, word] of rows) {
    const found = problems({ id: 'probe', source, target });
    assert.equal(found.length, count, `${target}\n${found.join('\n')}`);
    if (word) assert.ok(found.some((p) => p.includes(word)), `${target}: names ${word}\n${found.join('\n')}`);
  }
});
