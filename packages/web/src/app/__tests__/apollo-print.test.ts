import { describe, expect, it } from 'vitest';
import { apolloPrintPlugin } from '../../../apollo-print.plugin';

type Hook = (source: string, importer: string | undefined) => string | null;
type Load = (id: string) => string | null;
type ConfigResolved = (config: { root: string }) => void;

describe('apolloPrintPlugin', () => {
  const plugin = apolloPrintPlugin();
  const resolveId = plugin.resolveId as unknown as Hook;
  const load = plugin.load as unknown as Load;
  (plugin.configResolved as unknown as ConfigResolved)({ root: '/app' });
  const apolloPrint = '/x/node_modules/@apollo/client/utilities/graphql/print.js';

  it("should give Apollo's print module the app's printer instead of graphql-js's", () => {
    const id = resolveId('graphql', apolloPrint);
    expect(id).not.toBeNull();
    expect(load(id!)).toBe(
      'export { printDocument as print } from "/app/src/lib/print-document.ts";\n',
    );
  });

  it('should leave every other import of graphql-js alone', () => {
    expect(resolveId('graphql', '/x/node_modules/@apollo/client/core/QueryManager.js')).toBeNull();
    expect(resolveId('graphql', '/app/src/features/sites/SitesPage.tsx')).toBeNull();
    expect(resolveId('./print.js', apolloPrint)).toBeNull();
    expect(load('/app/src/main.tsx')).toBeNull();
  });
});
