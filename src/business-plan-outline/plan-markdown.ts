/**
 * The business plan as Markdown (the escaping rules: plan-core.ts, "Exports"). A lazy part of the
 * widget (see parts.ts): loaded the first time the owner downloads the text or a page calls
 * `exportMarkdown()`.
 */
import type { PlanOutline } from '../feed/schema.js';
import {
  answerLines,
  exportModel,
  oneLine,
  tableCells,
  type CashFlowExtract,
  type ExportOptions,
  type ExportSection,
  type PlanDocument,
} from './plan-core.js';

/** Escape feed text or a label for use inside a line (headings, bold, links, table cells). */
function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** Escape what could start a block at the start of a line (the rest of the line is already escaped). */
function mdLineStart(line: string): string {
  if (/^[#>*+\-=_|:~`[]/.test(line)) return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return line;
}

/** A paragraph line from feed text or a label. */
const mdParagraph = (text: string) => mdLineStart(mdInline(oneLine(text)));

/** A link's `](` whose address is not https/http/mailto/tel or a heading (`javascript:`, `data:`, an entity…). */
const UNSAFE_LINK = /\]\((?!\s*(?:https?:\/\/|mailto:|tel:|#))/gi;

/** The owner's answer as Markdown paragraphs (line breaks kept as hard breaks). */
function mdAnswer(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of answerLines(text)) {
    if (line === '') {
      if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
      continue;
    }
    const escaped = line.replace(/[\\<]/g, '\\$&').replace(/!\[/g, '!\\[').replace(UNSAFE_LINK, ']\\(');
    paragraphs[paragraphs.length - 1]!.push(mdLineStart(escaped));
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}

/** Anchors as GitHub makes them from a heading's text: lower case, punctuation dropped, spaces → `-`, repeats numbered. */
class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    let count = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) {
      count++;
      slug = `${base}-${count}`;
    }
    this.seen.set(base, count);
    this.seen.set(slug, this.seen.get(slug) ?? 0);
    return slug;
  }
}

function mdTable(extract: CashFlowExtract): string[] {
  const { header, rows } = tableCells(extract);
  const row = (cells: readonly string[]) => `| ${cells.map((cell) => mdInline(cell)).join(' | ')} |`;
  return [row(header), `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map(row)];
}

/**
 * Markdown: "# {businessName}", the plan's name (when different), the prepared-on line, a table
 * of contents (nested lists of numbered links to the headings), then each section as a heading
 * ("## 1 Title", "### 2.1 Title", deeper = more #, at most ######), each question as a bold line
 * followed by the answer. See the module notes for the escaping.
 */
export function planToMarkdown(outline: PlanOutline, plan: PlanDocument, options: ExportOptions): string {
  const model = exportModel(outline, plan, options);
  const { labels, cashFlow } = options;
  const slugger = new Slugger();
  const hashes = (level: number) => '#'.repeat(Math.min(level, 6));
  const cashFlowTitle = oneLine(labels.cashFlowTitle);

  // Anchors in document order, as a renderer makes them.
  slugger.slug(model.title);
  const contents = oneLine(labels.contents);
  const hasContents = model.sections.length > 0 || model.cashFlowAtEnd;
  if (hasContents) slugger.slug(contents);
  const anchors = new Map<ExportSection, string>();
  const cashFlowAnchor = { value: '' };
  const assign = (sections: readonly ExportSection[]) => {
    for (const section of sections) {
      anchors.set(section, slugger.slug(section.heading));
      assign(section.children);
      if (section.cashFlow) cashFlowAnchor.value = slugger.slug(cashFlowTitle);
    }
  };
  assign(model.sections);
  if (model.cashFlowAtEnd) cashFlowAnchor.value = slugger.slug(cashFlowTitle);

  const out: string[] = [`# ${mdInline(model.title)}`, ''];
  if (model.subtitle !== undefined) out.push(mdParagraph(model.subtitle), '');
  if (oneLine(labels.preparedOn) !== '') out.push(mdParagraph(labels.preparedOn), '');

  if (hasContents) {
    out.push(`## ${mdInline(contents)}`, '');
    const toc = (sections: readonly ExportSection[], indent: string) => {
      for (const section of sections) {
        out.push(`${indent}- [${mdInline(section.heading)}](#${anchors.get(section) ?? ''})`);
        toc(section.children, `${indent}  `);
        if (section.cashFlow) out.push(`${indent}  - [${mdInline(cashFlowTitle)}](#${cashFlowAnchor.value})`);
      }
    };
    toc(model.sections, '');
    if (model.cashFlowAtEnd) out.push(`- [${mdInline(cashFlowTitle)}](#${cashFlowAnchor.value})`);
    out.push('');
  }

  const writeCashFlow = (level: number) => {
    if (!cashFlow) return;
    out.push(`${hashes(level)} ${mdInline(cashFlowTitle)}`, '');
    if (oneLine(cashFlow.headline) !== '') out.push(mdParagraph(cashFlow.headline), '');
    out.push(...mdTable(cashFlow), '');
  };
  const write = (sections: readonly ExportSection[]) => {
    for (const section of sections) {
      out.push(`${hashes(section.depth + 2)} ${mdInline(section.heading)}`, '');
      for (const { text, answer } of section.questions) {
        out.push(`**${mdInline(text)}**`, '');
        out.push(answer === undefined ? `*${mdInline(oneLine(labels.notAnswered))}*` : mdAnswer(answer), '');
      }
      write(section.children);
      if (section.cashFlow) writeCashFlow(section.depth + 3);
    }
  };
  write(model.sections);
  if (model.cashFlowAtEnd) writeCashFlow(2);

  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
