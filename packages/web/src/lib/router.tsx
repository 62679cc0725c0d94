// The app's router: the part of react-router it used, in a few kB instead of ~14 kB gzipped of
// every page (docs/adr/0011-own-router-and-translator.md). The names and shapes are
// react-router's (BrowserRouter, MemoryRouter, Routes/Route, useRoutes, Outlet, Link, NavLink,
// Navigate, useNavigate, useLocation, useParams, useSearchParams, matchRoutes), so a page moves
// over by changing its import. What it leaves out: data routers (loaders, actions, errorElement),
// nested <Routes> below a route, route-relative links (a relative `to` resolves against the
// current path, as `relative="path"` does), basename, blocking and scroll restoration.
import {
  Children,
  createContext,
  Fragment,
  isValidElement,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';

export interface Location<State = unknown> {
  pathname: string;
  search: string;
  hash: string;
  state: State;
  /** a new one for each entry of the history */
  key: string;
}

/** Where to go: a path (absolute, or relative to the current one, e.g. `?q=1`) or its parts. */
export type To = string | Partial<Pick<Location, 'pathname' | 'search' | 'hash'>>;

export interface NavigateOptions {
  /** replaces the current history entry instead of adding one */
  replace?: boolean;
  /** given to the next page as `useLocation().state`; kept on reload and back */
  state?: unknown;
  /** accepted for react-router's signature: this router never moves the scroll position */
  preventScrollReset?: boolean;
}

export type NavigateFunction = (to: To, options?: NavigateOptions) => void;

export interface RouteObject {
  /** relative to the parent's path; none for a layout route that only wraps its children */
  path?: string;
  /** the child shown at its parent's own path */
  index?: boolean;
  element?: ReactNode;
  children?: RouteObject[];
  /** anything the app attaches to a route (auth-redirects.ts: sign-in required) */
  handle?: unknown;
}

export type Params = Readonly<Record<string, string | undefined>>;

export interface RouteMatch {
  route: RouteObject;
  /** every dynamic segment of the whole path, as in react-router */
  params: Params;
}

// ---------------------------------------------------------------------------------------------
// History: the browser's, or one in memory (tests)

interface History {
  location(): Location;
  /** `to` is already absolute */
  go(to: Omit<Location, 'key'>, replace: boolean): void;
  listen(listener: () => void): () => void;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

function parsePath(path: string): Partial<Pick<Location, 'pathname' | 'search' | 'hash'>> {
  const parts: Partial<Pick<Location, 'pathname' | 'search' | 'hash'>> = {};
  const hashAt = path.indexOf('#');
  if (hashAt >= 0) {
    parts.hash = path.slice(hashAt);
    path = path.slice(0, hashAt);
  }
  const searchAt = path.indexOf('?');
  if (searchAt >= 0) {
    parts.search = path.slice(searchAt);
    path = path.slice(0, searchAt);
  }
  if (path) parts.pathname = path;
  return parts;
}

/** `?` alone and `#` alone mean none, as in a URL the browser shows. */
const normalized = (prefix: '?' | '#', part: string | undefined) =>
  !part || part === prefix ? '' : part.startsWith(prefix) ? part : prefix + part;

export function createPath({
  pathname,
  search,
  hash,
}: Pick<Location, 'pathname' | 'search' | 'hash'>) {
  return pathname + search + hash;
}

/** `to` as an absolute location: a relative path resolves against `from`'s path. */
function resolveTo(to: To, from: string): Pick<Location, 'pathname' | 'search' | 'hash'> {
  const parts = typeof to === 'string' ? parsePath(to) : to;
  let pathname = parts.pathname ?? from;
  if (!pathname.startsWith('/')) {
    const segments = from.split('/').filter(Boolean);
    for (const segment of pathname.split('/')) {
      if (segment === '..') segments.pop();
      else if (segment !== '.' && segment !== '') segments.push(segment);
    }
    pathname = `/${segments.join('/')}`;
  }
  return { pathname, search: normalized('?', parts.search), hash: normalized('#', parts.hash) };
}

/** What this router (and react-router before it) keeps in `history.state`. */
interface StoredState {
  usr?: unknown;
  key?: string;
}

function browserHistory(): History {
  const read = (): Location => {
    const stored = (window.history.state ?? {}) as StoredState;
    const { pathname, search, hash } = window.location;
    return { pathname, search, hash, state: stored.usr ?? null, key: stored.key ?? 'default' };
  };
  let current = read();
  const listeners = new Set<() => void>();
  const changed = () => {
    current = read();
    for (const listener of listeners) listener();
  };
  return {
    location: () => current,
    go(to, replace) {
      const stored: StoredState = { usr: to.state, key: newKey() };
      if (replace) window.history.replaceState(stored, '', createPath(to));
      else window.history.pushState(stored, '', createPath(to));
      changed();
    },
    listen(listener) {
      if (listeners.size === 0) window.addEventListener('popstate', changed);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('popstate', changed);
      };
    },
  };
}

type InitialEntry = string | Partial<Omit<Location, 'key'>>;

function memoryHistory(initialEntries: readonly InitialEntry[]): History {
  const entries: Location[] = (initialEntries.length ? initialEntries : ['/']).map((entry) => ({
    ...resolveTo(entry, '/'),
    state: typeof entry === 'string' ? null : (entry.state ?? null),
    key: newKey(),
  }));
  let index = entries.length - 1;
  const listeners = new Set<() => void>();
  return {
    location: () => entries[index]!,
    go(to, replace) {
      const entry = { ...to, key: newKey() };
      if (replace) entries[index] = entry;
      else entries.splice(++index, entries.length, entry);
      for (const listener of listeners) listener();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Routers

interface RouterValue {
  location: Location;
  navigate: NavigateFunction;
}

const RouterContext = createContext<RouterValue | null>(null);

function Router({ history, children }: { history: History; children?: ReactNode }) {
  // A navigation renders at once, never as a transition: the next page (or "Loading" while its
  // code arrives) replaces the previous one, which would otherwise stay on screen under the new
  // address and lose what was typed into it.
  const location = useSyncExternalStore(history.listen, history.location);
  const navigate = useCallback<NavigateFunction>(
    (to, { replace = false, state = null } = {}) => {
      history.go({ ...resolveTo(to, history.location().pathname), state }, replace);
    },
    [history],
  );
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

/**
 * The browser's address. `useTransitions` is react-router's option, accepted so a render
 * reads the same: navigations never are transitions here.
 */
export function BrowserRouter({ children }: { children?: ReactNode; useTransitions?: false }) {
  const [history] = useState(browserHistory);
  return <Router history={history}>{children}</Router>;
}

/** A history in memory, starting at the last of `initialEntries` (tests). */
export function MemoryRouter({
  initialEntries = ['/'],
  children,
}: {
  initialEntries?: readonly InitialEntry[];
  children?: ReactNode;
  useTransitions?: false;
}) {
  const [history] = useState(() => memoryHistory(initialEntries));
  return <Router history={history}>{children}</Router>;
}

function useRouter(hook: string): RouterValue {
  const router = use(RouterContext);
  if (!router)
    throw new Error(`${hook}() may be used only inside a <BrowserRouter> or <MemoryRouter>`);
  return router;
}

export function useLocation(): Location {
  return useRouter('useLocation').location;
}

/** Stable for the router's life: it always starts from where the app is when it is called. */
export function useNavigate(): NavigateFunction {
  return useRouter('useNavigate').navigate;
}

type SearchParamsInit = URLSearchParams | string | Record<string, string>;

/** The address's query, and a way to replace it (the path stays, the hash goes). */
export function useSearchParams(): [
  URLSearchParams,
  (
    next: SearchParamsInit | ((current: URLSearchParams) => SearchParamsInit),
    options?: NavigateOptions,
  ) => void,
] {
  const { location, navigate } = useRouter('useSearchParams');
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const setParams = useCallback(
    (
      next: SearchParamsInit | ((current: URLSearchParams) => SearchParamsInit),
      options?: NavigateOptions,
    ) => {
      const init = typeof next === 'function' ? next(new URLSearchParams(params)) : next;
      navigate(`?${new URLSearchParams(init).toString()}`, options);
    },
    [navigate, params],
  );
  return [params, setParams];
}

// ---------------------------------------------------------------------------------------------
// Matching: react-router's ranking, so the same table picks the same route

interface Branch {
  /** from the outermost route to the one matched */
  routes: RouteObject[];
  pattern: RegExp;
  paramNames: string[];
  score: number;
}

const joinPaths = (parent: string, path: string) =>
  path.startsWith('/') ? path : `${parent.replace(/\/+$/, '')}/${path}`;

/** react-router's computeScore: static segments outrank dynamic ones, which outrank a splat. */
function score(path: string, index: boolean): number {
  const segments = path.split('/');
  let total = segments.length + (segments.includes('*') ? -2 : 0) + (index ? 2 : 0);
  for (const segment of segments) {
    if (segment === '*') continue;
    total += segment.startsWith(':') ? 3 : segment === '' ? 1 : 10;
  }
  return total;
}

/** react-router's compilePath: case-insensitive, trailing slashes allowed. */
function compile(path: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  let source =
    '^' +
    path
      .replace(/\/*\*?$/, '')
      .replace(/^\/*/, '/')
      .replace(/[\\.*+^${}|()[\]]/g, '\\$&')
      .replace(/\/:([\w-]+)(\?)?/g, (_, name: string, optional?: string) => {
        paramNames.push(name);
        return optional ? '/?([^\\/]+)?' : '/([^\\/]+)';
      });
  if (path.endsWith('*')) {
    paramNames.push('*');
    source += path === '*' || path === '/*' ? '(.*)$' : '(?:\\/(.+)|\\/*)$';
  } else {
    source += '\\/*$';
  }
  return { pattern: new RegExp(source, 'i'), paramNames };
}

function flatten(
  routes: readonly RouteObject[],
  parents: RouteObject[] = [],
  parentPath = '/',
): Branch[] {
  const branches: Branch[] = [];
  for (const route of routes) {
    const path = route.path === undefined ? parentPath : joinPaths(parentPath, route.path);
    const chain = [...parents, route];
    if (route.children?.length) branches.push(...flatten(route.children, chain, path));
    if (route.path === undefined && !route.index) continue;
    branches.push({ routes: chain, ...compile(path), score: score(path, route.index === true) });
  }
  return branches;
}

const branchesOf = new WeakMap<readonly RouteObject[], Branch[]>();

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape: the segment as it is
  }
}

/** The routes from the outermost to the page that `location` shows, or null if none does. */
export function matchRoutes(
  routes: readonly RouteObject[],
  location: string | Pick<Location, 'pathname'>,
): RouteMatch[] | null {
  let branches = branchesOf.get(routes);
  if (!branches) {
    // stable: equal scores keep the table's order
    branches = flatten(routes).sort((a, b) => b.score - a.score);
    branchesOf.set(routes, branches);
  }
  const pathname =
    typeof location === 'string' ? (parsePath(location).pathname ?? '/') : location.pathname;
  for (const { routes: chain, pattern, paramNames } of branches) {
    const found = pattern.exec(pathname);
    if (!found) continue;
    const params = Object.fromEntries(
      paramNames.map((name, at) => [
        name,
        found[at + 1] === undefined ? undefined : decode(found[at + 1]!),
      ]),
    );
    return chain.map((route) => ({ route, params }));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rendering the matched routes

interface RouteValue {
  outlet: ReactNode;
  params: Params;
}

const RouteContext = createContext<RouteValue>({ outlet: null, params: {} });

/** The element of the routes that match the current location, each inside its parent's <Outlet>. */
export function useRoutes(routes: readonly RouteObject[]): ReactNode {
  const { pathname } = useLocation();
  const matches = matchRoutes(routes, { pathname });
  if (!matches) return null;
  return matches.reduceRight<ReactNode>(
    (outlet, { route, params }) => (
      <RouteContext value={{ outlet, params }}>{route.element ?? <Outlet />}</RouteContext>
    ),
    null,
  );
}

/** Where a layout route shows its matched child. */
export function Outlet() {
  return use(RouteContext).outlet;
}

export function useParams(): Params {
  return use(RouteContext).params;
}

/** One route of a <Routes>: read for its props, never rendered itself. */
export function Route(_: Omit<RouteObject, 'children'> & { children?: ReactNode }): ReactNode {
  throw new Error('A <Route> may be used only as a child of <Routes> or of another <Route>');
}

function routesFromChildren(children: ReactNode): RouteObject[] {
  const routes: RouteObject[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement<Parameters<typeof Route>[0] & { children?: ReactNode }>(child)) return;
    if (child.type === Fragment) {
      routes.push(...routesFromChildren(child.props.children));
      return;
    }
    const { children: nested, ...route } = child.props;
    routes.push(nested === undefined ? route : { ...route, children: routesFromChildren(nested) });
  });
  return routes;
}

/** The table as JSX: `<Routes><Route path="…" element={…} /></Routes>`. */
export function Routes({ children }: { children?: ReactNode }) {
  const routes = useMemo(() => routesFromChildren(children), [children]);
  return useRoutes(routes);
}

// ---------------------------------------------------------------------------------------------
// Links

/** A plain left click that the browser would follow in this tab. */
function isOwnClick(event: MouseEvent<HTMLAnchorElement>, target: string | undefined): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    (!target || target === '_self') &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
  );
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: To;
  replace?: boolean;
  state?: unknown;
  ref?: Ref<HTMLAnchorElement>;
}

/** An <a href> that moves within the app without a page load (a new tab still loads one). */
export function Link({ to, replace, state, onClick, target, ...anchor }: LinkProps) {
  const { location, navigate } = useRouter('Link');
  const href = createPath(resolveTo(to, location.pathname));
  // As in react-router: following a link to where one already is adds no history entry.
  const replaceEntry = replace ?? href === createPath(location);
  return (
    <a
      {...anchor}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (!isOwnClick(event, target)) return;
        event.preventDefault();
        navigate(to, { replace: replaceEntry, state });
      }}
    />
  );
}

export interface NavLinkProps extends Omit<LinkProps, 'className'> {
  /** active only at exactly its path, not below it */
  end?: boolean;
  className?: string | ((state: { isActive: boolean }) => string | undefined);
}

/** A Link that knows it leads to the current page: class `active` and aria-current="page". */
export function NavLink({ end = false, className, ...link }: NavLinkProps) {
  const { pathname } = useLocation();
  // react-router's rule: the same path, or (without `end`) a path below it; case-insensitive
  const target = resolveTo(link.to, pathname).pathname.toLowerCase();
  const here = pathname.toLowerCase();
  const slashAt = target !== '/' && target.endsWith('/') ? target.length - 1 : target.length;
  const isActive =
    here === target || (!end && here.startsWith(target) && here.charAt(slashAt) === '/');
  const classes =
    typeof className === 'function'
      ? className({ isActive })
      : [className, isActive ? 'active' : null].filter(Boolean).join(' ') || undefined;
  return <Link {...link} className={classes} aria-current={isActive ? 'page' : undefined} />;
}

/** Goes to `to` as soon as it renders (after the render, as an effect). */
export function Navigate({
  to,
  replace,
  state,
}: { to: To } & Omit<NavigateOptions, 'preventScrollReset'>) {
  const navigate = useNavigate();
  const path = typeof to === 'string' ? to : createPath(resolveTo(to, '/'));
  useEffect(() => navigate(path, { replace, state }), [navigate, path, replace, state]);
  return null;
}
