// Preloaded into the portal by `bench/api.ts --profile` (node --import): SIGUSR2 starts V8's CPU
// profiler, the next SIGUSR2 stops it and writes $BENCH_CPU_PROFILE_DIR/<n>.cpuprofile. Profiling
// on signal covers exactly the measured load, and needs no clean exit (node --cpu-prof writes its
// file only when the process exits by itself).
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  let profiling = false;
  let written = 0;
  process.on('SIGUSR2', () => {
    if (!profiling) {
      profiling = true;
      session.post('Profiler.start');
      return;
    }
    profiling = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) {
        console.error('cpu-profiler: could not stop the profiler', error);
        return;
      }
      written += 1;
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${written}.cpuprofile`);
      // written under another name first: the benchmark waits for the final name
      fs.writeFileSync(`${file}.part`, JSON.stringify(result.profile));
      fs.renameSync(`${file}.part`, file);
    });
  });
}
