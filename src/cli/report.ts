/**
 * The validator's report (`npx infomipyme-widgets validate <file-or-url>`):
 * pure text from a parse result, so the CLI (bin/) only does input and output.
 */
import { msg, str } from '@lit/localize';
import type { FeedIssue, ParseFeedResult } from '../feed/parse.js';
import { summarizeFeed, type FeedSummary } from '../feed/summary.js';
import { pickText } from '../feed/text.js';
import { FEED_SECTION_NAMES } from '../feed/schema.js';

export const cliText = {
  usage: () =>
    msg(`Usage: infomipyme-widgets validate FILE-OR-URL [--json] [--lang es|en]

Checks a feed before it is published: lists every problem with its place in the
file, then counts what is in the feed per section and per country.
Exits with 0 when the feed has no errors (warnings are allowed), 1 otherwise.`),
  unknownCommand: (command: string) => msg(str`Unknown command "${command}".`),
  cannotRead: (source: string, detail: string) => msg(str`Cannot read ${source}: ${detail}`),
  httpStatus: (source: string, status: number) => msg(str`${source} answered with error ${status}.`),
};

export interface ValidationReport {
  readonly ok: boolean;
  readonly source: string;
  readonly error?: string;
  readonly issues: readonly FeedIssue[];
  readonly summary?: FeedSummary;
}

export function buildReport(source: string, result: ParseFeedResult): ValidationReport {
  if (!result.ok) return { ok: false, source, error: result.error.message, issues: [] };
  const summary = summarizeFeed(result.feed, result.issues);
  return { ok: summary.errors === 0, source, issues: result.issues, summary };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd());
}

/** The report as lines for a terminal. */
export function formatReport(report: ValidationReport, result: ParseFeedResult, lang: string): string[] {
  const lines: string[] = [];
  if (!result.ok) {
    lines.push(msg(str`✗ ${report.source}: the feed cannot be used.`), `  ${report.error ?? ''}`);
    return lines;
  }
  const { feed } = result;
  const title = pickText(feed.title, lang) || msg('(no title)');
  lines.push(
    feed.updated
      ? msg(str`Feed: ${title} — format version ${feed.version}, ${feed.updated}`)
      : msg(str`Feed: ${title} — format version ${feed.version}`),
  );
  lines.push(msg(str`Source: ${report.source}`), '');

  if (report.issues.length > 0) {
    for (const issue of report.issues) {
      const label = issue.severity === 'error' ? msg('ERROR') : msg('warning');
      const id = issue.id ? ` (${issue.id})` : '';
      lines.push(`${label}  ${issue.path}${id}: ${issue.message}`);
    }
    lines.push('');
  }

  const summary = report.summary!;
  lines.push(msg('Items per section:'));
  lines.push(
    ...table([
      [msg('section'), msg('items')],
      ...FEED_SECTION_NAMES.map((name) => [name, String(summary.sections[name])]),
    ]).map((line) => `  ${line}`),
    '',
  );
  if (summary.countries.length > 0) {
    lines.push(msg('Per country (items without countries count for every country):'));
    lines.push(
      ...table([
        [msg('country'), 'tools', 'providers', 'cashflowTemplates', 'planOutlines', 'extraPay', 'taxRegimes', 'seasonPresets'],
        ...summary.countries.map((c) => [
          c.country,
          String(c.tools),
          String(c.providers),
          String(c.cashflowTemplates),
          String(c.planOutlines),
          String(c.extraPay),
          String(c.taxRegimes),
          String(c.seasonPresets),
        ]),
      ]).map((line) => `  ${line}`),
      '',
    );
  }
  if (summary.errors > 0) {
    lines.push(
      msg(
        str`✗ ${summary.errors} error(s) and ${summary.warnings} warning(s). Items with errors are left out of the widgets: fix them before publishing.`,
      ),
    );
  } else if (summary.warnings > 0) {
    lines.push(msg(str`✓ No errors; ${summary.warnings} warning(s) worth a look.`));
  } else {
    lines.push(msg('✓ No errors, no warnings.'));
  }
  return lines;
}
