// Prints what the first page (/, the home page) loads from dist/: the entry script and every
// chunk it imports statically, plus the home page's chunk and its static imports, gzipped.
// Lazy pages (import()) are not counted: they load when their route is visited.
//
//   node scripts/first-page-size.mjs   (after pnpm --filter @entry/web build)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('No module script in dist/index.html: run the build first');
const home = readdirSync(assets).find((name) => /^HomePage-.*\.js$/.test(name));
if (!home) throw new Error('No HomePage chunk in dist/assets');

const staticImport = /(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g;
const seen = new Set();
function visit(name) {
  if (seen.has(name)) return;
  seen.add(name);
  const code = readFileSync(join(assets, name), 'utf8');
  for (const match of code.matchAll(staticImport)) visit(match[1]);
}
visit(entry);
visit(home);

let raw = 0;
let gzip = 0;
const rows = [...seen].map((name) => {
  const code = readFileSync(join(assets, name));
  const zipped = gzipSync(code, { level: 9 }).length;
  raw += code.length;
  gzip += zipped;
  return { name, raw: code.length, gzip: zipped };
});
rows.sort((a, b) => b.gzip - a.gzip);
for (const row of rows)
  console.log(`${(row.gzip / 1024).toFixed(2).padStart(8)} kB gz  ${row.name}`);
console.log(
  `first page JS: ${(raw / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzipped (${seen.size} files)`,
);
