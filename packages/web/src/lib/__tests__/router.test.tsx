import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BrowserRouter,
  Link,
  matchRoutes,
  MemoryRouter,
  Navigate,
  NavLink,
  Outlet,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
  type NavigateFunction,
  type RouteObject,
} from '../router';

const page = (name: string) => <h1>{name}</h1>;

// The app's table in miniature: a layout, an index page, static, dynamic and catch-all routes.
const TABLE: RouteObject[] = [
  {
    path: '/',
    element: <Outlet />,
    children: [
      { index: true, element: page('Home'), handle: 'home' },
      { path: 'sites', element: page('Sites'), handle: 'sites' },
      { path: 'sites/new', element: page('New site'), handle: 'new' },
      { path: 'sites/:siteId', element: page('Site'), handle: 'site' },
      { path: '*', element: page('Not found'), handle: 'not found' },
    ],
  },
];

const handleAt = (pathname: string) => matchRoutes(TABLE, pathname)?.at(-1)?.route.handle;

function Where() {
  const { pathname, search, hash } = useLocation();
  return <output>{`${pathname}${search}${hash}`}</output>;
}

describe('matchRoutes', () => {
  it('should rank static paths over dynamic ones over the catch-all, whatever the order', () => {
    expect(handleAt('/')).toBe('home');
    expect(handleAt('/sites')).toBe('sites');
    expect(handleAt('/sites/new')).toBe('new');
    expect(handleAt('/sites/42')).toBe('site');
    expect(handleAt('/sites/42/more')).toBe('not found');
  });

  it('should match case-insensitively with a trailing slash and decode the params', () => {
    expect(handleAt('/SITES/')).toBe('sites');
    expect(matchRoutes(TABLE, '/sites/a%20b')?.at(-1)?.params).toEqual({ siteId: 'a b' });
    // a malformed escape is kept as it was, not thrown
    expect(matchRoutes(TABLE, '/sites/%E0%A4%A')?.at(-1)?.params).toEqual({ siteId: '%E0%A4%A' });
  });

  it('should give every route from the layout down to the page', () => {
    expect(matchRoutes(TABLE, { pathname: '/sites/7' })?.map((match) => match.route.path)).toEqual([
      '/',
      'sites/:siteId',
    ]);
    expect(matchRoutes([{ path: 'only', element: null }], '/other')).toBeNull();
  });
});

describe('Routes, links and hooks', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('should render the matched page in its layout and give it its params', async () => {
    function Site() {
      return <p>{`site ${useParams().siteId}`}</p>;
    }
    render(
      <MemoryRouter initialEntries={['/sites/12']}>
        <Routes>
          <Route element={<main>{<Outlet />}</main>}>
            <Route path="sites/:siteId" element={<Site />} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.getByRole('main')).toHaveTextContent('site 12');
  });

  it('should follow a plain click without a page load, and leave a modified click to the browser', async () => {
    const user = userEvent.setup();
    render(
      <BrowserRouter>
        <Link to="/sites?q=a#top" state={{ from: 'home' }}>
          Sites
        </Link>
        <Where />
      </BrowserRouter>,
    );
    const link = screen.getByRole('link', { name: 'Sites' });
    expect(link).toHaveAttribute('href', '/sites?q=a#top');
    const before = window.history.length;
    await user.click(link);
    expect(screen.getByRole('status')).toHaveTextContent('/sites?q=a#top');
    expect(window.history.length).toBe(before + 1);
    // react-router's shape of history.state: the location state survives a reload
    expect(window.history.state).toMatchObject({ usr: { from: 'home' } });

    // After React's handler (at the root): was the click left to the browser?
    let browserFollowed = false;
    const afterReact = (event: MouseEvent) => {
      browserFollowed = !event.defaultPrevented;
      event.preventDefault(); // jsdom would try to navigate
    };
    document.addEventListener('click', afterReact);
    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    document.removeEventListener('click', afterReact);
    expect(browserFollowed).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('/sites?q=a#top');
  });

  it('should add no history entry when a link leads where the app already is', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/sites');
    render(
      <BrowserRouter>
        <Link to="/sites">Sites</Link>
      </BrowserRouter>,
    );
    const before = window.history.length;
    await user.click(screen.getByRole('link', { name: 'Sites' }));
    expect(window.history.length).toBe(before);
  });

  it('should follow the back button', async () => {
    const user = userEvent.setup();
    render(
      <BrowserRouter>
        <Link to="/sites">Sites</Link>
        <Where />
      </BrowserRouter>,
    );
    await user.click(screen.getByRole('link', { name: 'Sites' }));
    await act(async () => {
      window.history.back();
      await new Promise((popped) => window.addEventListener('popstate', popped, { once: true }));
    });
    expect(screen.getByRole('status')).toHaveTextContent(/^\/$/);
  });

  it('should mark the link to the current page, below it too unless `end`', () => {
    render(
      <MemoryRouter initialEntries={['/sites/3']}>
        <NavLink to="/" end className="nav-link">
          Home
        </NavLink>
        <NavLink to="/sites" className="nav-link">
          Sites
        </NavLink>
        <NavLink to="/site" className="nav-link">
          Site
        </NavLink>
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Home' })).toHaveClass('nav-link', { exact: true });
    expect(screen.getByRole('link', { name: 'Sites' })).toHaveClass('nav-link active');
    expect(screen.getByRole('link', { name: 'Sites' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Site' })).not.toHaveAttribute('aria-current');
  });

  it('should replace the query and keep the path, and go elsewhere with Navigate', async () => {
    const controls = {} as {
      setParams: ReturnType<typeof useSearchParams>[1];
      navigate: NavigateFunction;
    };
    function Controls() {
      const [, setParams] = useSearchParams();
      const navigate = useNavigate();
      useLayoutEffect(() => {
        Object.assign(controls, { setParams, navigate });
      });
      return null;
    }
    function Gone() {
      return <Navigate to="/sign-in?next=%2Fsites" replace />;
    }
    render(
      <MemoryRouter initialEntries={['/sites?q=x#list']}>
        <Controls />
        <Where />
        <Routes>
          <Route path="gone" element={<Gone />} />
        </Routes>
      </MemoryRouter>,
    );
    act(() => controls.setParams(new URLSearchParams({ q: 'kungs', status: 'inactive' })));
    expect(screen.getByRole('status')).toHaveTextContent('/sites?q=kungs&status=inactive');
    act(() => controls.setParams(new URLSearchParams()));
    expect(screen.getByRole('status')).toHaveTextContent(/^\/sites$/);
    act(() => controls.navigate('/gone'));
    expect(screen.getByRole('status')).toHaveTextContent('/sign-in?next=%2Fsites');
  });
});
