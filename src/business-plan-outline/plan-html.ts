/**
 * The printable plan: one standalone HTML document (the "Download (web page)" file) and the same
 * document as data for the print window. See plan-core.ts for what the exports show and how
 * text is escaped.
 *
 * Pure: no DOM, no Lit, no zod. Its own module so the widget loads it only when the owner prints
 * or downloads the page (plan-print.ts); `plan-model.ts` re-exports it for the package.
 */
import type { PlanOutline } from '../feed/schema.js';
import { answerLines, cleanText, exportModel, oneLine, tableCells, type ExportOptions, type ExportSection, type PlanDocument } from './plan-core.js';

// ---------------------------------------------------------------- HTML

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (content or attribute value) with every markup character escaped. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** The print stylesheet (screen too): system fonts only, nothing fetched. */
export const PLAN_HTML_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { color-scheme: light; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 48em; padding: 2em 1.25em 4em; color: #1b1b1b; background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
a { color: #0b4f8a; }
.cover { display: flex; flex-direction: column; justify-content: center; min-height: 80vh; text-align: center;
  break-after: page; page-break-after: always; }
.cover h1 { font-size: 2.4em; margin: 0 0 0.4em; }
.cover .plan-name { font-size: 1.35em; margin: 0 0 2.5em; }
.cover .prepared { color: #444; margin: 0; }
.toc { break-after: page; page-break-after: always; }
.toc ol { list-style: none; margin: 0; padding-left: 0; }
.toc ol ol { padding-left: 1.5em; }
.toc li { margin: 0.3em 0; }
.toc a { color: inherit; text-decoration: none; }
.section.top, .cash-flow.top { break-before: page; page-break-before: always; }
.question { font-size: 1em; margin: 1.4em 0 0.35em; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1em; orphans: 3; widows: 3; }
.not-answered { font-style: italic; color: #555; }
.cash-flow .headline { margin: 0 0 0.75em; }
.table-wrap { overflow-x: auto; }
.cash-flow table { border-collapse: collapse; width: 100%; font-size: 0.8em; font-variant-numeric: tabular-nums; }
.cash-flow th, .cash-flow td { border: 1px solid #b8b8b8; padding: 0.25em 0.45em; text-align: right; white-space: nowrap; }
.cash-flow th:first-child { text-align: left; white-space: normal; }
.cash-flow thead th { background: #f0f0f0; }
.cash-flow tr { break-inside: avoid; page-break-inside: avoid; }
@page { margin: 2cm 1.8cm; @bottom-center { content: counter(page); font-size: 9pt; color: #666; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  .cash-flow thead { display: table-header-group; }
}
`;

/** An element of the printable plan: a tag, its attributes and its children (text or elements). */
export interface PlanHtmlElement {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string>> | undefined;
  readonly children: readonly PlanHtmlNode[];
}
export type PlanHtmlNode = string | PlanHtmlElement;

/**
 * The printable plan as data: the one source of the HTML file (`planToHtml`) and of
 * the print window, which builds it with DOM calls (no HTML parsing, so no Trusted
 * Types sink and no inline style on a strict host). Text is plain text here; each
 * output escapes it for its own form.
 */
export interface PlanHtmlDocument {
  readonly lang: string;
  readonly title: string;
  readonly css: string;
  readonly body: readonly PlanHtmlNode[];
}

const el = (tag: string, attrs: Record<string, string> | undefined, ...children: PlanHtmlNode[]): PlanHtmlElement => ({
  tag,
  attrs,
  children: children.map((child) => (typeof child === 'string' ? cleanText(child) : child)),
});

/**
 * The printable plan: a cover page (business name, plan name, prepared-on), a table of
 * contents, sections with questions as headings, a page break before each top-level
 * section, answers with line breaks kept (`white-space: pre-wrap`).
 */
export function planToHtmlDocument(outline: PlanOutline, plan: PlanDocument, options: ExportOptions): PlanHtmlDocument {
  const model = exportModel(outline, plan, options);
  const { labels, cashFlow } = options;
  const lang = LANG_TAG.test(options.lang) ? options.lang : 'es';
  const anchor = (section: ExportSection) => `s-${section.number.replace(/\./g, '-')}`;
  const h = (level: number) => `h${Math.min(level, 6)}`;
  const cashFlowTitle = oneLine(labels.cashFlowTitle);
  const body: PlanHtmlNode[] = [];

  const cover = el('header', { class: 'cover' }, el('h1', undefined, model.title));
  const coverChildren = cover.children as PlanHtmlNode[];
  if (model.subtitle !== undefined) coverChildren.push(el('p', { class: 'plan-name' }, model.subtitle));
  if (oneLine(labels.preparedOn) !== '') coverChildren.push(el('p', { class: 'prepared' }, oneLine(labels.preparedOn)));
  body.push(cover);

  if (model.sections.length > 0 || model.cashFlowAtEnd) {
    const toc = (sections: readonly ExportSection[], extra: boolean): PlanHtmlElement => {
      const items: PlanHtmlNode[] = sections.map((section) => {
        const item = el('li', undefined, el('a', { href: `#${anchor(section)}` }, section.heading));
        if (section.children.length > 0 || section.cashFlow) (item.children as PlanHtmlNode[]).push(toc(section.children, section.cashFlow));
        return item;
      });
      if (extra) items.push(el('li', undefined, el('a', { href: '#cash-flow' }, cashFlowTitle)));
      return el('ol', undefined, ...items);
    };
    body.push(
      el(
        'nav',
        { class: 'toc', 'aria-labelledby': 'contents' },
        el('h2', { id: 'contents' }, oneLine(labels.contents)),
        toc(model.sections, model.cashFlowAtEnd),
      ),
    );
  }

  const cashFlowSection = (level: number): PlanHtmlNode[] => {
    if (!cashFlow) return [];
    const { header, rows } = tableCells(cashFlow);
    const children: PlanHtmlNode[] = [el(h(level), { id: 'cash-flow' }, cashFlowTitle)];
    if (oneLine(cashFlow.headline) !== '') children.push(el('p', { class: 'headline' }, oneLine(cashFlow.headline)));
    children.push(
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          undefined,
          el('thead', undefined, el('tr', undefined, ...header.map((cell) => el('th', { scope: 'col' }, cell)))),
          el(
            'tbody',
            undefined,
            ...rows.map((row) =>
              el('tr', undefined, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', undefined, cell)))),
            ),
          ),
        ),
      ),
    );
    return [el('section', { class: `cash-flow${level === 2 ? ' top' : ''}` }, ...children)];
  };

  const sectionNodes = (sections: readonly ExportSection[]): PlanHtmlNode[] =>
    sections.map((section) => {
      const level = section.depth + 2;
      const children: PlanHtmlNode[] = [el(h(level), { id: anchor(section) }, section.heading)];
      for (const { text, answer } of section.questions) {
        children.push(el(h(level + 1), { class: 'question' }, text));
        children.push(
          answer === undefined
            ? el('p', { class: 'answer not-answered' }, oneLine(labels.notAnswered))
            : el('p', { class: 'answer' }, answerLines(answer).join('\n')),
        );
      }
      children.push(...sectionNodes(section.children));
      if (section.cashFlow) children.push(...cashFlowSection(level + 1));
      return el('section', { class: `section${section.depth === 0 ? ' top' : ''}` }, ...children);
    });
  body.push(el('main', undefined, ...sectionNodes(model.sections), ...(model.cashFlowAtEnd ? cashFlowSection(2) : [])));

  const title = model.subtitle === undefined ? model.title : `${model.title} — ${model.subtitle}`;
  return { lang, title, css: PLAN_HTML_CSS, body };
}

/** One node as HTML, every piece of text and every attribute value escaped. */
function nodeToHtml(node: PlanHtmlNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const inline = node.children.every((child) => typeof child === 'string' || !BLOCK_TAGS.has(child.tag));
  const inner = node.children.map(nodeToHtml).join(inline ? '' : '\n');
  return inline ? `<${node.tag}${attrs}>${inner}</${node.tag}>` : `<${node.tag}${attrs}>\n${inner}\n</${node.tag}>`;
}

/** Elements written on lines of their own in the HTML file (readable source). */
const BLOCK_TAGS = new Set(['header', 'nav', 'ol', 'li', 'main', 'section', 'div', 'table', 'thead', 'tbody', 'tr', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A complete standalone HTML document (UTF-8, `<html lang>`, its own strict CSP),
 * every piece of text escaped, with print CSS (see `planToHtmlDocument`). No script,
 * no external resource.
 */
export function planToHtml(outline: PlanOutline, plan: PlanDocument, options: ExportOptions): string {
  const doc = planToHtmlDocument(outline, plan, options);
  return standaloneHtml(doc.lang, doc.title, doc.css, doc.body.map(nodeToHtml));
}

/**
 * A standalone HTML document around `body` (already HTML): UTF-8, `<html lang>`, its own strict
 * CSP (no script, no fetch), the viewport, the escaped `title` and `css`. The printable plan's
 * shell, and the advisor file's (provider-finder/advisor-share.ts).
 */
export function standaloneHtml(lang: string, title: string, css: string, body: readonly string[]): string {
  return `${[
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
