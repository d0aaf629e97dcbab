/**
 * One-tap contact actions for a provider, and its vCard ("add to contacts"), as the package
 * exports them. The code is in contact-links.ts (what the list shows) and vcard.ts (loaded by the
 * widget only when a card is asked for).
 */
export * from './contact-links.js';
export * from './vcard.js';
