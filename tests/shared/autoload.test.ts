/**
 * The all-widgets file's autoloader (src/shared/autoload.ts): a widget's code loads when its tag
 * is on the page or added to it, a failure leaves a plain sentence and is retried when the
 * connection returns, and the first copy of the library on a page keeps its tags.
 * Tags here are this file's own, defined by fake importers.
 */
import { expect } from '@open-wc/testing';
import { loadWhenPresent } from '../../src/shared/autoload.js';
import { claims } from '../../src/shared/registry.js';
import { initLocalization } from '../../src/shared/locale.js';
import { VERSION } from '../../src/shared/version.js';
import { until } from '../helpers/until.js';

let serial = 0;
const fresh = () => `test-autoload-${++serial}-${Math.random().toString(36).slice(2, 7)}`;

/** An importer that defines `tag`, counting its calls; `failures` first calls reject. */
function importer(tag: string, failures = 0) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count++;
    if (calls.count <= failures) throw new Error(`offline (${tag})`);
    if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  };
  return { load, calls };
}

const placed: Element[] = [];
const place = (tag: string) => {
  const el = document.createElement(tag);
  document.body.append(el);
  placed.push(el);
  return el;
};

afterEach(() => {
  for (const el of placed.splice(0)) el.remove();
});

describe('autoload of the all-widgets file', () => {
  it('loads a tag already on the page at once, and one added later when it is added; never one not used', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    place(a);
    const [ia, ib, ic] = [importer(a), importer(b), importer(c)];
    const auto = loadWhenPresent({ [a]: ia.load, [b]: ib.load, [c]: ic.load }, { whenIdle: false });
    await customElements.whenDefined(a);
    expect([ia.calls.count, ib.calls.count, ic.calls.count]).to.deep.equal([1, 0, 0]);
    expect([...auto.pending].sort()).to.deep.equal([b, c].sort());

    const wrapper = document.createElement('section');
    wrapper.innerHTML = `<div><${b}></${b}></div>`;
    document.body.append(wrapper);
    placed.push(wrapper);
    await customElements.whenDefined(b);
    expect([ia.calls.count, ib.calls.count, ic.calls.count]).to.deep.equal([1, 1, 0]);
    expect([...auto.pending]).to.deep.equal([c]);
    auto.stop();
  });

  it('whenIdle loads the tags not on the page too (offline use, tags in shadow roots)', async () => {
    const [a, b] = [fresh(), fresh()];
    const [ia, ib] = [importer(a), importer(b)];
    const auto = loadWhenPresent({ [a]: ia.load, [b]: ib.load }, { whenIdle: true });
    await Promise.all([customElements.whenDefined(a), customElements.whenDefined(b)]);
    expect([ia.calls.count, ib.calls.count]).to.deep.equal([1, 1]);
    expect(auto.pending.size).to.equal(0);
  });

  it('a failed load says so in the tag, in the page language, and is tried again when the connection returns', async () => {
    await initLocalization('es');
    const tag = fresh();
    const el = place(tag);
    const { load, calls } = importer(tag, 1);
    const errors: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      loadWhenPresent({ [tag]: load }, { whenIdle: false });
      await until(() => el.hasAttribute('data-mipyme-failed'), 'the failure shown');
    } finally {
      console.error = error;
    }
    expect(el.getAttribute('role')).to.equal('status');
    expect(el.textContent).to.equal('No se pudo cargar esta herramienta. Revise su conexión; se intentará de nuevo automáticamente.');
    expect(String(errors[0])).to.contain(`<${tag}> could not be loaded`);

    window.dispatchEvent(new Event('online'));
    await customElements.whenDefined(tag);
    await until(() => !el.hasAttribute('data-mipyme-failed'), 'the message gone');
    expect(calls.count).to.equal(2);
    expect(el.textContent).to.equal('');
    expect(el.hasAttribute('role')).to.equal(false);
  });

  it('a tag claimed by another version is left to it, with the one warning; by this version, silently', async () => {
    const [other, same] = [fresh(), fresh()];
    claims().set(other, '9.9.9');
    claims().set(same, VERSION);
    place(other);
    place(same);
    const [io, is] = [importer(other), importer(same)];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    let auto;
    try {
      auto = loadWhenPresent({ [other]: io.load, [same]: is.load }, { whenIdle: false });
    } finally {
      console.warn = warn;
    }
    expect(auto.pending.size).to.equal(0);
    expect([io.calls.count, is.calls.count]).to.deep.equal([0, 0]);
    expect(warnings).to.deep.equal([
      `infomipyme-widgets ${VERSION}: <${other}> is already defined by infomipyme-widgets 9.9.9; that definition is kept. Load the library only once per page.`,
    ]);
  });

  it('claims the tags it will load, so a later copy leaves them alone', async () => {
    const tag = fresh();
    const auto = loadWhenPresent({ [tag]: importer(tag).load }, { whenIdle: false });
    expect(claims().get(tag)).to.equal(VERSION);
    auto.stop();
  });
});
