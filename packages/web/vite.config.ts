import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { apolloPrintPlugin } from './apollo-print.plugin.ts';
import { graphqlDocumentsPlugin } from './graphql-documents.plugin.ts';
import { signedInPreloadsPlugin } from './signed-in-preloads.plugin.ts';

// The shared package's dist is CommonJS for the server; the browser bundle takes its TypeScript
// source instead, so it is tree-shaken and never needs a build of its own first.
const sharedSource = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
// One language's words of user errors, loaded on their own (src/components/form/user-error-words.ts).
const userErrorWords = fileURLToPath(new URL('../shared/src/user-error-words/', import.meta.url));
const api = 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [graphqlDocumentsPlugin(), apolloPrintPlugin(), react(), signedInPreloadsPlugin()],
  resolve: {
    alias: [
      { find: /^@entry\/shared$/, replacement: sharedSource },
      { find: /^@entry\/shared\/user-error-words\/(\w+)$/, replacement: `${userErrorWords}$1.ts` },
    ],
    // rxjs (under Apollo Client) ships ES2015 beside its default ES5 build: classes and spread
    // instead of tslib's helpers, ~2 kB gzipped less for every page that asks the API.
    conditions: ['es2015', ...defaultClientConditions],
  },
  build: {
    // The server serves packages/web/dist at `/` and answers unknown paths with its index.html.
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each source module needs, for
    // bench/first-page.ts to check what the browser loaded against (the server does not serve
    // dot-directories).
    manifest: true,
    // Every browser the portal supports (Chromium, Firefox 115+, Safari 17+) preloads modules
    // itself: Vite's polyfill would only cost every page ~0.3 kB gzipped.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Fewer, larger chunks: on HTTP/1.1 a browser fetches six files at a time, and on a
          // phone's network each file is a round trip. Split by which page first used what, a
          // signed-in person's first page was 26 requests; these groups make it 12.
          groups: [
            {
              // everything the app starts with, whatever the page: one file
              name: 'app',
              tags: ['$initial'],
              priority: 30,
            },
            {
              // Apollo Client and what it runs on, for the pages that ask the API
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|ts-invariant)[\\/]/,
              priority: 20,
            },
            {
              // the operation printer Apollo Client prints with (apollo-print.plugin.ts) and the
              // visitors' form pages send with without Apollo: left alone, it went into Apollo's
              // chunk, and those pages loaded all of Apollo for it
              name: 'print-document',
              test: /[\\/]src[\\/]lib[\\/]print-document\./,
              priority: 25,
            },
            {
              // the pieces only the people and audit lists use (combobox, paging, the filters
              // in the address): kept out of `shared`, which nearly every page loads
              name: 'lists',
              test: /[\\/]src[\\/](components[\\/](Breadcrumb|Pagination)|lib[\\/]use(CursorPages|FilterParams|DebouncedValue))\./,
              minShareCount: 2,
              priority: 15,
            },
            {
              // the small pieces several pages share (forms, formats, shared rules), but not
              // those that only one area's pages use: the shared package's rules of sites,
              // registration, passwords, people, site transfers and the billing lifecycle (move
              // dates, billing details and their problems' words) and its country list, "not
              // allowed" and the form problems' focus (people pages), the dev outbox hint
              // (accounts pages), a section's notice (Integrations and Transfers). In here, every
              // other page would load them too (~3 kB gzipped).
              name: 'shared',
              test: /[\\/](src[\\/](components|lib)|packages[\\/]shared[\\/]src)[\\/](?!(sites|site-transfers|site-transfer-words|lifecycle-words|move-dates|billing-details|countries|registration|passwords|people|api-keys|webhooks|webhook-events)\.ts|NotAllowed\.|Notice\.|AsyncCombobox\.|form[\\/]StatusFilter\.|DevOutboxHint\.|form[\\/]useFormProblems\.)/,
              minShareCount: 2,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': api, '/healthz': api, '/api': api },
  },
  preview: {
    port: 4173,
    proxy: { '/graphql': api, '/healthz': api, '/api': api },
  },
});
