/**
 * Contrast of the default themes (issue #10, WCAG 2.2 AA), computed from the tokens as a rendered
 * widget resolves them (src/styles/tokens.ts): text ≥ 4.5:1 on every surface it is drawn on, the
 * parts of controls that must be seen (input borders, focus ring, button fills) ≥ 3:1 (1.4.11).
 * A partner's own colours are the partner's: docs/embedding.md lists the tokens.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/toolbox-browser/toolbox-browser.js';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SURFACES = ['--_surface', '--_surface-alt'];
/** Text drawn on the surfaces: body, secondary, links and primary outlines, status texts. */
const TEXTS = ['--_text', '--_muted', '--_primary', '--_danger', '--_success', '--_warning'];
/** What must be seen of a control: its border, the focus ring, a button's fill. */
const UI = ['--_border', '--_focus', '--_primary'];

describe('contrast of the default themes (WCAG 2.2 AA)', () => {
  it('the ratio is computed as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).to.equal(21);
    expect(contrast('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text ≥ 4.5:1 on every surface, controls ≥ 3:1, the button's text on its fill ≥ 4.5:1`, async () => {
      const el = await fixture(html`<mipyme-toolbox-browser theme=${theme} .data=${{ version: 1, title: 'x' }}></mipyme-toolbox-browser>`);
      const token = (name: string) => getComputedStyle(el).getPropertyValue(name).trim();
      const failures: string[] = [];
      const check = (fg: string, bg: string, min: number) => {
        const ratio = contrast(token(fg), token(bg));
        if (ratio < min) failures.push(`${fg} ${token(fg)} on ${bg} ${token(bg)}: ${ratio.toFixed(2)} < ${min}`);
      };
      for (const bg of SURFACES) {
        for (const fg of TEXTS) check(fg, bg, 4.5);
        for (const fg of UI) check(fg, bg, 3);
      }
      check('--_on-primary', '--_primary', 4.5);
      expect(failures).to.deep.equal([]);
    });
  }
});
