// Every route's JavaScript, gzipped, from the build alone (deterministic: no browser, no server):
// what the browser must fetch before the route shows what it is for. A route's JS is the entry
// (index.html's script) and the chunks it imports statically, the route's lazy page chunk and its
// static imports, Apollo Client's runtime when the page asks the API or someone is signed in (the
// layout of a signed-in person loads it), the English core words (with the user errors' words)
// and those of the namespaces the page declares, and, signed in, what the page shows a signed-in
// person besides its own (Home: the dashboard).
// The routes and their pages are read from src/app/routes.tsx, so a new page is measured too.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DIST_DIR,
  ENGLISH_CORE_WORDS,
  KB,
  manifestClosure,
  readManifest,
  type ManifestChunk,
} from './first-page';

/** The issue's goal: every page, signed in or not, usable with at most this much gzipped JS. */
export const ROUTE_GOAL_KB = 150;

const ROUTES_FILE = new URL('../src/app/routes.tsx', import.meta.url);
/** Where routes.tsx's relative imports start from, as the manifest names sources. */
const ROUTES_DIR = 'src/app';
/** A namespace's words in English, from its constant in routes.tsx: BILLING_NS -> billing. */
const namespaceWords = (constant: string) =>
  `src/i18n/${constant.replace(/_NS$/, '').toLowerCase()}/en.json`;
const APOLLO_RUNTIME = 'src/app/apollo-runtime.tsx';

type Manifest = Record<string, ManifestChunk>;

/** A lazy page as routes.tsx declares it with lazyPage(). */
interface PageDeclaration {
  /** the manifest's key for the page's module */
  module: string;
  apollo: boolean;
  /** the words files of its namespaces */
  namespaces: string[];
  /** modules the page also shows a signed-in person at once (whenSignedIn, and their words) */
  whenSignedIn: string[];
}

export interface RouteWeight {
  /** e.g. `/sites/:siteId (signed in)` */
  route: string;
  files: string[];
  /** bytes, gzip at its default level, as Vite prints it */
  gzipped: number;
}

function toManifestKey(relativeImport: string, manifest: Manifest): string {
  const base = posix.normalize(posix.join(ROUTES_DIR, relativeImport));
  const key = ['.tsx', '.ts', ''].map((ext) => base + ext).find((candidate) => manifest[candidate]);
  if (!key) throw new Error(`${relativeImport} (routes.tsx) is not in the build manifest`);
  return key;
}

/** Each `const X = lazyPage(() => import('…'), 'X', {…})` of routes.tsx, by constant name. */
export function readPageDeclarations(
  routesSource: string,
  manifest: Manifest,
): Map<string, PageDeclaration> {
  const pages = new Map<string, PageDeclaration>();
  for (const declaration of routesSource.split(/^const /m)) {
    const head = /^(\w+) = lazyPage\(/.exec(declaration);
    if (!head) continue;
    const declarationEnd =
      declaration.indexOf('\n);') >= 0 ? declaration.indexOf('\n);') : undefined;
    const text = declaration.slice(0, declarationEnd);
    const imports = [...text.matchAll(/import\('([^']+)'\)/g)].map((match) =>
      toManifestKey(match[1]!, manifest),
    );
    const [module, ...whenSignedIn] = [...new Set(imports)];
    if (!module) throw new Error(`routes.tsx: ${head[1]} imports no page`);
    const wordsOf = (option: string) =>
      [
        ...(new RegExp(`\\b${option}: \\[([^\\]]*)\\]`).exec(text)?.[1] ?? '').matchAll(/\w+_NS/g),
      ].map(([constant]) => namespaceWords(constant));
    pages.set(head[1]!, {
      module,
      apollo: !/apollo:\s*false/.test(text),
      namespaces: wordsOf('namespaces'),
      whenSignedIn: [...whenSignedIn, ...wordsOf('namespacesWhenSignedIn')],
    });
  }
  return pages;
}

/** Each `{ path: '…', element: <Page />, handle: signInRequired }` of routes.tsx. */
export function readRoutes(routesSource: string) {
  return [
    ...routesSource.matchAll(
      /\{\s*(index: true|path: '([^']+)'),\s*element: <(\w+) \/>(,\s*handle: signInRequired)?/g,
    ),
  ].map((match) => ({
    path: match[2] === undefined ? '/' : `/${match[2]}`,
    page: match[3]!,
    signInRequired: match[4] !== undefined,
  }));
}

/** Every route, as a visitor (public routes) and signed in, largest first. */
export function measureRouteWeights(distDir = DIST_DIR): RouteWeight[] {
  const manifest = readManifest(distDir);
  const routesSource = readFileSync(ROUTES_FILE, 'utf8');
  const pages = readPageDeclarations(routesSource, manifest);
  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(distDir, file))).length);
    return sizes.get(file)!;
  };

  const weights: RouteWeight[] = [];
  for (const route of readRoutes(routesSource)) {
    // the layout around every page: its code is the entry's
    if (route.page === 'Layout') continue;
    const page = pages.get(route.page);
    if (!page) throw new Error(`routes.tsx: ${route.page} is not declared with lazyPage()`);
    const states = route.signInRequired ? [true] : [false, true];
    for (const signedIn of states) {
      const modules = [
        'index.html',
        page.module,
        ...ENGLISH_CORE_WORDS,
        ...page.namespaces,
        ...(page.apollo || signedIn ? [APOLLO_RUNTIME] : []),
        ...(signedIn ? page.whenSignedIn : []),
      ];
      const files = [...manifestClosure(manifest, modules)];
      weights.push({
        route: `${route.path}${signedIn ? ' (signed in)' : ''}`,
        files,
        gzipped: files.reduce((sum, file) => sum + gzipped(file), 0),
      });
    }
  }
  return weights.sort((a, b) => b.gzipped - a.gzipped);
}

/** One line per route, heaviest first, with the goal met or not. */
export function formatRouteWeights(weights: readonly RouteWeight[]): string {
  const width = Math.max(...weights.map((weight) => weight.route.length));
  return [
    `every route's JS, gzipped (goal ≤ ${ROUTE_GOAL_KB} kB each; from the build manifest)`,
    ...weights.map((weight) => {
      const kb = weight.gzipped / KB;
      const verdict = kb <= ROUTE_GOAL_KB ? 'met' : 'NOT MET';
      return `${weight.route.padEnd(width)}  ${kb.toFixed(1).padStart(6)} kB  ${String(weight.files.length).padStart(2)} files  ${verdict}`;
    }),
  ].join('\n');
}
