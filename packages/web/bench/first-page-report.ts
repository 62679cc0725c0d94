// scripts/first-page-size.mjs: the first page's JavaScript alone, without Lighthouse.
import { launchChromium } from '../e2e/support/browser';
import { startServer } from '../e2e/support/server';
import {
  FIRST_PAGE,
  FIRST_PAGE_GOAL_KB,
  KB,
  checkAgainstManifest,
  formatPageScripts,
  measurePageScripts,
} from './first-page';

/** Prints the first page's scripts; resolves to the exit code (1: goal missed or no agreement). */
export async function printFirstPage(): Promise<number> {
  const server = await startServer();
  try {
    const browser = await launchChromium();
    try {
      const measured = await measurePageScripts(browser, server.url, FIRST_PAGE.path);
      const check = checkAgainstManifest(measured);
      const met = measured.served <= FIRST_PAGE_GOAL_KB * KB;
      console.log(formatPageScripts(measured));
      console.log(check.summary);
      console.log(
        `first page JS: ${(measured.served / KB).toFixed(1)} kB gzipped as served ` +
          `(goal ≤ ${FIRST_PAGE_GOAL_KB} kB: ${met ? 'met' : 'NOT MET'})`,
      );
      return met && check.agree ? 0 : 1;
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
