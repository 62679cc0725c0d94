// Lighthouse's performance and accessibility scores for one page of the running portal, on the
// mobile preset (Lighthouse's default: a mid-range phone on slow 4G, simulated) and the desktop
// one, in Debian's Chromium.
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, {
  defaultConfig,
  desktopConfig,
  type Config,
  type Flags,
  type Result,
} from 'lighthouse';
import { CHROMIUM_PATH } from '../e2e/support/browser';

export type Preset = 'mobile' | 'desktop';
export const CATEGORIES = ['performance', 'accessibility'] as const;
type Category = (typeof CATEGORIES)[number];

const PRESET_CONFIGS: Record<Preset, Config> = { mobile: defaultConfig, desktop: desktopConfig };

// The flags the browser tests use (STACK.md); chrome-launcher adds its own defaults for
// Lighthouse (no extensions, no default-browser check, ...).
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LighthouseScores {
  url: string;
  preset: Preset;
  /** 0-100, the median run's */
  scores: Record<Category, number>;
  /** every run's scores, in the order they ran */
  runs: Record<Category, number>[];
  /** the median run's audits that cost points, worst first: what to fix */
  losingAudits: {
    category: Category;
    id: string;
    title: string;
    score: number | null;
    displayValue: string | null;
  }[];
  /** Lighthouse's measure of this machine's CPU speed (a desktop of 2020 scores ~1,500-2,000) */
  benchmarkIndex: number;
  metrics: Record<string, number | null>;
  /** the median run's largest contentful paint: which element it was (what to make paint sooner) */
  lcpElement: string | null;
}

export interface LighthouseRunner {
  score(url: string, preset: Preset, options?: { cookie?: string }): Promise<LighthouseScores>;
  close(): Promise<void>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
] as const;

/** Trace-recording failures of Chromium's, not of the page: the run is repeated. */
const RUN_AGAIN_CODES: ReadonlySet<string> = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED']);
const RUN_ATTEMPTS = 3;

/**
 * One Chromium for every Lighthouse run. Each score is the median of `runs` runs by performance
 * score (Lighthouse's own advice: single runs vary, more so on a shared 2-core machine).
 */
export async function startLighthouse({
  runs = 3,
}: { runs?: number } = {}): Promise<LighthouseRunner> {
  const chrome: LaunchedChrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  async function once(url: string, preset: Preset, cookie?: string) {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // A fresh cache per run: the score is a first visit's.
      disableStorageReset: false,
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    };
    for (let attempt = 1; ; attempt += 1) {
      const result = await lighthouse(url, flags, PRESET_CONFIGS[preset]);
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (!lhr.runtimeError) return lhr;
      // Chromium now and then leaves the navigation's start out of the trace; Lighthouse's
      // advice is to run again. Any other error, or this one three times, ends the bench.
      if (!RUN_AGAIN_CODES.has(lhr.runtimeError.code) || attempt === RUN_ATTEMPTS)
        throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
      console.warn(`lighthouse ${preset} ${url}: ${lhr.runtimeError.code}, running it again`);
    }
  }

  return {
    async score(url, preset, { cookie } = {}) {
      const reports: Result[] = [];
      for (let run = 0; run < runs; run += 1) reports.push(await once(url, preset, cookie));
      const scoresOf = (lhr: Result) =>
        Object.fromEntries(
          CATEGORIES.map((category) => [
            category,
            Math.round((lhr.categories[category]?.score ?? 0) * 100),
          ]),
        ) as Record<Category, number>;
      const byPerformance = [...reports].sort(
        (a, b) => scoresOf(a).performance - scoresOf(b).performance,
      );
      const median = byPerformance[Math.floor(byPerformance.length / 2)]!;
      return {
        url,
        preset,
        scores: scoresOf(median),
        runs: reports.map(scoresOf),
        losingAudits: CATEGORIES.flatMap((category) =>
          (median.categories[category]?.auditRefs ?? [])
            .map((ref) => median.audits[ref.id])
            // score null: informative or not applicable; metrics and opportunities both count
            .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
            .map((audit) => ({
              category,
              id: audit!.id,
              title: audit!.title,
              score: audit!.score,
              displayValue: audit!.displayValue ?? null,
            })),
        ).sort((a, b) => (a.score ?? 0) - (b.score ?? 0)),
        benchmarkIndex: median.environment.benchmarkIndex,
        lcpElement: lcpElementOf(median),
        metrics: Object.fromEntries(
          METRICS.map((id) => [id, median.audits[id]?.numericValue ?? null]),
        ),
      };
    },
    async close() {
      chrome.kill();
    },
  };
}

/** The node Lighthouse names as the largest contentful paint, as its label and HTML snippet. */
function lcpElementOf(lhr: Result): string | null {
  // details: a list whose first table's first row holds the node
  const details = lhr.audits['largest-contentful-paint-element']?.details as
    { items?: { items?: { node?: { nodeLabel?: string; snippet?: string } }[] }[] } | undefined;
  const node = details?.items?.[0]?.items?.[0]?.node;
  return node ? `${node.nodeLabel ?? ''} ${node.snippet ?? ''}`.trim() : null;
}
