import fs from 'node:fs';

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly hitCount?: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }>;
}

/** Where a frame's code comes from: an npm package, the portal, Node itself, or V8's bookkeeping. */
function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/packages/shared/')) return '@entry/shared';
  if (url.includes('/packages/server/')) return 'portal code';
  return url;
}

function table(title: string, shares: Map<string, number>, total: number, limit: number): string {
  const rows = [...shares.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return [
    title,
    ...rows.map(([name, hits]) => `  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`),
  ].join('\n');
}

/**
 * The self time in V8 .cpuprofile files, by origin (package) and by function: where the CPU
 * goes while the process is busy (idle samples are left out of the shares).
 */
export function summarizeCpuProfiles(files: readonly string[], limit = 25): string {
  if (!files.length) return 'no CPU profile';
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (!hits) continue;
      const { functionName, url, lineNumber } = node.callFrame;
      total += hits;
      if (functionName === '(idle)') {
        idle += hits;
        continue;
      }
      const origin = originOf(url, functionName);
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + hits);
      const where = url ? `${url.replace(/^.*\/node_modules\//, '')}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'} ${where}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    }
  }
  const busy = total - idle;
  return [
    `${files.length} profile(s), ${total} samples, ${((busy / total) * 100).toFixed(1)}% busy; shares of busy samples:`,
    table('by origin (self time)', byOrigin, busy, limit),
    table('by function (self time)', byFunction, busy, limit),
  ].join('\n');
}

if (require.main === module) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error(
      'usage: node -r @swc-node/register bench/profile-summary.ts <file.cpuprofile>...',
    );
    process.exit(1);
  }
  console.log(summarizeCpuProfiles(files));
}
