// Rollup plugin for the cdn/ build: collapses the whitespace of Lit's css`` and html``/svg``
// template literals, which terser keeps byte for byte. It changes no behaviour:
//
// css``  — comments go; a run of whitespace becomes one space, or nothing next to `{ } ; , :` and
//          inside `( )`; the `;` before a `}` goes. Strings and url() are left alone, and so is
//          the space before a `:` (`.a :hover` is not `.a:hover`), around `+ - * / >` and before
//          `(` (`and (…)`, `calc(1px + 2px)`).
// html`` — in text, a run of whitespace with line breaks becomes those line breaks only (so an
//          element with `white-space: pre-line` shows the same lines), any other run one space;
//          between attributes, one space (none before `>`). Attribute values, comments and the
//          content of <pre>, <textarea>, <script>, <style>, <title> are left alone. Templates
//          must not rely on `white-space: pre` or `pre-wrap` for their own indentation (none
//          does; the plan's print CSS with `pre-wrap` is a plain string, not a template).
//
// Only tagged templates whose tag is `css`, `html` or `svg` imported from Lit are touched, in
// modules outside node_modules. The plugin runs after esbuild (plain JavaScript) and returns a
// source map, so cdn/*.js.map and scripts/bundle-report.mjs stay exact.

import { applyEdits, walk } from './rollup-edits.mjs';

const LIT_MODULE = /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/;
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'title', 'xmp', 'listing', 'plaintext']);
const WS = /[ \t\n\r\f]/;

/** Local names of Lit's `css`, `html` and `svg` tags in a module, mapped to their kind. */
function litTags(ast) {
  const tags = new Map();
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || !LIT_MODULE.test(node.source.value)) continue;
    for (const spec of node.specifiers) {
      if (spec.type !== 'ImportSpecifier') continue;
      const imported = spec.imported.name ?? spec.imported.value;
      if (imported === 'css') tags.set(spec.local.name, 'css');
      if (imported === 'html' || imported === 'svg') tags.set(spec.local.name, 'html');
    }
  }
  return tags;
}


// ------------------------------------------------------------------ CSS

/**
 * Edits ([start, end, text], in `source` offsets) that minify a css`` template. `parts` are the raw
 * quasis; an expression between two of them is an opaque token.
 */
export function cssEdits(parts) {
  const SENTINEL = '\u0000';
  const joined = parts.join(SENTINEL);
  const edits = [];
  const n = joined.length;
  let i = 0;
  const isGapStart = (k) => WS.test(joined[k] ?? '') || (joined[k] === '/' && joined[k + 1] === '*');
  /** End of the gap (whitespace and comments) starting at k; -1 if a comment is unclosed or holds an expression. */
  const gapEnd = (k) => {
    while (k < n) {
      if (WS.test(joined[k])) k++;
      else if (joined[k] === '/' && joined[k + 1] === '*') {
        const close = joined.indexOf('*/', k + 2);
        if (close < 0 || joined.slice(k, close).includes(SENTINEL)) return -1;
        k = close + 2;
      } else break;
    }
    return k;
  };
  const nextSignificant = (k) => {
    const end = gapEnd(k);
    return end < 0 ? undefined : joined[end];
  };
  // A declaration whose value the browser keeps as written — a custom property (`--x: …`), or any
  // value with var()/env()/attr(), parsed only at computed-value time — keeps every gap as one
  // space (except at the value's two ends, which are trimmed anyway), so that even the CSSOM's
  // text of the rule and `getPropertyValue('--x')` stay the same.
  let declarationStart = 0;
  let asWrittenUntil = -1;
  /** End of the declaration value starting at k (at `;` or `}`), or -1 when a `{` comes first (a selector). */
  const valueEnd = (k) => {
    let parens = 0;
    while (k < n) {
      const ch = joined[k];
      if (ch === '"' || ch === "'") {
        k++;
        while (k < n && joined[k] !== ch && joined[k] !== '\n') k += joined[k] === '\\' ? 2 : 1;
      } else if (ch === '(') parens++;
      else if (ch === ')') parens = Math.max(0, parens - 1);
      else if (parens === 0 && (ch === ';' || ch === '}')) return k;
      else if (parens === 0 && ch === '{') return -1;
      k++;
    }
    return n;
  };
  while (i < n) {
    const c = joined[i];
    if (i >= asWrittenUntil) {
      if (c === '{' || c === '}' || c === ';' || c === SENTINEL) declarationStart = i + 1;
      else if (c === ':') {
        const end = valueEnd(i + 1);
        const name = joined.slice(declarationStart, i).replace(/\/\*[^]*?\*\//g, '').trim();
        if (end > 0 && (name.startsWith('--') || /\b(var|env|attr)\(/i.test(joined.slice(i + 1, end)))) asWrittenUntil = end;
      }
    }
    const custom = i < asWrittenUntil;
    if (c === '"' || c === "'") {
      i++;
      while (i < n && joined[i] !== c && joined[i] !== '\n') i += joined[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(' && /url$/i.test(joined.slice(Math.max(0, i - 3), i)) && !/["']/.test(joined[gapEnd(i + 1)] ?? '')) {
      const close = joined.indexOf(')', i);
      i = close < 0 ? n : close + 1;
    } else if (isGapStart(i)) {
      const end = gapEnd(i);
      if (end < 0) return []; // an unclosed comment, or one around an expression: leave the template as it is
      const prev = joined[i - 1];
      const next = joined[end];
      let text = ' ';
      if (prev === undefined || next === undefined) text = '';
      else if (custom) text = prev === ':' || next === ';' || next === '}' ? '' : ' ';
      else if ('{};,:('.includes(prev)) text = '';
      else if ('{};,)'.includes(next)) text = '';
      if (joined.slice(i, end) !== text) edits.push([i, end, text]);
      i = end;
    } else if (c === ';' && nextSignificant(i + 1) === '}') {
      edits.push([i, i + 1, '']);
      i++;
    } else i++;
  }
  return edits;
}

// ------------------------------------------------------------------ HTML

/** Edits that collapse the whitespace of an html`` (or svg``) template, in joined-quasi offsets. */
export function htmlEdits(parts) {
  const SENTINEL = '\u0000';
  const joined = parts.join(SENTINEL);
  const edits = [];
  const n = joined.length;
  let state = 'text'; // text | tag | dq | sq | comment | raw
  let rawName = '';
  let pendingRaw = '';
  let i = 0;
  while (i < n) {
    const c = joined[i];
    if (state === 'text') {
      if (c === '<' && joined.startsWith('<!--', i)) {
        state = 'comment';
        i += 4;
      } else if (c === '<' && /[a-zA-Z/]/.test(joined[i + 1] ?? '')) {
        const name = /^<\/?([a-zA-Z][^\s/>\u0000]*)/.exec(joined.slice(i, i + 40))?.[1]?.toLowerCase() ?? '';
        pendingRaw = joined[i + 1] !== '/' && RAW_TEXT.has(name) ? name : '';
        state = 'tag';
        i++;
      } else if (WS.test(c)) {
        let end = i;
        while (end < n && WS.test(joined[end])) end++;
        const run = joined.slice(i, end);
        const breaks = run.replace(/[^\n]/g, '');
        const text = breaks || ' ';
        if (run !== text) edits.push([i, end, text]);
        i = end;
      } else i++;
    } else if (state === 'tag') {
      if (c === '"') {
        state = 'dq';
        i++;
      } else if (c === "'") {
        state = 'sq';
        i++;
      } else if (c === '>') {
        state = pendingRaw ? 'raw' : 'text';
        rawName = pendingRaw;
        i++;
      } else if (WS.test(c)) {
        let end = i;
        while (end < n && WS.test(joined[end])) end++;
        const text = joined[end] === '>' && joined[i - 1] !== '=' ? '' : ' ';
        if (joined.slice(i, end) !== text) edits.push([i, end, text]);
        i = end;
      } else i++;
    } else if (state === 'dq' || state === 'sq') {
      if (c === (state === 'dq' ? '"' : "'")) state = 'tag';
      i++;
    } else if (state === 'comment') {
      if (joined.startsWith('-->', i)) {
        state = 'text';
        i += 3;
      } else i++;
    } else {
      // raw text: until its end tag
      if (c === '<' && joined.slice(i, i + 2 + rawName.length).toLowerCase() === `</${rawName}`) {
        state = 'tag';
        pendingRaw = '';
      }
      i++;
    }
  }
  return edits;
}

// ------------------------------------------------------------------ plugin

/**
 * @param {{ inspect?: (kind: 'css' | 'html', before: string[], after: string[], id: string) => void }} [options]
 *   `inspect` sees every template's raw parts before and after (for checks, e.g. that the browser
 *   parses both the same way).
 */
export default function minifyTemplates({ inspect } = {}) {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (id.includes('node_modules') || id.startsWith('\0') || !/\.[cm]?[jt]sx?$/.test(id)) return null;
      if (!/\b(css|html|svg)\b/.test(code)) return null;
      const ast = this.parse(code);
      const tags = litTags(ast);
      if (tags.size === 0) return null;
      const edits = [];
      for (const node of walk(ast)) {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') continue;
        const kind = tags.get(node.tag.name);
        if (!kind) continue;
        const quasis = node.quasi.quasis;
        const parts = quasis.map((q) => code.slice(q.start, q.end));
        // Joined offsets back to source offsets.
        const starts = [];
        let offset = 0;
        for (const part of parts) {
          starts.push(offset);
          offset += part.length + 1;
        }
        const toSource = (k) => {
          let q = starts.length - 1;
          while (starts[q] > k) q--;
          return quasis[q].start + (k - starts[q]);
        };
        const own = kind === 'css' ? cssEdits(parts) : htmlEdits(parts);
        for (const [start, end, text] of own) {
          const from = toSource(start);
          const to = toSource(end);
          if (to - from !== end - start) this.error(`minify-lit-templates: an edit crosses an expression in ${id}`);
          edits.push([from, to, text]);
        }
        if (inspect) {
          let joined = parts.join('\u0000');
          for (const [start, end, text] of [...own].sort((a, b) => b[0] - a[0])) joined = joined.slice(0, start) + text + joined.slice(end);
          inspect(kind, parts, joined.split('\u0000'), id);
        }
      }
      if (edits.length === 0) return null;
      return applyEdits(code, edits, id);
    },
  };
}
