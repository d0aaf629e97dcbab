/**
 * The business plan as data — answers, progress, numbering, and the Markdown and HTML exports —
 * as the package exports it (`planToMarkdown`, `planToHtml`, …). The code is in three modules:
 * plan-core.ts (everything the widget needs from the start), plan-markdown.ts and plan-html.ts
 * (the text and the printable document, which the widget loads only when the owner exports or
 * prints).
 */
export * from './plan-core.js';
export * from './plan-markdown.js';
export * from './plan-html.js';
