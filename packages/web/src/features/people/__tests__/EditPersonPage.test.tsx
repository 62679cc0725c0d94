import type { AccessLevelCode } from '@entry/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, signedIn } from '../../../test/renderApp';
import { EditPersonQuery, UpdatePersonMutation } from '../operations';
import { accessLevels, peopleList, peopleViewer } from './people-mocks';
import { saveAndExpectList } from './person-form-steps';

interface Target {
  id: string;
  level: AccessLevelCode;
  sites?: string[];
}

function person(target: Target | null) {
  return {
    request: { query: EditPersonQuery, variables: () => true },
    result: {
      data: {
        person: target && {
          __typename: 'Person',
          id: target.id,
          firstName: 'Daisy',
          lastName: 'Burton',
          email: 'daisy@email.co.uk',
          status: 'ACTIVE',
          locale: 'en',
          accessLevel: { __typename: 'AccessLevel', code: target.level, label: target.level },
          sites: {
            __typename: 'SiteConnection',
            totalCount: target.sites?.length ?? 0,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: (target.sites ?? []).map((name, index) => ({
              __typename: 'SiteEdge',
              node: { __typename: 'Site', id: `s${index}`, name, address: null, active: true },
            })),
          },
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function openEdit(viewer: AccessLevelCode, target: Target | null, extra: unknown[] = []) {
  return renderApp({
    locale: 'en',
    path: `/administrator/people/${target?.id ?? 'nobody'}`,
    mocks: [
      signedIn({ firstName: 'Camille', lastName: 'Martin' }),
      peopleViewer(viewer),
      accessLevels('en'),
      person(target),
      peopleList([]),
      ...(extra as never[]),
    ],
  });
}

describe('EditPersonPage', { timeout: 15_000 }, () => {
  it('should say the person is not found when the API knows no one by that id', async () => {
    openEdit('PAYMENT_ADMIN', null);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Person not found' }, { timeout: 5000 }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to Administrator' })).toHaveAttribute(
      'href',
      '/administrator',
    );
  });

  it("should show a payment admin's details read-only to a system admin, who cannot change them", async () => {
    openEdit('SYSTEM_ADMIN', { id: 'p-pia', level: 'PAYMENT_ADMIN' });
    await screen.findByRole('heading', { level: 1, name: 'Daisy Burton' }, { timeout: 5000 });
    expect(screen.queryByRole('combobox', { name: 'Access level' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /First name/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.getByText('Payment admin')).toBeVisible();
    expect(
      screen.getByText("Only a Payment admin can change this person's details."),
    ).toBeVisible();
  });

  it("should offer a system admin the level as text on another system admin's form when a payment admin is not concerned", async () => {
    openEdit('SYSTEM_ADMIN', { id: 'p-sam', level: 'SYSTEM_ADMIN' });
    await screen.findByRole('heading', { level: 1, name: 'Edit Daisy Burton' }, { timeout: 5000 });
    expect(screen.getByRole('textbox', { name: /First name/ })).toBeVisible();
  });

  it('should not let anyone change their own level', async () => {
    openEdit('PAYMENT_ADMIN', { id: 'person-1', level: 'PAYMENT_ADMIN' });
    expect(
      await screen.findByText('You cannot change your own access level.', undefined, {
        timeout: 5000,
      }),
    ).toBeVisible();
    expect(screen.queryByRole('combobox', { name: 'Access level' })).not.toBeInTheDocument();
  });

  it("should list a site admin's sites and save only what changed", async () => {
    const calls: Record<string, unknown>[] = [];
    const { user, router } = openEdit(
      'SYSTEM_ADMIN',
      { id: 'p-daisy', level: 'SITE_ADMIN', sites: ['Grand Ave Suites', 'Harbour View Lofts'] },
      [
        {
          request: { query: UpdatePersonMutation, variables: () => true },
          result: (variables: Record<string, unknown>) => {
            calls.push(variables);
            return {
              data: {
                updatePerson: {
                  __typename: 'PersonPayload',
                  person: {
                    __typename: 'Person',
                    id: 'p-daisy',
                    firstName: 'Daisy',
                    lastName: 'Burton',
                    status: 'ACTIVE',
                    accessLevel: { __typename: 'AccessLevel', code: 'SITE_ADMIN' },
                  },
                  userErrors: [],
                },
              },
            };
          },
        },
      ],
    );
    const chosen = await screen.findByRole('list', { name: 'Chosen sites' }, { timeout: 5000 });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Grand Ave Suites×', 'Harbour View Lofts×']);
    // No Payment admin for a system admin.
    expect(
      within(screen.getByRole('combobox', { name: 'Access level' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose an access level', 'System admin', 'Site admin']);
    await user.click(screen.getByRole('button', { name: 'Remove Grand Ave Suites' }));
    await saveAndExpectList(user, router);
    expect(calls).toEqual([
      { id: 'p-daisy', input: { firstName: 'Daisy', lastName: 'Burton', siteIds: ['s1'] } },
    ]);
    expect(await screen.findByText('The changes to Daisy Burton are saved.')).toBeVisible();
  });

  it('should keep a site admin from being left without sites', async () => {
    const { user } = openEdit('PAYMENT_ADMIN', {
      id: 'p-daisy',
      level: 'SITE_ADMIN',
      sites: ['Grand Ave Suites'],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Remove Grand Ave Suites' }, { timeout: 5000 }),
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const sites = screen.getByRole('combobox', { name: 'Sites' });
    expect(sites).toHaveFocus();
    expect(sites).toHaveAccessibleDescription(/This field is required\./);
  });

  it('should show LAST_PAYMENT_ADMIN on the level when the last payment admin would be demoted', async () => {
    const { user } = openEdit('PAYMENT_ADMIN', { id: 'p-pia', level: 'PAYMENT_ADMIN' }, [
      {
        request: { query: UpdatePersonMutation, variables: () => true },
        result: {
          data: {
            updatePerson: {
              __typename: 'PersonPayload',
              person: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'accessLevel'],
                  code: 'LAST_PAYMENT_ADMIN',
                  message: 'x',
                },
              ],
            },
          },
        },
      },
    ]);
    const level = await screen.findByRole('combobox', { name: 'Access level' }, { timeout: 5000 });
    await user.selectOptions(level, 'SYSTEM_ADMIN');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(level).toHaveFocus());
    expect(level).toHaveAccessibleDescription(
      /The company must keep at least one active payment admin\./,
    );
  });
});
