import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';

// The catalogues' own checks (same keys, same placeholders, nothing left in English) are in
// shared/src/i18n/catalogue.test.ts, beside the catalogues the UI, the exports and the report share.

// ---------------------------------------------------------------------------------------------
// Scan of the components: user-visible text must come from the catalogue via t().

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Attributes whose value a person reads or hears. */
const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/**
 * Text that is not a word in any language and may be written in a component as it is.
 * Anything else with a letter in it goes through t().
 */
const ALLOWED_TEXT = new Set(['×', '·', '+', '−', '–', '—', '…', '/', ':', '(', ')', '%', '→', '←', '↑', '↓']);

function componentFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...componentFiles(path));
    else if (entry.name.endsWith('.tsx') && !/\.test\.tsx$/.test(entry.name)) files.push(path);
  }
  return files;
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Text that a person would read: it has a letter in it and is not an allowed symbol. */
function isWords(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && !ALLOWED_TEXT.has(trimmed) && /\p{L}/u.test(trimmed);
}

function isTranslateCall(node: AstNode): boolean {
  if (node.type !== 'CallExpression' || !isNode(node.callee)) return false;
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name === 't' || callee.name === 'translate';
  return callee.type === 'MemberExpression' && isNode(callee.property) && callee.property.name === 't';
}

/**
 * The string literals an expression can evaluate to as it is (through `a ? b : c`, `a ?? b`,
 * `a + b` and template literals); calls — t() or any other — are not looked into.
 */
function literalLeaves(node: unknown): AstNode[] {
  if (!isNode(node)) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && isWords(node.value) ? [node] : [];
    case 'TemplateLiteral': {
      const quasis = Array.isArray(node.quasis) ? (node.quasis as AstNode[]) : [];
      const expressions = Array.isArray(node.expressions) ? (node.expressions as unknown[]) : [];
      const text = quasis.map((q) => String((q.value as { cooked?: string } | undefined)?.cooked ?? '')).join(' ');
      return [...(isWords(text) ? [node] : []), ...expressions.flatMap(literalLeaves)];
    }
    case 'ConditionalExpression':
      return [...literalLeaves(node.consequent), ...literalLeaves(node.alternate)];
    case 'LogicalExpression':
    case 'BinaryExpression':
      return [...literalLeaves(node.left), ...literalLeaves(node.right)];
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return literalLeaves(node.expression);
    default:
      return [];
  }
}

function attributeName(node: AstNode): string {
  const name = node.name;
  if (!isNode(name)) return '';
  if (name.type === 'JSXIdentifier') return String(name.name);
  return '';
}

interface Offender {
  file: string;
  line: number;
  text: string;
  start: number;
}

/** Hard-coded user-facing strings in one component source. */
function findHardCodedText(source: string, file: string): Offender[] {
  const ast = parseAst(source, { lang: 'tsx' }, file) as unknown as AstNode;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i += 1) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const found: Offender[] = [];
  const report = (node: AstNode, text: string) =>
    found.push({
      file,
      line: lineOf(node.start),
      text: text.trim().replace(/\s+/g, ' ').slice(0, 60),
      start: node.start,
    });

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'JSXText' && isWords(String(node.value))) report(node, String(node.value));
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') {
      for (const child of (node.children as unknown[]) ?? []) {
        if (isNode(child) && child.type === 'JSXExpressionContainer') {
          for (const leaf of literalLeaves(child.expression)) report(leaf, source.slice(leaf.start, leaf.end));
        }
      }
    }
    if (node.type === 'JSXAttribute' && USER_FACING_ATTRIBUTES.has(attributeName(node))) {
      const value = node.value;
      if (isNode(value)) {
        const expression = value.type === 'JSXExpressionContainer' ? value.expression : value;
        if (!(isNode(expression) && isTranslateCall(expression))) {
          for (const leaf of literalLeaves(expression)) report(leaf, `${attributeName(node)}=${source.slice(leaf.start, leaf.end)}`);
        }
      }
    }
    for (const [field, value] of Object.entries(node)) {
      if (field !== 'type' && field !== 'start' && field !== 'end' && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return found.sort((a, b) => a.start - b.start);
}

describe('component scan', () => {
  it('finds words written in JSX and in user-facing attributes, but not t() calls or symbols', () => {
    const source = [
      'export const A = () => (',
      '  <div title="Skriv her" aria-label={t("a.b")} placeholder={x ? "Søg" : t("c")}>',
      '    <span>×</span> {count} ·',
      "    <b>Hello</b>{'world'}{x ?? 'Untitled'}",
      '    <img alt={`Photo of ${name}`} className="card" />',
      '    {t("ok")}<i label="+" />',
      '  </div>',
      ');',
    ].join('\n');
    const found = findHardCodedText(source, 'Example.tsx').map((o) => `${o.line}: ${o.text}`);
    expect(found).toEqual([
      '2: title="Skriv her"',
      '2: placeholder="Søg"',
      '4: Hello',
      "4: 'world'",
      "4: 'Untitled'",
      '5: alt=`Photo of ${name}`',
    ]);
  });

  it('reports no user-visible string written outside the catalogue in any component', () => {
    const files = componentFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((path) => findHardCodedText(readFileSync(path, 'utf8'), relative(SRC, path)));
    const report = offenders.map((o) => `client/src/${o.file}:${o.line}  ${o.text}`);
    expect(report, `Put these strings in shared/src/i18n/messages/*.ts and use t():\n${report.join('\n')}`).toEqual([]);
  });
});
