// Preloaded into the portal by bench/abuse.ts (node --import ./bench/loop-probe.mjs dist/main.js):
// the longest event-loop stall and the peak RSS, measured inside the server process itself and
// read over the IPC channel, so the benchmark's own work (building 10 MB bodies) never counts.
// Plain JavaScript so it preloads into any build, this one or an older one to compare with.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

/** VmHWM, the resident set's high-water mark, in bytes (Linux); null elsewhere. */
function peakRss() {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

if (process.send) {
  process.on('message', (message) => {
    if (!message || message.probe === undefined) return;
    if (message.probe === 'reset') {
      delay.reset();
      try {
        fs.writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
      } catch {
        // not Linux: the peak is then the process's whole life
      }
    }
    process.send({
      probe: message.probe,
      maxStallMs: delay.max / 1e6,
      rss: process.memoryUsage().rss,
      peakRss: peakRss(),
    });
  });
  // the channel must not keep the server alive once it has stopped
  process.channel?.unref();
}
