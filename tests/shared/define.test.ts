import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/shared/define.js';
import { registry } from '../../src/shared/registry.js';
import { VERSION } from '../../src/shared/version.js';

function captureWarnings(run: () => void): unknown[][] {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => calls.push(args);
  try {
    run();
  } finally {
    console.warn = original;
  }
  return calls;
}

let n = 0;
const tag = () => `test-define-${++n}-${Math.random().toString(36).slice(2, 7)}`;

describe('defineElement', () => {
  it('defines a tag and records the version that owns it', () => {
    const name = tag();
    class A extends HTMLElement {}
    defineElement(name, A);
    expect(customElements.get(name)).to.equal(A);
    expect(registry().tags.get(name)).to.equal(VERSION);
  });

  it('is silent when the same or another copy of this version already defined it', () => {
    const name = tag();
    class A extends HTMLElement {}
    class SameVersionCopy extends HTMLElement {}
    defineElement(name, A);
    const warnings = captureWarnings(() => {
      defineElement(name, A);
      defineElement(name, SameVersionCopy);
    });
    expect(warnings).to.deep.equal([]);
    expect(customElements.get(name)).to.equal(A);
  });

  it('warns, naming both versions, when a different version owns the tag, and never throws', () => {
    const name = tag();
    class Old extends HTMLElement {}
    customElements.define(name, Old);
    registry().tags.set(name, '0.0.1');
    class New extends HTMLElement {}
    const warnings = captureWarnings(() => expect(() => defineElement(name, New)).not.to.throw());
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain(`infomipyme-widgets ${VERSION}`).and.contain('infomipyme-widgets 0.0.1');
    expect(customElements.get(name)).to.equal(Old);
  });

  it('warns when another script owns the tag', () => {
    const name = tag();
    customElements.define(name, class extends HTMLElement {});
    const warnings = captureWarnings(() => defineElement(name, class extends HTMLElement {}));
    expect(String(warnings[0]![0])).to.contain('another script');
  });
});
