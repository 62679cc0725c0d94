import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocumentsPlugin } from './graphql-documents.plugin.ts';

// The shared package's dist is CommonJS for the server; the browser bundle takes its TypeScript
// source instead, so it is tree-shaken and never needs a build of its own first.
const sharedSource = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
const api = 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [graphqlDocumentsPlugin(), react()],
  resolve: {
    alias: [{ find: /^@entry\/shared$/, replacement: sharedSource }],
  },
  build: {
    // The server serves packages/web/dist at `/` and answers unknown paths with its index.html.
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each source module needs, for
    // bench/first-page.ts to check what the browser loaded against (the server does not serve
    // dot-directories).
    manifest: true,
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
