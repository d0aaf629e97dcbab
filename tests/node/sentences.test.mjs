// Every user-visible sentence is one msg() (issue #10): a translated text joined to another text
// with + or inside a plain template literal cannot be translated whole (word order, agreement).
// Tagged templates (Lit's html/svg/css) are markup, where a text beside another is an element's
// content, not half a sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('../../', import.meta.url);
const dirs = ['src', 'demo/src'];
const files = dirs.flatMap((dir) =>
  readdirSync(new URL(dir, root), { recursive: true })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.includes('generated'))
    .map((name) => join(dir, name)),
);

const isMsg = (node) => ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg';

function joined(file, text = readFileSync(new URL(file, root), 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const where = (node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && (isMsg(node.left) || isMsg(node.right))) {
      found.push(`${where(node)}  ${node.getText().slice(0, 120)}`);
    }
    const markup = node.parent !== undefined && ts.isTaggedTemplateExpression(node.parent) && ['html', 'svg', 'css'].includes(node.parent.tag.getText());
    if (ts.isTemplateExpression(node) && !markup && node.templateSpans.some((span) => isMsg(span.expression))) {
      found.push(`${where(node)}  ${node.getText().slice(0, 120)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no translated sentence is glued to another text', () => {
  assert.ok(files.length > 50, 'the sources were found');
  const found = files.flatMap((file) => joined(file));
  assert.deepEqual(found, [], `put the whole sentence in one msg(), with placeholders:\n${found.join('\n')}`);
});

test('the check sees a glued sentence, and not markup', () => {
  const probe = "const a = msg('Hello') + name; const b = `${msg('x')}, ${y}`; const c = html`<p>${msg('ok')}</p>`;";
  assert.equal(joined('probe.ts', probe).length, 2);
});
