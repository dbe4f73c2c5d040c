import ts from 'typescript';

/** A place where an error's (English) `.message` reaches the person at the screen. */
export type UntranslatedMessage = {
  readonly file: string;
  readonly line: number;
  readonly where: 'translation' | 'notification' | 'jsx-child' | 'jsx-attribute';
  readonly code: string;
};

/**
 * Whether `node`, or anything under it, reads a `.message`. Nested JSX and calls that are
 * reported on their own (translations, notifications) are left to their own check, so one
 * leak is reported once.
 */
function readsMessage(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'message') return true;
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node))
    return false;
  if (ts.isCallExpression(node) && (isTranslation(node) || isNotification(node))) return false;
  return ts.forEachChild(node, (child) => (readsMessage(child) ? true : undefined)) ?? false;
}

/** `t(…)`, `i18n.t(…)`, `i18next.t(…)`: a call that makes a translated sentence. */
function isTranslation(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

/** `notifications.show(…)`: its `message` is shown as it is. */
function isNotification(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'show' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'notifications'
  );
}

/**
 * Finds every `.message` passed to a translation (`t('…', { reason: error.message })`), shown
 * in a notification, rendered as a JSX child (`{outcome.message}`) or handed to a component as
 * a prop (`<Alert message={error.message} />`; `key` is not shown, so it is allowed).
 */
export function findUntranslatedMessages(file: string, text: string): UntranslatedMessage[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: UntranslatedMessage[] = [];
  const report = (node: ts.Node, where: UntranslatedMessage['where']) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file, line: line + 1, where, code: node.getText(source) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const argumentsReadMessage = () => node.arguments.some(readsMessage);
      if (isTranslation(node) && argumentsReadMessage()) report(node, 'translation');
      if (isNotification(node) && argumentsReadMessage()) report(node, 'notification');
    } else if (
      ts.isJsxExpression(node) &&
      node.expression !== undefined &&
      !ts.isJsxAttribute(node.parent) &&
      readsMessage(node.expression)
    ) {
      report(node, 'jsx-child');
    } else if (
      ts.isJsxAttribute(node) &&
      node.name.getText(source) !== 'key' &&
      node.initializer !== undefined &&
      readsMessage(node.initializer)
    ) {
      report(node, 'jsx-attribute');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
