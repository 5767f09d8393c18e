// The root README as the npm package carries it (scripts/dist.mjs).

/**
 * The README as packed: outside code blocks, a Markdown link to a relative
 * path that is not in the package (`[docs/RULES.md](docs/RULES.md)`, an image too) becomes
 * its text; links to URLs, anchors and shipped files stay. A note follows the
 * title. Used by scripts/dist.mjs.
 */
export function packageReadme(md, inPackage = ['README.md', 'CHANGELOG.md', 'LICENSE']) {
  const keep = (target) => /^([a-z][a-z0-9+.-]*:|#|\/)/i.test(target) || inPackage.includes(target.split('#')[0]);
  let fenced = false;
  const lines = md.split('\n').map((line) => {
    if (/^\s*```/.test(line)) { fenced = !fenced; return line; }
    if (fenced) return line;
    return line.replace(/!?\[([^\]]*)\]\(([^)\s]+)\)/g, (all, text, target) => (keep(target) ? all : text));
  });
  const title = lines.findIndex((l) => l.startsWith('# '));
  lines.splice(title + 1, 0, '', '> This is the README of the widget\'s source repository: paths such as',
    '> `docs/CLINICAL.md` or `examples/` name files there, not in this package',
    '> (which holds the embed, its types, README, CHANGELOG.md and LICENSE).');
  return lines.join('\n');
}
