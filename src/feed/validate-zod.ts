/**
 * The zod schemas of `schema.ts` as `parseFeed`'s validators: what the
 * validator CLI checks feeds with (it calls `checkWithZod()` at start), and
 * what tests/feed/validate-parity.test.ts holds the browser validator
 * (`validate-feed.ts`) to. Not imported by any widget: it brings zod with it.
 */
import type * as z from 'zod/mini';
import { describeIssue } from './messages.js';
import { feedMetaFields, feedSections } from './schema.js';
import { defaultFeedValidators, type FeedValidators } from './validate-feed.js';
import type { Validate } from './validate.js';

const errorMap: z.core.$ZodErrorMap = (issue) => describeIssue(issue);

/** One zod schema as a `Validate`: its messages are `messages.ts`'s (the schema's own, else `describeIssue`). */
export const zodValidator =
  (schema: z.ZodMiniType): Validate =>
  (value) => {
    const result = schema.safeParse(value, { error: errorMap });
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, issues: result.error.issues.map(({ path, message }) => ({ path, message })) };
  };

export const zodFeedValidators: FeedValidators = {
  meta: {
    title: zodValidator(feedMetaFields.title),
    updated: zodValidator(feedMetaFields.updated),
    publisher: zodValidator(feedMetaFields.publisher),
    languages: zodValidator(feedMetaFields.languages),
  },
  sections: {
    countries: zodValidator(feedSections.countries),
    topics: zodValidator(feedSections.topics),
    services: zodValidator(feedSections.services),
    publishers: zodValidator(feedSections.publishers),
    tools: zodValidator(feedSections.tools),
    providers: zodValidator(feedSections.providers),
    cashflowTemplates: zodValidator(feedSections.cashflowTemplates),
    planOutlines: zodValidator(feedSections.planOutlines),
  },
};

/** From now on, every `parseFeed` / `parseFeedText` of this program that is given no validators checks with zod. */
export function checkWithZod(): void {
  defaultFeedValidators.current = zodFeedValidators;
}
