import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { AddEntryUserMutation } from '../operations';
import type { MockLink } from '@apollo/client/testing';
import { siteAdmins, siteDetail, siteViewer } from './mocks';

// Pages load lazily (their chunk, then their data): give them time on a busy machine.
configure({ asyncUtilTimeout: 5000 });

const karin = signedIn({ firstName: 'Karin', lastName: 'Lund' });

const SITE = {
  id: 'site-1',
  name: 'Kungsgatan 12',
  address: 'Kungsgatan 12, 111 22 Stockholm',
  entryUserCount: 2,
  siteAdmins: [{ id: 'p-2', firstName: 'Sven', lastName: 'Berg' }],
  entryUsers: [
    {
      id: 'u-1',
      firstName: 'Astrid',
      lastName: 'Lindqvist',
      email: 'astrid@example.com',
      apartment: '1102',
    },
    { id: 'u-2', firstName: 'Bo', lastName: 'Ek', email: 'bo@example.com' },
  ],
};

const CSV = [
  'first_name,last_name,email,apartment',
  'Åsa,Berg,asa@example.com,1201',
  'Nils,,nils@example.com,1202',
  'Olof,Ek,olof@,1203',
  'Pia,Lund,pia@example.com,',
].join('\n');

function row(
  line: number,
  values: [string, string, string, string | null],
  problems: [string, string, string][],
) {
  const [firstName, lastName, email, apartment] = values;
  return {
    __typename: 'EntryUserImportRow' as const,
    line,
    firstName,
    lastName,
    email,
    apartment,
    valid: problems.length === 0,
    problems: problems.map(([column, code, message]) => ({
      __typename: 'UserError' as const,
      field: ['rows', String(line), column],
      code,
      message,
    })),
  };
}

/** The preview route's answer for CSV: the rows with problems, then the counts. */
const PREVIEW_LINES = [
  {
    rows: [
      row(
        3,
        ['Nils', '', 'nils@example.com', '1202'],
        [['last_name', 'REQUIRED', 'This field is required.']],
      ),
      row(
        4,
        ['Olof', 'Ek', 'olof@', '1203'],
        [['email', 'INVALID', 'Enter an email address like name@example.com.']],
      ),
    ],
  },
  {
    done: true,
    columns: ['first_name', 'last_name', 'email', 'apartment'],
    totalRows: 4,
    validCount: 2,
    invalidCount: 2,
    userErrors: [],
  },
];

/** fetch answering the preview route with PREVIEW_LINES and the import route with `imported`. */
function fileRoutes(imported: () => Response) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async (url) =>
      String(url).endsWith('/import/preview') ? ndjsonResponse(PREVIEW_LINES) : imported(),
    );
}

function ndjsonResponse(lines: object[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const line of lines) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
}

/** addEntryUser at site-1 with `input`, answered with `payload`. */
function addEntryUserAnswer(
  input: Record<string, unknown>,
  payload: Record<string, unknown>,
): MockLink.MockedResponse {
  return {
    request: { query: AddEntryUserMutation, variables: { siteId: 'site-1', input } },
    result: { data: { addEntryUser: { __typename: 'EntryUserPayload', ...payload } } },
  };
}

describe('SiteDetailPage', { timeout: 20_000 }, () => {
  it('should show the site, its Entry app users, the CSV links and its site admins when a payment admin opens it', async () => {
    renderApp({
      locale: 'en',
      path: '/sites/site-1',
      mocks: [karin, siteViewer('PAYMENT_ADMIN'), siteDetail(SITE), siteAdmins(SITE)],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kungsgatan 12' })).toBeVisible();
    expect(document.title).toBe('Kungsgatan 12 – Entry Portal');
    const details = screen.getByText('Added on').closest('dl')!;
    expect(details).toHaveTextContent('Kungsgatan 12, 111 22 Stockholm');
    expect(details).toHaveTextContent('November 2, 2026');
    const users = screen.getByRole('table', { name: 'Entry app users of Kungsgatan 12' });
    expect(
      within(users)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Astrid Lindqvist', 'Bo Ek']);
    expect(within(users).getByRole('button', { name: 'Remove Bo Ek' })).toBeVisible();
    expect(screen.getByText('Showing 2 of 2')).toBeVisible();
    // the import section follows the page (its code loads after)
    expect(
      await screen.findByRole('link', { name: 'Download the template (CSV)' }),
    ).toHaveAttribute('href', '/api/entry-users-template.csv');
    expect(
      screen.getByRole('link', { name: 'Download the Entry app users (CSV)' }),
    ).toHaveAttribute('href', '/api/sites/site-1/entry-users.csv');
    const admins = await screen.findByRole('region', { name: 'Site admins' });
    expect(await within(admins).findByText('Sven Berg')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Deactivate' })).toBeVisible();
  });

  it('should say the site is not found when the API answers null', async () => {
    renderApp({
      locale: 'sv',
      path: '/sites/someone-elses',
      mocks: [karin, siteViewer('SITE_ADMIN'), siteDetail(null, { id: 'someone-elses' })],
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Anläggningen hittades inte' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alla anläggningar' })).toHaveAttribute(
      'href',
      '/sites',
    );
  });

  it('should leave out site admins and deactivation when a site admin opens their site', async () => {
    renderApp({
      locale: 'fr',
      path: '/sites/site-1',
      mocks: [karin, siteViewer('SITE_ADMIN'), siteDetail(SITE)],
    });
    await screen.findByRole('heading', { level: 1, name: 'Kungsgatan 12' });
    expect(screen.queryByRole('region', { name: 'Administrateurs du site' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Désactiver' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Modifier' })).toBeVisible();
  });

  it('should show the taken email on the email field when adding a user fails', async () => {
    const input = {
      firstName: 'Astrid',
      lastName: 'Lindqvist',
      email: 'astrid@example.com',
      apartment: null,
      moveInDate: null,
      moveOutDate: null,
    };
    const { user } = renderApp({
      locale: 'nl',
      path: '/sites/site-1',
      mocks: [
        karin,
        siteViewer('SITE_ADMIN'),
        siteDetail(SITE),
        addEntryUserAnswer(input, {
          entryUser: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: ['input', 'email'],
              code: 'TAKEN',
              message: 'An Entry app user of this site already has this email address.',
            },
          ],
        }),
      ],
    });
    const form = await screen.findByRole('region', { name: 'Entry app-gebruiker toevoegen' });
    // the form loads after the page
    await user.type(await within(form).findByRole('textbox', { name: /^Voornaam/ }), 'Astrid');
    await user.type(within(form).getByRole('textbox', { name: /^Achternaam/ }), 'Lindqvist');
    const email = within(form).getByRole('textbox', { name: /^E-mailadres/ });
    await user.type(email, ' Astrid@Example.com ');
    await user.click(within(form).getByRole('button', { name: 'Gebruiker toevoegen' }));
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining('Een Entry app-gebruiker van deze locatie heeft dit e-mailadres al.'),
    );
    expect(email).toHaveFocus();
  });

  it('should add a resident who moves in later with a move-out date, refusing a move-out already past', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const input = {
      firstName: 'Astrid',
      lastName: 'Lindqvist',
      email: 'astrid@example.com',
      apartment: null,
      moveInDate: day(10),
      moveOutDate: day(40),
    };
    const { user } = renderApp({
      locale: 'en',
      path: '/sites/site-1',
      mocks: [
        karin,
        siteViewer('SITE_ADMIN'),
        siteDetail(SITE),
        addEntryUserAnswer(input, {
          entryUser: {
            __typename: 'EntryUser',
            id: 'u-9',
            ...input,
            activeFrom: `${input.moveInDate}T00:00:00.000Z`,
            status: 'UPCOMING',
          },
          userErrors: [],
        }),
      ],
    });
    const form = await screen.findByRole('region', { name: 'Add an Entry app user' });
    // the form loads after the page
    await user.type(await within(form).findByRole('textbox', { name: /^First name/ }), 'Astrid');
    await user.type(within(form).getByRole('textbox', { name: /^Last name/ }), 'Lindqvist');
    await user.type(
      within(form).getByRole('textbox', { name: /^Email address/ }),
      'astrid@example.com',
    );
    const moveIn = within(form).getByLabelText(/^Move-in date/);
    const moveOut = within(form).getByLabelText(/^Move-out date/);
    expect(moveIn).toHaveAccessibleDescription(
      'Leave it empty if the resident lives there already. Not billed before this day.',
    );
    await user.type(moveOut, day(-1));
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(moveOut).toHaveAttribute('aria-invalid', 'true');
    expect(moveOut).toHaveAccessibleDescription(
      expect.stringContaining('The move-out date has passed.'),
    );
    expect(moveOut).toHaveFocus();

    await user.type(moveIn, input.moveInDate);
    await user.clear(moveOut);
    await user.type(moveOut, input.moveOutDate);
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(await screen.findByText('Astrid Lindqvist was added.')).toBeVisible();
  });

  it('should preview the file with its problems by line, then import it with a progress bar', async () => {
    const fetchSpy = fileRoutes(() =>
      ndjsonResponse([
        { processed: 0, total: 4 },
        { processed: 4, total: 4 },
        {
          done: true,
          imported: 2,
          skipped: [
            row(
              3,
              ['Nils', '', 'nils@example.com', '1202'],
              [['last_name', 'REQUIRED', 'Required.']],
            ),
            row(4, ['Olof', 'Ek', 'olof@', '1203'], [['email', 'INVALID', 'Not an email.']]),
          ],
          userErrors: [],
        },
      ]),
    );
    const { user } = renderApp({
      locale: 'en',
      path: '/sites/site-1',
      mocks: [karin, siteViewer('PAYMENT_ADMIN'), siteDetail(SITE), siteAdmins(SITE)],
    });
    const file = await screen.findByLabelText('CSV file');
    await user.upload(file, new File([CSV], 'residents.csv', { type: 'text/csv' }));

    expect(
      await screen.findByRole('heading', { level: 3, name: 'Before you import residents.csv' }),
    ).toHaveFocus();
    expect(
      screen.getByText('Rows in the file: 4. Ready to import: 2. With problems: 2.'),
    ).toBeVisible();
    const problems = screen.getByRole('table', {
      name: 'Rows with problems, which will be skipped',
    });
    const rows = within(problems).getAllByRole('row').slice(1);
    expect(rows.map((tableRow) => within(tableRow).getByRole('rowheader').textContent)).toEqual([
      '3',
      '4',
    ]);
    expect(rows[0]).toHaveTextContent('last_name This field is required.');
    expect(rows[1]).toHaveTextContent('olof@');
    expect(rows[1]).toHaveTextContent('email Enter an email address like name@example.com.');

    await user.click(screen.getByRole('button', { name: 'Import the valid rows (2)' }));
    const result = (await screen.findByText('Import finished')).closest('[role="status"]');
    expect(result).toHaveTextContent('Entry app users added: 2.');
    expect(result).toHaveTextContent('Rows skipped: 2.');
    expect(result).toHaveFocus();
    const skipped = screen.getByRole('table', { name: 'Rows that were not imported' });
    expect(skipped).toHaveTextContent('email Not an email.');
    const progress = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(progress).toHaveAttribute('value', '4');
    expect(progress).toHaveAttribute('max', '4');
    expect(screen.getByText('4 of 4 rows processed')).toBeVisible();

    expect(fetchSpy).toHaveBeenCalledTimes(2);
    const sent = fetchSpy.mock.calls.map(([url, init]) => ({
      url,
      method: init?.method,
      type: new Headers(init?.headers).get('content-type'),
      // the file itself, streamed by the browser, never its text in a GraphQL string
      name: init?.body instanceof File ? init.body.name : null,
    }));
    const upload = { method: 'POST', type: 'text/csv; charset=utf-8', name: 'residents.csv' };
    expect(sent).toEqual([
      { url: '/api/sites/site-1/entry-users/import/preview', ...upload },
      { url: '/api/sites/site-1/entry-users/import', ...upload },
    ]);
  });

  it('should show the server words and keep the preview when the import is refused', async () => {
    fileRoutes(
      () =>
        new Response(
          JSON.stringify({
            userErrors: [
              {
                field: ['siteId'],
                code: 'INVALID_STATE',
                message: 'This site is deactivated. Reactivate it first.',
              },
            ],
          }),
          { status: 422, headers: { 'content-type': 'application/json' } },
        ),
    );
    const { user } = renderApp({
      locale: 'en',
      path: '/sites/site-1',
      mocks: [karin, siteViewer('PAYMENT_ADMIN'), siteDetail(SITE), siteAdmins(SITE)],
    });
    await user.upload(
      await screen.findByLabelText('CSV file'),
      new File([CSV], 'residents.csv', { type: 'text/csv' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Import the valid rows (2)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This site is deactivated. Reactivate it first.',
    );
    expect(screen.getByRole('button', { name: 'Import the valid rows (2)' })).toBeVisible();
  });
});
