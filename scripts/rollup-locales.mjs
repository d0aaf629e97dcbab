// Rollup plugin for the cdn/ build: the translations of each bundle, trimmed and with short keys.
//
// The generated locale modules (src/generated/locales/<lang>.ts, from `lit-localize build`) hold
// every message of src/ and demo/src/ — the CLI's, the demo's, all four widgets' — keyed by a
// 17-character hash (`s0043ccab8a7a7eaf`) that @lit/localize computes at run time from the English
// text of each msg() call. So every bundle carried every translation, under keys gzip cannot
// shrink. This plugin, for each bundle:
//
// 1. prunes: from the bundle's entry it follows the relative imports of the sources (a superset of
//    what rollup keeps: type-only imports count too) and collects the id of every msg() call,
//    hashed exactly as @lit/localize does (`generateMsgId`); the locale module keeps only those;
// 2. compacts: each of those ids gets a short key (`0`, `1`, … `9s`) in the locale module, and each
//    one-argument msg() call of the bundle gets it as `{ id }` — @lit/localize then looks the
//    translation up by that id instead of hashing the text. The English text (the fallback) and
//    what every language shows are unchanged.
//
// It never loses a message that could be asked for:
// - a msg() whose text is not a literal (or an untagged template with `${}`) turns both off;
// - an entry no msg() of the sources produces (a stale locale module, or an import of `msg` under
//   another name) is kept under its hash key; if more than a few are, the build fails, since the
//   hashing would then disagree with lit-localize's;
// - a msg() that already has options keeps its hash key (and its entry);
// - if the bundle holds a source module the import walk did not reach, the build fails.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import ts from 'typescript';
import { applyEdits, walk } from './rollup-edits.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
/** `src/**\/*.ts` → `src`: the folders lit-localize extracts messages from. */
const sourceDirs = config.inputFiles.map((glob) => join(root, glob.replace(/\/\*\*\/\*\.ts$/, '')));
const localesDir = join(root, config.output.outputDir);
const isLocaleModule = (id) => dirname(id) === localesDir && id.endsWith('.ts');
const isProjectSource = (id) => sourceDirs.some((dir) => id.startsWith(`${dir}/`)) && /\.[cm]?[jt]s$/.test(id);

// ------------------------------------------------------------------ the sources, as written

/** Per file (cached by mtime): the ids of its msg() calls, those called with options, its relative imports, and non-literal msg() calls. */
const scanned = new Map();
function scan(file) {
  const mtime = statSync(file).mtimeMs;
  const hit = scanned.get(file);
  if (hit && hit.mtime === mtime) return hit;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ids = new Set();
  const withOptions = new Set();
  const imports = [];
  const unknown = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg') {
      const [text, options] = node.arguments;
      const explicitId =
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'id')
          : undefined;
      let id;
      if (explicitId) {
        if (ts.isStringLiteralLike(explicitId.initializer)) id = explicitId.initializer.text;
      } else if (text && ts.isStringLiteralLike(text)) {
        id = generateMsgId(text.text, false);
      } else if (text && ts.isTaggedTemplateExpression(text) && ts.isIdentifier(text.tag) && ['str', 'html'].includes(text.tag.text)) {
        const t = text.template;
        const strings = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
        id = generateMsgId(strings, text.tag.text === 'html');
      }
      if (id === undefined) unknown.push(node.pos);
      else {
        ids.add(id);
        if (options) withOptions.add(id);
      }
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      imports.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const result = { mtime, ids, withOptions, imports, unknown };
  scanned.set(file, result);
  return result;
}

/** `./x.js` from `dir` → the file rollup would load (`./x.ts` for TypeScript sources). */
function resolveRelative(dir, specifier) {
  const base = resolve(dir, specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every source file reachable from the entries by relative imports, and the msg() ids in them. */
function reach(entries) {
  const files = new Set();
  const ids = new Set();
  const withOptions = new Set();
  const unknown = [];
  const todo = entries.map((entry) => resolve(root, entry));
  while (todo.length) {
    const file = todo.pop();
    if (files.has(file)) continue;
    files.add(file);
    const result = scan(file);
    for (const id of result.ids) ids.add(id);
    for (const id of result.withOptions) withOptions.add(id);
    for (const pos of result.unknown) unknown.push(`${relative(root, file)}@${pos}`);
    for (const specifier of result.imports) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(dirname(file), specifier);
      if (target) todo.push(target);
    }
  }
  return { files, ids, withOptions, unknown };
}

/** Every msg() id in the folders lit-localize extracts from. */
function allIds() {
  const ids = new Set();
  for (const dir of sourceDirs) {
    for (const name of readdirSync(dir, { recursive: true })) {
      if (!/\.ts$/.test(name) || /\.d\.ts$/.test(name)) continue;
      const file = join(dir, name);
      if (!isLocaleModule(file)) for (const id of scan(file).ids) ids.add(id);
    }
  }
  return ids;
}

// ------------------------------------------------------------------ the modules, after esbuild


/** The msg() id of a call's first argument (JavaScript syntax tree), or undefined. */
function idOfArgument(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return generateMsgId(node.value, false);
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return generateMsgId(node.quasis[0].value.cooked, false);
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && ['str', 'html'].includes(node.tag.name)) {
    return generateMsgId(node.quasi.quasis.map((q) => q.value.cooked), node.tag.name === 'html');
  }
  return undefined;
}

/** Does the module import `msg` from @lit/localize under that name? */
function importsMsg(ast) {
  return ast.body.some(
    (node) =>
      node.type === 'ImportDeclaration' &&
      /^@lit\/localize(\/|$)/.test(node.source.value) &&
      node.specifiers.some((s) => s.type === 'ImportSpecifier' && (s.imported.name ?? s.imported.value) === 'msg' && s.local.name === 'msg'),
  );
}

/** @param {{ alsoReach?: string[] }} options alsoReach: sources a plugin adds to the bundle (not imported by the sources). */
export default function localeMessages({ alsoReach = [] } = {}) {
  let reached;
  /** Message id (hash) → short key, for the ids this bundle's msg() calls ask for; undefined: leave all as is. */
  let shortKeys;

  /** The locale module (JavaScript): drop the entries nobody asks for, give the rest their short keys. */
  const localeModule = (context, code, id) => {
    const ast = context.parse(code);
    let object;
    for (const node of walk(ast)) {
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === 'templates' && node.init?.type === 'ObjectExpression') {
        object = node.init;
      }
    }
    if (!object) context.error(`${relative(root, id)} has no \`templates\` object: update scripts/rollup-locales.mjs.`);
    const everywhere = allIds();
    const keyOf = (property) =>
      property.type === 'Property' && !property.computed
        ? property.key.type === 'Literal'
          ? String(property.key.value)
          : property.key.name
        : undefined;
    const keys = object.properties.map(keyOf);
    const unaccounted = keys.filter((key) => key === undefined || !everywhere.has(key));
    if (unaccounted.length > Math.max(3, keys.length * 0.05)) {
      context.error(
        `${unaccounted.length} of the ${keys.length} messages of ${relative(root, id)} match no msg() in the sources: ` +
          'run `lit-localize build`; if they still do not, the id hashing of scripts/rollup-locales.mjs no longer matches @lit/localize.',
      );
    }
    const edits = [];
    object.properties.forEach((property, index) => {
      const key = keys[index];
      if (key === undefined || !everywhere.has(key) || reached.withOptions.has(key)) return; // kept as it is
      if (!reached.ids.has(key)) {
        // Not asked for by this bundle: the entry and its comma go.
        let end = property.end;
        while (end < code.length && /\s/.test(code[end])) end++;
        if (code[end] === ',') end++;
        edits.push([property.start, end, '']);
      } else {
        edits.push([property.key.start, property.key.end, JSON.stringify(shortKeys.get(key))]);
      }
    });
    return edits.length ? applyEdits(code, edits, id) : null;
  };

  return {
    name: 'locale-messages',
    buildStart(options) {
      const input = options.input;
      reached = reach([...(Array.isArray(input) ? input : Object.values(input)), ...alsoReach]);
      if (reached.unknown.length) {
        this.warn(`msg() with a text that is not a literal (${reached.unknown.join(', ')}): every translation kept, as it is.`);
        shortKeys = undefined;
        return;
      }
      const compactable = [...reached.ids].filter((id) => !reached.withOptions.has(id)).sort();
      shortKeys = new Map(compactable.map((id, index) => [id, index.toString(36)]));
    },
    // After esbuild: the modules are JavaScript.
    transform: {
      order: 'post',
      handler(code, id) {
        if (!shortKeys || id.startsWith('\0') || !isProjectSource(id)) return null;
        if (isLocaleModule(id)) return localeModule(this, code, id);
        if (!code.includes('msg(')) return null;
        const ast = this.parse(code);
        if (!importsMsg(ast)) return null;
        const edits = [];
        for (const node of walk(ast)) {
          if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'msg') continue;
          if (node.arguments.length !== 1) continue;
          const messageId = idOfArgument(node.arguments[0]);
          if (!reached.ids.has(messageId)) {
            // The TypeScript source and its JavaScript disagree on this message: keeping the hash
            // key would be right, but its entry may have been renamed. Stop rather than guess.
            this.error(`msg() in ${relative(root, id)} at ${node.start} has an id the source scan did not see (${messageId}): update scripts/rollup-locales.mjs.`);
          }
          const key = shortKeys.get(messageId);
          if (key !== undefined) edits.push([node.arguments[0].end, node.arguments[0].end, `, { id: ${JSON.stringify(key)} }`]);
        }
        return edits.length ? applyEdits(code, edits, id) : null;
      },
    },
    renderChunk(code, chunk) {
      for (const id of Object.keys(chunk.modules)) {
        if (isProjectSource(id) && !isLocaleModule(id) && !reached.files.has(id)) {
          this.error(
            `${relative(root, id)} is in ${chunk.fileName} but scripts/rollup-locales.mjs did not reach it by relative imports: its translations may be missing.`,
          );
        }
      }
      return null;
    },
  };
}
