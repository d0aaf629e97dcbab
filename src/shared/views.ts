/**
 * The views every widget shows around its content: loading, feed error with a
 * retry button, and the discreet offline note. Texts in plain words, for the
 * entrepreneur (the webmaster's details go to the console and the error event).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FeedLoadError, FeedSnapshot } from '../feed/load.js';
import { formatDate } from './format.js';
import type { Feed } from '../feed/schema.js';
import { trustText } from './trust.js';

export const viewStyles = css`
  .loading {
    display: grid;
    align-content: start;
    gap: 0.75em;
    padding: 1em;
    /* The host is then exactly the reserved height (every widget's .base is padded 0.75 × space). */
    min-height: calc(var(--_loading-height) - var(--_space) * 1.5);
  }
  .skeleton {
    height: 1em;
    border-radius: 0.25em;
    background: linear-gradient(90deg, var(--_surface-alt) 0%, var(--_border-soft) 50%, var(--_surface-alt) 100%);
    background-size: 200% 100%;
    animation: mipyme-shimmer 1.4s ease-in-out infinite;
  }
  .skeleton.short {
    width: 40%;
  }
  .skeleton.block {
    height: 4.5em;
  }
  @keyframes mipyme-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  .error {
    padding: 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.75em;
    justify-items: start;
  }
  .error-title {
    margin: 0;
    font-weight: 700;
    color: var(--_danger);
  }
  .error-detail {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .offline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .link-button {
    background: none;
    border: none;
    padding: 0.25em;
    min-height: 1.5em;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
    font-weight: 600;
  }
`;

/** A skeleton of `rows` result rows, announced as loading. */
export function renderLoading(rows = 3): TemplateResult {
  return html`<div class="loading" part="loading" role="status" aria-live="polite">
    <span class="visually-hidden">${msg('Loading…')}</span>
    ${Array.from(
      { length: rows },
      () => html`<div aria-hidden="true">
        <div class="skeleton short"></div>
        <div class="skeleton block"></div>
      </div>`,
    )}
  </div>`;
}

/** The feed could not be loaded: a plain message, the technical reason, and a retry button. */
export function renderError(error: FeedLoadError, retry: () => void): TemplateResult {
  const canRetry = error.code !== 'no-url' && error.code !== 'bad-url';
  return html`<div class="error" part="error" role="alert">
    <p class="error-title">${msg('The information could not be loaded.')}</p>
    <p class="error-detail">${error.message}</p>
    ${canRetry
      ? html`<button class="button" type="button" @click=${retry}>${msg('Try again')}</button>`
      : nothing}
  </div>`;
}

/** The cached copy is shown because the network failed: say from when, offer a retry. */
export function renderOffline(snapshot: FeedSnapshot, locale: string, retry: () => void): TemplateResult | typeof nothing {
  if (!snapshot.offline) return nothing;
  const date = formatDate(snapshot.fetchedAt, locale, 'long');
  return html`<p class="offline" part="offline" role="status">
    <span>${msg(str`No connection: showing the information saved on ${date}.`)}</span>
    <button class="link-button" type="button" @click=${retry}>${msg('Try again')}</button>
  </p>`;
}

/**
 * The page asks for partners the feed does not declare (`publisher="…"`, most likely a typo):
 * said in plain words where the records would be, and in the console for the webmaster.
 */
export function renderUnknownPublisher(ids: readonly string[]): TemplateResult {
  const list = ids.map((id) => `"${id}"`).join(', ');
  return html`<p class="offline" part="publisher-problem" role="status">
    ${msg(str`This page asks for the records of ${list}, which the information feed does not list among its publishers: check the publisher attribute.`)}
  </p>`;
}

/** Who published a record and when the network last checked it (#12, part `trust`); nothing when the feed says neither. */
export function renderTrust(
  feed: Pick<Feed, 'publishers'> | undefined,
  record: { readonly publisher?: string | undefined; readonly verified?: string | undefined },
  lang: string,
  locale: string,
): TemplateResult | typeof nothing {
  const text = trustText(feed, record, lang, locale);
  return text ? html`<p class="meta trust" part="trust">${text}</p>` : nothing;
}
