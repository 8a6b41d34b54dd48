/**
 * An ESLint rule for the project's layers, in the spirit of VS Code's layer rules: each layer
 * names what it must not import, and every relative import (and every package import) is checked
 * against the folder it resolves to, however many `../` it takes to get there.
 *
 * Options: a list of layers, each
 *   { name, files: [prefix], except?: [prefix], forbid?: [prefix], allow?: [prefix],
 *     forbidPackages?: [name], why }
 * where a prefix is a path from the project root ('electron/ipc/', 'electron/engine/protocol').
 * A file in `files` (and not in `except`) may not import a path in `forbid` unless it is in
 * `allow`, nor a package in `forbidPackages`.
 */
import path from 'node:path';

const underAny = (file, prefixes = []) => prefixes.some((prefix) => file.startsWith(prefix));

/** @type {import('eslint').Rule.RuleModule} */
export const importLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports pointing down the layers of the project' },
    schema: [{ type: 'array', items: { type: 'object' } }],
    messages: {
      forbidden: '{{layer}} must not import {{target}}: {{why}}',
    },
  },
  create(context) {
    const root = context.cwd;
    const toProjectPath = (absolute) => path.relative(root, absolute).split(path.sep).join('/');
    const file = toProjectPath(context.filename);
    const layers = (context.options[0] ?? []).filter(
      (layer) => underAny(file, layer.files) && !underAny(file, layer.except),
    );
    if (layers.length === 0) return {};

    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const relative = source.startsWith('.');
      const target = relative
        ? toProjectPath(path.resolve(path.dirname(context.filename), source))
        : source;
      for (const layer of layers) {
        const refused = relative
          ? underAny(target, layer.forbid) && !underAny(target, layer.allow)
          : (layer.forbidPackages ?? []).some(
              (name) => target === name || target.startsWith(`${name}/`),
            );
        if (refused) {
          context.report({
            node,
            messageId: 'forbidden',
            data: { layer: layer.name, target, why: layer.why },
          });
        }
      }
    };
    const fromSource = (node) => {
      if (node.source) check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value);
      },
    };
  },
};
