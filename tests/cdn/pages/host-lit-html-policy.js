// The host's own code, before the widgets: it already owns a Trusted Types policy named
// lit-html without being Lit (so `litHtmlVersions` does not say so), and its CSP has no
// 'allow-duplicates'.
window.hostPolicy = window.trustedTypes.createPolicy('lit-html', { createHTML: (html) => html });
