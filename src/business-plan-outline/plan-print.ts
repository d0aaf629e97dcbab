/**
 * The plan's printable document, as the widget shows it: the "Download (web page)" file and the
 * print window. A lazy part (see parts.ts): loaded the first time the owner prints or downloads
 * the page, not with the widget.
 */
import type { PlanOutline } from '../feed/schema.js';
import { stylePrintWindow } from '../shared/print-window.js';
import type { ExportOptions, PlanDocument } from './plan-core.js';
import { planToHtmlDocument, type PlanHtmlNode } from './plan-html.js';

export { planToHtml } from './plan-html.js';

/** Fill `win` with the printable plan (cover, contents, sections), then open the print dialog. */
export function printPlan(win: Window, outline: PlanOutline, plan: PlanDocument, options: ExportOptions): void {
  // Built with DOM calls from the plan's element tree, text as text: no HTML is parsed
  // (a Trusted Types sink) and no <style> element is added (a strict style-src refuses it).
  const printable = planToHtmlDocument(outline, plan, options);
  const doc = win.document;
  doc.documentElement.lang = printable.lang;
  doc.title = printable.title;
  stylePrintWindow(win, printable.css);
  const build = (node: PlanHtmlNode): Node => {
    if (typeof node === 'string') return doc.createTextNode(node);
    const element = doc.createElement(node.tag);
    for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value);
    element.append(...node.children.map(build));
    return element;
  };
  doc.body.replaceChildren(...printable.body.map(build));
  win.focus();
  win.print();
}
