import { SIGNED_IN_PRELOADS_FILE } from '../shared/src/viewer.ts';
import type { Plugin } from 'vite';

/** The module every signed-in person's pages load (Apollo Client and the layout's parts that use it). */
const SIGNED_IN_MODULE = /[\\/]src[\\/]app[\\/]apollo-runtime\.tsx$/;

/**
 * Writes dist/signed-in-preloads.json: the script files a signed-in person's first page needs
 * besides the app's start. The server names them in that person's page as modulepreload links
 * (web-app.ts), so the browser fetches them alongside the app's start instead of after it.
 */
export function signedInPreloadsPlugin(): Plugin {
  return {
    name: 'entry:signed-in-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      // The entry's own files: index.html already loads them.
      const initial = new Set<string>();
      const addInitial = (file: string) => {
        if (initial.has(file)) return;
        initial.add(file);
        for (const imported of byFile.get(file)?.imports ?? []) addInitial(imported);
      };
      for (const chunk of chunks) if (chunk.isEntry) addInitial(chunk.fileName);

      const start = chunks.find(
        (chunk) => chunk.facadeModuleId && SIGNED_IN_MODULE.test(chunk.facadeModuleId),
      );
      if (!start) this.error('signed-in preloads: no chunk for src/app/apollo-runtime.tsx');
      const files = new Set<string>();
      const add = (file: string) => {
        if (files.has(file) || initial.has(file)) return;
        files.add(file);
        for (const imported of byFile.get(file)?.imports ?? []) add(imported);
      };
      add(start.fileName);
      this.emitFile({
        type: 'asset',
        fileName: SIGNED_IN_PRELOADS_FILE,
        source: `${JSON.stringify([...files].map((file) => `/${file}`))}\n`,
      });
    },
  };
}
