/**
 * The calculator's files, as the element offers them: the CSV download and reading a copy back.
 * A lazy part (see parts.ts): loaded the first time the owner downloads the CSV or opens a file,
 * not with the widget. (The JSON copy is not here: see plan-file.ts.)
 */
import { msg, str } from '@lit/localize';
import type { UiLanguage } from '../shared/locale.js';
import type { Draft } from './drafts.js';
import { fileName, jsonToPlan, projectionToCsv } from './export.js';
import type { CashFlowPlan, Projection } from './projection.js';

/** A file to hand to the browser. */
export interface Download {
  readonly data: Uint8Array | string;
  readonly name: string;
  readonly type: string;
}

/** The projection for the spreadsheet (opens in Excel and LibreOffice). */
export function csvDownload(draft: Draft, projection: Projection, locale: string, lang: UiLanguage): Download {
  const data = projectionToCsv({
    name: draft.name,
    plan: draft.plan,
    projection,
    locale,
    labels: {
      line: msg('Item'),
      preStart: msg('Before opening'),
      total: msg('Total'),
      totalIn: msg('Total money in'),
      totalOut: msg('Total money out'),
      net: msg('Net cash flow'),
      opening: msg('Opening balance'),
      closing: msg('Closing balance'),
    },
  });
  return { data, name: fileName(draft.name, 'csv', new Date(), lang === 'en' ? 'cash-flow' : 'flujo-de-caja'), type: 'text/csv' };
}

export type ReadFile = { readonly ok: true; readonly name: string; readonly plan: CashFlowPlan } | { readonly ok: false; readonly text: string };

/** A copy the owner opened: the projection, or the sentence that says why it cannot be used. */
export function readProjectionFile(text: string): ReadFile {
  const result = jsonToPlan(text);
  if (result.ok) return result;
  return {
    ok: false,
    text:
      result.error === 'newer-version'
        ? msg('This file was made with a newer version of the calculator. Nothing was changed.')
        : result.error === 'not-json' || result.error === 'wrong-format'
          ? msg('This file is not a cash-flow projection exported by this calculator. Nothing was changed.')
          : msg('This file has values that are not valid. Nothing was changed.'),
  };
}

/** What the owner is told once a copy was added. */
export function importedText(name: string): string {
  return msg(str`"${name}" was added to your projections.`);
}
