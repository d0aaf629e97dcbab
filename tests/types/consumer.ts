/**
 * A developer's code, compiled against the published package (`dist/` through
 * package.json `exports`, as `npm install infomipyme-widgets` gives it), not
 * against `src/`. It fails to compile if a public type goes missing or loosens
 * to `any`. Checked by tests/node/types.test.mjs (`tsc -p tests/types`).
 */
import 'infomipyme-widgets/define';
import {
  MipymeBusinessPlanOutline,
  MipymeCashFlowCalculator,
  MipymeProviderFinder,
  MipymeToolboxBrowser,
  MipymeToolOpenEvent,
  configure,
  parseFeed,
  restrictToPublishers,
  type CashflowLineKind,
  type PublisherEntry,
  type ExtraPay,
  type Feed,
  type SeasonPreset,
  type TaxRegime,
  type Tool,
} from 'infomipyme-widgets';
import { parseFeed as parseInNode } from 'infomipyme-widgets/feed';
import { ToolboxBrowser } from 'infomipyme-widgets/react';

/** Compile-time equality: `true` only when A and B are the same type (and neither is `any`). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
const check = <T extends true>(): T => true as T;

// HTMLElementTagNameMap: createElement and querySelector know the classes.
const created = document.createElement('mipyme-toolbox-browser');
check<Equal<typeof created, MipymeToolboxBrowser>>();
const calculator = document.querySelector('mipyme-cash-flow-calculator');
check<Equal<typeof calculator, MipymeCashFlowCalculator | null>>();
check<Equal<HTMLElementTagNameMap['mipyme-business-plan-outline'], MipymeBusinessPlanOutline>>();
check<Equal<HTMLElementTagNameMap['mipyme-provider-finder'], MipymeProviderFinder>>();

// Common attributes and the data property are typed.
const toolbox = document.createElement('mipyme-toolbox-browser');
toolbox.country = 'GT';
toolbox.theme = 'dark';
check<Equal<IsAny<typeof toolbox.data>, false>>();

// GlobalEventHandlersEventMap: listeners get the event classes and their details.
document.addEventListener('mipyme-tool-open', (event) => {
  check<Equal<typeof event, MipymeToolOpenEvent>>();
  const id: string = event.detail.id;
  void id;
});
document.addEventListener('mipyme-cash-flow-change', (event) => {
  const cents: number = event.detail.fundingNeeded;
  check<Equal<IsAny<typeof event.detail>, false>>();
  void cents;
});
document.addEventListener('mipyme-provider-open', (event) => {
  check<Equal<typeof event.detail.action, 'details' | 'call' | 'whatsapp' | 'email' | 'website' | 'directions' | 'vcard' | 'share'>>();
  check<Equal<typeof event.detail.channel, 'download' | 'whatsapp' | 'email' | 'share' | undefined>>();
});
// Trust (#12): the publisher filter and the feed's publishers are typed.
toolbox.publisher = 'socio-sv';
toolbox.addEventListener('mipyme-feed-load', (event) => {
  const issues: number = event.detail.issueCount;
  void issues;
});
toolbox.addEventListener('mipyme-feed-error', (event) => {
  const message: string = event.detail.message;
  void message;
});
document.addEventListener('mipyme-plan-change', (event) => {
  check<Equal<IsAny<typeof event.detail>, false>>();
});

// The feed API and its types.
const result = parseFeed({ version: 1 });
if (result.ok) {
  const feed: Feed = result.feed;
  const tools: Tool[] = feed.tools;
  check<Equal<IsAny<Tool>, false>>();
  void tools;
  // Trust (#12): the partners that publish, and one partner's records.
  check<Equal<Feed['publishers'], PublisherEntry[]>>();
  check<Equal<Tool['publisher'], string | undefined>>();
  const theirs: Feed = restrictToPublishers(feed, ['socio-sv']);
  void theirs;
  // A country's data for the cash flow (#11): optional, typed.
  const [country] = feed.countries;
  check<Equal<typeof country.extraPay, ExtraPay[] | undefined>>();
  check<Equal<typeof country.taxRegimes, TaxRegime[] | undefined>>();
  check<Equal<typeof country.seasonPresets, SeasonPreset[] | undefined>>();
  check<Equal<TaxRegime['kind'], 'vat' | 'gross-sales' | 'fixed-fee'>>();
  check<Equal<NonNullable<TaxRegime['monthlyFee']>, number>>();
  check<Equal<SeasonPreset['high'], number[]>>();
  check<Equal<CashflowLineKind, 'sales' | 'other-in' | 'cost' | 'other-out' | 'wages' | 'extra-pay' | 'drawings' | 'tax'>>();
  check<Equal<NonNullable<Feed['cashflowTemplates'][number]['lines'][number]['kind']>, CashflowLineKind>>();
}
check<Equal<typeof parseInNode, typeof parseFeed>>();
configure({ feed: 'https://example.org/feed.json', lang: 'es', country: 'SV', theme: 'auto' });

// The React wrapper is a typed component.
check<Equal<IsAny<typeof ToolboxBrowser>, false>>();
