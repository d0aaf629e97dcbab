// The documentation's screenshots (docs/img/, made by `npm run screenshots`): all 16 are
// there, are real PNG files of the right width, stay small, and the gallery shows them.
// No browser here: this only reads the committed files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const WIDGETS = ['toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder'];
const THEMES = ['light', 'dark'];
const WIDTHS = [360, 1024];
const MAX_HEIGHT = 1800;
const MAX_BYTES = 150 * 1024;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const shots = WIDGETS.flatMap((widget) =>
  THEMES.flatMap((theme) => WIDTHS.map((width) => ({ widget, theme, width, name: `${widget}-${theme}-${width}.png` }))),
);
const url = (path) => new URL(`../../${path}`, import.meta.url);

/** Width and height from the IHDR chunk, which must come first. */
function ihdr(png) {
  assert.ok(png.length > 33, 'too short for a PNG');
  assert.ok(png.subarray(0, 8).equals(SIGNATURE), 'PNG signature');
  assert.equal(png.readUInt32BE(8), 13, 'IHDR length');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR', 'first chunk is IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('16 screenshots: one per widget, theme and width', () => {
  assert.equal(shots.length, 16);
  const missing = shots.filter((shot) => !existsSync(url(`docs/img/${shot.name}`))).map((shot) => shot.name);
  assert.deepEqual(missing, [], 'run `npm run screenshots`');
});

for (const shot of shots) {
  test(`${shot.name} is a PNG as wide as its viewport (or the widget in it)`, () => {
    const png = readFileSync(url(`docs/img/${shot.name}`));
    const { width, height } = ihdr(png);
    assert.ok(width > 0 && width <= shot.width, `width ${width} for a ${shot.width} px viewport`);
    assert.ok(width === shot.width || width >= shot.width - 40, `width ${width}: the widget should fill the viewport`);
    assert.ok(height > 100 && height <= MAX_HEIGHT, `height ${height}`);
    assert.ok(png.length <= MAX_BYTES, `${(png.length / 1024).toFixed(1)} KB: keep committed images under ${MAX_BYTES / 1024} KB`);
    assert.equal(png.toString('latin1', png.length - 8, png.length - 4), 'IEND', 'ends with IEND');
  });
}

test('docs/screenshots.md shows every screenshot and says how to make them again', () => {
  const gallery = readFileSync(url('docs/screenshots.md'), 'utf8');
  for (const shot of shots) {
    assert.match(gallery, new RegExp(`!\\[[^\\]]+\\]\\(img/${shot.name.replace(/\./g, '\\.')}\\)`), `${shot.name} shown with alt text`);
  }
  assert.match(gallery, /npm run screenshots/);
});

test("each widget's page shows its light 360 px and dark 1024 px screenshots", () => {
  for (const widget of WIDGETS) {
    const page = readFileSync(url(`docs/${widget}.md`), 'utf8');
    for (const name of [`${widget}-light-360.png`, `${widget}-dark-1024.png`]) {
      assert.ok(page.includes(`](img/${name})`), `docs/${widget}.md shows ${name}`);
    }
  }
});
