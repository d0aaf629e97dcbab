/**
 * The business plan as data — answers, progress, numbering, and the Markdown and HTML exports —
 * as the package exports it (`planToMarkdown`, `planToHtml`, …). The code is in two modules:
 * plan-core.ts (everything the widget needs from the start, Markdown included) and plan-html.ts
 * (the printable document, which the widget loads only when the owner prints or downloads it).
 */
export * from './plan-core.js';
export * from './plan-html.js';
