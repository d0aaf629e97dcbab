// Helpers of the cdn/ build's plugins (scripts/rollup-*.mjs): walking a module's syntax tree, and
// applying text edits to a module with the source map rollup needs, so cdn/*.js.map and
// scripts/bundle-report.mjs stay exact.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

/**
 * Applies non-overlapping edits ([start, end, text]) to `code`; returns the new code and a source
 * map with a segment at every token of the unchanged text (a token keeps its exact original
 * position) and at the start of every line.
 */
export function applyEdits(code, edits, source) {
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  const lines = [[]];
  let outCol = 0;
  // Original line and column of every offset, computed as we go.
  let origLine = 0;
  let origCol = 0;
  let origPos = 0;
  const advanceOrig = (to) => {
    for (; origPos < to; origPos++) {
      if (code.charCodeAt(origPos) === 10) {
        origLine++;
        origCol = 0;
      } else origCol++;
    }
  };
  const segment = (line, col) => {
    const current = lines[lines.length - 1];
    // A token replaces a line-start segment at the same column (its own position is exact).
    if (current.length && current[current.length - 1][0] === outCol) current.pop();
    current.push([outCol, line, col]);
  };
  const copy = (from, to) => {
    const text = code.slice(from, to);
    const token = /\n|[\w$]+|[ \t\r\f\v]+|[^]/g;
    let match;
    while ((match = token.exec(text))) {
      advanceOrig(from + match.index);
      const t = match[0];
      if (t === '\n') {
        out += '\n';
        lines.push([]);
        outCol = 0;
        continue;
      }
      if (!/^[ \t\r\f\v]/.test(t) || lines[lines.length - 1].length === 0) segment(origLine, origCol);
      out += t;
      outCol += t.length;
    }
    advanceOrig(to);
  };
  let at = 0;
  for (const [start, end, text] of edits) {
    copy(at, start);
    advanceOrig(start);
    // Inserted text maps to where the replaced text began.
    for (const piece of text.split(/(\n)/)) {
      if (piece === '\n') {
        out += '\n';
        lines.push([]);
        outCol = 0;
        segment(origLine, origCol);
      } else if (piece) {
        if (lines[lines.length - 1].length === 0) segment(origLine, origCol);
        out += piece;
        outCol += piece.length;
      }
    }
    at = end;
  }
  copy(at, code.length);
  // Encode.
  let prevLine = 0;
  let prevCol = 0;
  const mappings = lines
    .map((segments) => {
      let prevOut = 0;
      return segments
        .map(([col, line, origColumn]) => {
          const s = vlq(col - prevOut) + vlq(0) + vlq(line - prevLine) + vlq(origColumn - prevCol);
          prevOut = col;
          prevLine = line;
          prevCol = origColumn;
          return s;
        })
        .join(',');
    })
    .join(';');
  return { code: out, map: { version: 3, sources: [source], names: [], mappings } };
}

/** Every node of an ESTree syntax tree (rollup's `this.parse`), depth first. */
export function* walk(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) yield* walk(child);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* walk(value);
  }
}
