// cdn/: bundled, minified, self-contained ES modules for <script type="module">.
// (dist/ — unbundled modules and .d.ts for npm — is written by tsc.)
import { readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const banner = `/*! infomipyme-widgets ${version} | MIT */`;

/** The name of the Trusted Types policy of the CDN build (see docs/embedding.md). */
export const TRUSTED_TYPES_POLICY = 'infomipyme-widgets';

/**
 * Lit creates a Trusted Types policy named `lit-html`. On a host that already runs
 * Lit with Trusted Types enforced, a second policy of that name throws before any
 * element is defined. The CDN build names its own policy, and a refused policy
 * (name not allowed by the host's CSP) no longer stops the bundle from loading.
 */
function ownTrustedTypesPolicy() {
  const pattern = /(\w+)\.createPolicy\("lit-html",/;
  let replaced = false;
  return {
    name: 'own-trusted-types-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!pattern.test(code)) this.error('lit-html no longer creates its policy as expected: update ownTrustedTypesPolicy().');
      replaced = true;
      return {
        code: code.replace(
          pattern,
          (_, tt) => `((n,o)=>{try{return ${tt}.createPolicy(n,o)}catch(e){console.warn("infomipyme-widgets: Trusted Types policy "+n+" refused",e)}})(${JSON.stringify(TRUSTED_TYPES_POLICY)},`,
        ),
        map: null,
      };
    },
    buildEnd() {
      const bundlesLit = [...this.getModuleIds()].some((id) => /[\\/]lit-html[\\/]lit-html\.js$/.test(id));
      if (bundlesLit && !replaced) this.error('The Trusted Types policy of lit-html was not renamed.');
    },
  };
}

const plugins = (minify) => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ tsconfig: 'tsconfig.json', target: 'es2021' }),
  ownTrustedTypesPolicy(),
  ...(minify
    ? [terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: /^!/ } })]
    : []),
];

/** Every bundle is built on its own: one file, no shared chunks, so each works alone. */
const bundle = (input, file, minify = true) => ({
  input,
  output: { file, format: 'es', banner, inlineDynamicImports: true, sourcemap: minify },
  plugins: plugins(minify),
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules[\\/]zod/.test(warning.ids?.[0] ?? '')) return;
    warn(warning);
  },
});

/** One self-contained file per widget (entry src/embed/<name>.ts), added as the widgets land. */
export const WIDGETS = ['toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder'];

export default [
  bundle('src/embed.ts', 'cdn/infomipyme-widgets.js'),
  ...WIDGETS.map((name) => bundle(`src/embed/${name}.ts`, `cdn/${name}.js`)),
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
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules[\\/]zod/.test(warning.ids?.[0] ?? '')) return;
      warn(warning);
    },
  },
];
