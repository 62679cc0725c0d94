import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { accessAnswer as peopleViewer } from '../../../test/viewer-mocks';
import { AuditEventsQuery } from '../operations';

const EVENTS = [
  {
    id: 'e2',
    kind: 'person.invitation_accepted',
    createdAt: '2026-11-20T10:15:00.000Z',
    subjectType: 'person',
    subjectId: 'p-daisy',
    siteId: null,
    ip: '203.0.113.9',
    changes: [{ field: 'status', before: 'INVITED', after: 'ACTIVE' }],
    actor: { kind: 'ANONYMOUS', id: null, name: null, email: null },
  },
  {
    id: 'e1',
    kind: 'person.invited',
    createdAt: '2026-11-20T09:00:00.000Z',
    subjectType: 'person',
    subjectId: 'p-daisy',
    siteId: null,
    ip: null,
    changes: [
      { field: 'email', before: null, after: 'daisy@email.co.uk' },
      { field: 'accessLevel', before: null, after: 'SITE_ADMIN' },
      { field: 'sites', before: null, after: 's1,s2' },
    ],
    actor: { kind: 'PERSON', id: 'person-1', name: 'Camille Martin', email: 'camille@example.com' },
  },
  {
    id: 'e0',
    kind: 'invoice.sent',
    createdAt: '2026-11-19T09:00:00.000Z',
    subjectType: 'invoice',
    subjectId: 'i1',
    siteId: null,
    ip: null,
    changes: [],
    actor: { kind: 'OPERATOR', id: null, name: 'Vendor staff', email: null },
  },
  {
    id: 'e-1',
    kind: 'site.created',
    createdAt: '2026-11-18T09:00:00.000Z',
    subjectType: 'site',
    subjectId: 's9',
    siteId: 's9',
    ip: '198.51.100.7',
    changes: [{ field: 'name', before: null, after: 'Harbour View' }],
    actor: { kind: 'API_KEY', id: 'key-1', name: 'ERP', email: null },
  },
  {
    id: 'e-2',
    kind: 'webhook_endpoint.disabled_for_failing',
    createdAt: '2026-11-17T09:00:00.000Z',
    subjectType: 'webhook_endpoint',
    subjectId: 'w1',
    siteId: null,
    ip: null,
    changes: [{ field: 'enabled', before: 'true', after: 'false' }],
    actor: { kind: 'ANONYMOUS', id: null, name: null, email: null },
  },
];

function auditEvents(seen: Record<string, unknown>[]) {
  return {
    request: { query: AuditEventsQuery, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      seen.push(variables);
      const events = variables['kind']
        ? EVENTS.filter((event) => event.kind === variables['kind'])
        : EVENTS;
      return {
        data: {
          auditEvents: {
            __typename: 'AuditEventConnection',
            totalCount: events.length,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: events.map((event) => ({
              __typename: 'AuditEventEdge',
              node: {
                __typename: 'AuditEvent',
                ...event,
                changes: event.changes.map((change) => ({ __typename: 'AuditChange', ...change })),
                actor: { __typename: 'AuditActorObject', ...event.actor },
              },
            })),
          },
        },
      };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

describe('AuditLogPage', { timeout: 15_000 }, () => {
  it('should list events newest first with who, what and the changes in words', async () => {
    const seen: Record<string, unknown>[] = [];
    renderApp({
      locale: 'en',
      path: '/administrator/audit',
      mocks: [
        signedIn({ firstName: 'Camille', lastName: 'Martin' }),
        peopleViewer('SYSTEM_ADMIN'),
        auditEvents(seen),
      ],
    });
    const table = await screen.findByRole(
      'table',
      { name: 'Audit log events, newest first' },
      { timeout: 5000 },
    );
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
    expect(cells[0]!.slice(1)).toEqual([
      'The person themselves, via an emailed link',
      'Invitation accepted',
      'Status: Invited → changed to Active',
      '203.0.113.9',
    ]);
    expect(cells[1]!.slice(1)).toEqual([
      'Camille Martincamille@example.com',
      'Person invited',
      'Email: daisy@email.co.ukAccess level: Site adminNumber of sites: 2',
      '(empty)',
    ]);
    // A kind the app does not know yet: as the server names it.
    expect(cells[2]!.slice(1, 3)).toEqual(['Vendor staff', 'invoice.sent']);
    // A change made with an API key names the key; the portal's own doing names the portal.
    expect(cells[3]!.slice(1, 3)).toEqual(['API key ERP', 'Site created']);
    expect(cells[4]!.slice(1, 4)).toEqual([
      'The portal, automatically',
      'Webhook endpoint turned off after failing',
      'Enabled: Yes → changed to No',
    ]);
    expect(within(rows[1]!).getByText(/Nov/)).toHaveAttribute(
      'datetime',
      '2026-11-20T09:00:00.000Z',
    );
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/audit-events.csv',
    );
  });

  it('should filter by kind and export the same filter', async () => {
    const seen: Record<string, unknown>[] = [];
    const { user } = renderApp({
      locale: 'en',
      path: '/administrator/audit',
      mocks: [
        signedIn({ firstName: 'Camille', lastName: 'Martin' }),
        peopleViewer('PAYMENT_ADMIN'),
        auditEvents(seen),
      ],
    });
    await screen.findByRole('table', undefined, { timeout: 5000 });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'What happened' }),
      'person.invited',
    );
    await waitFor(() => expect(seen.at(-1)).toMatchObject({ kind: 'person.invited' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/audit-events.csv?kind=person.invited',
    );
  });

  it('should tell a site admin the log is for payment and system admins', async () => {
    renderApp({
      locale: 'sv',
      path: '/administrator/audit',
      mocks: [signedIn({ firstName: 'Sven', lastName: 'Site' }), peopleViewer('SITE_ADMIN')],
    });
    expect(
      await screen.findByText(
        'Bara en Betalningsadmin eller en Systemadmin kan se granskningsloggen.',
        undefined,
        {
          timeout: 5000,
        },
      ),
    ).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
