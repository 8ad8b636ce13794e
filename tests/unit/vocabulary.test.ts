// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * One word for each thing (issue 16, point 10). Every piece of text a person can read — JSX
 * text, string and template literals in the app and in the mock's problem details and e-mails —
 * uses the glossary's word, so a new screen that says "Email", "attempts" or "Authentication
 * code" fails here instead of in a review.
 *
 * | thing                       | the word                                        |
 * |-----------------------------|-------------------------------------------------|
 * | electronic mail             | e-mail ("E-mail" as a label)                    |
 * | the second sign-in factor   | MFA, "multi-factor authentication (MFA)"        |
 * | the app's code field        | "6-digit code" (and "Recovery code" for those)  |
 * | how often one may try       | tries ("2 tries left")                          |
 */
const GLOSSARY: { word: string; not: RegExp }[] = [
  { word: 'e-mail', not: /\b[Ee]mails?\b|\bE-Mail\b/ },
  { word: 'MFA / multi-factor authentication', not: /two-factor|\b2FA\b|second factor/i },
  {
    word: '6-digit code',
    not: /authentication code|verification code|security code|one-time code|code (box|input)\b/i,
  },
  { word: 'tries', not: /\battempts?\b/i },
];

/** Third parties' own words, quoted so people find them in those apps. */
const QUOTED_ELSEWHERE = [/One-Time Password/, /one-time passwords \(TOTP/];

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.|test-helpers|\.d\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

/** Text a person can read: literals with a space (sentences, labels) and JSX text. */
function readableText(path: string): { line: number; text: string }[] {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    kind,
  );
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isJsxText(node)) text = node.text.trim();
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((s) => ` … ${s.literal.text}`).join('');
    const isLabel =
      node.parent !== undefined &&
      ts.isJsxAttribute(node.parent) &&
      /^(label|title|description|placeholder|aria-label)$/.test(node.parent.name.getText());
    if (
      text &&
      (/\S\s+\S/.test(text) || isLabel) &&
      !(node.parent && ts.isImportDeclaration(node.parent))
    ) {
      // A field name quoted in a problem detail ("email" is required) is the API's, not prose.
      const prose = text.replace(/"[^"]*"/g, '""');
      found.push({
        line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        text: prose,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('one word for each thing', () => {
  const texts = sourceFiles(join(root, 'src')).flatMap((path) =>
    readableText(path).map((t) => ({ ...t, where: `${relative(root, path)}:${t.line}` })),
  );

  it('reads the text of the app and the mock', () => {
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.some((t) => t.text === 'E-mail')).toBe(true);
  });

  it.each(GLOSSARY)('says "$word" everywhere', ({ not }) => {
    const offenders = texts
      .filter((t) => not.test(t.text) && !QUOTED_ELSEWHERE.some((q) => q.test(t.text)))
      .map((t) => `${t.where}: ${t.text}`);
    expect(offenders).toEqual([]);
  });

  it('would notice a new "Email" label, "attempts" or "Authentication code"', () => {
    for (const planted of ['Email', '3 attempts left', 'Authentication code', 'Set up 2FA'])
      expect(GLOSSARY.some(({ not }) => not.test(planted))).toBe(true);
  });
});
