/**
 * Guarded registration. Defining a tag that is already taken throws and would
 * abort the rest of a bundle; here it never does. When another copy of this
 * same version owns the tag, nothing is said; when a different version (or
 * another library) owns it, one warning names both.
 */
import { registry } from './registry.js';
import { VERSION } from './version.js';

export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const tags = registry().tags;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing === constructor) return;
    const owner = tags.get(tag);
    if (owner !== VERSION) warnTaken(tag, owner);
    return;
  }
  try {
    customElements.define(tag, constructor);
    tags.set(tag, VERSION);
  } catch (error) {
    console.warn(`infomipyme-widgets ${VERSION}: <${tag}> could not be defined.`, error);
  }
}

/** The one warning of a copy that finds a tag taken by another version (or another script). */
export function warnTaken(tag: string, owner: string | undefined): void {
  console.warn(
    `infomipyme-widgets ${VERSION}: <${tag}> is already defined by ${
      owner ? `infomipyme-widgets ${owner}` : 'another script'
    }; that definition is kept. Load the library only once per page.`,
  );
}
