import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The app's printer, from the app's root. */
const PRINTER = 'src/lib/print-document.ts';
const SHIM = '\0entry:apollo-print';
/** Apollo Client's one use of graphql-js's printer: its cached `print`. */
const APOLLO_PRINT = /[\\/]@apollo[\\/]client[\\/]utilities[\\/]graphql[\\/]print\.js$/;

/**
 * Apollo Client prints each operation (to send it, and to find identical requests in flight)
 * with graphql-js's `print`, which prints every kind of GraphQL (schemas too) and weighs ~3 kB
 * gzipped of every signed-in page. Its import in Apollo's print module is pointed at
 * src/lib/print-document.ts, which prints operations and fragments (all an app sends) to the same
 * document; the rest of graphql-js that Apollo uses (visit, Kind) stays as it is.
 */
export function apolloPrintPlugin(): Plugin {
  let printer = PRINTER;
  return {
    name: 'entry:apollo-print',
    enforce: 'pre',
    configResolved(config) {
      printer = join(config.root, PRINTER);
    },
    resolveId(source, importer) {
      if (source === 'graphql' && importer && APOLLO_PRINT.test(importer)) return SHIM;
      return null;
    },
    load(id) {
      if (id !== SHIM) return null;
      return `export { printDocument as print } from ${JSON.stringify(printer)};\n`;
    },
  };
}
