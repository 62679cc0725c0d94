import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { measureRouteWeights } from '../../web/bench/route-weights.ts';
import { DIST_DIR } from '../../web/bench/first-page.ts';
const want = process.argv.slice(2);
for (const r of measureRouteWeights()) {
  if (!want.some((w) => r.route === w)) continue;
  console.log(r.route, (r.gzipped / 1024).toFixed(1));
  const rows = r.files.map((f) => { let b: Buffer; try { b = readFileSync(join(DIST_DIR, f)); } catch { b = readFileSync(f.startsWith('/')? f : join('/work/main/packages/web', f)); } return [f, gzipSync(b).length]; });
  rows.sort((a: any, b: any) => b[1] - a[1]);
  for (const [f, n] of rows) console.log('  ', (Number(n) / 1024).toFixed(1).padStart(6), f);
}
