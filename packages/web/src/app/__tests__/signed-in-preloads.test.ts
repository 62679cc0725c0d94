import { SIGNED_IN_PRELOADS_FILE } from '@entry/shared';
import { describe, expect, it } from 'vitest';
import { signedInPreloadsPlugin } from '../../../signed-in-preloads.plugin';

interface FakeChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

const chunk = (fileName: string, imports: string[] = [], extra: Partial<FakeChunk> = {}) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: false,
  facadeModuleId: null,
  imports,
  ...extra,
});

/** Runs the plugin's generateBundle over a bundle; returns what it emitted. */
function emittedFor(chunks: FakeChunk[]): unknown {
  const plugin = signedInPreloadsPlugin();
  const bundle = Object.fromEntries(chunks.map((item) => [item.fileName, item]));
  let emitted: { fileName: string; source: string } | undefined;
  const context = {
    emitFile: (file: { fileName: string; source: string }) => {
      emitted = file;
      return file.fileName;
    },
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const hook = plugin.generateBundle as unknown as (
    this: typeof context,
    options: object,
    bundle: object,
  ) => void;
  hook.call(context, {}, bundle);
  expect(emitted?.fileName).toBe(SIGNED_IN_PRELOADS_FILE);
  return JSON.parse(emitted!.source);
}

describe('signedInPreloadsPlugin', () => {
  it("should list Apollo's runtime chunk and what it imports, less what the app's start loads", () => {
    expect(
      emittedFor([
        chunk('assets/index-1.js', ['assets/shared-2.js'], {
          isEntry: true,
          facadeModuleId: '/repo/packages/web/index.html',
        }),
        chunk('assets/shared-2.js'),
        chunk(
          'assets/apollo-runtime-3.js',
          ['assets/apollo-4.js', 'assets/shared-2.js', 'assets/sign-out-5.js'],
          {
            facadeModuleId: '/repo/packages/web/src/app/apollo-runtime.tsx',
          },
        ),
        chunk('assets/apollo-4.js', ['assets/index-1.js']),
        chunk('assets/sign-out-5.js', ['assets/apollo-4.js']),
        chunk('assets/SitesPage-6.js', ['assets/apollo-4.js'], {
          facadeModuleId: '/repo/packages/web/src/features/sites/SitesPage.tsx',
        }),
      ]),
    ).toEqual(['/assets/apollo-runtime-3.js', '/assets/apollo-4.js', '/assets/sign-out-5.js']);
  });

  it('should fail the build when the app no longer has that chunk, rather than preload nothing', () => {
    expect(() => emittedFor([chunk('assets/index-1.js', [], { isEntry: true })])).toThrow(
      /apollo-runtime/,
    );
  });
});
