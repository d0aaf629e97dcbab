/**
 * <mipyme-feed-check>: the page a partner webmaster uses before publishing a
 * feed — give an address, a file, or pasted text; see every problem with its
 * place in the file, and what the widgets will show per country.
 *
 * Demo only (not part of the library's bundles); it uses the library's public
 * feed API, exactly as the validator CLI does.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  FEED_SECTION_NAMES,
  FeedLoadError,
  feedIndexJson,
  fetchFeedText,
  mergeFeedParts,
  parseFeedIndex,
  parseFeedPartText,
  parseFeedText,
  pickText,
  summarizeFeed,
  type FeedPart,
  type ParseFeedResult,
} from '../../src/feed/index.js';
import { initLocalization, pageLanguage } from '../../src/shared/locale.js';
import { defineElement } from '../../src/shared/define.js';

/** One part of a feed split by country, as checked: its errors and warnings, or why it cannot be used. */
interface PartCheck {
  readonly name: string;
  readonly url: string;
  readonly errors: number;
  readonly warnings: number;
  readonly failure?: string | undefined;
}

type Check =
  | { readonly status: 'idle' }
  | { readonly status: 'checking'; readonly source: string }
  | { readonly status: 'failed'; readonly source: string; readonly message: string }
  | { readonly status: 'done'; readonly source: string; readonly result: ParseFeedResult; readonly parts?: readonly PartCheck[] };

/**
 * A feed split by country (docs/feed.md §9): the index, then every part it lists, each checked as
 * a feed; the result is the parts merged (what a page without a country would show), every issue
 * named with its part.
 */
async function checkIndex(source: string, json: unknown): Promise<Check> {
  const indexUrl = new URL(source, document.baseURI).href;
  const read = parseFeedIndex(json, indexUrl);
  if (!read.ok) return { status: 'failed', source, message: read.error.message };
  const { index } = read;
  const links = [
    { name: 'shared', url: index.shared.url },
    ...Object.entries(index.countries).map(([name, link]) => ({ name, url: link.url })),
  ];
  const parts: PartCheck[] = [];
  const usable: FeedPart[] = [];
  await Promise.all(
    links.map(async (link, at) => {
      try {
        const { text } = await fetchFeedText(link.url);
        const parsed = parseFeedPartText(text);
        if (parsed.isIndex || !parsed.result.ok) {
          const failure = parsed.result.ok ? msg('It is a feed index; a part must be an ordinary feed.') : parsed.result.error.message;
          parts[at] = { name: link.name, url: link.url, errors: 0, warnings: 0, failure };
          return;
        }
        const { issues } = parsed.result;
        parts[at] = {
          name: link.name,
          url: link.url,
          errors: issues.filter((issue) => issue.severity === 'error').length,
          warnings: issues.filter((issue) => issue.severity === 'warning').length,
        };
        usable[at] = { url: link.url, feed: parsed.result.feed, issues, positions: parsed.positions };
      } catch (error) {
        const failure = error instanceof FeedLoadError ? error.message : String(error);
        parts[at] = { name: link.name, url: link.url, errors: 0, warnings: 0, failure };
      }
    }),
  );
  const merged = mergeFeedParts(usable.filter(Boolean));
  const issues = [
    ...read.issues,
    ...merged.issues.map(({ part, ...issue }) => ({ ...issue, path: `${part.split('/').pop() ?? part} › ${issue.path}` })),
  ];
  return { status: 'done', source, result: { ok: true, feed: merged.feed, issues }, parts };
}

/** An index's parts are found by their addresses: a file or pasted text has none. */
const indexNotHere = () =>
  msg(
    'This is the index of a feed split by country: its parts are found by their addresses. Check it by its published address above, or run npx infomipyme-widgets validate index.json in the folder of its parts.',
  );

@localized()
export class MipymeFeedCheck extends LitElement {
  static override styles = css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .base {
      font: 16px/1.5 system-ui, sans-serif;
      color: #1d2430;
      text-transform: none;
      letter-spacing: normal;
    }
    fieldset {
      border: 1px solid #c9d1dc;
      border-radius: 8px;
      padding: 12px 16px;
      margin: 0 0 16px;
    }
    legend {
      font-weight: 600;
      padding: 0 4px;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 8px 0 4px;
    }
    .row {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    input[type='url'],
    textarea {
      flex: 1 1 240px;
      font: inherit;
      padding: 8px;
      border: 1px solid #8a96a8;
      border-radius: 6px;
      min-height: 24px;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      min-height: 120px;
      font-family: ui-monospace, monospace;
      font-size: 14px;
    }
    button {
      font: inherit;
      padding: 8px 16px;
      min-height: 44px;
      border-radius: 6px;
      border: 1px solid #0b5cab;
      background: #0b5cab;
      color: #fff;
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible,
    textarea:focus-visible {
      outline: 3px solid #f2a900;
      outline-offset: 2px;
    }
    .verdict {
      font-size: 1.15em;
      font-weight: 700;
      padding: 12px 16px;
      border-radius: 8px;
      margin: 16px 0;
    }
    .verdict.good {
      background: #e3f4e8;
      color: #14532d;
    }
    .verdict.bad {
      background: #fde8e8;
      color: #7f1d1d;
    }
    .verdict.warn {
      background: #fff4d6;
      color: #5c3c00;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin: 8px 0 16px;
      font-size: 15px;
    }
    th,
    td {
      text-align: start;
      border-bottom: 1px solid #dde3ea;
      padding: 6px 8px;
      vertical-align: top;
    }
    td.path {
      font-family: ui-monospace, monospace;
      font-size: 14px;
      overflow-wrap: anywhere;
    }
    .scroll {
      overflow-x: auto;
    }
  `;

  /** Check the address at once when the element connects (the demo's home page). */
  @property({ type: Boolean }) auto = false;

  @state() private check: Check = { status: 'idle' };
  @state() private url = new URL('feed.json', document.baseURI).href;
  @state() private pasted = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void initLocalization();
    const fromQuery = new URLSearchParams(location.search).get('url');
    if (fromQuery) this.url = fromQuery;
    if (this.auto || fromQuery) void this.checkUrl();
  }

  private async checkUrl(event?: Event): Promise<void> {
    event?.preventDefault();
    const source = this.url.trim();
    this.check = { status: 'checking', source };
    try {
      const { text } = await fetchFeedText(source);
      const index = feedIndexJson(text);
      this.check = index ? await checkIndex(source, index) : { status: 'done', source, result: parseFeedText(text) };
    } catch (error) {
      const message = error instanceof FeedLoadError ? error.message : String(error);
      this.check = { status: 'failed', source, message };
    }
  }

  private async checkFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.check = { status: 'checking', source: file.name };
    try {
      const text = await file.text();
      this.check = feedIndexJson(text)
        ? { status: 'failed', source: file.name, message: indexNotHere() }
        : { status: 'done', source: file.name, result: parseFeedText(text) };
    } catch {
      this.check = { status: 'failed', source: file.name, message: msg('The file could not be read.') };
    }
  }

  private checkPasted(): void {
    this.check = feedIndexJson(this.pasted)
      ? { status: 'failed', source: msg('pasted text'), message: indexNotHere() }
      : { status: 'done', source: msg('pasted text'), result: parseFeedText(this.pasted) };
  }

  private renderResult() {
    const { check } = this;
    if (check.status === 'idle') return nothing;
    if (check.status === 'checking') {
      return html`<p class="verdict">${msg(str`Checking ${check.source}…`)}</p>`;
    }
    if (check.status === 'failed') {
      return html`<p class="verdict bad">${check.message}</p>`;
    }
    const { result, source } = check;
    if (!result.ok) {
      return html`<div class="verdict bad">
        ${msg(str`${source}: the feed cannot be used.`)}<br />${result.error.message}
      </div>`;
    }
    const lang = pageLanguage();
    const summary = summarizeFeed(result.feed, result.issues);
    const verdict =
      summary.errors > 0
        ? html`<div class="verdict bad">
            ${msg(
              str`${summary.errors} error(s) and ${summary.warnings} warning(s): items with errors will not be shown. Fix them before publishing.`,
            )}
          </div>`
        : summary.warnings > 0
          ? html`<div class="verdict warn">
              ${msg(str`No errors; ${summary.warnings} warning(s) worth a look.`)}
            </div>`
          : html`<div class="verdict good">${msg('No errors, no warnings: ready to publish.')}</div>`;
    const parts = check.parts;
    const partsFailed = parts?.filter((part) => part.failure !== undefined) ?? [];
    return html`
      ${partsFailed.length > 0
        ? html`<div class="verdict bad">
            ${msg(str`${partsFailed.length} part(s) of this split feed cannot be used: the pages that need them show an error.`)}
          </div>`
        : verdict}
      ${parts
        ? html`<h3>${msg('A feed split by country: its parts')}</h3>
            <div class="scroll">
              <table class="parts">
                <thead>
                  <tr>
                    <th scope="col">${msg('Part')}</th>
                    <th scope="col">${msg('Address')}</th>
                    <th scope="col">${msg('Result')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${parts.map(
                    (part) => html`<tr>
                      <th scope="row">${part.name}</th>
                      <td class="path">${part.url}</td>
                      <td>
                        ${part.failure !== undefined
                          ? part.failure
                          : part.errors + part.warnings === 0
                            ? msg('✓ valid')
                            : msg(str`${part.errors} error(s), ${part.warnings} warning(s)`)}
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            <p>${msg('Below: the parts together, as a page without a country sees them.')}</p>`
        : nothing}
      <p>
        <strong>${pickText(result.feed.title, lang) || msg('(no title)')}</strong>
        — ${msg(str`format version ${result.feed.version}`)}${result.feed.updated ? `, ${result.feed.updated}` : ''}
      </p>
      ${result.issues.length > 0
        ? html`<h3>${msg('Problems')}</h3>
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${msg('Kind')}</th>
                    <th scope="col">${msg('Where')}</th>
                    <th scope="col">${msg('What to do')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${result.issues.slice(0, 500).map(
                    (issue) => html`<tr>
                      <td>${issue.severity === 'error' ? msg('Error') : msg('Warning')}</td>
                      <td class="path">${issue.path}${issue.id ? ` (${issue.id})` : ''}</td>
                      <td>${issue.message}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : nothing}
      <h3>${msg('What the feed contains')}</h3>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              ${FEED_SECTION_NAMES.map((name) => html`<th scope="col">${name}</th>`)}
            </tr>
          </thead>
          <tbody>
            <tr>
              ${FEED_SECTION_NAMES.map((name) => html`<td>${summary.sections[name]}</td>`)}
            </tr>
          </tbody>
        </table>
      </div>
      ${summary.countries.length > 0
        ? html`<h3>${msg('Per country')}</h3>
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${msg('Country')}</th>
                    <th scope="col">tools</th>
                    <th scope="col">providers</th>
                    <th scope="col">cashflowTemplates</th>
                    <th scope="col">planOutlines</th>
                  </tr>
                </thead>
                <tbody>
                  ${summary.countries.map(
                    (row) => html`<tr>
                      <th scope="row">${row.country}</th>
                      <td>${row.tools}</td>
                      <td>${row.providers}</td>
                      <td>${row.cashflowTemplates}</td>
                      <td>${row.planOutlines}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : nothing}
    `;
  }

  override render() {
    return html`<div class="base">
      <form @submit=${this.checkUrl}>
        <fieldset>
          <legend>${msg('Check a published feed')}</legend>
          <label for="url">${msg('Feed address (URL)')}</label>
          <div class="row">
            <input
              id="url"
              type="url"
              required
              .value=${this.url}
              @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)}
            />
            <button type="submit">${msg('Check')}</button>
          </div>
        </fieldset>
      </form>
      <fieldset>
        <legend>${msg('Or check a file before publishing it')}</legend>
        <label for="file">${msg('Feed file (.json)')}</label>
        <input id="file" type="file" accept=".json,application/json" @change=${this.checkFile} />
        <label for="paste">${msg('Or paste the feed')}</label>
        <textarea
          id="paste"
          spellcheck="false"
          .value=${this.pasted}
          @input=${(e: Event) => (this.pasted = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <button type="button" @click=${this.checkPasted} ?disabled=${this.pasted.trim() === ''}>
          ${msg('Check pasted text')}
        </button>
      </fieldset>
      <div aria-live="polite">${this.renderResult()}</div>
    </div>`;
  }
}

defineElement('mipyme-feed-check', MipymeFeedCheck);

declare global {
  interface HTMLElementTagNameMap {
    'mipyme-feed-check': MipymeFeedCheck;
  }
}
