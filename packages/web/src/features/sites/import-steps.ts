import { preloadableLazy } from '../../lib/preloadable-lazy';

// What the CSV import needs once a file is chosen, fetched then (while the server checks the
// file) rather than with the site's page, which shows only the file step: reading the server's
// streamed answers, and the preview and result steps (~2 kB gzipped). A step waits for it before
// it shows, so it renders at once and can take the focus.

/** One chunk (import-steps-code.ts), fetched once. */
export const loadImportStream = () => import('./import-steps-code');

export const ImportPreview = preloadableLazy(() =>
  loadImportStream().then((code) => ({ default: code.ImportPreview })),
);

export const ImportResult = preloadableLazy(() =>
  loadImportStream().then((code) => ({ default: code.ImportResult })),
);

/** The code of the steps after the file step; resolves to it once the steps can render at once. */
export async function loadImportSteps() {
  await Promise.all([ImportPreview.preload(), ImportResult.preload()]);
  return loadImportStream();
}
