/**
 * The business plan's lazy parts (see shared/parts.ts): code the owner needs only after a click,
 * loaded then rather than with the widget.
 *
 * - `printable`: the printable document (plan-html.ts) — on the first print or "Download (web page)";
 * - `markdown`: the text (plan-markdown.ts) — on the first "Download (text)" or `exportMarkdown()`.
 */
import { lazyPart } from '../shared/parts.js';

export const printable = lazyPart(() => import('./plan-print.js'));
export const markdown = lazyPart(() => import('./plan-markdown.js'));
