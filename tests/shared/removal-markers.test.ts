import { expect } from '@open-wc/testing';
import {
  markRemoved,
  mergeRemoved,
  readRemoved,
  REMOVED_LIMIT,
  removedMap,
  survivesRemoval,
  tidyRemoved,
  withRemoved,
} from '../../src/shared/removal-markers.js';

const anyId = (id: string) => id !== '' && id.length <= 10;
const entries = (map: ReadonlyMap<string, number>) => Object.fromEntries(map);

describe('removal markers', () => {
  const reads: Array<{ label: string; value: unknown; expected: Record<string, number> }> = [
    { label: 'valid markers', value: { a: 1, b: 2 }, expected: { a: 1, b: 2 } },
    { label: 'bad times and ids are ignored', value: { a: 'x', b: -1, c: Infinity, d: 9e15, '': 3, 'toolongtoolong': 3, e: 4 }, expected: { e: 4 } },
    { label: 'not an object', value: 'a', expected: {} },
    { label: 'a list', value: [1, 2], expected: {} },
    { label: 'null', value: null, expected: {} },
  ];
  for (const { label, value, expected } of reads) {
    it(`readRemoved: ${label}`, () => expect(entries(readRemoved(value, anyId))).to.deep.equal(expected));
  }

  it('readRemoved takes own properties only: a __proto__ key is plain data, nothing is polluted', () => {
    const read = readRemoved(JSON.parse('{"__proto__": 3, "a": 1}'), anyId);
    expect([...read]).to.deep.equal([['__proto__', 3], ['a', 1]]);
    expect(({} as Record<string, unknown>)['a']).to.equal(undefined);
  });

  it('markRemoved and mergeRemoved keep the later time for an id', () => {
    expect(entries(markRemoved(new Map([['a', 5]]), 'a', 3))).to.deep.equal({ a: 5 });
    expect(entries(markRemoved(new Map([['a', 5]]), 'a', 7))).to.deep.equal({ a: 7 });
    expect(entries(mergeRemoved({ a: 2, b: 9 }, { a: 6, c: 1 }))).to.deep.equal({ a: 6, b: 9, c: 1 });
    expect(entries(mergeRemoved(undefined, undefined))).to.deep.equal({});
  });

  const survives: Array<{ label: string; updatedAt: number; expected: boolean }> = [
    { label: 'older than the removal: goes', updatedAt: 3, expected: false },
    { label: 'the removed copy itself: goes', updatedAt: 4, expected: false },
    { label: 'changed after the removal: stays', updatedAt: 5, expected: true },
  ];
  for (const { label, updatedAt, expected } of survives) {
    it(`survivesRemoval: ${label}`, () => expect(survivesRemoval(new Map([['a', 4]]), 'a', updatedAt)).to.equal(expected));
  }
  it('survivesRemoval: no marker, stays', () => expect(survivesRemoval(new Map(), 'a', 0)).to.equal(true));

  it('tidyRemoved drops markers of ids present, and is undefined when none is left', () => {
    expect(tidyRemoved(new Map([['a', 1], ['b', 2]]), ['a'])).to.deep.equal({ b: 2 });
    expect(tidyRemoved(new Map([['a', 1]]), ['a'])).to.equal(undefined);
  });

  it(`tidyRemoved keeps the newest ${REMOVED_LIMIT}`, () => {
    const many = new Map(Array.from({ length: REMOVED_LIMIT + 20 }, (_, i) => [`m${i}`, i] as const));
    const kept = tidyRemoved(many, [])!;
    expect(Object.keys(kept)).to.have.length(REMOVED_LIMIT);
    expect(kept['m0']).to.equal(undefined);
    expect(kept[`m${REMOVED_LIMIT + 19}`]).to.equal(REMOVED_LIMIT + 19);
  });

  it('removedMap keeps times only; withRemoved adds `removed` only when there is one', () => {
    expect(entries(removedMap({ a: 1, b: Number.NaN }))).to.deep.equal({ a: 1 });
    expect(withRemoved({ x: 1 }, undefined)).to.deep.equal({ x: 1 });
    expect(withRemoved({ x: 1 }, {})).to.deep.equal({ x: 1 });
    expect(withRemoved({ x: 1 }, { a: 2 })).to.deep.equal({ x: 1, removed: { a: 2 } });
  });
});
