import { expect } from '@open-wc/testing';
import { readStored, writeStored, STORAGE_PREFIX } from '../../src/shared/storage.js';

const name = () => `test.${Math.random().toString(36).slice(2)}`;
const asList = (data: unknown, version: number) =>
  version === 1 && Array.isArray(data) && data.every((x) => typeof x === 'string') ? (data as string[]) : undefined;

describe('versioned storage', () => {
  it('writes under the namespace and reads back with the time it was saved', () => {
    const key = name();
    expect(writeStored(key, 1, ['a', 'b'], () => 42)).to.deep.equal({ ok: true });
    expect(localStorage.getItem(STORAGE_PREFIX + key)).to.equal('{"v":1,"at":42,"data":["a","b"]}');
    expect(readStored(key, asList)).to.deep.equal({ status: 'ok', data: ['a', 'b'], savedAt: 42 });
    localStorage.removeItem(STORAGE_PREFIX + key);
  });

  it('says empty when nothing was saved', () => {
    expect(readStored(name(), asList)).to.deep.equal({ status: 'empty' });
  });

  const unreadable: Array<[string, string]> = [
    ['not JSON', '{oops'],
    ['no version', '{"data":["a"]}'],
    ['a newer version', '{"v":2,"data":["a"]}'],
    ['invalid data', '{"v":1,"data":[1,2]}'],
    ['null', 'null'],
  ];
  for (const [label, raw] of unreadable) {
    it(`keeps an unreadable value aside, never drops it: ${label}`, () => {
      const key = name();
      localStorage.setItem(STORAGE_PREFIX + key, raw);
      const result = readStored(key, asList, () => 7);
      expect(result).to.deep.equal({ status: 'unreadable', keptAs: `${STORAGE_PREFIX}${key}.unreadable.7` });
      expect(localStorage.getItem(`${STORAGE_PREFIX}${key}.unreadable.7`)).to.equal(raw);
      expect(localStorage.getItem(STORAGE_PREFIX + key)).to.equal(null);
      localStorage.removeItem(`${STORAGE_PREFIX}${key}.unreadable.7`);
    });
  }

  it('migrates an older version through the caller', () => {
    const key = name();
    localStorage.setItem(STORAGE_PREFIX + key, '{"v":0,"at":1,"data":"a,b"}');
    const migrate = (data: unknown, version: number) =>
      version === 0 && typeof data === 'string' ? data.split(',') : asList(data, version);
    expect(readStored(key, migrate)).to.deep.equal({ status: 'ok', data: ['a', 'b'], savedAt: 1 });
    localStorage.removeItem(STORAGE_PREFIX + key);
  });

  it('reports a full storage instead of throwing', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(writeStored(name(), 1, ['a'])).to.deep.equal({ ok: false, reason: 'full' });
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
