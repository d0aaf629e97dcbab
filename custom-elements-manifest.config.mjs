// custom-elements.json, generated from the JSDoc of the elements (npm run build).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/react/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      name: 'named-events-only',
      // The analyzer also lists `dispatchEvent(new SomeEvent(…))` calls without a name; the
      // JSDoc @event tags name them.
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
