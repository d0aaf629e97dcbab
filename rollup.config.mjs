// cdn/: bundled, minified, self-contained ES modules for <script type="module">.
// (dist/ — unbundled modules and .d.ts for npm — is written by tsc.)
import { readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplates from './scripts/rollup-minify-templates.mjs';
import localeMessages from './scripts/rollup-locales.mjs';
import verifiedParts, { LOADER as PARTS_LOADER } from './scripts/rollup-parts.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! infomipyme-widgets ${version} | MIT */`;

/** The name of the Trusted Types policy of the CDN build when `lit-html` is taken (see docs/embedding.md). */
export const TRUSTED_TYPES_POLICY = 'infomipyme-widgets';

/**
 * Lit creates a Trusted Types policy named `lit-html` when its module runs. Under an enforced
 * `trusted-types` directive a name that is not listed, or already taken (no 'allow-duplicates'),
 * makes `createPolicy` throw (unpatched, that stops the whole bundle), and every refused name is
 * also a CSP violation report. No API tells which names a page allows, so the CDN build:
 *
 * - creates its policy lazily, at the first template it renders (a copy of the library whose
 *   tags are all owned by an earlier copy never creates one);
 * - tries `lit-html` first when no other Lit has run on the page (`globalThis.litHtmlVersions`
 *   holds only this bundle's own entry): zero reports under `trusted-types lit-html`, and the name
 *   a page without Lit of its own lists;
 * - tries `infomipyme-widgets` first when another Lit has run (it owns `lit-html`): zero reports
 *   under `trusted-types infomipyme-widgets lit-html` on a page that runs Lit itself;
 * - then the other name, then no policy (the widgets cannot render their templates then), with one
 *   console warning only when neither name is allowed. It never throws.
 */
function ownTrustedTypesPolicy() {
  const pattern = /(\w+)\.createPolicy\("lit-html",/;
  let replaced = false;
  const own = JSON.stringify(TRUSTED_TYPES_POLICY);
  return {
    name: 'own-trusted-types-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!pattern.test(code)) this.error('lit-html no longer creates its policy as expected: update ownTrustedTypesPolicy().');
      replaced = true;
      // `tt.createPolicy("lit-html", options)` becomes `lazyPolicy(tt, options)`: an object with
      // the same createHTML, backed by the first policy the page allows.
      const lazyPolicy =
        '((t,o)=>{let p,d=0;const c=()=>{d=1;' +
        `const v=globalThis.litHtmlVersions,n=v&&v.length>1?[${own},"lit-html"]:["lit-html",${own}];` +
        'for(const x of n)try{return t.createPolicy(x,o)}catch(e){}' +
        'console.warn("infomipyme-widgets: this page\'s Content-Security-Policy allows neither Trusted Types policy "+n.join(" nor ")+"; the widgets cannot render. Add one of them to trusted-types.")};' +
        'return{createHTML:h=>(d||(p=c()),p?p.createHTML(h):h)}})';
      return {
        code: code.replace(pattern, (_, tt) => `${lazyPolicy}(${tt},`),
        map: null,
      };
    },
    buildEnd() {
      const bundlesLit = [...this.getModuleIds()].some((id) => /[\\/]lit-html[\\/]lit-html\.js$/.test(id));
      if (bundlesLit && !replaced) this.error('The Trusted Types policy of lit-html was not renamed.');
    },
  };
}

// Sizes: `node scripts/bundle-report.mjs` shows where the bytes of each cdn/ file go.
const plugins = (minify, alsoReach = []) => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  // Each bundle keeps only the translations its own msg() calls can ask for, under short keys.
  localeMessages({ alsoReach }),
  esbuild({ tsconfig: 'tsconfig.json', target: 'es2021' }),
  ownTrustedTypesPolicy(),
  ...(minify
    ? [
        // Whitespace of Lit's css`` and html`` templates, which terser keeps as written.
        minifyTemplates(),
        // More passes and terser's `unsafe*` options were measured: under 0.2 KB gzip on any file.
        terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: /^!/ } }),
      ]
    : []),
];

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules[\\/]zod/.test(warning.ids?.[0] ?? '')) return;
  warn(warning);
};

/** A demo bundle (not shipped): one file, dynamic imports inlined. */
const bundle = (input, file, minify = true) => ({
  input,
  output: { file, format: 'es', banner, inlineDynamicImports: true, sourcemap: minify },
  plugins: plugins(minify),
  onwarn,
});

/**
 * A cdn/ file: built on its own (no chunk shared with another cdn/ file, so each works alone),
 * with its lazy parts in cdn/parts/<name>/, each checked against the sha384 the entry carries
 * (scripts/rollup-parts.mjs). The partner's one integrity attribute covers them all.
 */
const cdnBundle = (input, name) => ({
  input,
  output: {
    dir: 'cdn',
    format: 'es',
    banner,
    sourcemap: 'hidden',
    entryFileNames: `${name}.js`,
    chunkFileNames: `parts/${name}/[name]-[hash].js`,
  },
  plugins: [...plugins(true, [PARTS_LOADER]), verifiedParts({ name, version })],
  onwarn,
});

/** One self-contained file per widget (entry src/embed/<name>.ts), added as the widgets land. */
export const WIDGETS = ['toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder'];

export default [
  cdnBundle('src/embed.ts', 'infomipyme-widgets'),
  ...WIDGETS.map((name) => cdnBundle(`src/embed/${name}.ts`, name)),
  // The demo's feed-check page (not shipped).
  bundle('demo/src/feed-check.ts', 'demo/build/feed-check.js'),
  bundle('demo/src/demo.ts', 'demo/build/demo.js'),
  bundle('demo/src/configurator.ts', 'demo/build/configurator.js'),
  // The React wrappers' test app (not shipped): React 19 is CommonJS only, so the test runner
  // cannot serve it; this bundles React, react-dom and src/react into one module for
  // tests/react/react.test.ts. Production React, not minified.
  {
    input: 'tests/react/app.ts',
    output: { file: 'tests/react/build/app.js', format: 'es', inlineDynamicImports: true },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      commonjs(),
      esbuild({ tsconfig: 'tsconfig.json', target: 'es2021' }),
    ],
    onwarn,
  },
];
