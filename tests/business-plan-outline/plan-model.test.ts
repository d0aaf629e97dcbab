import { expect } from '@open-wc/testing';
import type { PlanOutline } from '../../src/feed/schema.js';
import { parseFeedText } from '../../src/feed/parse.js';
import { pickText } from '../../src/feed/text.js';
import {
  answerKey,
  defaultCashFlowAfter,
  flattenSections,
  isAnswered,
  markExported,
  newPlan,
  planProgress,
  planToHtml,
  planToMarkdown,
  sectionHeading,
  setAnswer,
  updatePlanDetails,
  type Answers,
  type CashFlowExtract,
  type ExportOptions,
  type PlanDocument,
} from '../../src/business-plan-outline/plan-model.js';
import { q, section } from '../helpers/outline.js';

// ------------------------------------------------------------ a small outline


const outline: PlanOutline = {
  id: 'corto',
  name: { es: 'Plan corto', en: 'Short plan' },
  kind: 'other',
  sections: [
    section('resumen', { es: 'Resumen', en: 'Summary' }, [q('idea', { es: '¿Qué vende?', en: 'What do you sell?' }), q('meta', '¿Cuánto necesita?')]),
    section('mercado', 'El mercado', [q('tamano', '¿Cuántos clientes hay?')], [
      section('clientes', 'Sus clientes', [q('quien', '¿Quiénes son?')], [section('segmentos', 'Segmentos', [q('grupos', '¿Qué grupos?')])]),
      section('competencia', 'Competencia', [q('rivales', '¿Quién más vende?')]),
    ]),
    section('finanzas', 'Plan financiero', [q('ventas', '¿Cuánto venderá?')]),
  ],
};

const answer = (text: string, updatedAt = 1) => ({ text, updatedAt });
const plan = (answers: Answers, extra: Partial<PlanDocument> = {}): PlanDocument => ({
  id: 'p-1',
  outlineId: 'corto',
  name: 'Plan para el banco',
  businessName: 'Panadería Doña Marta',
  answers,
  createdAt: 1,
  updatedAt: 2,
  ...extra,
});

const labels = {
  contents: 'Contenido',
  preparedOn: 'Preparado el 3 de marzo de 2026',
  notAnswered: 'Sin responder',
  cashFlowTitle: 'Flujo de caja proyectado',
};
const options = (extra: Partial<ExportOptions> = {}): ExportOptions => ({ lang: 'es', includeEmpty: false, labels, ...extra });

// ------------------------------------------------------------ structure and progress

describe('answerKey', () => {
  it('joins section and question with a slash', () => expect(answerKey('mercado', 'tamano')).to.equal('mercado/tamano'));
});

describe('flattenSections', () => {
  it('numbers depth-first, in outline order, with depth and parent', () => {
    const flat = flattenSections(outline).map(({ section, number, depth, parentId }) => ({ id: section.id, number, depth, parentId }));
    expect(flat).to.deep.equal([
      { id: 'resumen', number: '1', depth: 0, parentId: undefined },
      { id: 'mercado', number: '2', depth: 0, parentId: undefined },
      { id: 'clientes', number: '2.1', depth: 1, parentId: 'mercado' },
      { id: 'segmentos', number: '2.1.1', depth: 2, parentId: 'clientes' },
      { id: 'competencia', number: '2.2', depth: 1, parentId: 'mercado' },
      { id: 'finanzas', number: '3', depth: 0, parentId: undefined },
    ]);
  });

  it('gives the feed’s section objects themselves', () => {
    expect(flattenSections(outline)[2]?.section).to.equal(outline.sections[1]?.sections?.[0]);
  });
});

describe('sectionHeading', () => {
  const rows: Array<{ number: string; title: string; expected: string }> = [
    { number: '1', title: 'Resumen', expected: '1 Resumen' },
    { number: '2.1', title: 'Sus clientes', expected: '2.1 Sus clientes' },
    { number: '2', title: '2. Plan de mercadeo', expected: '2. Plan de mercadeo' },
    { number: '2', title: '2) Plan', expected: '2) Plan' },
    { number: '1', title: '10 ideas', expected: '1 10 ideas' },
    { number: '2.1', title: '231 cosas', expected: '2.1 231 cosas' },
    { number: '3', title: '  ', expected: '3' },
  ];
  for (const { number, title, expected } of rows) {
    it(`${number} + ${JSON.stringify(title)} → ${JSON.stringify(expected)}`, () => expect(sectionHeading(number, title)).to.equal(expected));
  }
});

describe('isAnswered', () => {
  const rows: Array<{ label: string; answers: Answers; expected: boolean }> = [
    { label: 'text', answers: { 'resumen/idea': answer('Pan') }, expected: true },
    { label: 'one character after spaces', answers: { 'resumen/idea': answer(' \n x ') }, expected: true },
    { label: 'empty text', answers: { 'resumen/idea': answer('') }, expected: false },
    { label: 'spaces, tabs and line breaks only', answers: { 'resumen/idea': answer(' \t\n\u00a0 ') }, expected: false },
    { label: 'no answer', answers: {}, expected: false },
    { label: 'another question answered', answers: { 'resumen/meta': answer('x') }, expected: false },
    { label: 'an inherited key only', answers: Object.create({ 'resumen/idea': answer('x') }) as Answers, expected: false },
  ];
  for (const { label, answers, expected } of rows) {
    it(`${label} → ${expected}`, () => expect(isAnswered(answers, 'resumen', 'idea')).to.equal(expected));
  }
});

describe('planProgress', () => {
  const rows: Array<{ label: string; answers: Answers; answered: number; percent: number; sections: Record<string, number> }> = [
    { label: 'nothing answered', answers: {}, answered: 0, percent: 0, sections: {} },
    {
      label: 'answers in nested sections count for their own section only',
      answers: { 'segmentos/grupos': answer('Familias'), 'clientes/quien': answer('Vecinos') },
      answered: 2,
      percent: 28,
      sections: { clientes: 1, segmentos: 1 },
    },
    {
      label: 'whitespace-only answers do not count',
      answers: { 'resumen/idea': answer('   '), 'resumen/meta': answer('\n\n'), 'finanzas/ventas': answer('Mucho') },
      answered: 1,
      percent: 14,
      sections: { finanzas: 1 },
    },
    {
      label: 'answers to questions the outline does not have are ignored',
      answers: { 'resumen/vieja': answer('x'), 'otra/idea': answer('x'), 'resumen/idea': answer('Pan') },
      answered: 1,
      percent: 14,
      sections: { resumen: 1 },
    },
    {
      label: 'six of seven rounds down to 85',
      answers: Object.fromEntries(
        ['resumen/idea', 'resumen/meta', 'mercado/tamano', 'clientes/quien', 'segmentos/grupos', 'competencia/rivales'].map((key) => [key, answer('x')]),
      ),
      answered: 6,
      percent: 85,
      sections: { resumen: 2, mercado: 1, clientes: 1, segmentos: 1, competencia: 1 },
    },
  ];
  const totals: Record<string, number> = { resumen: 2, mercado: 1, clientes: 1, segmentos: 1, competencia: 1, finanzas: 1 };
  for (const row of rows) {
    it(row.label, () => {
      const progress = planProgress(outline, row.answers);
      expect(progress.total).to.equal(7);
      expect(progress.answered).to.equal(row.answered);
      expect(progress.percent).to.equal(row.percent);
      expect(progress.sections).to.deep.equal(
        Object.keys(totals).map((id) => ({ sectionId: id, answered: row.sections[id] ?? 0, total: totals[id] })),
      );
    });
  }

  it('is 100 only when everything is answered', () => {
    const all = Object.fromEntries(flattenSections(outline).flatMap(({ section: s }) => s.questions.map((qq) => [answerKey(s.id, qq.id), answer('x')])));
    expect(planProgress(outline, all)).to.deep.include({ answered: 7, total: 7, percent: 100 });
  });

  it('is 0 percent for an outline without questions', () => {
    const empty: PlanOutline = { ...outline, sections: [section('a', 'A', [])] };
    expect(planProgress(empty, {})).to.deep.equal({ sections: [{ sectionId: 'a', answered: 0, total: 0 }], answered: 0, total: 0, percent: 0 });
  });
});

// ------------------------------------------------------------ changes

describe('newPlan', () => {
  const rows: Array<{ label: string; input: Parameters<typeof newPlan>[0]; expected: PlanDocument }> = [
    {
      label: 'without a business name',
      input: { id: 'p-1', outlineId: 'corto', name: 'Mi plan', now: 5 },
      expected: { id: 'p-1', outlineId: 'corto', name: 'Mi plan', businessName: '', answers: {}, createdAt: 5, updatedAt: 5 },
    },
    {
      label: 'with long names, cut to their bounds',
      input: { id: 'p-1', outlineId: 'corto', name: 'n'.repeat(200), businessName: 'b'.repeat(300), now: 5 },
      expected: { id: 'p-1', outlineId: 'corto', name: 'n'.repeat(120), businessName: 'b'.repeat(160), answers: {}, createdAt: 5, updatedAt: 5 },
    },
  ];
  for (const { label, input, expected } of rows) {
    it(label, () => expect(newPlan(input)).to.deep.equal(expected));
  }
});

describe('setAnswer', () => {
  const rows: Array<{ label: string; text: string; expected: string }> = [
    { label: 'a plain text', text: 'Pan dulce', expected: 'Pan dulce' },
    { label: 'line breaks and spaces, kept as typed', text: '  uno\n\ndos  ', expected: '  uno\n\ndos  ' },
    { label: 'exactly 20,000 characters', text: 'a'.repeat(20_000), expected: 'a'.repeat(20_000) },
    { label: '20,001 characters, cut to 20,000', text: 'a'.repeat(20_001), expected: 'a'.repeat(20_000) },
    { label: 'an emoji across the bound, not split', text: `${'a'.repeat(19_999)}😀`, expected: 'a'.repeat(19_999) },
  ];
  for (const { label, text, expected } of rows) {
    it(`${label}: a new plan, changed now`, () => {
      const before = Object.freeze(plan(Object.freeze({ 'resumen/meta': answer('x', 1) })));
      const after = setAnswer(before, 'resumen', 'idea', text, 99);
      expect(after).not.to.equal(before);
      expect(after.updatedAt).to.equal(99);
      expect(after.answers).to.deep.equal({ 'resumen/meta': answer('x', 1), 'resumen/idea': answer(expected, 99) });
      expect(before.answers).to.deep.equal({ 'resumen/meta': answer('x', 1) });
    });
  }

  it('keeps a cleared answer, with its time, so the clearing wins a merge', () => {
    const after = setAnswer(plan({ 'resumen/idea': answer('Pan', 1) }), 'resumen', 'idea', '', 7);
    expect(after.answers).to.deep.equal({ 'resumen/idea': answer('', 7) });
    expect(after.updatedAt).to.equal(7);
  });

  const unchanged: Array<{ label: string; answers: Answers; text: string }> = [
    { label: 'the same text', answers: { 'resumen/idea': answer('Pan', 1) }, text: 'Pan' },
    { label: 'the same text after the cut', answers: { 'resumen/idea': answer('a'.repeat(20_000), 1) }, text: 'a'.repeat(30_000) },
    { label: 'an empty text for a question never answered', answers: {}, text: '' },
    {
      label: 'a new answer when the plan already has 2,000',
      answers: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`s/q${i}`, answer('x')])),
      text: 'one more',
    },
  ];
  for (const { label, answers, text } of unchanged) {
    it(`returns the plan itself for ${label}`, () => {
      const before = plan(answers);
      expect(setAnswer(before, 'resumen', 'idea', text, 99)).to.equal(before);
    });
  }

  it('still changes an existing answer when the plan has 2,000', () => {
    const answers = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`s/q${i}`, answer('x')]));
    expect(setAnswer(plan(answers), 's', 'q5', 'nuevo', 9).answers['s/q5']).to.deep.equal(answer('nuevo', 9));
  });
});

describe('updatePlanDetails and markExported', () => {
  const rows: Array<{ label: string; changes: Parameters<typeof updatePlanDetails>[1]; expected: Partial<PlanDocument> }> = [
    { label: 'a business name', changes: { businessName: 'Pan y Café' }, expected: { businessName: 'Pan y Café', updatedAt: 50 } },
    { label: 'a long name', changes: { name: 'x'.repeat(130) }, expected: { name: 'x'.repeat(120), updatedAt: 50 } },
    { label: 'a cash-flow link', changes: { cashFlowId: 'd-abc' }, expected: { cashFlowId: 'd-abc', updatedAt: 50 } },
  ];
  for (const { label, changes, expected } of rows) {
    it(label, () => expect(updatePlanDetails(plan({}), changes, 50)).to.deep.equal({ ...plan({}), ...expected }));
  }

  it('removes the cash-flow link', () => {
    expect(updatePlanDetails(plan({}, { cashFlowId: 'd-abc' }), { cashFlowId: undefined }, 50)).to.deep.equal({ ...plan({}), updatedAt: 50 });
  });

  it('returns the plan itself when nothing changes', () => {
    const before = plan({}, { cashFlowId: 'd-abc' });
    expect(updatePlanDetails(before, { name: before.name, businessName: before.businessName }, 50)).to.equal(before);
  });

  it('notes an export without changing updatedAt', () => {
    expect(markExported(plan({}), 70)).to.deep.equal({ ...plan({}), exportedAt: 70 });
  });
});

// ------------------------------------------------------------ Markdown

const owner: Answers = {
  'resumen/idea': answer('Pan francés y pan dulce.\nCada mañana.'),
  'resumen/meta': answer('   '),
  'segmentos/grupos': answer('Familias'),
};

describe('planToMarkdown', () => {
  it('writes the cover, contents, headings and answers, leaving out what is empty', () => {
    expect(planToMarkdown(outline, plan(owner), options())).to.equal(
      [
        '# Panadería Doña Marta',
        '',
        'Plan para el banco',
        '',
        'Preparado el 3 de marzo de 2026',
        '',
        '## Contenido',
        '',
        '- [1 Resumen](#1-resumen)',
        '- [2 El mercado](#2-el-mercado)',
        '  - [2.1 Sus clientes](#21-sus-clientes)',
        '    - [2.1.1 Segmentos](#211-segmentos)',
        '',
        '## 1 Resumen',
        '',
        '**¿Qué vende?**',
        '',
        'Pan francés y pan dulce.\\',
        'Cada mañana.',
        '',
        '## 2 El mercado',
        '',
        '### 2.1 Sus clientes',
        '',
        '#### 2.1.1 Segmentos',
        '',
        '**¿Qué grupos?**',
        '',
        'Familias',
        '',
      ].join('\n'),
    );
  });

  it('writes every section and question with includeEmpty, the empty ones in italics', () => {
    const small: PlanOutline = {
      ...outline,
      sections: [section('resumen', 'Resumen', [q('idea', '¿Qué vende?'), q('meta', '¿Cuánto?')], [section('detalle', 'Detalle', [q('d', 'D')])])],
    };
    expect(planToMarkdown(small, plan({ 'resumen/idea': answer('Pan') }), options({ includeEmpty: true }))).to.equal(
      [
        '# Panadería Doña Marta',
        '',
        'Plan para el banco',
        '',
        'Preparado el 3 de marzo de 2026',
        '',
        '## Contenido',
        '',
        '- [1 Resumen](#1-resumen)',
        '  - [1.1 Detalle](#11-detalle)',
        '',
        '## 1 Resumen',
        '',
        '**¿Qué vende?**',
        '',
        'Pan',
        '',
        '**¿Cuánto?**',
        '',
        '*Sin responder*',
        '',
        '### 1.1 Detalle',
        '',
        '**D**',
        '',
        '*Sin responder*',
        '',
      ].join('\n'),
    );
  });

  const cashFlow: CashFlowExtract = {
    headline: 'Proyección 2026. El dinero alcanza todos los meses.',
    header: ['Mes', 'Entradas', 'Salidas'],
    rows: [
      ['ene 2026', '$1,000.00', '$800.00'],
      ['feb | 2026', '$1,200.00'],
    ],
  };
  const table = [
    '| Mes | Entradas | Salidas |',
    '| --- | ---: | ---: |',
    '| ene 2026 | $1,000.00 | $800.00 |',
    '| feb \\| 2026 | $1,200.00 |  |',
  ];

  it('puts the cash-flow table after the financial section by default, in its contents', () => {
    const md = planToMarkdown(outline, plan({ 'resumen/idea': answer('Pan') }), options({ cashFlow }));
    expect(md).to.equal(
      [
        '# Panadería Doña Marta',
        '',
        'Plan para el banco',
        '',
        'Preparado el 3 de marzo de 2026',
        '',
        '## Contenido',
        '',
        '- [1 Resumen](#1-resumen)',
        '- [3 Plan financiero](#3-plan-financiero)',
        '  - [Flujo de caja proyectado](#flujo-de-caja-proyectado)',
        '',
        '## 1 Resumen',
        '',
        '**¿Qué vende?**',
        '',
        'Pan',
        '',
        '## 3 Plan financiero',
        '',
        '### Flujo de caja proyectado',
        '',
        'Proyección 2026. El dinero alcanza todos los meses.',
        '',
        ...table,
        '',
      ].join('\n'),
    );
  });

  const placements: Array<{ label: string; outline: PlanOutline; after?: string; expected: string[] }> = [
    {
      label: 'after the section asked for, after its subsections',
      outline,
      after: 'mercado',
      expected: ['## 2 El mercado', '', '### 2.1 Sus clientes', '', '#### 2.1.1 Segmentos', '', '**¿Qué grupos?**', '', 'Familias', '', '### Flujo de caja proyectado'],
    },
    {
      label: 'at the end when the section asked for does not exist',
      outline,
      after: 'nada',
      expected: ['Familias', '', '## Flujo de caja proyectado'],
    },
    {
      label: 'at the end when no title says “financ”',
      outline: { ...outline, sections: outline.sections.slice(0, 2) },
      expected: ['Familias', '', '## Flujo de caja proyectado'],
    },
    {
      label: 'after the last section whose title says “financ”, accents and case aside',
      outline: { ...outline, sections: [...outline.sections, section('pedido', 'Solicitud de FINÁNCIAMIENTO', [q('monto', '¿Cuánto?')])] },
      expected: ['## 4 Solicitud de FINÁNCIAMIENTO', '', '### Flujo de caja proyectado'],
    },
  ];
  for (const { label, outline: o, after, expected } of placements) {
    it(`puts the cash-flow table ${label}`, () => {
      const md = planToMarkdown(o, plan({ 'segmentos/grupos': answer('Familias') }), options({ cashFlow, cashFlowAfter: after }));
      expect(md).to.include(expected.join('\n'));
      expect(md).to.include(table.join('\n'));
      expect(md.match(/Flujo de caja proyectado\]/g)).to.have.length(1);
    });
  }

  it('finds the default place in the page’s language', () => {
    const bilingual: PlanOutline = {
      ...outline,
      sections: [section('plan', { es: 'Plan financiero', en: 'Financial plan' }, []), section('pedido', { es: 'Solicitud de financiamiento', en: 'Funding request' }, [])],
    };
    expect(defaultCashFlowAfter(bilingual, 'es')).to.equal('pedido');
    expect(defaultCashFlowAfter(bilingual, 'en')).to.equal('plan');
    expect(defaultCashFlowAfter(outline, 'es')).to.equal('finanzas');
  });

  /** The Markdown written for one answer. */
  const answerMarkdown = (text: string) => {
    const one: PlanOutline = { ...outline, sections: [section('s', 'S', [q('q', 'Q')])] };
    const md = planToMarkdown(one, plan({ 's/q': answer(text) }), options());
    return md.slice(md.indexOf('**Q**\n\n') + '**Q**\n\n'.length, -1);
  };
  const escapes: Array<{ input: string; expected: string }> = [
    { input: '# x', expected: '\\# x' },
    { input: '## x', expected: '\\## x' },
    { input: '- x', expected: '\\- x' },
    { input: '+ x', expected: '\\+ x' },
    { input: '* x', expected: '\\* x' },
    { input: '> cita', expected: '\\> cita' },
    { input: '1. uno', expected: '1\\. uno' },
    { input: '2024) un buen año', expected: '2024\\) un buen año' },
    { input: '<script>alert(1)</script>', expected: '\\<script>alert(1)\\</script>' },
    { input: 'precio <b>bajo</b> & <img src=x onerror=alert(1)>', expected: 'precio \\<b>bajo\\</b> & \\<img src=x onerror=alert(1)>' },
    { input: '```js', expected: '\\```js' },
    { input: '~~~', expected: '\\~~~' },
    { input: '    código', expected: 'código' },
    { input: 'Título\n===', expected: 'Título\\\n\\===' },
    { input: '---', expected: '\\---' },
    { input: '___', expected: '\\___' },
    { input: '| a | b |', expected: '\\| a | b |' },
    { input: ':-- | --', expected: '\\:-- | --' },
    { input: '[x]: https://ejemplo.com', expected: '\\[x]: https://ejemplo.com' },
    { input: 'mire ![foto](https://ejemplo.com/p.png)', expected: 'mire !\\[foto](https://ejemplo.com/p.png)' },
    { input: 'C:\\ruta\\', expected: 'C:\\\\ruta\\\\' },
    { input: 'línea 1\nlínea 2', expected: 'línea 1\\\nlínea 2' },
    { input: 'x\n# y\n- z', expected: 'x\\\n\\# y\\\n\\- z' },
    { input: 'a\r\n\r\n\r\nb', expected: 'a\n\nb' },
    { input: '  \n  texto  \n  ', expected: 'texto' },
    { input: 'Ventas: 5 * 3 = 15; 50% _más_', expected: 'Ventas: 5 * 3 = 15; 50% _más_' },
  ];
  for (const { input, expected } of escapes) {
    it(`writes the owner’s ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => expect(answerMarkdown(input)).to.equal(expected));
  }

  it('escapes feed text and labels in headings, questions, the contents and the cover', () => {
    const hostile: PlanOutline = {
      ...outline,
      sections: [section('s', 'Precio <b>#1</b> [oferta]', [q('q', '**¿Cuánto?** <img src=x>')])],
    };
    const md = planToMarkdown(hostile, plan({ 's/q': answer('x') }, { businessName: '# Pan <i>', name: '- lista' }), options());
    expect(md).to.equal(
      [
        '# \\# Pan \\<i\\>',
        '',
        '\\- lista',
        '',
        'Preparado el 3 de marzo de 2026',
        '',
        '## Contenido',
        '',
        '- [1 Precio \\<b\\>\\#1\\</b\\> \\[oferta\\]](#1-precio-b1b-oferta)',
        '',
        '## 1 Precio \\<b\\>\\#1\\</b\\> \\[oferta\\]',
        '',
        '**\\*\\*¿Cuánto?\\*\\* \\<img src=x\\>**',
        '',
        'x',
        '',
      ].join('\n'),
    );
  });

  it('numbers anchors of headings that repeat, as renderers do', () => {
    const md = planToMarkdown(outline, plan({ 'resumen/idea': answer('x') }, { businessName: '1 Resumen' }), options());
    expect(md).to.include('- [1 Resumen](#1-resumen-1)\n');
    expect(md).to.include('\n## 1 Resumen\n');
  });

  it('falls back to the plan’s name, then the outline’s, for the title; leaves out an empty prepared-on line', () => {
    const md = planToMarkdown(outline, plan({}, { businessName: '' }), options({ labels: { ...labels, preparedOn: '' } }));
    expect(md).to.equal('# Plan para el banco\n');
    expect(planToMarkdown(outline, plan({}, { businessName: ' ', name: '' }), options())).to.equal('# Plan corto\n\nPreparado el 3 de marzo de 2026\n');
  });

  it('uses the language asked for', () => {
    const md = planToMarkdown(outline, plan({ 'resumen/idea': answer('Bread') }), options({ lang: 'en' }));
    expect(md).to.include('## 1 Summary\n\n**What do you sell?**\n\nBread\n');
  });
});

// ------------------------------------------------------------ HTML

describe('planToHtml', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const hostileText = '<img src=x onerror="alert(1)">\n<script>alert(2)</script>\n  sangría';
  const hostile = plan(
    { 'resumen/idea': answer(hostileText), 'segmentos/grupos': answer('Familias & "vecinos"') },
    { businessName: 'Pan <b>& café</b>', name: 'Plan </title><script>x</script>' },
  );
  const cashFlow: CashFlowExtract = { headline: 'Saldo <mínimo>', header: ['Mes', 'Entradas'], rows: [['ene <2026>', '$1,000.00']] };

  it('is a complete UTF-8 document with the page’s language, no script and nothing external', () => {
    const html = planToHtml(outline, hostile, options({ cashFlow }));
    expect(html.startsWith('<!doctype html>\n<html lang="es">')).to.equal(true);
    const doc = parse(html);
    expect(doc.documentElement.lang).to.equal('es');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).to.equal('utf-8');
    expect(doc.querySelectorAll('script, img, iframe, object, embed, link, base, form, svg, math')).to.have.length(0);
    for (const element of doc.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith('on'), `${element.localName}[${attribute.name}]`).to.equal(false);
        if (attribute.name === 'href' || attribute.name === 'src') expect(attribute.value).to.match(/^#[a-z0-9-]+$/);
      }
    }
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).to.include("default-src 'none'");
  });

  it('shows the owner’s and the feed’s text as text', () => {
    const doc = parse(planToHtml(outline, hostile, options({ cashFlow })));
    expect(doc.title).to.equal('Pan <b>& café</b> — Plan </title><script>x</script>');
    expect(doc.querySelector('.cover h1')?.textContent).to.equal('Pan <b>& café</b>');
    expect(doc.querySelector('.cover .plan-name')?.textContent).to.equal('Plan </title><script>x</script>');
    expect(doc.querySelector('.cover .prepared')?.textContent).to.equal('Preparado el 3 de marzo de 2026');
    const answers = [...doc.querySelectorAll('.answer')].map((p) => p.textContent);
    expect(answers).to.deep.equal(['<img src=x onerror="alert(1)">\n<script>alert(2)</script>\nsangría', 'Familias & "vecinos"']);
    expect(doc.querySelector('.cash-flow .headline')?.textContent).to.equal('Saldo <mínimo>');
    expect(doc.querySelector('.cash-flow tbody th')?.textContent).to.equal('ene <2026>');
  });

  it('has a cover, contents that link to the headings, questions as headings and print CSS', () => {
    const doc = parse(planToHtml(outline, hostile, options({ cashFlow })));
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).to.match(/\.cover \{[^}]*break-after: page/);
    expect(css).to.match(/\.toc \{[^}]*break-after: page/);
    expect(css).to.match(/\.section\.top[^{]*\{[^}]*break-before: page/);
    expect(css).to.match(/\.answer \{[^}]*white-space: pre-wrap/);
    expect(css).to.include('@media print');
    expect(doc.querySelector('.toc h2')?.textContent).to.equal('Contenido');
    const links = [...doc.querySelectorAll('.toc a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['1 Resumen', '#s-1'],
      ['2 El mercado', '#s-2'],
      ['2.1 Sus clientes', '#s-2-1'],
      ['2.1.1 Segmentos', '#s-2-1-1'],
      ['3 Plan financiero', '#s-3'],
      ['Flujo de caja proyectado', '#cash-flow'],
    ]);
    for (const [, href] of links) expect(doc.getElementById(href!.slice(1)), href!).to.exist;
    const headings = [...doc.querySelectorAll('main h2, main h3, main h4, main h5')].map((h) => `${h.localName} ${h.textContent}`);
    expect(headings).to.deep.equal([
      'h2 1 Resumen',
      'h3 ¿Qué vende?',
      'h2 2 El mercado',
      'h3 2.1 Sus clientes',
      'h4 2.1.1 Segmentos',
      'h5 ¿Qué grupos?',
      'h2 3 Plan financiero',
      'h3 Flujo de caja proyectado',
    ]);
    expect([...doc.querySelectorAll('main > .section.top > h2')].map((h) => h.textContent)).to.deep.equal(['1 Resumen', '2 El mercado', '3 Plan financiero']);
    expect([...doc.querySelectorAll('.cash-flow thead th')].map((th) => th.textContent)).to.deep.equal(['Mes', 'Entradas']);
  });

  const languages: Array<{ lang: string; expected: string }> = [
    { lang: 'en', expected: 'en' },
    { lang: 'es-GT', expected: 'es-GT' },
    { lang: '"><script>', expected: 'es' },
    { lang: '', expected: 'es' },
  ];
  for (const { lang, expected } of languages) {
    it(`writes lang="${expected}" for ${JSON.stringify(lang)}`, () => {
      expect(parse(planToHtml(outline, plan({}), options({ lang }))).documentElement.getAttribute('lang')).to.equal(expected);
    });
  }

  it('writes empty questions in italics only with includeEmpty', () => {
    const withEmpty = parse(planToHtml(outline, plan({ 'resumen/idea': answer('Pan') }), options({ includeEmpty: true })));
    expect(withEmpty.querySelectorAll('.question')).to.have.length(7);
    expect(withEmpty.querySelectorAll('.answer.not-answered')).to.have.length(6);
    expect(withEmpty.querySelector('.not-answered')?.textContent).to.equal('Sin responder');
    const without = parse(planToHtml(outline, plan({ 'resumen/idea': answer('Pan') }), options()));
    expect(without.querySelectorAll('.question')).to.have.length(1);
    expect(without.querySelectorAll('.toc a')).to.have.length(1);
  });
});

// ------------------------------------------------------------ the demo feed

describe('the demo feed’s outlines', () => {
  let outlines: PlanOutline[] = [];
  before(async () => {
    const response = await fetch('/demo/feed.json');
    const parsed = parseFeedText(await response.text());
    if (!parsed.ok) throw new Error(parsed.error.message);
    outlines = parsed.feed.planOutlines;
  });

  const expectations: Array<{ id: string; minSections: number; nested: boolean; cashFlowAfter: { es: string | undefined; en: string | undefined } }> = [
    { id: 'plan-tradicional', minSections: 9, nested: true, cashFlowAfter: { es: 'solicitud-financiamiento', en: 'plan-financiero' } },
    { id: 'lienzo-lean', minSections: 9, nested: false, cashFlowAfter: { es: undefined, en: undefined } },
    { id: 'plan-micro-oit', minSections: 8, nested: true, cashFlowAfter: { es: 'capital-inicial', en: undefined } },
  ];
  for (const { id, minSections, nested, cashFlowAfter } of expectations) {
    it(`${id}: flattens, counts progress and exports every section and answer`, () => {
      const found = outlines.find((o) => o.id === id);
      expect(found, id).to.exist;
      const o = found!;
      const flat = flattenSections(o);
      expect(flat.filter((f) => f.depth === 0).length).to.be.at.least(minSections);
      expect(flat.some((f) => f.depth > 0)).to.equal(nested);
      expect(new Set(flat.map((f) => f.number)).size).to.equal(flat.length);
      for (const f of flat) expect(f.number.split('.').length).to.equal(f.depth + 1);

      let p = newPlan({ id: 'p-demo', outlineId: o.id, name: 'Demo', businessName: 'Panadería <Doña> Marta', now: 1 });
      const questions = flat.flatMap(({ section: s }) => s.questions.map((question) => ({ s, question })));
      questions.forEach(({ s, question }, i) => {
        if (i % 2 === 0) p = setAnswer(p, s.id, question.id, `Respuesta ${i}\n# no es título`, 10 + i);
      });
      const progress = planProgress(o, p.answers);
      expect(progress.total).to.equal(questions.length);
      expect(progress.answered).to.equal(Math.ceil(questions.length / 2));
      expect(progress.sections.map((s) => s.sectionId)).to.deep.equal(flat.map((f) => f.section.id));

      expect(defaultCashFlowAfter(o, 'es')).to.equal(cashFlowAfter.es);
      expect(defaultCashFlowAfter(o, 'en')).to.equal(cashFlowAfter.en);

      const cashFlow: CashFlowExtract = { headline: 'El dinero alcanza.', header: ['Mes', 'Saldo'], rows: [['ene 2026', '$10.00']] };
      for (const lang of ['es', 'en']) {
        const all = { lang, includeEmpty: true, labels, cashFlow };
        const md = planToMarkdown(o, p, all);
        const doc = new DOMParser().parseFromString(planToHtml(o, p, all), 'text/html');
        expect(doc.querySelectorAll('main section.section').length).to.equal(flat.length);
        expect(doc.querySelectorAll('.question').length).to.equal(questions.length);
        expect(doc.querySelectorAll('.toc a').length).to.equal(flat.length + 1);
        expect(doc.querySelectorAll('script, img').length).to.equal(0);
        expect(doc.querySelectorAll('.cash-flow table').length).to.equal(1);
        for (const f of flat) {
          const title = pickText(f.section.title, lang);
          expect(md, title).to.include(title);
          expect(doc.getElementById(`s-${f.number.replace(/\./g, '-')}`)?.textContent).to.equal(sectionHeading(f.number, title));
        }
        expect(md).to.include('Respuesta 0\\\n\\# no es título');
        expect(md).not.to.match(/^# no es título/m);
        expect(md.match(/^\| Mes \| Saldo \|$/gm)).to.have.length(1);

        const answeredOnly = planToMarkdown(o, p, { ...all, includeEmpty: false, cashFlow: undefined });
        expect(answeredOnly.match(/^\*\*/gm)?.length).to.equal(progress.answered);
        expect(answeredOnly).not.to.include('Sin responder');
      }
    });
  }
});
