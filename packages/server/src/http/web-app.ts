import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { SIGNED_IN_PRELOADS_FILE, VIEWER_BOOTSTRAP_ELEMENT_ID } from '@entry/shared';
import type { Config } from '../config/config';
import type { Logger } from '../observability/logger';

/**
 * Who is signed in, as the web app's ViewerBootstrap query answers it for this request: its
 * `data`, or null when it could not be answered (the app then asks itself).
 */
export type ViewerForPage = (req: express.Request, res: express.Response) => Promise<object | null>;

/**
 * How long a page waits for the answer about who is signed in. A slow database must not keep
 * the page from loading: past this the page goes out without it, and the app asks the API,
 * which shows its own error if the database really is gone.
 */
export const VIEWER_IN_PAGE_DEADLINE_MS = 500;

// The web app: its own scripts and styles only, plus Stripe.js and its frames when Stripe is
// configured (card details are typed into Stripe's iframe, never our page). The Sandbox at
// /graphql gets no CSP: it is Apollo's page, from Apollo's CDN, for developers outside production.
const webAppSecurityHeaders = (stripe: boolean) =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(stripe ? ['https://js.stripe.com'] : [])],
        frameSrc: stripe ? ['https://js.stripe.com', 'https://hooks.stripe.com'] : ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(stripe ? ['https://api.stripe.com'] : [])],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });

/**
 * JSON that is safe inside a <script> element: a name like `</script><script>…` stays text.
 * (`<`, `>` and `&` as \u escapes are still the same JSON; U+2028/9 are escaped for old parsers.)
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Who the ViewerBootstrap answer says is signed in: a person or an operator, or nobody. */
function signedIn(data: object): boolean {
  const { me, currentOperator } = data as { me?: unknown; currentOperator?: unknown };
  return Boolean(me ?? currentOperator);
}

/**
 * index.html with who is signed in written into it, as a data block the app reads as it starts
 * (viewer-bootstrap.ts): the app skips a round trip to the API before it can show anything, and
 * fetches a signed-in person's screens at once. A data block is never run, so the CSP allows it.
 * For someone signed in, the page also names the scripts they will need besides the app's start
 * (`signedInScripts`, from the web build) as modulepreload links: the browser fetches them
 * alongside the start instead of after it.
 */
export function pageWithViewer(
  html: string,
  data: object,
  signedInScripts: readonly string[] = [],
): string {
  const preloads = signedIn(data)
    ? signedInScripts.map(
        (script) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="${script}">`,
      )
    : [];
  const block =
    `<script type="application/json" id="${VIEWER_BOOTSTRAP_ELEMENT_ID}">` +
    `${jsonForScriptElement({ data })}</script>`;
  const head = [block, ...preloads].join('');
  const at = html.indexOf('</head>');
  return at === -1 ? `${head}${html}` : `${html.slice(0, at)}${head}${html.slice(at)}`;
}

/**
 * The web build's list of what a signed-in person's pages load besides the app's start (written
 * by the web app's signed-in-preloads plugin); none when it is missing or unreadable (an older
 * build, or tests with a bare index.html): the page then works as before, a little later.
 */
async function readSignedInScripts(webDistDir: string): Promise<string[]> {
  try {
    const list: unknown = JSON.parse(
      await fs.promises.readFile(path.join(webDistDir, SIGNED_IN_PRELOADS_FILE), 'utf8'),
    );
    return Array.isArray(list)
      ? list.filter(
          (item): item is string =>
            typeof item === 'string' && /^\/assets\/[\w.-]+\.js$/.test(item),
        )
      : [];
  } catch {
    return [];
  }
}

async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Serves the built single-page app; any other GET that wants HTML gets index.html (client
 * routes) with who is signed in written into it.
 */
export function webApp(
  config: Config,
  logger: Logger,
  viewerForPage: ViewerForPage,
): express.Router {
  const router = express.Router();
  const indexFile = path.join(config.webDistDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    logger.warn('web app not built: only the API is served', {
      webDistDir: config.webDistDir,
      fix: 'pnpm build',
    });
  }
  router.use(webAppSecurityHeaders(config.stripe !== null));
  // Hashed file names under /assets never change: cache them for a year.
  router.use(
    '/assets',
    express.static(path.join(config.webDistDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );
  router.use(express.static(config.webDistDir, { index: false, maxAge: '1h' }));
  router.get('/{*splat}', async (req, res, next) => {
    if (!req.accepts('html')) return next();
    let html: string;
    try {
      html = await fs.promises.readFile(indexFile, 'utf8');
    } catch {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `pnpm build`, then restart the server.');
      return;
    }
    const viewer = await withinDeadline(
      viewerForPage(req, res).catch((error: unknown) => {
        logger.warn('who is signed in, for the page: not answered', { error });
        return null;
      }),
      VIEWER_IN_PAGE_DEADLINE_MS,
    );
    // The page names the person signed in: no cache may keep it, nor give it to anyone else.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Cookie');
    // read with index.html, so a rebuilt app is served whole, each page with its own scripts
    const signedInScripts = viewer ? await readSignedInScripts(config.webDistDir) : [];
    res.type('html').send(viewer ? pageWithViewer(html, viewer, signedInScripts) : html);
  });
  return router;
}
