/**
 * "Take my plan to an advisor" (#12): from a provider's card, the owner sends her business plan
 * and/or her cash-flow projection (both saved on her device by the other widgets) to that
 * provider — as one downloaded web page, or a WhatsApp / e-mail message with a short summary
 * and that file to attach.
 *
 * Pure: no DOM, no Lit rendering, no storage; the clock, the language and the locale are
 * parameters (`ShareContext`). The texts go through `msg()`, in the page's language.
 *
 * - The file is one standalone HTML document, every text escaped, no script, no external
 *   resource: the printable plan (`planToHtml`) with the projection's table in its financial
 *   part, or the projection alone; both open with "Prepared for {provider}".
 * - The summary is plain text, whole translated sentences, at most {@link SUMMARY_MAX_LENGTH}
 *   characters (cut at a word, with "…").
 * - The links are `https://wa.me/…?text=` (a WhatsApp phone only) and `mailto:…?subject=&body=`
 *   (a valid address only), percent-encoded (spaces as `%20`), each shorter than
 *   {@link SHARE_LINK_MAX_LENGTH} characters (the summary is shortened to fit).
 *
 * This module carries the printable plan's code (plan-html.ts): load it when the owner opens
 * the share dialog, not with the widget.
 */
import { msg, str } from '@lit/localize';
import type { PlanOutline, Provider } from '../feed/schema.js';
import { pickText } from '../feed/text.js';
import type { Draft } from '../cash-flow-calculator/drafts.js';
import { cashFlowExtract, cashFlowHeadline } from '../business-plan-outline/cash-flow-extract.js';
import { defaultCashFlowAfter, oneLine, planProgress, tableCells, type ExportOptions, type PlanDocument } from '../business-plan-outline/plan-core.js';
import { escapeHtml, PLAN_HTML_CSS, planToHtml, standaloneHtml } from '../business-plan-outline/plan-html.js';
import { slug } from '../cash-flow-calculator/plan-file.js';
import { formatDate, formatMonth, formatNumber } from '../shared/format.js';
import { CALLING_CODES, cleanText as cleanLinkText, contactLinks } from './contact-links.js';

// ---------------------------------------------------------------- types

/** What the owner chose to send; at least one of the two for a package. */
export interface ShareChoice {
  readonly plan?: { readonly outline: PlanOutline; readonly document: PlanDocument } | undefined;
  /** A saved cash-flow projection. */
  readonly draft?: Draft | undefined;
}

export interface ShareContext {
  /** The page language (`es`, `en`): the feed texts, the file name and `<html lang>`. */
  readonly lang: string;
  /** The locale of numbers, money and dates (`es-SV`). */
  readonly locale: string;
  /** Milliseconds since the epoch: the date in the file name and on the cover. */
  readonly now: number;
  /** The provider's name, as shown on its card. */
  readonly providerName: string;
}

export interface SharePackage {
  /** A safe ASCII file name: `para-asesor-panaderia-rosa-2026-11-29.html`. */
  readonly fileName: string;
  /** One standalone HTML document. */
  readonly html: string;
  /** The e-mail subject: "My business plan: Panadería Rosa". */
  readonly subject: string;
  /** A short plain-text message for WhatsApp or the e-mail body (at most `SUMMARY_MAX_LENGTH` characters). */
  readonly summary: string;
  /** Plain lines saying exactly what is shared, for the preview; the last one says nothing else is. */
  readonly contents: readonly string[];
}

export interface ShareLinks {
  /** `https://wa.me/<digits>?text=…`: only when the provider has a usable WhatsApp phone. */
  readonly whatsapp?: string;
  /** `mailto:<address>?subject=…&body=…`: only when the provider has a valid e-mail address. */
  readonly email?: string;
}

/** The summary's length limit, in UTF-16 units ("…" included). */
export const SUMMARY_MAX_LENGTH = 900;
/** Every share link is shorter than this (some apps and browsers drop longer ones). */
export const SHARE_LINK_MAX_LENGTH = 2000;
const SUBJECT_MAX_LENGTH = 200;

// ---------------------------------------------------------------- text helpers

/**
 * `text` cut to at most `max` UTF-16 units: at a word when it can, with "…", never splitting a
 * surrogate pair. Unchanged when it fits.
 */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let cut = text.slice(0, max - 1);
  // Not already at a word's end: drop the cut word, unless that would drop most of the text (one very long "word").
  if (!/\s/.test(text.charAt(max - 1))) {
    const space = cut.search(/\s\S*$/);
    if (space >= max / 2) cut = cut.slice(0, space);
  }
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.]+$/, '')}…`;
}

/** The longest shortening of `text` whose percent-encoding fits in `room` characters. */
function fitEncoded(text: string, room: number): string {
  let max = text.length;
  let candidate = text;
  let encoded = encodeURIComponent(candidate).length;
  while (encoded > room) {
    if (max <= 1) return '';
    max = Math.max(1, Math.min(max - 1, Math.floor((max * room) / encoded)));
    candidate = shorten(text, max);
    encoded = encodeURIComponent(candidate).length;
  }
  return candidate;
}

const isEnglish = (lang: string) => (lang.split(/[-_]/)[0] ?? '').toLowerCase() === 'en';

/** `para-asesor-<name>-<local day>.html` (`for-advisor-…` on an English page). */
function shareFileName(name: string, lang: string, now: number): string {
  const date = new Date(now);
  const day = Number.isNaN(date.getTime())
    ? ''
    : `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const stem = [isEnglish(lang) ? 'for-advisor' : 'para-asesor', slug(name), day].filter((part) => part !== '').join('-');
  return `${stem}.html`;
}

// ---------------------------------------------------------------- HTML

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** The same shell as the printable plan (plan-html.ts), with its print CSS. */
function projectionPage(lang: string, title: string, body: readonly string[]): string {
  return standaloneHtml(LANG_TAG.test(lang) ? lang : 'es', title, PLAN_HTML_CSS, body);
}

const paragraph = (className: string, text: string) => `<p class="${className}">${escapeHtml(oneLine(text))}</p>`;

/** The projection alone: its name, what it is, the date, the headline and the month table. */
function projectionHtml(draft: Draft, name: string, context: ShareContext, preparedFor: readonly string[]): string {
  const { header, rows } = tableCells(cashFlowExtract(draft, context.locale));
  const headline = oneLine(cashFlowHeadline(draft, context.locale));
  const body = [
    ...preparedFor,
    '<main>',
    '<section class="cash-flow">',
    `<h1>${escapeHtml(name)}</h1>`,
    paragraph('plan-name', msg('Cash-flow projection')),
    paragraph('prepared', msg(str`Prepared on ${formatDate(context.now, context.locale, 'long')}`)),
    ...(headline === '' ? [] : [paragraph('headline', headline)]),
    '<div class="table-wrap">',
    '<table>',
    `<thead><tr>${header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`),
    '</tbody>',
    '</table>',
    '</div>',
    '</section>',
    '</main>',
  ];
  return projectionPage(context.lang, name, body);
}

/** The printable plan (the projection's table in its financial part), with `preparedFor` at the top of the body. */
function planHtml(outline: PlanOutline, plan: PlanDocument, draft: Draft | undefined, context: ShareContext, preparedFor: readonly string[]): string {
  const options: ExportOptions = {
    lang: context.lang,
    includeEmpty: false,
    labels: {
      contents: msg('Contents'),
      preparedOn: msg(str`Prepared on ${formatDate(context.now, context.locale, 'long')}`),
      notAnswered: msg('Not answered yet'),
      cashFlowTitle: msg('Cash-flow projection'),
    },
    cashFlow: draft === undefined ? undefined : cashFlowExtract(draft, context.locale),
    cashFlowAfter: defaultCashFlowAfter(outline, context.lang),
  };
  const page = planToHtml(outline, plan, options);
  if (preparedFor.length === 0) return page;
  // A function, not a string: a `$&` in the provider's name must stay text.
  return page.replace('<body>\n', () => `<body>\n${preparedFor.join('\n')}\n`);
}

// ---------------------------------------------------------------- package

/** `undefined` when nothing is chosen. */
export function buildSharePackage(choice: ShareChoice, context: ShareContext): SharePackage | undefined {
  const { plan, draft } = choice;
  if (plan === undefined && draft === undefined) return undefined;
  const { lang, locale } = context;

  // Names, as the plan's cover shows them.
  const business = plan ? oneLine(plan.document.businessName) : '';
  const planName = plan ? oneLine(plan.document.name) || business || oneLine(pickText(plan.outline.name, lang)) : '';
  const planTitle = plan ? business || planName : '';
  const draftName = draft ? oneLine(draft.name) || oneLine(msg('Cash-flow projection')) : '';
  const progress = plan ? planProgress(plan.outline, plan.document.answers) : undefined;
  const answered = progress ? formatNumber(progress.answered, locale) : '';
  const total = progress ? formatNumber(progress.total, locale) : '';
  const months = draft ? draft.plan.months : 0;
  const count = formatNumber(months, locale);
  const start = draft ? formatMonth(draft.plan.startMonth, locale, 'long') : '';

  const fileName = shareFileName(planTitle || draftName, lang, context.now);
  const provider = oneLine(context.providerName);
  const preparedFor = provider === '' ? [] : [paragraph('prepared-for', msg(str`Prepared for ${provider}`))];
  let html: string;
  if (plan !== undefined) html = planHtml(plan.outline, plan.document, draft, context, preparedFor);
  else if (draft !== undefined) html = projectionHtml(draft, draftName, context, preparedFor);
  else return undefined;

  const subject = shorten(
    oneLine(
      plan && draft
        ? msg(str`My business plan and cash-flow projection: ${planTitle}`)
        : plan
          ? msg(str`My business plan: ${planTitle}`)
          : msg(str`My cash-flow projection: ${draftName}`),
    ),
    SUBJECT_MAX_LENGTH,
  );

  const sentences: string[] = [];
  if (plan && draft) {
    sentences.push(
      months === 1
        ? msg(str`My business plan «${planName}» (${answered} of ${total} questions answered) and my cash-flow projection «${draftName}» for ${start}.`)
        : msg(str`My business plan «${planName}» (${answered} of ${total} questions answered) and my cash-flow projection «${draftName}»: ${count} months from ${start}.`),
    );
  } else if (plan) {
    sentences.push(msg(str`My business plan «${planName}» (${answered} of ${total} questions answered).`));
  } else {
    sentences.push(
      months === 1
        ? msg(str`My cash-flow projection «${draftName}» for ${start}.`)
        : msg(str`My cash-flow projection «${draftName}»: ${count} months from ${start}.`),
    );
  }
  if (draft) sentences.push(cashFlowHeadline(draft, locale));
  sentences.push(msg(str`I am attaching the file «${fileName}».`));
  const summary = shorten(oneLine(sentences.join(' ')), SUMMARY_MAX_LENGTH);

  const contents: string[] = [];
  if (plan) {
    contents.push(
      business !== '' && business !== planName
        ? msg(str`Business plan «${planName}» (${business}): ${answered} of ${total} questions answered`)
        : msg(str`Business plan «${planName}»: ${answered} of ${total} questions answered`),
    );
  }
  if (draft) {
    contents.push(
      months === 1
        ? msg(str`Cash-flow projection «${draftName}»: ${start} only`)
        : msg(str`Cash-flow projection «${draftName}»: ${count} months from ${start}`),
    );
  }
  contents.push(msg('Nothing else from this device is shared.'));

  return { fileName, html, subject, summary, contents };
}

// ---------------------------------------------------------------- links

/**
 * The links that open a message to the provider with the summary: WhatsApp (its first usable
 * WhatsApp phone, with the country's calling code as on its card) and e-mail (its address,
 * with the subject). Each is left out when the provider has no such contact. The summary is
 * shortened (at a word, with "…") so that each link stays shorter than
 * {@link SHARE_LINK_MAX_LENGTH}. `callingCode`: the code to add to a number written without
 * one (default: the code of the provider's first country).
 */
export function shareLinks(
  provider: Provider,
  pkg: Pick<SharePackage, 'subject' | 'summary'>,
  options: { readonly callingCode?: string | undefined } = {},
): ShareLinks {
  const country = Array.isArray(provider.countries) ? provider.countries[0] : undefined;
  const callingCode = options.callingCode ?? (country === undefined ? undefined : CALLING_CODES[country]);
  const links = contactLinks(provider, { callingCode });
  const whatsapp = links.find((link) => link.action === 'whatsapp');
  const email = links.find((link) => link.action === 'email');
  // One line each; control characters and lone surrogates (which encodeURIComponent refuses) cleaned.
  const summary = cleanLinkText(pkg.summary);
  const subject = cleanLinkText(pkg.subject);
  const room = SHARE_LINK_MAX_LENGTH - 1;

  const out: { whatsapp?: string; email?: string } = {};
  if (whatsapp !== undefined) {
    const base = `${whatsapp.href}?text=`;
    const text = fitEncoded(summary, room - base.length);
    out.whatsapp = text === '' ? whatsapp.href : `${base}${encodeURIComponent(text)}`;
  }
  if (email !== undefined) {
    const fields: string[] = [];
    const subjectText = fitEncoded(subject, Math.floor(room / 4));
    if (subjectText !== '') fields.push(`subject=${encodeURIComponent(subjectText)}`);
    const prefix = `${email.href}?${[...fields, 'body='].join('&')}`;
    const body = fitEncoded(summary, room - prefix.length);
    if (body !== '') fields.push(`body=${encodeURIComponent(body)}`);
    out.email = fields.length === 0 ? email.href : `${email.href}?${fields.join('&')}`;
  }
  return out;
}
