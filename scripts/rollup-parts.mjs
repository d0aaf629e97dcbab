// Rollup plugin for the cdn/ build: an entry file and its lazy parts, every part checked against
// the sha384 the entry carries (the runtime side, and why it is safe: src/shared/parts-loader.ts).
//
// For the entry `cdn/<name>.js`, every `import('./x.js')` of the sources becomes a part
// `cdn/parts/<name>/<x>-<hash>.js`, and the call becomes
//   globalThis[Symbol.for("infomipyme-widgets@<version>/<name>.js parts")](new URL("./parts/…", import.meta.url).href)
// i.e. the entry's parts loader (installed by the first import of the entry, before anything else
// runs). Once the files are final, the entry gets one last statement: the table of its parts, each
// with its integrity and the parts it imports. The partner's one `integrity` attribute on the entry
// thereby covers every byte the entry will ever run.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LOADER = fileURLToPath(new URL('../src/shared/parts-loader.ts', import.meta.url));
const VIRTUAL = '\0mipyme-parts-loader';

/** The table of parts a built entry carries (its last statement), or undefined for an entry without one. */
const TABLE = /\.table\((\{.*\})\);\n/;
export const readPartsTable = (code) => {
  const match = TABLE.exec(code);
  return match ? JSON.parse(match[1]) : undefined;
};

/** The same entry with another table (a test server re-hashing parts it rewrote). */
export const replacePartsTable = (code, table) => code.replace(TABLE, () => `.table(${JSON.stringify(table)});\n`);

/** The global key of an entry's parts loader. */
export const partsKey = (name, version) => `infomipyme-widgets@${version}/${name}.js parts`;

/**
 * @param {{ name: string, version: string, dir?: string }} options
 *   name: the entry file's name without `.js`; dir: the output folder (cdn).
 */
export default function verifiedParts({ name, version, dir = 'cdn' }) {
  const key = JSON.stringify(partsKey(name, version));
  return {
    name: 'verified-parts',
    resolveId(id) {
      return id === VIRTUAL ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return (
        `import { installPartsLoader, prefetchWhenIdle } from ${JSON.stringify(LOADER)};\n` +
        `prefetchWhenIdle(installPartsLoader(${key}, import.meta.url));\n`
      );
    },
    transform(code, id) {
      if (!this.getModuleInfo(id)?.isEntry) return null;
      // On the first line, so no line of the source map moves.
      return { code: `import ${JSON.stringify(VIRTUAL)};${code}`, map: null };
    },
    renderStart() {
      rmSync(new URL(`../${dir}/parts/${name}/`, import.meta.url), { recursive: true, force: true });
    },
    renderDynamicImport({ targetChunk }) {
      if (!targetChunk) return null;
      return { left: `globalThis[Symbol.for(${key})](new URL(`, right: ',import.meta.url).href)' };
    },
    generateBundle(options, bundle) {
      if (options.sourcemap !== 'hidden') this.error('verified-parts: set output.sourcemap to "hidden" (the plugin writes the comment itself, so the hashes cover it).');
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry || chunks.filter((chunk) => chunk.isEntry).length !== 1) this.error('verified-parts: one entry per build.');
      const comment = (chunk) => `\n//# sourceMappingURL=${chunk.fileName.split('/').pop()}.map\n`;
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const table = {};
      for (const chunk of chunks) {
        if (chunk === entry) continue;
        chunk.code += comment(chunk);
        const imports = new Set();
        const todo = [...chunk.imports];
        while (todo.length) {
          const file = todo.pop();
          if (file === entry.fileName || imports.has(file)) continue;
          if (!byName.has(file)) this.error(`verified-parts: ${chunk.fileName} imports ${file}, which this build did not write.`);
          imports.add(file);
          todo.push(...byName.get(file).imports);
        }
        table[chunk.fileName] = [`sha384-${createHash('sha384').update(chunk.code).digest('base64')}`, [...imports].sort()];
      }
      const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
      entry.code += `\nglobalThis[Symbol.for(${key})].table(${JSON.stringify(sorted)});${comment(entry)}`;
    },
  };
}
