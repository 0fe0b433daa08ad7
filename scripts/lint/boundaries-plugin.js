// oxlint JS plugin: the architecture's import boundaries (rule `nebula/boundaries`,
// configured in .oxlintrc.json). oxlint has no import/no-restricted-paths; this
// resolves each relative import to a repository path, finds the layer ("element")
// of both ends and checks the pair against the configured allow lists.
// Plain JS because oxlint loads plugins with Node's import(); tested by
// scripts/lint/boundaries.test.ts, which runs oxlint on fixture files.
import path from 'node:path';

/** @typedef {{ type: string, pattern: string }} Element */
/** @typedef {{ elements: Element[], allow: Record<string, string[]>, tests?: string[], allowInTests?: Record<string, string[]> }} Options */

/** The element a repository-relative path belongs to, or null. */
export function elementOf(/** @type {string} */ rel, /** @type {Element[]} */ elements) {
  const parts = rel.split('/');
  for (const el of elements) {
    const pat = el.pattern.split('/');
    if (parts.length < pat.length) continue;
    let name = '';
    let ok = true;
    for (let i = 0; i < pat.length; i++) {
      if (pat[i] === '*') name = parts[i];
      else if (pat[i] !== parts[i]) ok = false;
    }
    if (ok) return { type: el.type, name };
  }
  return null;
}

/** A glob with `**` (any folders) and `*` (within one name), matched against a whole path. */
function globToRegExp(/** @type {string} */ glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Why importing `to` from `from` (both repository-relative) breaks the
 * boundaries, or null when it is allowed.
 */
export function violation(/** @type {string} */ from, /** @type {string} */ to, /** @type {Options} */ options) {
  const src = elementOf(from, options.elements);
  if (!src) return null; // scripts, e2e, bench, configs: not layered
  const dst = elementOf(to, options.elements);
  const isTest = (options.tests ?? []).some((g) => globToRegExp(g).test(from));
  const allowed = [...(options.allow[src.type] ?? []), ...(isTest ? (options.allowInTests?.[src.type] ?? []) : [])];
  if (!dst) return `${from} (${src.type}) imports ${to}, which is outside every layer`;
  if (dst.type === src.type && src.type === 'feature') {
    if (allowed.includes('feature') || (dst.name === src.name && allowed.includes('feature:self'))) return null;
    return `feature "${src.name}" imports feature "${dst.name}" (${to}): a feature does not import another feature; move the shared part to src/api, src/components or src/config, or compose them in src/app`;
  }
  if (allowed.includes(dst.type)) return null;
  return `${src.type} ${src.name ? `"${src.name}" ` : ''}imports ${dst.type} (${to}); ${src.type} may import: ${allowed.join(', ') || 'nothing layered'}`;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the architecture in docs/architecture.md' }, schema: false },
  create(context) {
    /** @type {Options} */
    const options = context.options[0];
    const cwd = context.cwd;
    const file = context.filename;
    const from = path.relative(cwd, file).split(path.sep).join('/');
    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const abs = path.resolve(path.dirname(file), source.value);
      const to = path.relative(cwd, abs).split(path.sep).join('/');
      const why = violation(from, to, options);
      if (why) context.report({ node: source, message: why });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { meta: { name: 'nebula' }, rules: { boundaries: rule } };
