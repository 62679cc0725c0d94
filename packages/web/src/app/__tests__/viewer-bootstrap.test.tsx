import { addTypenameToDocument } from '@apollo/client/utilities';
import { screen, within } from '@testing-library/react';
import { parse, print } from 'graphql';
import { VIEWER_BOOTSTRAP_ELEMENT_ID } from '@entry/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymous, bootstrapPersonData, renderApp } from '../../test/renderApp';
import { ViewerBootstrapQuery, ViewerQuery } from '../operations';
import { VIEWER_QUERY_TEXT, fetchViewer } from '../viewer-bootstrap';

const karin = bootstrapPersonData({ firstName: 'Karin', lastName: 'Lund' });

async function mainNav() {
  return within(await screen.findByRole('navigation', { name: 'Main' }));
}

describe('Who is signed in, before Apollo Client', () => {
  it('should ask exactly the ViewerBootstrap query, with the typenames Apollo caches by', () => {
    expect(print(parse(VIEWER_QUERY_TEXT))).toBe(
      print(addTypenameToDocument(ViewerBootstrapQuery)),
    );
  });

  it('should show a visitor the welcome page without making Apollo Client', async () => {
    // No mocks: a request through Apollo would fail the page.
    const { apolloStarted } = renderApp({
      locale: 'en',
      bootstrap: { me: null, currentOperator: null },
      mocks: [],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Entry Portal' }),
    ).toBeVisible();
    expect((await mainNav()).getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(screen.getByText("You need to sign in to see your company's data.")).toBeVisible();
    expect(apolloStarted()).toBe(false);
  });

  it('should load Apollo Client for a signed-in person and not ask who it is again', async () => {
    const { apolloStarted, client } = renderApp({
      locale: 'en',
      path: '/register/received',
      bootstrap: { me: karin, currentOperator: null },
      mocks: [],
    });
    expect(await (await mainNav()).findByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(screen.getByText('Signed in as Karin Lund')).toBeVisible();
    expect(apolloStarted()).toBe(true);
    expect(client.readQuery({ query: ViewerQuery })?.me?.firstName).toBe('Karin');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should ask through Apollo Client when the bootstrap request failed', async () => {
    const { apolloStarted } = renderApp({ locale: 'en', bootstrap: null, mocks: [anonymous()] });
    expect(await (await mainNav()).findByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(apolloStarted()).toBe(true);
  });

  describe('the answer the page carries', () => {
    afterEach(() => {
      document.getElementById(VIEWER_BOOTSTRAP_ELEMENT_ID)?.remove();
      vi.restoreAllMocks();
    });

    function pageCarries(text: string) {
      const block = document.createElement('script');
      block.type = 'application/json';
      block.id = VIEWER_BOOTSTRAP_ELEMENT_ID;
      block.textContent = text;
      document.head.append(block);
    }

    it('should be used without asking the API', async () => {
      const request = vi.spyOn(globalThis, 'fetch');
      pageCarries(JSON.stringify({ data: { me: karin, currentOperator: null } }));
      expect(await fetchViewer('en')).toEqual({ me: karin, currentOperator: null });
      expect(request).not.toHaveBeenCalled();
    });

    it('should be set aside for a request when it cannot be read', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const request = vi
        .spyOn(globalThis, 'fetch')
        .mockResolvedValue(
          Response.json({ data: { me: null, currentOperator: null } }, { status: 200 }),
        );
      pageCarries('{"data": {"me": ');
      expect(await fetchViewer('sv')).toEqual({ me: null, currentOperator: null });
      expect(request).toHaveBeenCalledTimes(1);
      const [, init] = request.mock.calls[0]!;
      expect(JSON.parse(init!.body as string)).toMatchObject({ operationName: 'ViewerBootstrap' });
    });
  });
});
