import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { PeopleTable, SitesCell, type ListedPerson } from '../components/PeopleTable';

function person(
  id: string,
  name: string,
  code: ListedPerson['accessLevel']['code'],
  sites: string[] = [],
  totalCount = sites.length,
): ListedPerson {
  const [firstName = '', lastName = ''] = name.split(' ');
  return {
    id,
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}@example.com`,
    status: 'ACTIVE',
    accessLevel: { code, label: code === 'SITE_ADMIN' ? 'Site admin' : 'System admin' },
    sites: {
      totalCount,
      edges: sites.map((siteName, index) => ({ node: { id: `${id}-${index}`, name: siteName } })),
    },
  };
}

describe('PeopleTable', () => {
  it('should show each person with level, status and sites, and mark the viewer', async () => {
    renderPart(
      <PeopleTable
        people={[
          person('person-1', 'Camille Martin', 'SYSTEM_ADMIN'),
          person('p-sven', 'Sven Site', 'SITE_ADMIN', ['Grand Ave Suites']),
        ]}
        viewer={{ id: 'person-1', level: 'SYSTEM_ADMIN' }}
        onDone={() => {}}
      />,
    );
    const table = await screen.findByRole('table', { name: 'People of your company' });
    const [camille, sven] = within(table).getAllByRole('row').slice(1) as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(camille).getByRole('rowheader')).toHaveTextContent('Camille Martin (you)');
    expect(within(sven).getByRole('rowheader')).toHaveTextContent(/^Sven Site$/);
    expect(
      within(sven)
        .getAllByRole('cell')
        .slice(0, 4)
        .map((cell) => cell.textContent),
    ).toEqual(['sven@example.com', 'Site admin', 'Active', 'Grand Ave Suites']);
    expect(within(sven).getByRole('list', { name: 'Actions for Sven Site' })).toBeVisible();
  });
});

describe('SitesCell', () => {
  it('should say "All sites" for a level that sees them all', async () => {
    renderPart(<SitesCell person={person('p', 'Pia Payer', 'PAYMENT_ADMIN')} />);
    expect(await screen.findByText('All sites')).toBeVisible();
  });

  it('should name the first sites and count the rest', async () => {
    renderPart(
      <p data-testid="cell">
        <SitesCell person={person('p', 'Daisy Burton', 'SITE_ADMIN', ['A', 'B', 'C'], 7)} />
      </p>,
    );
    expect(await screen.findByTestId('cell')).toHaveTextContent('A, B, C and 4 more');
  });

  it('should say when a site admin has no sites', async () => {
    renderPart(<SitesCell person={person('p', 'Daisy Burton', 'SITE_ADMIN')} />);
    expect(await screen.findByText('No sites')).toBeVisible();
  });
});
