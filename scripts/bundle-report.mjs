// Where the bytes of each cdn/ file go: per package (node_modules), per source module, or per
// function / class member.
//
// Builds every cdn/ bundle of rollup.config.mjs in memory (same plugins, same terser options;
// nothing is written), then, for each file it writes (the entry, and each part in cdn/parts/):
// - min: the minified output's bytes, attributed to the source they come from through the final
//   source map (terser → rollup → esbuild → TypeScript). Bytes no mapping covers (banner, rollup's
//   glue) are "(unmapped)".
// - gzip Δ: how much the file's gzip -9 size shrinks when that group's bytes are taken out
//   (leave-one-out): roughly what deleting or lazy-loading the group would save. The Δs do not
//   add up to the total exactly (gzip shares back-references between groups).
// - strings: the share of the group's bytes inside string and template literals (texts, CSS,
//   HTML templates) rather than code.
// - rendered: the module's length after rollup's tree-shaking, before terser
//   (`chunk.modules[id].renderedLength`; per module only).
//
// Usage: node scripts/bundle-report.mjs [options] [file-filter…]
//   --by=module   one row per source module; node_modules per package, zod per folder (default)
//   --by=package  node_modules per package (zod whole); src per folder
//   --by=dir      like package, zod per folder
//   --by=file     one row per file, node_modules files too
//   --by=member   one row per top-level function / constant / class member of each src module
//                 (e.g. `…/cash-flow-calculator.element.ts › CashFlowCalculator.renderLoanDialog`)
//   --only=TEXT   list only the rows whose name contains TEXT (Δs are still of the whole file)
//   --top=N       rows per table (default 25; 0 = all)
//   --whole       each cdn file with every part it can load, as one file (what it was before the
//                 split into parts; comparable with the figures of docs/performance.md's baseline)
//   --shared      also list the groups found in more than one single-widget file
//   --json        machine-readable output
// A file filter keeps the cdn files whose name contains it: `node scripts/bundle-report.mjs toolbox`.
// Example: node scripts/bundle-report.mjs --by=member --only=cash-flow-calculator.element cash-flow
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
};
const by = option('by', 'module');
if (!['module', 'package', 'dir', 'file', 'member'].includes(by)) {
  console.error(`--by takes module, package, dir, file or member (not ${by}).`);
  process.exit(1);
}
const only = option('only', '');
const top = Number(option('top', '25'));
const asJson = args.includes('--json');
const whole = args.includes('--whole');
const showShared = args.includes('--shared');
const filters = args.filter((a) => !a.startsWith('--'));

const { default: configs } = await import(new URL('../rollup.config.mjs', import.meta.url));
const cdnConfigs = configs.filter(
  (c) => c.output.dir === 'cdn' && (filters.length === 0 || filters.some((f) => c.output.entryFileNames.includes(f))),
);
if (cdnConfigs.length === 0) {
  console.error(`No cdn/ bundle in rollup.config.mjs matches ${filters.join(', ')}.`);
  process.exit(1);
}

// ------------------------------------------------------------------ source maps

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes a source map's `mappings`: per generated line, [column, sourceIndex (-1: none), sourceLine] triples. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    if (line) {
      for (const segment of line.split(',')) {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = B64[char];
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += values[0];
        if (values.length >= 4) {
          source += values[1];
          sourceLine += values[2];
          segments.push([column, source, sourceLine]);
        } else segments.push([column, -1, 0]);
      }
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

/**
 * The [source, line] that owns each UTF-16 unit of `code`, as an index into the returned `places`:
 * a segment owns the text up to the next one; text before a line's first segment (the rest of a
 * multi-line template literal) belongs to the previous owner.
 */
function owners(code, map) {
  const lines = decodeMappings(map.mappings);
  const owner = new Int32Array(code.length);
  const places = [[-1, 0]];
  const placeIndex = new Map([['-1:0', 0]]);
  const place = (source, line) => {
    const key = `${source}:${source < 0 ? 0 : line}`;
    let index = placeIndex.get(key);
    if (index === undefined) {
      index = places.length;
      places.push([source, line]);
      placeIndex.set(key, index);
    }
    return index;
  };
  let offset = 0;
  let current = 0;
  const codeLines = code.split('\n');
  codeLines.forEach((text, index) => {
    const segments = lines[index] ?? [];
    let next = 0;
    for (let col = 0; col <= text.length; col++) {
      while (next < segments.length && segments[next][0] <= col) {
        const [, source, line] = segments[next++];
        current = place(source, line);
      }
      if (col < text.length || index < codeLines.length - 1) owner[offset + col] = current; // the line break too
    }
    offset += text.length + 1;
  });
  return { owner, places };
}

/** Which UTF-16 units of minified JavaScript are inside string or template literal text. */
function literalMask(code) {
  const mask = new Uint8Array(code.length);
  // A small lexer, good enough for terser's output: strings, templates (with nested ${}),
  // comments, and regular expression literals (after a token that cannot end an expression).
  const stack = []; // 'tpl' for template text; a number counts the braces of a ${ … }
  let i = 0;
  let last = '';
  const regexAfter = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
  while (i < code.length) {
    const c = code[i];
    if (stack.length && stack[stack.length - 1] === 'tpl') {
      if (c === '\\') {
        mask[i] = mask[i + 1] = 1;
        i += 2;
      } else if (c === '`') {
        stack.pop();
        i++;
        last = ')';
      } else if (c === '$' && code[i + 1] === '{') {
        stack.push(0);
        i += 2;
        last = '{';
      } else mask[i++] = 1;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < code.length && code[i] !== c) {
        if (code[i] === '\\') mask[i++] = 1;
        mask[i++] = 1;
      }
      i++;
      last = ')';
    } else if (c === '`') {
      stack.push('tpl');
      i++;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
    } else if (c === '/' && regexAfter.has(last)) {
      i++;
      let inClass = false;
      while (i < code.length && (inClass || code[i] !== '/')) {
        if (code[i] === '\\') i++;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (/[a-z]/.test(code[i] ?? '')) i++;
      last = ')';
    } else if (c === '{' || c === '}') {
      const depth = stack[stack.length - 1];
      if (typeof depth === 'number') {
        if (c === '{') stack[stack.length - 1]++;
        else if (depth === 0) stack.pop();
        else stack[stack.length - 1]--;
      }
      last = c;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < code.length && /[\w$]/.test(code[j])) j++;
      // After these keywords an expression (and so a regular expression) may start.
      last = /^(return|typeof|case|do|else|in|of|new|delete|void|throw|instanceof|yield|await)$/.test(code.slice(i, j)) ? '' : ')';
      i = j;
    } else {
      last = c === ')' || c === ']' ? ')' : c;
      i++;
    }
  }
  return mask;
}

// ------------------------------------------------------------------ grouping

/** `node_modules/@lit/reactive-element/x.js` → `@lit/reactive-element`; zod per folder unless --by=package. */
function packageOf(path) {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  const scoped = parts[at + 1].startsWith('@');
  const name = scoped ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  const rest = parts.slice(at + (scoped ? 3 : 2));
  if (name === 'zod' && by !== 'package') {
    const inner = rest[0] === 'v4' ? rest.slice(1) : rest;
    if (inner[0] === 'core') return `zod (core/${inner[1].replace(/\.js$/, '')})`;
    return `zod (${inner[0].replace(/\.js$/, '')})`;
  }
  return name;
}

/** Per line of a TypeScript source, the top-level declaration or class member it belongs to. */
function memberTable(text) {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const table = [];
  const lineOf = (pos) => file.getLineAndCharacterOfPosition(pos).line;
  const mark = (node, name) => {
    for (let line = lineOf(node.getStart(file)); line <= lineOf(node.end); line++) table[line] = name;
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) mark(statement, '(imports)');
    else if (ts.isClassDeclaration(statement)) {
      const className = statement.name?.text ?? '(class)';
      mark(statement, `${className} (class)`);
      for (const member of statement.members) {
        const name = ts.isConstructorDeclaration(member) ? 'constructor' : member.name ? member.name.getText(file) : '(member)';
        mark(member, `${className}.${name}`);
      }
    } else if (ts.isFunctionDeclaration(statement)) mark(statement, `${statement.name?.text ?? '(function)'}()`);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) mark(declaration, declaration.name.getText(file));
      const first = statement.declarationList.declarations[0];
      for (let line = lineOf(statement.getStart(file)); line < lineOf(first.getStart(file)); line++) table[line] = first.name.getText(file);
    } else mark(statement, '(top level)');
  }
  return table;
}

/** Group of a source path (and line, for --by=member). */
function makeGrouper(sourcePaths, sourcesContent) {
  const tables = new Map();
  const ofPath = (path, source = -1, line = 0) => {
    path = path.split(sep).join('/');
    if (path.includes('node_modules/')) {
      if (by === 'file') return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      return packageOf(path);
    }
    if (by === 'dir' || by === 'package') return path.startsWith('src/') ? path.split('/').slice(0, 2).join('/') : path;
    if (by === 'member' && /\.ts$/.test(path) && sourcesContent?.[source]) {
      if (!tables.has(source)) tables.set(source, memberTable(sourcesContent[source]));
      return `${path} › ${tables.get(source)[line] ?? '(top level)'}`;
    }
    return path;
  };
  const ofPlace = ([source, line]) => (source < 0 ? '(unmapped: banner, rollup glue)' : ofPath(sourcePaths[source], source, line));
  return { ofPath, ofPlace };
}

// ------------------------------------------------------------------ measure

const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** Every file one cdn/ entry writes (the entry and its parts), or with --whole all of it as one file. */
async function measure(config) {
  // The build's warnings are the build's business (`npx rollup -c` shows them): not repeated here.
  // Not the parts' hashing plugin: it would also clear cdn/parts/ of the real build.
  const plugins = config.plugins.filter((plugin) => plugin.name !== 'verified-parts');
  const build = await rollup({ input: config.input, plugins, onwarn: () => {} });
  const { format, banner, entryFileNames, chunkFileNames } = config.output;
  const { output } = await build.generate(
    whole
      ? { dir: 'cdn', format, banner, sourcemap: true, inlineDynamicImports: true, entryFileNames }
      : { dir: 'cdn', format, banner, sourcemap: true, entryFileNames, chunkFileNames },
  );
  await build.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  // The entry first, then its parts, largest first.
  chunks.sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || b.code.length - a.code.length);
  return chunks.map(measureChunk);
}

function measureChunk(chunk) {
  const { code, map } = chunk;
  const mapDir = resolve(root, 'cdn', chunk.fileName, '..');
  const sourcePaths = map.sources.map((s) => relative(root, resolve(mapDir, s)));
  const grouper = makeGrouper(sourcePaths, map.sourcesContent);
  const { owner, places } = owners(code, map);
  const literal = literalMask(code);

  const groups = new Map();
  const groupNamed = (name) => {
    if (!groups.has(name)) groups.set(name, { name, index: groups.size, min: 0, strings: 0, rendered: 0, modules: 0 });
    return groups.get(name);
  };
  const placeGroup = places.map((p) => groupNamed(grouper.ofPlace(p)));
  const groupIndex = new Int32Array(code.length);
  for (let i = 0; i < code.length; i++) {
    const g = placeGroup[owner[i]];
    groupIndex[i] = g.index;
    // UTF-8 bytes of this UTF-16 unit (a surrogate pair: 2 + 2).
    const unit = code.charCodeAt(i);
    const bytes = unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdfff ? 2 : 3;
    g.min += bytes;
    if (literal[i]) g.strings += bytes;
  }
  if (by !== 'member') {
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (id.startsWith('\0')) continue; // virtual helper modules
      const g = groupNamed(grouper.ofPath(relative(root, id)));
      g.rendered += info.renderedLength;
      if (info.renderedLength > 0) g.modules++;
    }
  }

  const total = { min: Buffer.byteLength(code), gzip: gz(code) };
  const listed = [...groups.values()].filter((g) => (g.min > 0 || g.rendered > 0) && (!only || g.name.includes(only)));
  listed.sort((a, b) => b.min - a.min);
  const measured = top > 0 ? listed.slice(0, top) : listed;
  // Leave-one-out gzip, for the rows shown: the file without the group's characters.
  for (const g of measured) {
    const parts = [];
    let start = -1;
    for (let i = 0; i <= code.length; i++) {
      const keep = i < code.length && groupIndex[i] !== g.index;
      if (keep && start < 0) start = i;
      if (!keep && start >= 0) {
        parts.push(code.slice(start, i));
        start = -1;
      }
    }
    g.gzipDelta = g.min ? total.gzip - gz(parts.join('')) : 0;
  }
  // The rest together (one leave-out of all of them).
  const rest = listed.slice(measured.length);
  let restDelta = 0;
  if (rest.length) {
    const out = new Set(rest.map((g) => g.index));
    let kept = '';
    for (let i = 0; i < code.length; i++) if (!out.has(groupIndex[i])) kept += code[i];
    restDelta = total.gzip - gz(kept);
  }
  const own = [...groups.values()].filter((g) => g.name.startsWith('src/')).reduce((s, g) => s + g.min, 0);
  const unmapped = [...groups.values()].filter((g) => g.name.startsWith('(unmapped')).reduce((s, g) => s + g.min, 0);
  const strings = [...groups.values()].reduce((s, g) => s + g.strings, 0);
  return {
    file: `cdn/${chunk.fileName}${whole ? ' (with every part it can load)' : ''}`,
    total,
    modules: Object.keys(chunk.modules).length,
    rows: measured,
    rest: rest.length ? { count: rest.length, min: rest.reduce((s, g) => s + g.min, 0), gzipDelta: restDelta, rendered: rest.reduce((s, g) => s + g.rendered, 0) } : undefined,
    summary: { own, libraries: total.min - own - unmapped, strings },
    allNames: [...groups.values()].filter((g) => g.min > 0).map((g) => [g.name, g.min]),
  };
}

// ------------------------------------------------------------------ print

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`;

function print(report) {
  const { file, total, rows, rest, summary } = report;
  const width = Math.min(80, Math.max(24, ...rows.map((r) => r.name.length)));
  const showRendered = by !== 'member';
  console.log(`\n${file} — ${kb(total.min)} min, ${kb(total.gzip)} gzip, ${report.modules} modules`);
  const head = `${'module group'.padEnd(width)}  ${'min'.padStart(9)}  ${'share'.padStart(6)}  ${'gzip Δ'.padStart(8)}  ${'strings'.padStart(7)}${showRendered ? `  ${'rendered'.padStart(9)}` : ''}`;
  console.log(head);
  console.log('-'.repeat(head.length));
  const line = (name, min, delta, strings, rendered) =>
    console.log(
      `${(name.length > width ? `…${name.slice(name.length - width + 1)}` : name).padEnd(width)}  ${kb(min).padStart(9)}  ${pct(min, total.min).padStart(6)}  ${delta.padStart(8)}  ${strings.padStart(7)}${showRendered ? `  ${kb(rendered).padStart(9)}` : ''}`,
    );
  for (const r of rows) line(r.name, r.min, kb(r.gzipDelta), r.min ? pct(r.strings, r.min) : '-', r.rendered);
  if (rest) line(`(${rest.count} more, together)`, rest.min, kb(rest.gzipDelta), '', rest.rendered);
  console.log(
    `own code ${kb(summary.own)} (${pct(summary.own, total.min)}), libraries ${kb(summary.libraries)} (${pct(summary.libraries, total.min)}); in string/template literals: ${kb(summary.strings)} (${pct(summary.strings, total.min)})`,
  );
}

const reports = [];
for (const config of cdnConfigs) reports.push(...(await measure(config)));

if (asJson) {
  console.log(JSON.stringify(reports.map(({ allNames, ...r }) => r), null, 2));
} else {
  console.log(`Bytes per ${by}; gzip Δ = what the gzip -9 file would lose without the group.`);
  for (const report of reports) print(report);
  if (showShared) {
    const singles = reports.filter((r) => !r.file.includes('infomipyme-widgets'));
    const seen = new Map();
    for (const r of singles) for (const [name, min] of r.allNames) seen.set(name, [...(seen.get(name) ?? []), min]);
    const shared = [...seen].filter(([, mins]) => mins.length > 1).sort((a, b) => b[1][0] - a[1][0]);
    console.log(`\nIn more than one single-widget file (min bytes in each):`);
    for (const [name, mins] of shared) console.log(`  ${name.padEnd(56)} ${mins.length}×  ${mins.map(kb).join(' / ')}`);
  }
}
