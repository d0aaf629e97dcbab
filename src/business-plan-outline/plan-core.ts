/**
 * The business plan as data: the owner's answers to an outline's questions,
 * progress, and what the exports share (the Markdown is in plan-markdown.ts and
 * the printable HTML document in plan-html.ts: the widget loads each only when
 * the owner exports or prints).
 * `plan-model.ts` gathers both, as the package exports them.
 *
 * Pure: no DOM, no Lit, no zod; the clock, the language and every label are
 * parameters. Plans are immutable: each change returns a new `PlanDocument`.
 *
 * ## Answers
 *
 * Answers are keyed by `answerKey(sectionId, questionId)` (`mercado/clientes`)
 * and carry their own `updatedAt`, so two tabs can be merged answer by answer
 * (`plan-store.ts`). An answer cleared by the owner is kept with its empty text
 * and its time: the clearing is newer text that must win a merge. Answers to
 * questions the outline no longer has are kept, neither counted nor exported.
 *
 * ## Exports
 *
 * Both exports show the sections in outline order, numbered as on screen
 * (`2.1`; a title that already starts with its number, such as the ILO plan's
 * `"2. Plan de mercadeo"`, is not numbered twice). Empty answers, and sections
 * with nothing to show, are left out unless `includeEmpty`. The cash-flow extract
 * goes after the section named by `cashFlowAfter` (see {@link defaultCashFlowAfter}),
 * after its subsections, as a part of it; that section is then always shown.
 *
 * - **Markdown**: the owner's text is data. Backslashes and `<` are escaped
 *   everywhere (no HTML, no autolinks), `![` too (no remote images), `](` before an
 *   address that is not https/http/mailto/tel (no `javascript:` link), and every
 *   line start that could begin a block (`#`, `>`, `-`, `+`, `*`, `=`, `_`, `|`,
 *   `:`, `~`, `` ` ``, `[`, `1.`, `1)`) is escaped; leading spaces are removed
 *   (no code blocks). Line breaks are kept as hard breaks (`\` at the end of the
 *   line), blank lines as paragraph breaks. Feed texts (titles, questions) are
 *   escaped the same way, on one line. The table of contents links to the
 *   headings with the anchors GitHub and most renderers make (`#21-sus-clientes`).
 * - **HTML**: one standalone UTF-8 document, every text escaped, no script, no
 *   external resource (and a Content-Security-Policy that would block them),
 *   with print CSS: a cover page, the contents, a page break before each
 *   top-level section, answers with `white-space: pre-wrap`.
 */
import type { PlanOutline, PlanSection, Question } from '../feed/schema.js';
import { pickText } from '../feed/text.js';

// ---------------------------------------------------------------- types

export interface Answer {
  readonly text: string;
  /** Milliseconds since the epoch of the last change of this answer. */
  readonly updatedAt: number;
}

/** Keyed by answerKey(sectionId, questionId). */
export type Answers = Readonly<Record<string, Answer>>;

export interface PlanDocument {
  readonly id: string;
  readonly outlineId: string;
  /** The plan's name in the list ("Plan para el banco"). */
  readonly name: string;
  /** Shown on the cover. */
  readonly businessName: string;
  readonly answers: Answers;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly exportedAt?: number | undefined;
  /** Id of a cash-flow projection (saved by the cash-flow widget) to include in the financial part, if any. */
  readonly cashFlowId?: string | undefined;
}

/** Bounds of a plan; a stored or imported plan outside them is not valid. */
export const PLAN_LIMITS = {
  nameLength: 120,
  businessNameLength: 160,
  answerLength: 20_000,
  answers: 2_000,
  /** A plan file longer than this is not read. */
  fileLength: 5_000_000,
} as const;

/** A text cut to `max` UTF-16 units without splitting a surrogate pair. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

// ---------------------------------------------------------------- answers and progress

export function answerKey(sectionId: string, questionId: string): string {
  return `${sectionId}/${questionId}`;
}

export interface FlatSection {
  readonly section: PlanSection;
  /** "1", "2.1" */
  readonly number: string;
  /** 0 = top */
  readonly depth: number;
  readonly parentId?: string | undefined;
}

/** Depth-first, in outline order. */
export function flattenSections(outline: PlanOutline): FlatSection[] {
  const out: FlatSection[] = [];
  const walk = (sections: readonly PlanSection[] | undefined, prefix: string, depth: number, parentId: string | undefined) => {
    (sections ?? []).forEach((section, i) => {
      const number = prefix === '' ? String(i + 1) : `${prefix}.${i + 1}`;
      out.push(parentId === undefined ? { section, number, depth } : { section, number, depth, parentId });
      walk(section.sections, number, depth + 1, section.id);
    });
  };
  walk(outline.sections, '', 0, undefined);
  return out;
}

/** The answer's text, or undefined when there is none (own keys only). */
function answerText(answers: Answers, sectionId: string, questionId: string): string | undefined {
  const key = answerKey(sectionId, questionId);
  if (!own(answers, key)) return undefined;
  const answer = answers[key];
  return typeof answer?.text === 'string' ? answer.text : undefined;
}

/** An answer counts when its text has at least one non-space character. */
export function isAnswered(answers: Answers, sectionId: string, questionId: string): boolean {
  const text = answerText(answers, sectionId, questionId);
  return text !== undefined && /\S/.test(text);
}

/** Own questions only. */
export interface SectionProgress {
  readonly sectionId: string;
  readonly answered: number;
  readonly total: number;
}

export interface PlanProgress {
  readonly sections: readonly SectionProgress[];
  readonly answered: number;
  readonly total: number;
  /** 0..100, an integer, rounded down (100 only when everything is answered). */
  readonly percent: number;
}

export function planProgress(outline: PlanOutline, answers: Answers): PlanProgress {
  let answered = 0;
  let total = 0;
  const sections = flattenSections(outline).map(({ section }): SectionProgress => {
    const done = section.questions.filter((question) => isAnswered(answers, section.id, question.id)).length;
    answered += done;
    total += section.questions.length;
    return { sectionId: section.id, answered: done, total: section.questions.length };
  });
  return { sections, answered, total, percent: total === 0 ? 0 : Math.floor((answered * 100) / total) };
}

// ---------------------------------------------------------------- changes

/**
 * Set one answer (text bounded to 20,000 characters); returns a new PlanDocument
 * with updatedAt = now (and the answer's updatedAt = now). An empty text is kept
 * as an answer (a clearing must win a merge). Returns `plan` itself when nothing
 * changes (same text), and when the plan already holds the maximum of 2,000
 * answers and this one is new.
 */
export function setAnswer(plan: PlanDocument, sectionId: string, questionId: string, text: string, now: number): PlanDocument {
  const key = answerKey(sectionId, questionId);
  const clamped = clampText(text, PLAN_LIMITS.answerLength);
  const exists = own(plan.answers, key);
  if (exists ? plan.answers[key]?.text === clamped : clamped === '') return plan;
  if (!exists && Object.keys(plan.answers).length >= PLAN_LIMITS.answers) return plan;
  const answers: Answers = Object.fromEntries([...Object.entries(plan.answers).filter(([k]) => k !== key), [key, { text: clamped, updatedAt: now }]]);
  return { ...plan, answers, updatedAt: now };
}

export function newPlan(p: { id: string; outlineId: string; name: string; businessName?: string; now: number }): PlanDocument {
  return {
    id: p.id,
    outlineId: p.outlineId,
    name: clampText(p.name, PLAN_LIMITS.nameLength),
    businessName: clampText(p.businessName ?? '', PLAN_LIMITS.businessNameLength),
    answers: {},
    createdAt: p.now,
    updatedAt: p.now,
  };
}

/**
 * Change the plan's own fields (names bounded as in {@link newPlan}; `cashFlowId: undefined`
 * removes the link); updatedAt = now. Returns `plan` itself when nothing changes.
 */
export function updatePlanDetails(
  plan: PlanDocument,
  changes: { readonly name?: string; readonly businessName?: string; readonly cashFlowId?: string | undefined },
  now: number,
): PlanDocument {
  const name = changes.name === undefined ? plan.name : clampText(changes.name, PLAN_LIMITS.nameLength);
  const businessName = changes.businessName === undefined ? plan.businessName : clampText(changes.businessName, PLAN_LIMITS.businessNameLength);
  const cashFlowId = own(changes, 'cashFlowId') ? changes.cashFlowId || undefined : plan.cashFlowId;
  if (name === plan.name && businessName === plan.businessName && cashFlowId === plan.cashFlowId) return plan;
  const { cashFlowId: _old, ...rest } = plan;
  return { ...rest, name, businessName, ...(cashFlowId !== undefined ? { cashFlowId } : {}), updatedAt: now };
}

/** Note an export (download or print) at `now`; the text did not change, so updatedAt stays. */
export function markExported(plan: PlanDocument, now: number): PlanDocument {
  return { ...plan, exportedAt: now };
}

// ---------------------------------------------------------------- export model

export interface ExportLabels {
  readonly contents: string;
  /** "Preparado el {date}", already formatted by the caller. */
  readonly preparedOn: string;
  readonly notAnswered: string;
  readonly cashFlowTitle: string;
}

/** Already formatted text, made by the element. */
export interface CashFlowExtract {
  readonly headline: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface ExportOptions {
  readonly lang: string;
  readonly includeEmpty: boolean;
  readonly labels: ExportLabels;
  readonly cashFlow?: CashFlowExtract | undefined;
  /**
   * Section id after which the cash-flow table goes (e.g. the financial plan); default: the last
   * section whose title contains "financ" (case/accents-insensitive) else the end.
   */
  readonly cashFlowAfter?: string | undefined;
}

/** `"2.1 Sus clientes"`; a title that already starts with its number (`"2. Plan de mercadeo"`) is kept as it is. */
export function sectionHeading(number: string, title: string): string {
  const clean = title.trim();
  if (clean === '') return number;
  const pattern = new RegExp(`^${number.replace(/\./g, '\\.')}[.)]?(?:\\s|$)`);
  return pattern.test(clean) ? clean : `${number} ${clean}`;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Where the cash-flow table goes by default: the id of the last section (depth-first)
 * whose title in `lang` contains "financ" (any case, any accents), else undefined (the end).
 */
export function defaultCashFlowAfter(outline: PlanOutline, lang: string): string | undefined {
  let found: string | undefined;
  for (const { section } of flattenSections(outline)) if (fold(pickText(section.title, lang)).includes('financ')) found = section.id;
  return found;
}

/** @internal */
export interface ExportQuestion {
  readonly question: Question;
  readonly text: string;
  /** The answer's text (not only spaces), or undefined when not answered. */
  readonly answer: string | undefined;
}

/** @internal */
export interface ExportSection {
  readonly id: string;
  readonly number: string;
  readonly depth: number;
  /** Number and title, as shown. */
  readonly heading: string;
  readonly questions: readonly ExportQuestion[];
  readonly children: readonly ExportSection[];
  /** The cash-flow extract goes after this section's subsections. */
  readonly cashFlow: boolean;
}

/** @internal */
export interface ExportModel {
  readonly title: string;
  readonly subtitle: string | undefined;
  readonly sections: readonly ExportSection[];
  /** The cash-flow extract goes at the end (no section takes it). */
  readonly cashFlowAtEnd: boolean;
}

/** Plain text, with control characters, lone surrogates and CR line ends cleaned. */
/** @internal */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** One line of feed text (titles, questions, labels): spaces collapsed. */
/** @internal */
export const oneLine = (text: string) => cleanText(text).replace(/\s+/g, ' ').trim();

/** @internal The sections, questions and answers an export shows, in order (both exports start from it). */
export function exportModel(outline: PlanOutline, plan: PlanDocument, options: ExportOptions): ExportModel {
  const { lang, includeEmpty } = options;
  const ids = new Set(flattenSections(outline).map(({ section }) => section.id));
  const target =
    options.cashFlow === undefined
      ? undefined
      : options.cashFlowAfter !== undefined
        ? ids.has(options.cashFlowAfter)
          ? options.cashFlowAfter
          : undefined
        : defaultCashFlowAfter(outline, lang);
  let placed = false;
  const build = (sections: readonly PlanSection[] | undefined, prefix: string, depth: number): ExportSection[] => {
    const out: ExportSection[] = [];
    (sections ?? []).forEach((section, i) => {
      const number = prefix === '' ? String(i + 1) : `${prefix}.${i + 1}`;
      const children = build(section.sections, number, depth + 1);
      const questions = section.questions
        .map((question): ExportQuestion => {
          const text = answerText(plan.answers, section.id, question.id);
          const answer = text !== undefined && /\S/.test(text) ? text : undefined;
          return { question, text: oneLine(pickText(question.text, lang)), answer };
        })
        .filter((question) => includeEmpty || question.answer !== undefined);
      // The first section with the target id takes the extract (ids are unique in a sound outline).
      const cashFlow = !placed && section.id === target;
      if (cashFlow) placed = true;
      if (!includeEmpty && questions.length === 0 && children.length === 0 && !cashFlow) return;
      out.push({ id: section.id, number, depth, heading: sectionHeading(number, oneLine(pickText(section.title, lang))), questions, children, cashFlow });
    });
    return out;
  };
  const sections = build(outline.sections, '', 0);
  const business = oneLine(plan.businessName);
  const name = oneLine(plan.name);
  const title = business || name || oneLine(pickText(outline.name, lang));
  return { title, subtitle: name && name !== title ? name : undefined, sections, cashFlowAtEnd: options.cashFlow !== undefined && !placed };
}

/** Answer text → lines, spaces at both ends of each line removed, blank lines at both ends dropped. */
/** @internal */
export function answerLines(text: string): string[] {
  const lines = cleanText(text)
    .split('\n')
    .map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Rows padded to the widest row, so every table has rectangular cells. */
/** @internal */
export function tableCells(extract: CashFlowExtract): { header: string[]; rows: string[][] } {
  const width = Math.max(extract.header.length, ...extract.rows.map((row) => row.length), 1);
  const pad = (row: readonly string[]) => Array.from({ length: width }, (_, i) => oneLine(row[i] ?? ''));
  return { header: pad(extract.header), rows: extract.rows.map(pad) };
}
