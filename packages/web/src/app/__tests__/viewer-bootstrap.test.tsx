import { addTypenameToDocument } from '@apollo/client/utilities';
import { screen, within } from '@testing-library/react';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anonymous, personData, renderApp } from '../../test/renderApp';
import { ViewerQuery } from '../operations';
import { VIEWER_QUERY_TEXT } from '../viewer-bootstrap';

const karin = personData({ firstName: 'Karin', lastName: 'Lund' });

async function mainNav() {
  return within(await screen.findByRole('navigation', { name: 'Main' }));
}

describe('Who is signed in, before Apollo Client', () => {
  it('should ask exactly the Viewer query, with the typenames Apollo caches by', () => {
    expect(print(parse(VIEWER_QUERY_TEXT))).toBe(print(addTypenameToDocument(ViewerQuery)));
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
});
