/**
 * Every sentence the feed contract says to a person (a webmaster reading the
 * validator, the feed-check page or a widget's error view). Written for people
 * who publish a feed, not for programmers; translated through `msg()`.
 *
 * Messages are built when an issue is reported, so they follow the page's
 * current language.
 */
import { msg, str } from '@lit/localize';

export type MessageKey =
  | 'id'
  | 'country-code'
  | 'region-code'
  | 'language-code'
  | 'localized'
  | 'localized-empty'
  | 'web-url'
  | 'email'
  | 'phone'
  | 'date'
  | 'currency'
  | 'money'
  | 'flow';

export function message(key: MessageKey): string {
  switch (key) {
    case 'id':
      return msg(
        'Use an id of letters, digits, dots, colons, dashes or underscores (up to 80), starting with a letter or digit.',
      );
    case 'country-code':
      return msg('Use a two-letter country code in capitals (ISO 3166-1), such as "GT".');
    case 'region-code':
      return msg('Use a region code such as "GT-01" (ISO 3166-2).');
    case 'language-code':
      return msg('Use a language code such as "es" or "es-SV".');
    case 'localized':
      return msg('Write a text, or an object with one text per language, such as {"es": "…", "en": "…"}.');
    case 'localized-empty':
      return msg('Give the text in at least one language.');
    case 'web-url':
      return msg('Only complete web addresses starting with https:// or http:// are allowed.');
    case 'email':
      return msg('This is not a valid e-mail address.');
    case 'phone':
      return msg('Write the phone number with digits only, optionally with + and the country code.');
    case 'date':
      return msg('Write the date as YYYY-MM-DD, such as 2026-03-31.');
    case 'currency':
      return msg('Use a three-letter currency code (ISO 4217), such as "USD" or "GTQ".');
    case 'money':
      return msg('Write amounts with at most two decimals.');
    case 'flow':
      return msg('Write "in" for money coming in or "out" for money going out.');
  }
}

/** The shape of a zod issue this module reads (kept loose to stay version-proof). */
export interface RawIssue {
  readonly code?: string;
  readonly expected?: string;
  readonly input?: unknown;
  readonly origin?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly message?: string;
}

function kindOf(value: unknown): string {
  if (value === null) return msg('nothing (null)');
  if (Array.isArray(value)) return msg('a list');
  switch (typeof value) {
    case 'string':
      return msg('a text');
    case 'number':
      return msg('a number');
    case 'boolean':
      return msg('true/false');
    case 'object':
      return msg('an object');
    default:
      return msg('something else');
  }
}

function expectedName(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return msg('a text');
    case 'number':
    case 'int':
      return msg('a number');
    case 'boolean':
      return msg('true or false');
    case 'array':
      return msg('a list');
    case 'object':
    case 'record':
      return msg('an object');
    default:
      return msg('another kind of value');
  }
}

/**
 * Per-parse error map: turns a zod issue into a sentence. Messages given on a
 * schema itself (the `message()` keys above) take precedence over this.
 */
export function describeIssue(issue: RawIssue): string {
  const max = Number(issue.maximum);
  const min = Number(issue.minimum);
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return msg('This field is required.');
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' && typeof issue.input === 'number') {
        return msg('Must be a whole number.');
      }
      return msg(str`Expected ${expectedName(issue.expected)}, found ${kindOf(issue.input)}.`, {
        desc: 'Both values are phrases like "a text", "a number", "a list".',
      });
    case 'too_big':
      if (issue.origin === 'string') return msg(str`Too long: at most ${max} characters.`);
      if (issue.origin === 'array') return msg(str`Too many entries: at most ${max}.`);
      return msg(str`Must be at most ${max}.`);
    case 'too_small':
      if (issue.origin === 'string') return msg('Must not be empty.');
      if (issue.origin === 'array') {
        return min === 1 ? msg('Needs at least one entry.') : msg(str`Needs at least ${min} entries.`);
      }
      return msg(str`Must be at least ${min}.`);
    case 'invalid_value': {
      const values = (issue.values ?? []).map((value) => JSON.stringify(value)).join(', ');
      return msg(str`Must be one of: ${values}.`);
    }
    case 'invalid_union':
      return msg('Has a value of the wrong kind.');
    case 'invalid_key':
      return msg('Has a key that is not allowed here.');
    case 'invalid_format':
      return msg('Has the wrong format.');
    default:
      return msg('Has a value that is not valid.');
  }
}

// ---------------------------------------------------------------- parse-level messages

export const feedText = {
  empty: () => msg('The feed is empty: the server sent no content. Check that the file was uploaded and its address.'),
  notJson: (detail: string) =>
    msg(str`The feed is not valid JSON (${detail}). Check the file with a JSON validator.`, {
      desc: 'detail is the parser message, in English.',
    }),
  notObject: (found: unknown) =>
    msg(str`The feed must be a JSON object ({ … }), but it is ${kindOf(found)}.`),
  versionMissing: () =>
    msg('The feed has no "version". Add "version": 1 at the top of the file.'),
  versionInvalid: () => msg('The feed\'s "version" must be a number, such as 1.'),
  versionNewer: (found: number, supported: number) =>
    msg(
      str`This feed uses format version ${found}, which is newer than these widgets understand (version ${supported}). Update the widgets to the latest release.`,
    ),
  sectionNotList: (section: string) =>
    msg(str`"${section}" must be a list ([ … ]), but it is not. Check the brackets around this section.`),
  sectionTooLong: (section: string, max: number) =>
    msg(str`"${section}" has more than ${max} entries; only the first ${max} were read.`),
  tooDeep: () => msg('Nested too deeply; the item was dropped.'),
  duplicateId: (id: string) =>
    msg(str`Another item in this section already uses the id "${id}"; this one was dropped.`),
  duplicateInList: (id: string) => msg(str`An earlier entry of this list already uses the id "${id}"; this one was left out.`),
  unknownCountry: (code: string) =>
    msg(str`Country "${code}" is not declared in the feed's "countries"; the item was dropped.`),
  unknownRegion: (code: string) =>
    msg(str`Region "${code}" is not a region of the item's countries; it was ignored.`),
  unknownTopic: (topicId: string) =>
    msg(str`Topic "${topicId}" is not declared in the feed's "topics"; it was ignored.`),
  unknownService: (serviceId: string) =>
    msg(str`Service "${serviceId}" is not declared in the feed's "services"; it was ignored.`),
  unknownPublisher: (publisherId: string) =>
    msg(str`Publisher "${publisherId}" is not declared in the feed's "publishers"; it was ignored.`),
  unknownProvider: (providerId: string) =>
    msg(str`Provider "${providerId}" is not in the feed's "providers"; the link was ignored.`),
  unknownTool: (toolId: string) =>
    msg(str`Tool "${toolId}" is not in the feed's "tools"; the link was ignored.`),
  unknownTemplate: (templateId: string) =>
    msg(str`Cash-flow template "${templateId}" is not in the feed's "cashflowTemplates"; the link was ignored.`),
  unknownOutline: (outlineId: string) =>
    msg(str`Plan outline "${outlineId}" is not in the feed's "planOutlines"; the link was ignored.`),
  unknownValue: (value: string, used: string) =>
    msg(str`"${value}" is not a known value here; it was read as ${used}.`, {
      desc: 'used is a quoted value or the phrase "not given".',
    }),
  notGiven: () => msg('not given'),
  entriesIgnored: (ignored: number, total: number) =>
    msg(str`${ignored} of ${total} entries were not valid and were left out.`),
  metaDropped: () => msg('This top-level field was ignored.'),
  unexpected: (detail: string) =>
    msg(str`The feed could not be read because of an unexpected problem (${detail}).`),
};
