import { expect } from '@open-wc/testing';
import {
  DRAFTS_STORAGE_NAME,
  DRAFTS_VERSION,
  duplicateDraft,
  loadDrafts,
  mergeDrafts,
  newDraftId,
  removeDraft,
  renameDraft,
  saveDrafts,
  upsertDraft,
  type Draft,
  type DraftStore,
} from '../../src/cash-flow-calculator/drafts.js';
import type { CashFlowPlan } from '../../src/cash-flow-calculator/projection.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';

const KEY = STORAGE_PREFIX + DRAFTS_STORAGE_NAME;

const plan: CashFlowPlan = {
  currency: 'USD',
  startMonth: '2026-01',
  months: 2,
  openingBalance: -5000,
  safetyMinimum: 0,
  lines: [{ id: 'sales', label: 'Ventas', flow: 'in', group: 'operations', preStart: 0, amounts: [100, 200] }],
};

const draft = (id: string, updatedAt = 1, extra: Partial<Draft> = {}): Draft =>
  Object.freeze({ id, name: `Proyección ${id}`, plan, createdAt: 1, updatedAt, ...extra });
const store = (ids: string[], activeId: string | undefined = ids[0]): DraftStore =>
  Object.freeze({ drafts: Object.freeze(ids.map((id) => draft(id))), activeId });
const ids = (s: DraftStore) => s.drafts.map((d) => d.id);

// ------------------------------------------------------------ pure list operations

describe('upsertDraft', () => {
  const rows: Array<{ label: string; from: DraftStore; draft: Draft; ids: string[]; name: string }> = [
    { label: 'appends a new draft', from: store(['a', 'b']), draft: draft('c', 5), ids: ['a', 'b', 'c'], name: 'Proyección c' },
    { label: 'replaces by id, in place', from: store(['a', 'b', 'c']), draft: draft('b', 5, { name: 'Nueva' }), ids: ['a', 'b', 'c'], name: 'Nueva' },
    { label: 'into an empty store', from: store([]), draft: draft('a'), ids: ['a'], name: 'Proyección a' },
  ];
  for (const row of rows) {
    it(`${row.label}; it becomes active`, () => {
      const result = upsertDraft(row.from, row.draft);
      expect(ids(result)).to.deep.equal(row.ids);
      expect(result.activeId).to.equal(row.draft.id);
      expect(result.drafts.find((d) => d.id === row.draft.id)?.name).to.equal(row.name);
    });
  }
});

describe('removeDraft', () => {
  const rows: Array<{ label: string; from: DraftStore; id: string; ids: string[]; active: string | undefined }> = [
    { label: 'the active one in the middle: the next becomes active', from: store(['a', 'b', 'c'], 'b'), id: 'b', ids: ['a', 'c'], active: 'c' },
    { label: 'the active first one', from: store(['a', 'b', 'c'], 'a'), id: 'a', ids: ['b', 'c'], active: 'b' },
    { label: 'the active last one: the previous becomes active', from: store(['a', 'b', 'c'], 'c'), id: 'c', ids: ['a', 'b'], active: 'b' },
    { label: 'the only one', from: store(['a'], 'a'), id: 'a', ids: [], active: undefined },
    { label: 'another one: the active one stays', from: store(['a', 'b', 'c'], 'c'), id: 'a', ids: ['b', 'c'], active: 'c' },
    { label: 'a missing id: nothing changes', from: store(['a', 'b'], 'b'), id: 'zz', ids: ['a', 'b'], active: 'b' },
  ];
  for (const row of rows) {
    it(row.label, () => {
      const result = removeDraft(row.from, row.id);
      expect(ids(result)).to.deep.equal(row.ids);
      expect(result.activeId).to.equal(row.active);
    });
  }
});

describe('duplicateDraft', () => {
  it('copies right after the source, changed now, never exported, and makes it active', () => {
    const from = Object.freeze({ drafts: Object.freeze([draft('a', 1, { exportedAt: 3 }), draft('b')]), activeId: 'b' });
    const result = duplicateDraft(from, 'a', 'a2', 'Copia de a', 99);
    expect(ids(result)).to.deep.equal(['a', 'a2', 'b']);
    expect(result.activeId).to.equal('a2');
    expect(result.drafts[1]).to.deep.equal({ id: 'a2', name: 'Copia de a', plan, createdAt: 99, updatedAt: 99 });
  });

  const unchanged: Array<{ label: string; id: string; newId: string }> = [
    { label: 'a missing source', id: 'zz', newId: 'c' },
    { label: 'a new id that is taken', id: 'a', newId: 'b' },
  ];
  for (const { label, id, newId } of unchanged) {
    it(`leaves the store as it is for ${label}`, () => {
      const from = store(['a', 'b']);
      expect(duplicateDraft(from, id, newId, 'x', 5)).to.equal(from);
    });
  }

  it('cuts a name to 120 characters', () => {
    expect(duplicateDraft(store(['a']), 'a', 'b', 'n'.repeat(500), 5).drafts[1]?.name).to.equal('n'.repeat(120));
  });
});

describe('renameDraft', () => {
  const rows: Array<{ label: string; name: string; expected: string }> = [
    { label: 'a plain name', name: 'Temporada alta', expected: 'Temporada alta' },
    { label: 'an empty name', name: '', expected: '' },
    { label: 'a name of 200 characters', name: 'x'.repeat(200), expected: 'x'.repeat(120) },
    { label: 'an emoji cut at the limit', name: `${'x'.repeat(119)}😀`, expected: 'x'.repeat(119) },
  ];
  for (const { label, name, expected } of rows) {
    it(`${label}: new name, changed now, order and active unchanged`, () => {
      const result = renameDraft(store(['a', 'b'], 'a'), 'b', name, 42);
      expect(result.drafts[1]).to.deep.equal({ id: 'b', name: expected, plan, createdAt: 1, updatedAt: 42 });
      expect(result.drafts[0]).to.deep.equal(draft('a'));
      expect(result.activeId).to.equal('a');
    });
  }

  it('leaves the store as it is for a missing id', () => {
    const from = store(['a']);
    expect(renameDraft(from, 'zz', 'x', 1)).to.equal(from);
  });
});

describe('mergeDrafts: two tabs, never lose the newer text', () => {
  const rows: Array<{ label: string; mine: DraftStore; stored: DraftStore; expected: DraftStore }> = [
    {
      label: 'the stored draft is newer: it wins',
      mine: { drafts: [draft('a', 1, { name: 'mío' })], activeId: 'a' },
      stored: { drafts: [draft('a', 2, { name: 'otra pestaña' })], activeId: 'a' },
      expected: { drafts: [draft('a', 2, { name: 'otra pestaña' })], activeId: 'a' },
    },
    {
      label: 'this tab’s draft is newer: it wins',
      mine: { drafts: [draft('a', 3, { name: 'mío' })], activeId: 'a' },
      stored: { drafts: [draft('a', 2, { name: 'otra pestaña' })], activeId: 'a' },
      expected: { drafts: [draft('a', 3, { name: 'mío' })], activeId: 'a' },
    },
    {
      label: 'a tie keeps this tab’s',
      mine: { drafts: [draft('a', 2, { name: 'mío' })], activeId: 'a' },
      stored: { drafts: [draft('a', 2, { name: 'otra pestaña' })], activeId: 'a' },
      expected: { drafts: [draft('a', 2, { name: 'mío' })], activeId: 'a' },
    },
    {
      label: 'drafts on one side only are kept: mine first, then the stored ones',
      mine: { drafts: [draft('b'), draft('a')], activeId: 'b' },
      stored: { drafts: [draft('c'), draft('a'), draft('d')], activeId: 'c' },
      expected: { drafts: [draft('b'), draft('a'), draft('c'), draft('d')], activeId: 'b' },
    },
    {
      label: 'the later export is kept with the newer text',
      mine: { drafts: [draft('a', 5, { name: 'mío' })], activeId: 'a' },
      stored: { drafts: [draft('a', 4, { exportedAt: 4 })], activeId: 'a' },
      expected: { drafts: [draft('a', 5, { name: 'mío', exportedAt: 4 })], activeId: 'a' },
    },
    {
      label: 'an empty tab takes what is stored, and its active draft',
      mine: { drafts: [], activeId: undefined },
      stored: { drafts: [draft('a'), draft('b')], activeId: 'b' },
      expected: { drafts: [draft('a'), draft('b')], activeId: 'b' },
    },
    {
      label: 'an active id that no longer exists falls back to the first',
      mine: { drafts: [draft('a')], activeId: 'gone' },
      stored: { drafts: [], activeId: undefined },
      expected: { drafts: [draft('a')], activeId: 'a' },
    },
  ];
  for (const { label, mine, stored, expected } of rows) {
    it(label, () => expect(mergeDrafts(mine, stored)).to.deep.equal(expected));
  }
});

describe('createdAt: when the projection was started', () => {
  const from = (): DraftStore => Object.freeze({ drafts: Object.freeze([draft('a', 5, { createdAt: 2 }), draft('b', 6, { createdAt: 3 })]), activeId: 'a' });
  const createdAt = (s: DraftStore, id: string) => s.drafts.find((d) => d.id === id)?.createdAt;
  const rows: Array<{ label: string; change: (s: DraftStore) => DraftStore; id: string; expected: number }> = [
    { label: 'survives a rename', change: (s) => renameDraft(s, 'a', 'Otro nombre', 50), id: 'a', expected: 2 },
    { label: 'survives an edit (the element’s upsert of the changed draft)', change: (s) => upsertDraft(s, { ...s.drafts[0]!, plan: { ...plan, months: 2 }, updatedAt: 60 }), id: 'a', expected: 2 },
    { label: 'survives an export (upsert with exportedAt)', change: (s) => upsertDraft(s, { ...s.drafts[1]!, exportedAt: 70 }), id: 'b', expected: 3 },
    { label: 'is now for a duplicate', change: (s) => duplicateDraft(s, 'a', 'a2', 'Copia', 80), id: 'a2', expected: 80 },
    { label: 'stays on the source of a duplicate', change: (s) => duplicateDraft(s, 'a', 'a2', 'Copia', 80), id: 'a', expected: 2 },
    { label: 'is the earlier of two tabs’ copies when the other is newer', change: (s) => mergeDrafts(s, { drafts: [draft('a', 9, { createdAt: 1 })], activeId: 'a' }), id: 'a', expected: 1 },
    { label: 'is the earlier of two tabs’ copies when this one is newer', change: (s) => mergeDrafts({ drafts: [draft('a', 9, { createdAt: 4 })], activeId: 'a' }, s), id: 'a', expected: 2 },
  ];
  for (const { label, change, id, expected } of rows) {
    it(label, () => expect(createdAt(change(from()), id)).to.equal(expected));
  }

  it('a merge keeps the newer text with the earlier creation and the later export', () => {
    const mine: DraftStore = { drafts: [draft('a', 9, { name: 'mío', createdAt: 5, exportedAt: 3 })], activeId: 'a' };
    const stored: DraftStore = { drafts: [draft('a', 4, { name: 'otra', createdAt: 2, exportedAt: 8 })], activeId: 'a' };
    expect(mergeDrafts(mine, stored)).to.deep.equal({ drafts: [draft('a', 9, { name: 'mío', createdAt: 2, exportedAt: 8 })], activeId: 'a' });
  });
});

describe('removal markers: a deleted projection does not come back from another tab', () => {
  it('removeDraft leaves a marker with the draft’s updatedAt', () => {
    const result = removeDraft(store(['a', 'b']), 'b');
    expect(result).to.deep.equal({ drafts: [draft('a')], activeId: 'a', removed: { b: 1 } });
  });

  it('a missing id leaves no marker', () => {
    expect(removeDraft(store(['a']), 'zz')).to.deep.equal(store(['a']));
  });

  it('a draft added again clears its marker (upsert, duplicate onto the id)', () => {
    const removed = removeDraft(removeDraft(store(['a', 'b', 'c']), 'a'), 'c');
    expect(removed.removed).to.deep.equal({ a: 1, c: 1 });
    expect(upsertDraft(removed, draft('a', 7)).removed).to.deep.equal({ c: 1 });
    expect(duplicateDraft(removed, 'b', 'c', 'Copia', 9).removed).to.deep.equal({ a: 1 });
    expect(upsertDraft(upsertDraft(removed, draft('a', 7)), draft('c', 7))).to.deep.equal({
      drafts: [draft('b'), draft('a', 7), draft('c', 7)],
      activeId: 'c',
    });
  });

  it('a rename keeps the markers', () => {
    expect(renameDraft(removeDraft(store(['a', 'b']), 'a'), 'b', 'x', 5).removed).to.deep.equal({ a: 1 });
  });

  const rows: Array<{ label: string; mine: DraftStore; stored: DraftStore; expected: DraftStore }> = [
    {
      label: 'removed in this tab, the other tab’s older copy is stored: gone',
      mine: removeDraft({ drafts: [draft('a', 4), draft('b')], activeId: 'a' }, 'a'),
      stored: { drafts: [draft('a', 4), draft('b')], activeId: 'a' },
      expected: { drafts: [draft('b')], activeId: 'b', removed: { a: 4 } },
    },
    {
      label: 'removed in another tab (the marker is stored), this tab’s copy is no newer: gone',
      mine: { drafts: [draft('a', 4), draft('b')], activeId: 'a' },
      stored: { drafts: [draft('b')], activeId: 'b', removed: { a: 4 } },
      expected: { drafts: [draft('b')], activeId: 'b', removed: { a: 4 } },
    },
    {
      label: 'the other tab edited it after the removal: kept, never lose newer text, and its marker goes',
      mine: { drafts: [draft('b')], activeId: 'b', removed: { a: 4 } },
      stored: { drafts: [draft('a', 5, { name: 'editada después' }), draft('b')], activeId: 'a' },
      expected: { drafts: [draft('b'), draft('a', 5, { name: 'editada después' })], activeId: 'b' },
    },
    {
      label: 'this tab edited it after the other tab removed it: kept',
      mine: { drafts: [draft('a', 9)], activeId: 'a' },
      stored: { drafts: [], activeId: undefined, removed: { a: 4, b: 3 } },
      expected: { drafts: [draft('a', 9)], activeId: 'a', removed: { b: 3 } },
    },
    {
      label: 'the markers of both sides are kept, the later time for an id on both',
      mine: { drafts: [draft('c')], activeId: 'c', removed: { a: 2, b: 7 } },
      stored: { drafts: [draft('c')], activeId: 'c', removed: { a: 6, b: 1 } },
      expected: { drafts: [draft('c')], activeId: 'c', removed: { a: 6, b: 7 } },
    },
    {
      label: 'markers for ids present on both sides are tidied away',
      mine: { drafts: [draft('a', 5)], activeId: 'a', removed: { a: 3 } },
      stored: { drafts: [draft('a', 5)], activeId: 'a', removed: { a: 4 } },
      expected: { drafts: [draft('a', 5)], activeId: 'a' },
    },
  ];
  for (const { label, mine, stored, expected } of rows) {
    it(label, () => expect(mergeDrafts(mine, stored)).to.deep.equal(expected));
  }
});

describe('newDraftId', () => {
  const sequence = (values: number[]) => {
    let i = 0;
    return () => values[i++ % values.length]!;
  };
  const rows: Array<{ label: string; random: () => number; expected: string }> = [
    { label: 'all zeros', random: () => 0, expected: 'd-000000000000' },
    { label: 'almost one', random: () => 0.9999999, expected: 'd-zzzzzzzzzzzz' },
    { label: 'a broken source returning 1', random: () => 1, expected: 'd-zzzzzzzzzzzz' },
    { label: 'a sequence', random: sequence([0, 0.5, 10.5 / 36]), expected: 'd-0ia0ia0ia0ia' },
  ];
  for (const { label, random, expected } of rows) {
    it(`${label} → ${expected}`, () => expect(newDraftId(random)).to.equal(expected));
  }

  it('is unique and well formed by default', () => {
    const made = new Set(Array.from({ length: 1000 }, () => newDraftId()));
    expect(made.size).to.equal(1000);
    for (const id of made) expect(id).to.match(/^d-[0-9a-z]{12}$/);
  });
});

// ------------------------------------------------------------ local storage

describe('loadDrafts / saveDrafts in localStorage', () => {
  let before: string | null = null;
  const ours = () => {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && (key === KEY || key.startsWith(`${KEY}.unreadable.`) || key.startsWith(`${KEY}.v1.`))) keys.push(key);
    }
    return keys;
  };
  beforeEach(() => {
    before = localStorage.getItem(KEY);
    for (const key of ours()) localStorage.removeItem(key);
  });
  afterEach(() => {
    for (const key of ours()) localStorage.removeItem(key);
    if (before !== null) localStorage.setItem(KEY, before);
  });

  const raw = (data: unknown, v = DRAFTS_VERSION) => JSON.stringify({ v, at: 1, data });

  it('starts empty, with no problem', () => {
    expect(loadDrafts()).to.deep.equal({ store: { drafts: [], activeId: undefined } });
  });

  it('saves under the namespaced key and reads back exactly', () => {
    const saved: DraftStore = { drafts: [draft('a', 10, { exportedAt: 11 }), draft('b', 12)], activeId: 'b' };
    expect(saveDrafts(saved, () => 7)).to.deep.equal({ ok: true });
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.include({ v: 2, at: 7 });
    expect(loadDrafts()).to.deep.equal({ store: saved });
  });

  const unreadable: Array<{ label: string; value: string }> = [
    { label: 'not JSON', value: '{oops' },
    { label: 'a newer version', value: raw({ drafts: [draft('a')], activeId: 'a', future: true }, 3) },
    { label: 'an unknown version', value: raw({ drafts: [draft('a')], activeId: 'a' }, 0) },
    { label: 'drafts that are not a list', value: raw({ drafts: 'a' }) },
    { label: 'no data', value: raw(null) },
  ];
  for (const { label, value } of unreadable) {
    it(`keeps ${label} aside, never overwrites it`, () => {
      localStorage.setItem(KEY, value);
      const result = loadDrafts(() => 7);
      expect(result).to.deep.equal({ store: { drafts: [], activeId: undefined }, problem: 'unreadable', keptAs: `${KEY}.unreadable.7` });
      expect(localStorage.getItem(`${KEY}.unreadable.7`)).to.equal(value);
      expect(saveDrafts({ drafts: [draft('new')], activeId: 'new' })).to.deep.equal({ ok: true });
      expect(localStorage.getItem(`${KEY}.unreadable.7`)).to.equal(value);
    });
  }

  const badDrafts: Array<{ label: string; bad: unknown }> = [
    { label: 'an invalid plan', bad: { ...draft('x'), plan: { ...plan, months: 99 } } },
    { label: 'amounts that are not integers', bad: { ...draft('x'), plan: { ...plan, lines: [{ ...plan.lines[0], amounts: [1.5, 2] }] } } },
    { label: 'no id', bad: { name: 'x', plan, updatedAt: 1 } },
    { label: 'a name of 500 characters', bad: { ...draft('x'), name: 'x'.repeat(500) } },
    { label: 'no time', bad: { id: 'x', name: 'x', plan } },
    { label: 'a creation time that is not a time', bad: { ...draft('x'), createdAt: 'ayer' } },
    { label: 'a negative creation time', bad: { ...draft('x'), createdAt: -1 } },
    { label: 'a string', bad: 'x' },
  ];
  for (const { label, bad } of badDrafts) {
    it(`reports a draft with ${label}, keeps the whole store aside, then drops it`, () => {
      const original = raw({ drafts: [draft('a'), bad, draft('b')], activeId: 'b' });
      localStorage.setItem(KEY, original);
      const result = loadDrafts(() => 9);
      expect(result).to.deep.equal({
        store: { drafts: [draft('a'), draft('b')], activeId: 'b' },
        problem: 'unreadable',
        keptAs: `${KEY}.unreadable.9`,
        dropped: 1,
      });
      const kept = JSON.parse(localStorage.getItem(`${KEY}.unreadable.9`)!) as { data: unknown };
      expect(kept.data).to.deep.equal(JSON.parse(original).data);
      expect(loadDrafts()).to.deep.equal({ store: { drafts: [draft('a'), draft('b')], activeId: 'b' } });
    });
  }

  it('keeps the newer of two stored drafts with one id', () => {
    localStorage.setItem(KEY, raw({ drafts: [draft('a', 1, { name: 'viejo' }), draft('a', 2, { name: 'nuevo' })], activeId: 'a' }));
    const result = loadDrafts(() => 3);
    expect(result.store).to.deep.equal({ drafts: [draft('a', 2, { name: 'nuevo' })], activeId: 'a' });
    expect(result).to.deep.include({ problem: 'unreadable', dropped: 1 });
  });

  it('falls back to the first draft when the active one is missing', () => {
    localStorage.setItem(KEY, raw({ drafts: [draft('a'), draft('b')], activeId: 'gone' }));
    expect(loadDrafts()).to.deep.equal({ store: { drafts: [draft('a'), draft('b')], activeId: 'a' } });
  });

  it('drops unknown fields of a stored draft and plan', () => {
    localStorage.setItem(KEY, raw({ drafts: [{ ...draft('a'), color: 'red', plan: { ...plan, extra: 1 } }], activeId: 'a' }));
    expect(loadDrafts()).to.deep.equal({ store: { drafts: [draft('a')], activeId: 'a' } });
  });

  it('leaves the stored value in place when it cannot keep an invalid draft aside', () => {
    const original = raw({ drafts: [draft('a'), { bad: true }], activeId: 'a' });
    localStorage.setItem(KEY, original);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    let result: ReturnType<typeof loadDrafts>;
    try {
      result = loadDrafts(() => 5);
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(result).to.deep.equal({ store: { drafts: [draft('a')], activeId: 'a' }, problem: 'unreadable', keptAs: undefined, dropped: 1 });
    expect(localStorage.getItem(KEY)).to.equal(original);
  });

  it('says unavailable when storage is blocked', () => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    let result: ReturnType<typeof loadDrafts>;
    try {
      result = loadDrafts();
    } finally {
      Storage.prototype.getItem = getItem;
    }
    expect(result).to.deep.equal({ store: { drafts: [], activeId: undefined }, problem: 'unavailable' });
  });

  const failures: Array<{ label: string; error: DOMException; reason: 'full' | 'unavailable' }> = [
    { label: 'full', error: new DOMException('full', 'QuotaExceededError'), reason: 'full' },
    { label: 'blocked', error: new DOMException('blocked', 'SecurityError'), reason: 'unavailable' },
  ];
  for (const { label, error, reason } of failures) {
    it(`reports ${reason} when saving to a ${label} storage, keeping what was saved before`, () => {
      saveDrafts({ drafts: [draft('a')], activeId: 'a' });
      const previous = localStorage.getItem(KEY);
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw error;
      };
      let result: ReturnType<typeof saveDrafts>;
      try {
        result = saveDrafts({ drafts: [draft('b')], activeId: 'b' });
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(result).to.deep.equal({ ok: false, reason });
      expect(localStorage.getItem(KEY)).to.equal(previous);
    });
  }

  it('merges with what another tab saved', () => {
    saveDrafts({ drafts: [draft('a', 5, { name: 'otra pestaña' }), draft('c')], activeId: 'c' });
    const mine: DraftStore = { drafts: [draft('a', 2, { name: 'mío' }), draft('b', 3)], activeId: 'b' };
    const merged = mergeDrafts(mine, loadDrafts().store);
    expect(merged).to.deep.equal({ drafts: [draft('a', 5, { name: 'otra pestaña' }), draft('b', 3), draft('c')], activeId: 'b' });
    expect(saveDrafts(merged)).to.deep.equal({ ok: true });
    expect(loadDrafts().store).to.deep.equal(merged);
  });
  it('keeps the removal markers through a save and a load', () => {
    const saved = removeDraft({ drafts: [draft('a', 10), draft('b', 12)], activeId: 'a' }, 'a');
    expect(saveDrafts(saved)).to.deep.equal({ ok: true });
    expect(JSON.parse(localStorage.getItem(KEY)!).data.removed).to.deep.equal({ a: 10 });
    expect(loadDrafts()).to.deep.equal({ store: { drafts: [draft('b', 12)], activeId: 'b', removed: { a: 10 } } });
  });

  const markers: Array<{ label: string; removed: unknown; expected: Record<string, number> | undefined }> = [
    { label: 'valid markers are read', removed: { x: 3, y: 4 }, expected: { x: 3, y: 4 } },
    { label: 'bad markers are ignored, the good ones kept', removed: { x: 'ayer', y: -1, z: null, '': 3, ['i'.repeat(65)]: 3, w: 2 }, expected: { w: 2 } },
    { label: 'a marker for a draft that is present is tidied away', removed: { a: 9, w: 2 }, expected: { w: 2 } },
    { label: 'markers that are not an object are ignored', removed: ['x', 3], expected: undefined },
    { label: 'a text instead of markers is ignored', removed: 'x', expected: undefined },
  ];
  for (const { label, removed, expected } of markers) {
    it(`${label}; the drafts are read as they are, with no problem`, () => {
      localStorage.setItem(KEY, raw({ drafts: [draft('a')], activeId: 'a', removed }));
      const result = loadDrafts();
      expect(result).to.deep.equal({ store: { drafts: [draft('a')], activeId: 'a', ...(expected ? { removed: expected } : {}) } });
    });
  }

  it('reads a version-2 draft saved without createdAt (by code that predates it) with createdAt = updatedAt', () => {
    const { createdAt: _created, ...old } = draft('a', 30);
    localStorage.setItem(KEY, raw({ drafts: [old], activeId: 'a' }));
    expect(loadDrafts()).to.deep.equal({ store: { drafts: [draft('a', 30, { createdAt: 30 })], activeId: 'a' } });
  });
});

// ------------------------------------------------------------ version 1 (0.1.0) → version 2

describe('a version-1 store, as 0.1.0 writes it, is read as version 2', () => {
  // Exactly what 0.1.0 stores: writeStored('cash-flow.drafts', 1, { drafts, activeId }) →
  // JSON.stringify({ v: 1, at, data }); each draft { id, name, plan, updatedAt, exportedAt? }.
  const v1Plan = (months: number, opening: number) => ({
    currency: 'GTQ',
    startMonth: '2026-11',
    months,
    openingBalance: opening,
    safetyMinimum: 50000,
    lines: [
      { id: 'ventas', label: 'Ventas', flow: 'in', group: 'operations', kind: 'sales', preStart: 0, amounts: Array.from({ length: months }, (_, i) => 150000 + i * 1000) },
      { id: 'alquiler', label: 'Alquiler y servicios', flow: 'out', group: 'operations', preStart: 70000, amounts: Array.from({ length: months }, () => 35000) },
      { id: 'prestamo', label: 'Préstamo', flow: 'in', group: 'financing', preStart: 300000, amounts: Array.from({ length: months }, () => 0) },
    ],
  });
  const v1Drafts = [
    { id: 'd-8k2m4q0x7z1a', name: 'Tienda La Esquina', plan: v1Plan(12, 120000), updatedAt: 1_764_200_000_000, exportedAt: 1_764_100_000_000 },
    { id: 'd-0p9r5t3v6b2c', name: 'Comedor «Doña Marta» — temporada alta', plan: v1Plan(6, -5000), updatedAt: 1_764_250_000_000 },
  ];
  const V1 = JSON.stringify({ v: 1, at: 1_764_250_000_500, data: { drafts: v1Drafts, activeId: 'd-0p9r5t3v6b2c' } });
  const asV2 = v1Drafts.map((d) => ({ ...d, createdAt: d.updatedAt }));

  const keys = (prefix: string) => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  const clear = () => {
    for (const key of [KEY, ...keys(`${KEY}.`)]) localStorage.removeItem(key);
  };
  let before: string | null = null;
  beforeEach(() => {
    before = localStorage.getItem(KEY);
    clear();
  });
  afterEach(() => {
    clear();
    if (before !== null) localStorage.setItem(KEY, before);
  });

  it('every draft, name, plan and exportedAt identical, createdAt = updatedAt, no markers, no problem; reading writes nothing', () => {
    localStorage.setItem(KEY, V1);
    const result = loadDrafts();
    expect(result).to.deep.equal({ store: { drafts: asV2, activeId: 'd-0p9r5t3v6b2c' } });
    expect(localStorage.getItem(KEY)).to.equal(V1);
    expect(keys(`${KEY}.`)).to.deep.equal([]);
  });

  it('saved back as version 2, the version-1 original first kept as it was under .v1.<time>', () => {
    localStorage.setItem(KEY, V1);
    const { store: loaded } = loadDrafts();
    expect(saveDrafts(loaded, () => 77)).to.deep.equal({ ok: true, keptAs: `${KEY}.v1.77` });
    expect(localStorage.getItem(`${KEY}.v1.77`)).to.equal(V1);
    const stored = JSON.parse(localStorage.getItem(KEY)!) as { v: number; at: number; data: unknown };
    expect(stored).to.deep.equal({ v: 2, at: 77, data: { drafts: asV2, activeId: 'd-0p9r5t3v6b2c' } });
    expect(loadDrafts()).to.deep.equal({ store: loaded });
    // Only the first version-2 write keeps a copy.
    expect(saveDrafts(loaded, () => 78)).to.deep.equal({ ok: true });
    expect(keys(`${KEY}.v1.`)).to.deep.equal([`${KEY}.v1.77`]);
  });

  const failures: Array<{ label: string; fails: (key: string) => boolean; copy: boolean }> = [
    { label: 'the copy cannot be made (storage full): nothing is written', fails: (key) => key.includes('.v1.'), copy: false },
    { label: 'the version-2 write fails after the copy: the copy stays', fails: (key) => key === KEY, copy: true },
  ];
  for (const { label, fails, copy } of failures) {
    it(`the version-1 original is never lost when ${label}`, () => {
      localStorage.setItem(KEY, V1);
      const { store: loaded } = loadDrafts();
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (fails(key)) throw new DOMException('full', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
      let result: ReturnType<typeof saveDrafts>;
      try {
        result = saveDrafts(loaded, () => 80);
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(result).to.deep.equal({ ok: false, reason: 'full' });
      expect(localStorage.getItem(KEY)).to.equal(V1);
      expect(localStorage.getItem(`${KEY}.v1.80`)).to.equal(copy ? V1 : null);
    });
  }

  it('one invalid draft: the whole version-1 value is kept aside as it was, the valid ones are migrated and written as version 2', () => {
    const withBad = JSON.stringify({ v: 1, at: 5, data: { drafts: [v1Drafts[0], { ...v1Drafts[1], plan: { ...v1Plan(6, 0), months: 99 } }], activeId: 'd-8k2m4q0x7z1a' } });
    localStorage.setItem(KEY, withBad);
    const result = loadDrafts(() => 9);
    expect(result).to.deep.equal({
      store: { drafts: [asV2[0]], activeId: 'd-8k2m4q0x7z1a' },
      problem: 'unreadable',
      keptAs: `${KEY}.unreadable.9`,
      dropped: 1,
    });
    expect(localStorage.getItem(`${KEY}.unreadable.9`)).to.equal(withBad);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.include({ v: 2 });
    expect(loadDrafts()).to.deep.equal({ store: { drafts: [asV2[0]], activeId: 'd-8k2m4q0x7z1a' } });
  });

  it('a version-1 store has no markers: a `removed` field in it is ignored', () => {
    localStorage.setItem(KEY, JSON.stringify({ v: 1, at: 1, data: { drafts: v1Drafts, activeId: 'x', removed: { 'd-gone': 4 } } }));
    expect(loadDrafts().store).to.deep.equal({ drafts: asV2, activeId: 'd-8k2m4q0x7z1a' });
  });

  it('a version-3 (newer) store is kept aside untouched and never overwritten', () => {
    const V3 = JSON.stringify({ v: 3, at: 1, data: { drafts: asV2, activeId: 'd-8k2m4q0x7z1a', somethingNew: [1, 2] } });
    localStorage.setItem(KEY, V3);
    expect(loadDrafts(() => 4)).to.deep.equal({ store: { drafts: [], activeId: undefined }, problem: 'unreadable', keptAs: `${KEY}.unreadable.4` });
    expect(localStorage.getItem(`${KEY}.unreadable.4`)).to.equal(V3);
    expect(localStorage.getItem(KEY)).to.equal(null);
    // Written meanwhile by a newer version in another tab: saveDrafts moves it aside before writing.
    localStorage.setItem(KEY, V3);
    expect(saveDrafts({ drafts: [draft('a')], activeId: 'a' }, () => 6)).to.deep.equal({ ok: true, keptAs: `${KEY}.unreadable.6` });
    expect(localStorage.getItem(`${KEY}.unreadable.6`)).to.equal(V3);
  });
});
