import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt): the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ChromiumCheck = { available: true } | { available: false; message: string };

/**
 * Whether the browser tests can run. In CI a missing Chromium fails the run; on a developer's
 * machine the tests are skipped with a warning.
 */
export function checkChromium(): ChromiumCheck {
  if (existsSync(CHROMIUM_PATH)) return { available: true };
  return {
    available: false,
    message:
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package ` +
      '(apt-get install chromium) or set CHROMIUM_PATH.',
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs axe-core on the page as it is; resolves to readable violations (none is the goal).
 * `exclude` leaves parts out, e.g. a sandboxed iframe where no script (so no axe) may run.
 */
export async function axeViolations(
  page: Page,
  { exclude = [] }: { exclude?: string[] } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ` +
      violation.nodes.map((node) => node.target.join(' ')).join(', '),
  );
}
