/**
 * The calculator's lazy parts (see shared/parts.ts): code the owner needs only after a click,
 * loaded then rather than with the widget. The main table, the summary and the chart stay in the
 * widget's own file.
 *
 * - `files`: the CSV download and opening a copy (export.ts) — on the first CSV or import (the JSON
 *   copy is not lazy: "Save a copy" is the way out when the device cannot save, offline too);
 * - `printing`: the printable page — on the first print;
 * - `lineTools`: the "Fill" panel of a row and the loan / tax / credit helpers (line-helpers.ts) —
 *   when one of them is first opened.
 */
import { lazyPart } from '../shared/parts.js';

export const files = lazyPart(() => import('./file-actions.js'));
export const printing = lazyPart(() => import('./print.js'));
export const lineTools = lazyPart(() => import('./line-tools.js'));
