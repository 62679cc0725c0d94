import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../test/renderApp';

function item(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    template: 'registration-approved',
    to: `person${n}@example.com`,
    locale: 'en',
    subject: `Subject ${n}`,
    status: 'SENT',
    attempts: 1,
    createdAt: `2026-03-0${n}T10:00:00.000Z`,
    sentAt: null,
    nextAttemptAt: '2026-03-01T10:00:00.000Z',
    lastError: null,
    ...overrides,
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

function serveOutbox(routes: Record<string, () => Response>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const route = routes[url];
    if (!route) throw new Error(`unexpected fetch ${url}`);
    return Promise.resolve(route());
  });
}

afterEach(() => vi.restoreAllMocks());

describe('DevOutboxPage', () => {
  it('should list the emails newest first, load more, and open one with its text and sandboxed HTML', async () => {
    const fetch = serveOutbox({
      '/api/dev/outbox?first=20': () =>
        json({ items: [item(3), item(2)], pageInfo: { hasNextPage: true, endCursor: 'c2' } }),
      '/api/dev/outbox?first=20&after=c2': () =>
        json({ items: [item(1)], pageInfo: { hasNextPage: false, endCursor: 'c1' } }),
      [`/api/dev/outbox/${item(2).id}`]: () =>
        json({
          ...item(2),
          messageId: null,
          text: 'Temporary password: ABCD',
          html: '<p>Hello <script>alert(1)</script></p>',
        }),
    });
    const { user, router } = renderApp({ locale: 'en', path: '/dev/outbox' });
    expect(await screen.findByText(/exists only outside production/)).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(screen.getByRole('button', { name: 'Subject 1' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Subject 2' }));
    expect(router.state.location.search).toBe(`?id=${item(2).id}`);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Subject 2' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('region', { name: 'Text' })).toHaveTextContent(
      'Temporary password: ABCD',
    );
    const frame = screen.getByTitle('HTML part of the email: Subject 2');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', '<p>Hello <script>alert(1)</script></p>');
    // Opening an email keeps the list as it was, loaded pages included.
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(fetch).not.toHaveBeenCalledWith(
      expect.stringContaining('unexpected'),
      expect.anything(),
    );
  });

  it('should ask the server for one recipient when the filter is used', async () => {
    serveOutbox({
      '/api/dev/outbox?first=20': () =>
        json({ items: [item(1)], pageInfo: { hasNextPage: false, endCursor: 'c1' } }),
      '/api/dev/outbox?first=20&to=anna%40berg.se': () =>
        json({ items: [], pageInfo: { hasNextPage: false, endCursor: null } }),
    });
    const { user, router } = renderApp({ locale: 'sv', path: '/dev/outbox' });
    await user.type(await screen.findByLabelText('Mottagare'), 'anna@berg.se');
    await user.click(screen.getByRole('button', { name: 'Visa e-post till den här adressen' }));
    expect(await screen.findByText('Ingen e-post.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?to=anna%40berg.se');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'E-post till anna@berg.se, nyast först',
    );
  });

  it('should say the outbox is not there when the server has none (production)', async () => {
    serveOutbox({
      '/api/dev/outbox?first=20': () =>
        new Response('Cannot GET /api/dev/outbox', {
          status: 404,
          headers: { 'content-type': 'text/html' },
        }),
    });
    renderApp({ locale: 'fr', path: '/dev/outbox' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Pas de boîte d'envoi de développement ici",
    );
  });

  it('should say the same, not fail, when the server refuses a visitor who is not at its machine', async () => {
    serveOutbox({
      '/api/dev/outbox?first=20': () =>
        Response.json(
          { error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } },
          { status: 401 },
        ),
    });
    renderApp({ locale: 'sv', path: '/dev/outbox' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Ingen utkorg för utveckling här');
  });
});
