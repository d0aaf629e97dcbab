// Loaded first by the strict-CSP pages (/__csp/<variant>, web-test-runner.config.mjs), as a
// same-origin external script: records every CSP violation, error and console warning of the
// page, and says when the four widgets show their content (tests/cdn/csp-page.test.ts).
(() => {
  const probe = { violations: [], errors: [], warnings: [], ready: false };
  window.cspProbe = probe;
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      probe.violations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      }),
    true,
  );
  window.addEventListener('error', (event) => probe.errors.push(String(event.error?.stack ?? event.message)));
  window.addEventListener('unhandledrejection', (event) => probe.errors.push(String(event.reason?.stack ?? event.reason)));
  const warn = console.warn;
  console.warn = (...args) => {
    probe.warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };

  const tags = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'];
  const shows = (tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const base = root?.querySelector('[part="base"]');
    return !!base && base.children.length > 0 && !root.querySelector('[part="loading"], [part="error"]');
  };
  const check = () => {
    if (tags.every(shows)) {
      probe.ready = true;
      if (window.parent !== window) window.parent.postMessage({ type: 'csp-probe-ready' }, location.origin);
    } else {
      setTimeout(check, 20);
    }
  };
  check();
})();
