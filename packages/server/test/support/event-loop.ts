import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What a request cost the process it ran in (the test portal runs in the test's process). */
export interface RequestCost<T> {
  readonly result: T;
  /** the longest the event loop was held at once, in ms (10 ms resolution) */
  readonly longestStallMs: number;
  /** how long each /healthz asked meanwhile took to answer, in ms */
  readonly healthLatenciesMs: number[];
  /** the resident set's peak above where it started, in MB */
  readonly rssGrowthMb: number;
}

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** Linux: writing 5 to clear_refs resets VmHWM, the peak RSS, so a peak is one request's own. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssBytes(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs `action` while measuring the event loop's longest stall, the process's peak RSS growth,
 * and, when `healthUrl` is given, /healthz's latency asked every 20 ms, one after the other.
 */
export async function measureRequest<T>(
  healthUrl: string | null,
  action: () => Promise<T>,
): Promise<RequestCost<T>> {
  global.gc?.();
  const exactPeak = resetPeakRss();
  const startRss = process.memoryUsage().rss;
  let sampledPeak = startRss;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const healthLatenciesMs: number[] = [];
  let running = true;
  const probe = (async () => {
    while (healthUrl && running) {
      const started = performance.now();
      await fetch(healthUrl).then((response) => response.arrayBuffer());
      healthLatenciesMs.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await action();
    return {
      result,
      longestStallMs: delay.max / 1e6,
      healthLatenciesMs,
      rssGrowthMb: ((exactPeak ? (peakRssBytes() ?? sampledPeak) : sampledPeak) - startRss) / MB,
    };
  } finally {
    running = false;
    await probe;
    delay.disable();
    clearInterval(sampler);
  }
}

/**
 * POSTs a body in 64 KB writes, as a browser or curl sends it: one 10 MB write would hold the
 * test's own event loop, which the test portal shares, and be counted against the server.
 */
export async function postInChunks(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(body.length) },
      timeout: timeoutMs,
    });
    request.once('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      response.once('error', reject);
    });
    let offset = 0;
    const writeMore = (): void => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + CHUNK);
        offset += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', writeMore);
      }
      request.end();
    };
    // the server may answer (413) and close before the whole body is sent
    request.once('response', () => request.off('drain', writeMore));
    writeMore();
  });
}
