import { expect } from '@open-wc/testing';
import type { PlanDocument, Answers } from '../../src/business-plan-outline/plan-model.js';
import { setAnswer } from '../../src/business-plan-outline/plan-model.js';
import {
  PLANS_STORAGE_NAME,
  duplicatePlan,
  isValidPlanDocument,
  jsonToPlan,
  loadPlans,
  mergePlan,
  mergePlans,
  newPlanId,
  planToJson,
  removePlan,
  renamePlan,
  savePlans,
  upsertPlan,
  type PlanStore,
} from '../../src/business-plan-outline/plan-store.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';

const KEY = STORAGE_PREFIX + PLANS_STORAGE_NAME;

const answer = (text: string, updatedAt = 1) => ({ text, updatedAt });
const plan = (id: string, updatedAt = 1, extra: Partial<PlanDocument> = {}): PlanDocument =>
  Object.freeze({
    id,
    outlineId: 'plan-tradicional',
    name: `Plan ${id}`,
    businessName: 'Panadería Doña Marta',
    answers: Object.freeze({ 'resumen-ejecutivo/idea': answer(`Texto de ${id}`) }),
    createdAt: 1,
    updatedAt,
    ...extra,
  });
const store = (ids: string[], activeId: string | undefined = ids[0]): PlanStore => Object.freeze({ plans: Object.freeze(ids.map((id) => plan(id))), activeId });
const ids = (s: PlanStore) => s.plans.map((p) => p.id);

// ------------------------------------------------------------ pure list operations

describe('upsertPlan', () => {
  const rows: Array<{ label: string; from: PlanStore; plan: PlanDocument; ids: string[]; name: string }> = [
    { label: 'appends a new plan', from: store(['a', 'b']), plan: plan('c', 5), ids: ['a', 'b', 'c'], name: 'Plan c' },
    { label: 'replaces by id, in place', from: store(['a', 'b', 'c']), plan: plan('b', 5, { name: 'Nuevo' }), ids: ['a', 'b', 'c'], name: 'Nuevo' },
    { label: 'into an empty store', from: store([]), plan: plan('a'), ids: ['a'], name: 'Plan a' },
  ];
  for (const row of rows) {
    it(`${row.label}; it becomes active`, () => {
      const result = upsertPlan(row.from, row.plan);
      expect(ids(result)).to.deep.equal(row.ids);
      expect(result.activeId).to.equal(row.plan.id);
      expect(result.plans.find((p) => p.id === row.plan.id)?.name).to.equal(row.name);
    });
  }

  it('clears the removal marker of a plan added again', () => {
    const removed = removePlan(store(['a', 'b']), 'a');
    expect(removed.removed).to.deep.equal({ a: 1 });
    expect(upsertPlan(removed, plan('a', 1))).to.deep.equal({ plans: [plan('b'), plan('a', 1)], activeId: 'a' });
  });
});

describe('removePlan', () => {
  const rows: Array<{ label: string; from: PlanStore; id: string; ids: string[]; active: string | undefined }> = [
    { label: 'the active one in the middle: the next becomes active', from: store(['a', 'b', 'c'], 'b'), id: 'b', ids: ['a', 'c'], active: 'c' },
    { label: 'the active first one', from: store(['a', 'b', 'c'], 'a'), id: 'a', ids: ['b', 'c'], active: 'b' },
    { label: 'the active last one: the previous becomes active', from: store(['a', 'b', 'c'], 'c'), id: 'c', ids: ['a', 'b'], active: 'b' },
    { label: 'the only one', from: store(['a'], 'a'), id: 'a', ids: [], active: undefined },
    { label: 'another one: the active one stays', from: store(['a', 'b', 'c'], 'c'), id: 'a', ids: ['b', 'c'], active: 'c' },
  ];
  for (const row of rows) {
    it(`${row.label}, leaving a marker with its updatedAt`, () => {
      const result = removePlan(row.from, row.id);
      expect(ids(result)).to.deep.equal(row.ids);
      expect(result.activeId).to.equal(row.active);
      expect(result.removed).to.deep.equal({ [row.id]: 1 });
    });
  }

  it('leaves the store as it is for a missing id', () => {
    const from = store(['a', 'b'], 'b');
    expect(removePlan(from, 'zz')).to.equal(from);
  });
});

describe('duplicatePlan', () => {
  it('copies right after the source with its answers, created and changed now, never exported, and makes it active', () => {
    const from: PlanStore = { plans: [plan('a', 1, { exportedAt: 3, cashFlowId: 'd-1' }), plan('b')], activeId: 'b' };
    const result = duplicatePlan(from, 'a', 'a2', 'Copia de a', 99);
    expect(ids(result)).to.deep.equal(['a', 'a2', 'b']);
    expect(result.activeId).to.equal('a2');
    expect(result.plans[1]).to.deep.equal({ ...plan('a', 99, { cashFlowId: 'd-1' }), id: 'a2', name: 'Copia de a', createdAt: 99 });
  });

  const unchanged: Array<{ label: string; id: string; newId: string }> = [
    { label: 'a missing source', id: 'zz', newId: 'c' },
    { label: 'a new id that is taken', id: 'a', newId: 'b' },
  ];
  for (const { label, id, newId } of unchanged) {
    it(`leaves the store as it is for ${label}`, () => {
      const from = store(['a', 'b']);
      expect(duplicatePlan(from, id, newId, 'x', 5)).to.equal(from);
    });
  }

  it('cuts a name to 120 characters', () => {
    expect(duplicatePlan(store(['a']), 'a', 'b', 'n'.repeat(500), 5).plans[1]?.name).to.equal('n'.repeat(120));
  });
});

describe('renamePlan', () => {
  const rows: Array<{ label: string; name: string; expected: string }> = [
    { label: 'a plain name', name: 'Plan para el banco', expected: 'Plan para el banco' },
    { label: 'an empty name', name: '', expected: '' },
    { label: 'a name of 200 characters', name: 'x'.repeat(200), expected: 'x'.repeat(120) },
    { label: 'an emoji cut at the limit', name: `${'x'.repeat(119)}😀`, expected: 'x'.repeat(119) },
  ];
  for (const { label, name, expected } of rows) {
    it(`${label}: new name, changed now, order and active unchanged`, () => {
      const result = renamePlan(store(['a', 'b'], 'a'), 'b', name, 42);
      expect(result.plans[1]).to.deep.equal(plan('b', 42, { name: expected }));
      expect(result.plans[0]).to.deep.equal(plan('a'));
      expect(result.activeId).to.equal('a');
    });
  }

  it('leaves the store as it is for a missing id', () => {
    const from = store(['a']);
    expect(renamePlan(from, 'zz', 'x', 1)).to.equal(from);
  });
});

// ------------------------------------------------------------ two tabs

describe('mergePlans: two tabs, never lose the newer text', () => {
  const withAnswers = (id: string, updatedAt: number, answers: Answers, extra: Partial<PlanDocument> = {}) => plan(id, updatedAt, { answers, ...extra });
  const rows: Array<{ label: string; mine: PlanStore; stored: PlanStore; expected: PlanStore }> = [
    {
      label: 'each answer from the side where it is newer; plan fields from the newer plan',
      mine: {
        plans: [withAnswers('a', 10, { 's/1': answer('mío nuevo', 10), 's/2': answer('mío viejo', 2), 's/3': answer('solo mío', 3) }, { name: 'mío' })],
        activeId: 'a',
      },
      stored: {
        plans: [withAnswers('a', 8, { 's/1': answer('otro viejo', 4), 's/2': answer('otro nuevo', 8), 's/4': answer('solo otro', 5) }, { name: 'otro' })],
        activeId: 'a',
      },
      expected: {
        plans: [
          withAnswers(
            'a',
            10,
            { 's/1': answer('mío nuevo', 10), 's/2': answer('otro nuevo', 8), 's/3': answer('solo mío', 3), 's/4': answer('solo otro', 5) },
            { name: 'mío' },
          ),
        ],
        activeId: 'a',
      },
    },
    {
      label: 'the stored plan is newer: its fields win, this tab’s newer answers stay',
      mine: { plans: [withAnswers('a', 3, { 's/1': answer('mío', 3) }, { businessName: 'vieja' })], activeId: 'a' },
      stored: { plans: [withAnswers('a', 9, { 's/1': answer('otro', 2), 's/2': answer('otro', 9) }, { businessName: 'nueva' })], activeId: 'a' },
      expected: { plans: [withAnswers('a', 9, { 's/1': answer('mío', 3), 's/2': answer('otro', 9) }, { businessName: 'nueva' })], activeId: 'a' },
    },
    {
      label: 'a cleared answer that is newer wins over older text',
      mine: { plans: [withAnswers('a', 7, { 's/1': answer('', 7) })], activeId: 'a' },
      stored: { plans: [withAnswers('a', 5, { 's/1': answer('texto', 5) })], activeId: 'a' },
      expected: { plans: [withAnswers('a', 7, { 's/1': answer('', 7) })], activeId: 'a' },
    },
    {
      label: 'a tie keeps this tab’s',
      mine: { plans: [withAnswers('a', 2, { 's/1': answer('mío', 2) }, { name: 'mío' })], activeId: 'a' },
      stored: { plans: [withAnswers('a', 2, { 's/1': answer('otro', 2) }, { name: 'otro' })], activeId: 'a' },
      expected: { plans: [withAnswers('a', 2, { 's/1': answer('mío', 2) }, { name: 'mío' })], activeId: 'a' },
    },
    {
      label: 'plans on one side only are kept: mine first, then the stored ones',
      mine: { plans: [plan('b'), plan('a')], activeId: 'b' },
      stored: { plans: [plan('c'), plan('a'), plan('d')], activeId: 'c' },
      expected: { plans: [plan('b'), plan('a'), plan('c'), plan('d')], activeId: 'b' },
    },
    {
      label: 'the later export and the earlier creation are kept',
      mine: { plans: [plan('a', 5, { name: 'mío', createdAt: 2 })], activeId: 'a' },
      stored: { plans: [plan('a', 4, { exportedAt: 4, createdAt: 1 })], activeId: 'a' },
      expected: { plans: [plan('a', 5, { name: 'mío', exportedAt: 4, createdAt: 1 })], activeId: 'a' },
    },
    {
      label: 'an empty tab takes what is stored, and its active plan',
      mine: { plans: [], activeId: undefined },
      stored: { plans: [plan('a'), plan('b')], activeId: 'b' },
      expected: { plans: [plan('a'), plan('b')], activeId: 'b' },
    },
    {
      label: 'a plan removed in this tab is not brought back by the stored copy',
      mine: { plans: [plan('b')], activeId: 'b', removed: { a: 4 } },
      stored: { plans: [plan('a', 4), plan('b')], activeId: 'a' },
      expected: { plans: [plan('b')], activeId: 'b', removed: { a: 4 } },
    },
    {
      label: 'a plan removed in another tab goes, unless this tab changed it later',
      mine: { plans: [plan('a', 3), plan('b', 9)], activeId: 'b' },
      stored: { plans: [], activeId: undefined, removed: { a: 3, b: 5 } },
      expected: { plans: [plan('b', 9)], activeId: 'b', removed: { a: 3 } },
    },
    {
      label: 'an active id that no longer exists falls back to the first',
      mine: { plans: [plan('a')], activeId: 'gone' },
      stored: { plans: [], activeId: undefined },
      expected: { plans: [plan('a')], activeId: 'a' },
    },
  ];
  for (const { label, mine, stored, expected } of rows) {
    it(label, () => expect(mergePlans(mine, stored)).to.deep.equal(expected));
  }

  it('two tabs typing in different questions both keep their text', () => {
    const start = plan('a', 1, { answers: {} });
    const tabOne = setAnswer(start, 'mercado', 'clientes', 'Familias del barrio', 10);
    const tabTwo = setAnswer(start, 'operaciones', 'horario', 'De 5 a 18 h', 12);
    const merged = mergePlan(tabOne, tabTwo);
    expect(merged.answers).to.deep.equal({ 'mercado/clientes': answer('Familias del barrio', 10), 'operaciones/horario': answer('De 5 a 18 h', 12) });
    expect(merged.updatedAt).to.equal(12);
    expect(mergePlan(tabTwo, tabOne)).to.deep.equal(merged);
  });
});

describe('newPlanId', () => {
  const sequence = (values: number[]) => {
    let i = 0;
    return () => values[i++ % values.length]!;
  };
  const rows: Array<{ label: string; random: () => number; expected: string }> = [
    { label: 'all zeros', random: () => 0, expected: 'p-000000000000' },
    { label: 'almost one', random: () => 0.9999999, expected: 'p-zzzzzzzzzzzz' },
    { label: 'a broken source returning 1', random: () => 1, expected: 'p-zzzzzzzzzzzz' },
    { label: 'a sequence', random: sequence([0, 0.5, 10.5 / 36]), expected: 'p-0ia0ia0ia0ia' },
  ];
  for (const { label, random, expected } of rows) {
    it(`${label} → ${expected}`, () => expect(newPlanId(random)).to.equal(expected));
  }

  it('is unique, well formed and a valid plan id by default', () => {
    const made = new Set(Array.from({ length: 1000 }, () => newPlanId()));
    expect(made.size).to.equal(1000);
    for (const id of made) expect(id).to.match(/^p-[0-9a-z]{12}$/);
    expect(isValidPlanDocument(plan(newPlanId()))).to.equal(true);
  });
});

// ------------------------------------------------------------ local storage

describe('loadPlans / savePlans in localStorage', () => {
  let before: string | null = null;
  const ours = () => {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && (key === KEY || key.startsWith(`${KEY}.unreadable.`))) keys.push(key);
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

  const raw = (data: unknown, v = 1) => JSON.stringify({ v, at: 1, data });
  const blockSetItem = (error: DOMException) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw error;
    };
    return () => {
      Storage.prototype.setItem = setItem;
    };
  };

  it('starts empty, with no problem', () => {
    expect(loadPlans()).to.deep.equal({ store: { plans: [], activeId: undefined } });
  });

  it('saves under the namespaced key and reads back exactly', () => {
    const saved: PlanStore = {
      plans: [plan('a', 10, { exportedAt: 11, cashFlowId: 'd-abc' }), plan('b', 12, { answers: { 'x/y': answer('uno\ndos', 12), 'x/z': answer('', 3) } })],
      activeId: 'b',
      removed: { c: 4 },
    };
    expect(savePlans(saved, () => 7)).to.deep.equal({ ok: true });
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.include({ v: 1, at: 7 });
    expect(loadPlans()).to.deep.equal({ store: saved });
  });

  const unreadable: Array<{ label: string; value: string }> = [
    { label: 'not JSON', value: '{oops' },
    { label: 'a newer version', value: raw({ plans: [plan('a')], activeId: 'a', future: true }, 2) },
    { label: 'plans that are not a list', value: raw({ plans: 'a' }) },
    { label: 'no data', value: raw(null) },
  ];
  for (const { label, value } of unreadable) {
    it(`keeps ${label} aside, never overwrites it`, () => {
      localStorage.setItem(KEY, value);
      const result = loadPlans(() => 7);
      expect(result).to.deep.equal({ store: { plans: [], activeId: undefined }, problem: 'unreadable', keptAs: `${KEY}.unreadable.7` });
      expect(localStorage.getItem(`${KEY}.unreadable.7`)).to.equal(value);
      expect(savePlans({ plans: [plan('new')], activeId: 'new' })).to.deep.equal({ ok: true });
      expect(localStorage.getItem(`${KEY}.unreadable.7`)).to.equal(value);
    });
  }

  it('moves aside a newer version written by another tab before saving over it', () => {
    const newer = raw({ plans: [plan('a')], activeId: 'a', future: true }, 2);
    localStorage.setItem(KEY, newer);
    expect(savePlans({ plans: [plan('b')], activeId: 'b' }, () => 8)).to.deep.equal({ ok: true, keptAs: `${KEY}.unreadable.8` });
    expect(localStorage.getItem(`${KEY}.unreadable.8`)).to.equal(newer);
    expect(loadPlans().store).to.deep.equal({ plans: [plan('b')], activeId: 'b' });
  });

  it('writes nothing over a newer version it cannot move aside', () => {
    const newer = raw({ plans: [plan('a')] }, 2);
    localStorage.setItem(KEY, newer);
    const restore = blockSetItem(new DOMException('full', 'QuotaExceededError'));
    let result: ReturnType<typeof savePlans>;
    try {
      result = savePlans({ plans: [plan('b')], activeId: 'b' });
    } finally {
      restore();
    }
    expect(result).to.deep.equal({ ok: false, reason: 'full' });
    expect(localStorage.getItem(KEY)).to.equal(newer);
  });

  const badPlans: Array<{ label: string; bad: unknown }> = [
    { label: 'an answer of 20,001 characters', bad: { ...plan('x'), answers: { 's/q': answer('a'.repeat(20_001)) } } },
    { label: 'an answer without a time', bad: { ...plan('x'), answers: { 's/q': { text: 'x' } } } },
    { label: 'no id', bad: { ...plan('x'), id: undefined } },
    { label: 'a name of 500 characters', bad: { ...plan('x'), name: 'x'.repeat(500) } },
    { label: 'no time', bad: { ...plan('x'), updatedAt: 'ayer' } },
    { label: 'a string', bad: 'x' },
  ];
  for (const { label, bad } of badPlans) {
    it(`reports a plan with ${label}, keeps the whole store aside, never drops it silently`, () => {
      const original = raw({ plans: [plan('a'), bad, plan('b')], activeId: 'b' });
      localStorage.setItem(KEY, original);
      const result = loadPlans(() => 9);
      expect(result).to.deep.equal({
        store: { plans: [plan('a'), plan('b')], activeId: 'b' },
        problem: 'unreadable',
        keptAs: `${KEY}.unreadable.9`,
        dropped: 1,
      });
      const kept = JSON.parse(localStorage.getItem(`${KEY}.unreadable.9`)!) as { data: unknown };
      expect(kept.data).to.deep.equal(JSON.parse(original).data);
      expect(loadPlans()).to.deep.equal({ store: { plans: [plan('a'), plan('b')], activeId: 'b' } });
    });
  }

  it('merges two stored plans with one id, answer by answer, and keeps the original aside', () => {
    const one = plan('a', 1, { name: 'viejo', answers: { 's/1': answer('uno', 1) } });
    const two = plan('a', 2, { name: 'nuevo', answers: { 's/2': answer('dos', 2) } });
    localStorage.setItem(KEY, raw({ plans: [one, two], activeId: 'a' }));
    const result = loadPlans(() => 3);
    expect(result.store).to.deep.equal({ plans: [plan('a', 2, { name: 'nuevo', answers: { 's/1': answer('uno', 1), 's/2': answer('dos', 2) } })], activeId: 'a' });
    expect(result).to.deep.include({ problem: 'unreadable', keptAs: `${KEY}.unreadable.3`, dropped: 1 });
  });

  it('drops unknown fields and ignores bad removal markers', () => {
    localStorage.setItem(KEY, raw({ plans: [{ ...plan('a'), color: 'red' }], activeId: 'a', removed: { b: 'x', '__proto__': 3, c: 2 } }));
    expect(loadPlans()).to.deep.equal({ store: { plans: [plan('a')], activeId: 'a', removed: { c: 2 } } });
  });

  it('leaves the stored value in place when it cannot keep an invalid plan aside', () => {
    const original = raw({ plans: [plan('a'), { bad: true }], activeId: 'a' });
    localStorage.setItem(KEY, original);
    const restore = blockSetItem(new DOMException('full', 'QuotaExceededError'));
    let result: ReturnType<typeof loadPlans>;
    try {
      result = loadPlans(() => 5);
    } finally {
      restore();
    }
    expect(result).to.deep.equal({ store: { plans: [plan('a')], activeId: 'a' }, problem: 'unreadable', keptAs: undefined, dropped: 1 });
    expect(localStorage.getItem(KEY)).to.equal(original);
  });

  it('says unavailable when storage is blocked', () => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    let result: ReturnType<typeof loadPlans>;
    try {
      result = loadPlans();
    } finally {
      Storage.prototype.getItem = getItem;
    }
    expect(result).to.deep.equal({ store: { plans: [], activeId: undefined }, problem: 'unavailable' });
  });

  const failures: Array<{ label: string; error: DOMException; reason: 'full' | 'unavailable' }> = [
    { label: 'full', error: new DOMException('full', 'QuotaExceededError'), reason: 'full' },
    { label: 'blocked', error: new DOMException('blocked', 'SecurityError'), reason: 'unavailable' },
  ];
  for (const { label, error, reason } of failures) {
    it(`reports ${reason} when saving to a ${label} storage, keeping what was saved before`, () => {
      savePlans({ plans: [plan('a')], activeId: 'a' });
      const previous = localStorage.getItem(KEY);
      const restore = blockSetItem(error);
      let result: ReturnType<typeof savePlans>;
      try {
        result = savePlans({ plans: [plan('b')], activeId: 'b' });
      } finally {
        restore();
      }
      expect(result).to.deep.equal({ ok: false, reason });
      expect(localStorage.getItem(KEY)).to.equal(previous);
    });
  }

  it('merges with what another tab saved, answer by answer', () => {
    savePlans({ plans: [plan('a', 5, { answers: { 's/1': answer('otra pestaña', 5), 's/2': answer('vieja', 1) } }), plan('c')], activeId: 'c' });
    const mine: PlanStore = { plans: [plan('a', 4, { answers: { 's/1': answer('mía', 2), 's/2': answer('mía nueva', 4) } }), plan('b', 3)], activeId: 'b' };
    const merged = mergePlans(mine, loadPlans().store);
    expect(merged).to.deep.equal({
      plans: [plan('a', 5, { answers: { 's/1': answer('otra pestaña', 5), 's/2': answer('mía nueva', 4) } }), plan('b', 3), plan('c')],
      activeId: 'b',
    });
    expect(savePlans(merged)).to.deep.equal({ ok: true });
    expect(loadPlans().store).to.deep.equal(merged);
  });

  it('a removal saved by one tab survives the next merge and save of another', () => {
    const both: PlanStore = { plans: [plan('a', 2), plan('b', 3)], activeId: 'a' };
    savePlans(both);
    const tabOne = removePlan(both, 'a');
    savePlans(mergePlans(tabOne, loadPlans().store));
    expect(loadPlans().store.plans.map((p) => p.id)).to.deep.equal(['b']);
    // The other tab still has 'a', unchanged: it goes there too.
    const tabTwo = mergePlans(both, loadPlans().store);
    expect(ids(tabTwo)).to.deep.equal(['b']);
    savePlans(tabTwo);
    expect(ids(loadPlans().store)).to.deep.equal(['b']);
  });
});

// ------------------------------------------------------------ file

describe('planToJson / jsonToPlan', () => {
  const full = plan('p-abc123', 1_780_000_000_000, {
    name: 'Plan para el banco',
    businessName: 'Panadería "Doña Marta" <S.A.>',
    answers: {
      'resumen-ejecutivo/idea': answer('Pan francés 🥖\ny pan dulce\n\n# no es título', 1_780_000_000_000),
      'mercado/clientes': answer('', 1_779_000_000_000),
      'constructor/x': answer('ok', 5),
    },
    createdAt: 1_770_000_000_000,
    exportedAt: 1_775_000_000_000,
    cashFlowId: 'd-0ia0ia0ia0ia',
  });

  it('writes the documented envelope', () => {
    const text = planToJson(full, new Date(Date.UTC(2026, 2, 3, 15, 4, 5)));
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).to.deep.equal(['format', 'version', 'exportedAt', 'plan']);
    expect(file).to.deep.include({ format: 'infomipyme-business-plan', version: 1, exportedAt: '2026-03-03T15:04:05.000Z' });
    expect(text.endsWith('}\n')).to.equal(true);
  });

  const roundTrips: Array<{ label: string; plan: PlanDocument }> = [
    { label: 'a full plan', plan: full },
    { label: 'a new plan without answers', plan: plan('p-1', 1, { answers: {}, businessName: '' }) },
    {
      label: 'a plan at every bound',
      plan: plan('p-'.padEnd(161, 'x'), 8.64e15, {
        name: 'n'.repeat(120),
        businessName: 'b'.repeat(160),
        answers: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`s/q${i}`, answer(i === 0 ? 'a'.repeat(20_000) : 'x', 0)])),
      }),
    },
  ];
  for (const { label, plan: p } of roundTrips) {
    it(`imports ${label} back exactly`, () => {
      const back = jsonToPlan(planToJson(p, new Date(0)));
      expect(back).to.deep.equal({ ok: true, plan: p });
    });
  }

  it('drops fields it does not know, and reads a missing business name as empty', () => {
    const file = JSON.parse(planToJson(full, new Date(0))) as { plan: Record<string, unknown> };
    const { businessName: _ignored, ...rest } = file.plan;
    const text = JSON.stringify({ ...file, extra: 1, plan: { ...rest, colour: 'red', answers: { 'a/b': { text: 'x', updatedAt: 1, mood: 'ok' } } } });
    const result = jsonToPlan(`\ufeff${text}`);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.plan).to.deep.equal({ ...full, businessName: '', answers: { 'a/b': answer('x', 1) } });
    expect(result.plan).not.to.have.property('colour');
  });

  const envelope = (p: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'infomipyme-business-plan', version: 1, exportedAt: '2026-01-01T00:00:00Z', plan: p, ...extra });
  const good = JSON.parse(JSON.stringify(plan('p-1'))) as Record<string, unknown>;
  const rows: Array<{ label: string; text: string; error: string }> = [
    { label: 'empty text', text: '', error: 'not-json' },
    { label: 'not JSON', text: '{"format": ', error: 'not-json' },
    { label: 'a list', text: '[]', error: 'wrong-format' },
    { label: 'null', text: 'null', error: 'wrong-format' },
    { label: 'a cash-flow file', text: JSON.stringify({ format: 'infomipyme-cash-flow', version: 1, plan: good }), error: 'wrong-format' },
    { label: 'no version', text: JSON.stringify({ format: 'infomipyme-business-plan', plan: good }), error: 'wrong-format' },
    { label: 'version "1"', text: envelope(good, { version: '1' }), error: 'wrong-format' },
    { label: 'version 1.5', text: envelope(good, { version: 1.5 }), error: 'wrong-format' },
    { label: 'a newer version', text: envelope(good, { version: 2 }), error: 'newer-version' },
    { label: 'a format inherited from the prototype', text: '{"__proto__": {"format": "infomipyme-business-plan", "version": 1}}', error: 'wrong-format' },
    { label: 'no plan', text: envelope(undefined), error: 'invalid' },
    { label: 'a plan that is a list', text: envelope([good]), error: 'invalid' },
    { label: 'an id with a space', text: envelope({ ...good, id: 'p 1' }), error: 'invalid' },
    { label: 'an id of 162 characters', text: envelope({ ...good, id: 'p'.repeat(162) }), error: 'invalid' },
    { label: 'an empty outline id', text: envelope({ ...good, outlineId: '' }), error: 'invalid' },
    { label: 'a name of 121 characters', text: envelope({ ...good, name: 'n'.repeat(121) }), error: 'invalid' },
    { label: 'a name that is a number', text: envelope({ ...good, name: 5 }), error: 'invalid' },
    { label: 'a business name of 161 characters', text: envelope({ ...good, businessName: 'b'.repeat(161) }), error: 'invalid' },
    { label: 'an answer of 20,001 characters', text: envelope({ ...good, answers: { 's/q': answer('a'.repeat(20_001)) } }), error: 'invalid' },
    {
      label: '2,001 answers',
      text: envelope({ ...good, answers: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`s/q${i}`, answer('x')])) }),
      error: 'invalid',
    },
    { label: 'an answer key with a space', text: envelope({ ...good, answers: { 's /q': answer('x') } }), error: 'invalid' },
    { label: 'a __proto__ answer key', text: envelope(good).replace('"answers":{', '"answers":{"__proto__":{"text":"x","updatedAt":1},'), error: 'invalid' },
    { label: 'an answer that is a string', text: envelope({ ...good, answers: { 's/q': 'texto' } }), error: 'invalid' },
    { label: 'an answer with a negative time', text: envelope({ ...good, answers: { 's/q': answer('x', -1) } }), error: 'invalid' },
    { label: 'answers that are a list', text: envelope({ ...good, answers: [] }), error: 'invalid' },
    { label: 'a time that is a text', text: envelope({ ...good, updatedAt: '2026-01-01' }), error: 'invalid' },
    { label: 'a time beyond what a date holds', text: envelope({ ...good, createdAt: 1e16 }), error: 'invalid' },
    { label: 'an exportedAt that is not a time', text: envelope({ ...good, exportedAt: 'ayer' }), error: 'invalid' },
    { label: 'an empty cash-flow id', text: envelope({ ...good, cashFlowId: '' }), error: 'invalid' },
    { label: 'a cash-flow id that is a number', text: envelope({ ...good, cashFlowId: 3 }), error: 'invalid' },
    { label: 'a file of more than 5,000,000 characters', text: envelope(good, { padding: 'x'.repeat(5_000_000) }), error: 'invalid' },
  ];
  for (const { label, text, error } of rows) {
    it(`refuses ${label}: ${error}`, () => {
      const result = jsonToPlan(text);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error).to.equal(error);
    });
  }

  it('refuses deeply nested JSON without throwing', () => {
    const result = jsonToPlan(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error).to.be.oneOf(['not-json', 'wrong-format']);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 5, {}, [], Symbol('x')] as unknown[]) {
      expect(jsonToPlan(value as string)).to.deep.equal({ ok: false, error: 'not-json' });
    }
  });

  it('lets a __proto__ or constructor key pollute nothing', () => {
    const text = envelope(
      { ...good, constructor: { prototype: { polluted: true } }, answers: { 'constructor/prototype': answer('x') } },
      { constructor: { prototype: { polluted: true } } },
    ).replace('{"format"', '{"__proto__":{"polluted":true},"format"');
    const result = jsonToPlan(text.replace('"plan":{', '"plan":{"__proto__":{"polluted":true},'));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.getPrototypeOf(result.plan)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(result.plan.answers)).to.equal(Object.prototype);
    expect(Object.keys(result.plan.answers)).to.deep.equal(['constructor/prototype']);
    expect(result.plan).not.to.have.own.property('__proto__');
    expect(result.plan).not.to.have.own.property('constructor');
  });

  it('isValidPlanDocument agrees with the import', () => {
    expect(isValidPlanDocument(full)).to.equal(true);
    expect(isValidPlanDocument({ ...full, name: 'x'.repeat(121) })).to.equal(false);
    expect(isValidPlanDocument(null)).to.equal(false);
  });
});
