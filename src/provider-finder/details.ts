/**
 * A provider's details, as the finder's dialog shows them, and its vCard download. A lazy part
 * (see parts.ts): loaded the first time someone opens a provider's details, not with the widget.
 *
 * The element keeps the `<dialog>` and which provider is open; this module draws what is in it.
 */
import { checkedLongAgo } from '../shared/trust.js';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { formatDate } from '../shared/format.js';
import { costLabel, providerKindLabel } from '../shared/labels.js';
import { pickText } from '../feed/text.js';
import type { Provider } from '../feed/schema.js';
import type { ProviderResult } from './directory.js';
import { providerToVCard } from './vcard.js';

export interface DetailsContext {
  readonly result: ProviderResult;
  readonly lang: string;
  readonly locale: string;
  /** A service's name. */
  readonly serviceName: (id: string) => string;
  /** A region's name. */
  readonly regionName: (code: string | undefined) => string;
  /** The partner that published the record, as the feed names it ('' when unknown). */
  readonly publisherName: string;
  /** The contact links, as the list shows them. */
  readonly contacts: TemplateResult;
  readonly addToContacts: () => void;
  readonly close: () => void;
}

/** The dialog's content: name, description, the facts, the contact links, "Add to contacts" and "Close". */
export function renderDetails(c: DetailsContext): TemplateResult {
  const { provider } = c.result;
  const lang = c.lang;
  return html`<h2 id="details-title" tabindex="-1">${pickText(provider.name, lang)}</h2>
    ${provider.alternateName ? html`<p class="meta">${provider.alternateName}</p>` : nothing}
    ${provider.description ? html`<p class="description">${pickText(provider.description, lang)}</p>` : nothing}
    <dl>
      <dt>${msg('Kind of provider')}</dt><dd>${providerKindLabel(provider.kind)}</dd>
      ${provider.cost ? html`<dt>${msg('Cost')}</dt><dd>${costLabel(provider.cost)}</dd>` : nothing}
      ${provider.services.length ? html`<dt>${msg('Services')}</dt><dd>${provider.services.map(c.serviceName).join(', ')}</dd>` : nothing}
      ${provider.sectors.length ? html`<dt>${msg('Sectors')}</dt><dd>${provider.sectors.join(', ')}</dd>` : nothing}
      ${provider.regions?.length ? html`<dt>${msg('Serves')}</dt><dd>${provider.regions.map((r) => c.regionName(r)).join(', ')}</dd>` : nothing}
      ${provider.locations.length
        ? html`<dt>${msg('Offices')}</dt><dd>${provider.locations
            .map((l) => [pickText(l.name, lang), l.address?.address1, l.address?.city, l.address?.region ? c.regionName(l.address.region) : ''].filter(Boolean).join(', '))
            .join('\n')}</dd>`
        : nothing}
      ${provider.phones.length ? html`<dt>${msg('Phones')}</dt><dd>${provider.phones.map((p) => p.number).join('\n')}</dd>` : nothing}
      ${provider.email ? html`<dt>${msg('E-mail')}</dt><dd>${provider.email}</dd>` : nothing}
      ${provider.hours ? html`<dt>${msg('Hours')}</dt><dd>${pickText(provider.hours, lang)}</dd>` : nothing}
      ${c.publisherName ? html`<dt>${msg('Published by')}</dt><dd>${c.publisherName}</dd>` : nothing}
      ${provider.verified
        ? html`<dt>${msg('Checked by the network')}</dt><dd>${formatDate(provider.verified, c.locale)}${checkedLongAgo(provider.verified, Date.now())
            ? html` <strong class="stale">${msg('(over a year ago: confirm the details before you go)')}</strong>`
            : nothing}</dd>`
        : nothing}
    </dl>
    ${provider.example ? html`<p class="meta">${msg('This is an invented example provider, shown to illustrate the widget.')}</p>` : nothing}
    ${c.contacts}
    <div class="dialog-actions">
      <button class="button secondary" type="button" @click=${c.addToContacts}>${msg('Add to contacts')}</button>
      <button class="button" type="button" @click=${c.close}>${msg('Close')}</button>
    </div>`;
}

/** The provider's vCard file. */
export function vcardFile(provider: Provider, lang: string): Blob {
  return new Blob([providerToVCard(provider, lang)], { type: 'text/vcard' });
}
