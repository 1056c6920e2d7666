import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { zhMessages } from '@app/core';
import { registerAllZhMessages } from './zh-messages';

const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.zh.ts') ? [path] : [];
  });
}

/** A message as it reads at run time, with each interpolation standing in as `X`. */
function sampleOf(node: ts.Node, constants: Map<string, string>): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `X${span.literal.text}`).join('');
  if (ts.isIdentifier(node)) return constants.get(node.text);
  return undefined;
}

/**
 * Every English message the code hands to a caller: details of Problems.* and ProblemException,
 * Nest's exceptions, and every `message:` (field problems and class-validator options).
 */
function messagesIn(file: string): { where: string; sample: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const constants = new Map<string, string>();
  const found: { where: string; sample: string }[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const add = (node: ts.Node | undefined, wrap = (text: string) => text) => {
    const sample = node ? sampleOf(node, constants) : undefined;
    if (node && sample !== undefined) found.push({ where: where(node), sample: wrap(sample) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteral(node.initializer)) {
      constants.set(node.name.text, node.initializer.text);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.getText() === 'Problems') {
      const [first, second] = node.arguments;
      switch (node.expression.name.text) {
        case 'notFound':
          add(first, (entity) => `${entity} X was not found`);
          break;
        case 'staleVersion':
          add(first, (entity) => `${entity} was changed by someone else; reload it and try again`);
          break;
        case 'illegalTransition':
          add(first, (entity) => `${entity} is X; it cannot become X`);
          break;
        case 'conflict':
        case 'invalid':
          add(second);
          break;
        default:
          add(first);
      }
    }
    // Helpers that wrap a detail into a problem (the agency import's `invalidFile`).
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'invalidFile') add(node.arguments[0]);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text.endsWith('Exception')) {
      add(node.expression.text === 'ProblemException' ? node.arguments?.[2] : node.arguments?.[0]);
    }
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'message') add(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Chinese problem messages', () => {
  beforeAll(() => registerAllZhMessages());

  it('has Chinese for every message the code produces', () => {
    // Configuration errors stop the process at start-up; they are not answers to a caller.
    const files = [...sourceFiles(join(ROOT, 'libs')), ...sourceFiles(join(ROOT, 'apps/api/src'))].filter((file) => !file.endsWith('environment.ts'));
    const messages = files.flatMap(messagesIn);
    expect(messages.length).toBeGreaterThan(150);
    const missing = messages.filter(({ sample }) => zhMessages.translate(sample) === undefined).map(({ where, sample }) => `${where}  ${sample}`);
    expect(missing).toEqual([]);
  });

  it('translates class-validator messages, nested messages and entity names', () => {
    expect(zhMessages.translate('each value in categories must be shorter than or equal to 40 characters')).toBe('每一项：categories 最多 40 个字符');
    expect(zhMessages.translate('Licence application 7 was not found')).toBe('未找到许可证申请 7');
    expect(zhMessages.translate('Complaint is closed; it cannot become investigating')).toBe('投诉当前状态为“已关闭”，不能变为“调查中”');
    expect(zhMessages.translate('Licence is suspended; it cannot become renewed')).toBe('许可证当前状态为“暂停”，不能变为“续期”');
  });

  it('translates the messages built from parts at run time', () => {
    expect(zhMessages.translate('uscc is not a valid unified social credit code: check character is 3, expected 7')).toBe(
      'uscc 不是有效的统一社会信用代码：校验码为 3，应为 7',
    );
    expect(zhMessages.translate('uscc is not a valid unified social credit code: must be 18 characters')).toBe('uscc 不是有效的统一社会信用代码：须为 18 位');
    expect(zhMessages.translate('missing columns: uscc, name_zh; unknown columns: foo')).toBe('缺少列：uscc, name_zh；未知列：foo');
    expect(zhMessages.translate('Licence for unified social credit code 91350100MA2XXXXXX1 was not found')).toBe('未找到统一社会信用代码为 91350100MA2XXXXXX1 的机构的许可证');
    expect(zhMessages.translate('This action is for system_admin, bureau_admin; you are signed in as inspector')).toBe('此操作仅限：system_admin, bureau_admin；您当前的身份是检查员');
  });
});
