/**
 * "Take my plan to an advisor" (#12), as the finder's dialog shows it. A lazy part (see parts.ts):
 * loaded the first time the owner opens it from a provider's card, with the plan and projection
 * stores and the printable plan, none of which the finder needs otherwise.
 *
 * Nothing leaves the device until the owner asks: the dialog shows what would be shared (the
 * list of contents, the message word for word, the file itself in a preview), and only a click on
 * "Download the file", WhatsApp, e-mail or the device's share sheet sends anything anywhere.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Feed, PlanOutline, Provider } from '../feed/schema.js';
import { pickText } from '../feed/text.js';
import { loadPlans } from '../business-plan-outline/plan-store.js';
import { planProgress, type PlanDocument } from '../business-plan-outline/plan-core.js';
import { loadDrafts, type Draft } from '../cash-flow-calculator/drafts.js';
import { formatNumber } from '../shared/format.js';
import { buildSharePackage, shareLinks, type SharePackage } from './advisor-share.js';

/** What the owner saved on this device that can be shared: plans whose outline the feed has, and projections. */
export interface SavedWork {
  readonly plans: ReadonlyArray<{ readonly document: PlanDocument; readonly outline: PlanOutline }>;
  readonly drafts: readonly Draft[];
  /** What is chosen at first: the plan she worked on last, and the projection it names (else her last one). */
  readonly planId: string;
  readonly draftId: string;
}

/** Reads the plans and projections saved on this device (most recently changed first). */
export function loadSavedWork(feed: Feed): SavedWork {
  const plansStore = loadPlans().store;
  const outlines = new Map(feed.planOutlines.map((outline) => [outline.id, outline]));
  const plans = [...plansStore.plans]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .flatMap((document) => {
      const outline = outlines.get(document.outlineId);
      return outline ? [{ document, outline }] : [];
    });
  const drafts = [...loadDrafts().store.drafts].sort((a, b) => b.updatedAt - a.updatedAt);
  const plan = plans.find((p) => p.document.id === plansStore.activeId) ?? plans[0];
  const named = plan?.document.cashFlowId ? drafts.find((d) => d.id === plan.document.cashFlowId) : undefined;
  return { plans, drafts, planId: plan?.document.id ?? '', draftId: (named ?? drafts[0])?.id ?? '' };
}

export interface ShareDialogContext {
  readonly provider: Provider;
  readonly lang: string;
  readonly locale: string;
  /** The calling code of the finder's country, for a WhatsApp number written without one. */
  readonly callingCode: string | undefined;
  readonly saved: SavedWork;
  /** The plan and projection chosen ('' for none). */
  readonly planId: string;
  readonly draftId: string;
  readonly choose: (which: 'plan' | 'draft', id: string) => void;
  /** The owner asked to send it this way (the element saves the file, or just counts the link). */
  readonly send: (channel: 'download' | 'whatsapp' | 'email' | 'share', pkg: SharePackage) => void;
  /** Whether the device can share the file itself (Web Share with files). */
  readonly canShareFiles: boolean;
  readonly close: () => void;
}

let cache: { key: string; saved: SavedWork; pkg: SharePackage | undefined } | undefined;

/** The package for the current choice (made again only when the choice or the provider changes). */
export function packageFor(c: Pick<ShareDialogContext, 'provider' | 'lang' | 'locale' | 'saved' | 'planId' | 'draftId'>): SharePackage | undefined {
  const key = [c.provider.id, c.lang, c.locale, c.planId, c.draftId].join('\n');
  if (cache?.key === key && cache.saved === c.saved) return cache.pkg;
  const plan = c.saved.plans.find((p) => p.document.id === c.planId);
  const draft = c.saved.drafts.find((d) => d.id === c.draftId);
  const pkg = buildSharePackage(
    { plan: plan ? { outline: plan.outline, document: plan.document } : undefined, draft },
    { lang: c.lang, locale: c.locale, now: Date.now(), providerName: pickText(c.provider.name, c.lang) },
  );
  cache = { key, saved: c.saved, pkg };
  return pkg;
}

/** The file to download or share. */
export function shareFile(pkg: SharePackage): File {
  return new File([pkg.html], pkg.fileName, { type: 'text/html' });
}

/** The dialog's content: what to share, the preview, and the ways to send it. */
export function renderShare(c: ShareDialogContext): TemplateResult {
  const name = pickText(c.provider.name, c.lang);
  const { plans, drafts } = c.saved;
  const title = html`<h2 id="share-title" tabindex="-1">${msg(str`Send my plan to ${name}`)}</h2>`;
  if (plans.length === 0 && drafts.length === 0) {
    return html`${title}
      <p class="share-empty" part="share-empty">${msg('There is no business plan or cash-flow projection saved on this device yet. Start one with the business plan or cash-flow tools of this site, then come back here to send it.')}</p>
      <div class="dialog-actions"><button class="button" type="button" @click=${c.close}>${msg('Close')}</button></div>`;
  }
  const pkg = packageFor(c);
  const links = pkg ? shareLinks(c.provider, pkg, { callingCode: c.callingCode }) : {};
  return html`${title}
    <p class="meta">${msg('Nothing is sent until you choose how to send it below. Check what will be shared first.')}</p>
    <div class="share-choices">
      ${plans.length > 0
        ? html`<div class="field">
            <label class="field-label" for="share-plan">${msg('Business plan')}</label>
            <select id="share-plan" @change=${(e: Event) => c.choose('plan', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${c.planId === ''}>${msg('Do not send a plan')}</option>
              ${plans.map(({ document, outline }) => {
                const progress = planProgress(outline, document.answers);
                const answered = formatNumber(progress.answered, c.locale);
                const total = formatNumber(progress.total, c.locale);
                return html`<option value=${document.id} ?selected=${document.id === c.planId}>${msg(str`${document.name} (${answered} of ${total} answered)`)}</option>`;
              })}
            </select>
          </div>`
        : nothing}
      ${drafts.length > 0
        ? html`<div class="field">
            <label class="field-label" for="share-draft">${msg('Cash-flow projection')}</label>
            <select id="share-draft" @change=${(e: Event) => c.choose('draft', (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${c.draftId === ''}>${msg('Do not send a projection')}</option>
              ${drafts.map((draft) => html`<option value=${draft.id} ?selected=${draft.id === c.draftId}>${draft.name}</option>`)}
            </select>
          </div>`
        : nothing}
    </div>
    ${pkg ? renderPreview(c, pkg, links) : html`<p class="share-empty" part="share-empty" role="status">${msg('Choose a plan or a projection to send.')}</p>`}
    <div class="dialog-actions">
      <button class="button secondary" type="button" @click=${c.close}>${msg('Close')}</button>
    </div>`;
}

function renderPreview(c: ShareDialogContext, pkg: SharePackage, links: { readonly whatsapp?: string; readonly email?: string }): TemplateResult {
  const name = pickText(c.provider.name, c.lang);
  return html`<section class="share-preview" part="share-preview" aria-labelledby="share-what">
      <h3 id="share-what">${msg('What will be shared')}</h3>
      <ul class="share-contents">
        ${pkg.contents.map((line) => html`<li>${line}</li>`)}
      </ul>
      <h3>${msg('The message')}</h3>
      <p class="share-message" part="share-message">${pkg.summary}</p>
      <details class="share-file">
        <summary>${msg(str`See the file (${pkg.fileName})`)}</summary>
        <iframe sandbox="" title=${msg(str`Preview of ${pkg.fileName}`)} srcdoc=${pkg.html}></iframe>
      </details>
    </section>
    <div class="share-actions" part="share-actions">
      <button class="button" type="button" @click=${() => c.send('download', pkg)}>${msg('Download the file')}</button>
      ${c.canShareFiles
        ? html`<button class="button secondary" type="button" @click=${() => c.send('share', pkg)}>${msg('Share the file…')}</button>`
        : nothing}
      ${links.whatsapp
        ? html`<a class="button secondary" href=${links.whatsapp} target="_blank" rel="noopener noreferrer" @click=${() => c.send('whatsapp', pkg)}
            >${msg('Send the message by WhatsApp')}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
          >`
        : nothing}
      ${links.email
        ? html`<a class="button secondary" href=${links.email} @click=${() => c.send('email', pkg)}>${msg('Send the message by e-mail')}</a>`
        : nothing}
    </div>
    <p class="meta">
      ${links.whatsapp || links.email
        ? msg('WhatsApp and e-mail cannot attach the file by themselves: download it first, then attach it to the message.')
        : msg(str`${name} has no WhatsApp or e-mail in this directory: download the file and take it, or send it your own way.`)}
    </p>`;
}
