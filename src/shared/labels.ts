/**
 * Names of the feed's vocabularies, for people. Whole words through `msg()`;
 * called at render time so they follow the page's language.
 */
import { msg } from '@lit/localize';
import type { Audience, Cost, Level, ProviderKind, ToolFormat, ToolType } from '../feed/schema.js';

export function toolTypeLabel(type: ToolType): string {
  switch (type) {
    case 'guide':
      return msg('Guide');
    case 'template':
      return msg('Template');
    case 'calculator':
      return msg('Calculator');
    case 'course':
      return msg('Course');
    case 'video':
      return msg('Video');
    case 'checklist':
      return msg('Checklist');
    case 'article':
      return msg('Article');
    case 'toolkit':
      return msg('Toolkit');
    case 'webinar':
      return msg('Webinar');
    case 'podcast':
      return msg('Podcast');
    case 'other':
      return msg('Other');
  }
}

export function toolFormatLabel(format: ToolFormat): string {
  switch (format) {
    case 'web':
      return msg('Web page');
    case 'pdf':
      return msg('PDF');
    case 'document':
      return msg('Document');
    case 'spreadsheet':
      return msg('Spreadsheet');
    case 'slides':
      return msg('Slides');
    case 'video':
      return msg('Video');
    case 'audio':
      return msg('Audio');
    case 'online-course':
      return msg('Online course');
    case 'in-person':
      return msg('In person');
    case 'app':
      return msg('App');
    case 'other':
      return msg('Other format');
  }
}

export function levelLabel(level: Level): string {
  switch (level) {
    case 'basic':
      return msg('Basic');
    case 'intermediate':
      return msg('Intermediate');
    case 'advanced':
      return msg('Advanced');
  }
}

export function audienceLabel(audience: Audience): string {
  switch (audience) {
    case 'entrepreneur':
      return msg('Entrepreneurs');
    case 'advisor':
      return msg('Advisors');
  }
}

export function providerKindLabel(kind: ProviderKind): string {
  switch (kind) {
    case 'public':
      return msg('Public institution');
    case 'private':
      return msg('Private company');
    case 'ngo':
      return msg('NGO');
    case 'chamber':
      return msg('Chamber or association');
    case 'training':
      return msg('Training centre');
    case 'finance':
      return msg('Financial institution');
    case 'university':
      return msg('University');
    case 'cooperative':
      return msg('Cooperative');
    case 'international':
      return msg('International body');
    case 'other':
      return msg('Other');
  }
}

export function costLabel(cost: Cost): string {
  switch (cost) {
    case 'free':
      return msg('Free');
    case 'subsidised':
      return msg('Subsidised');
    case 'paid':
      return msg('Paid');
  }
}

/** A language's own name in the UI language (`es` → "español"), via Intl. */
export function languageLabel(code: string, uiLanguage: string): string {
  try {
    const names = new Intl.DisplayNames([uiLanguage], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
