import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { SiteExport } from '../components/SiteExport';
import { SiteNotFound } from '../components/SiteNotFound';
import { InactiveSiteNotice, SiteActions, SiteFacts } from '../components/SiteOverview';

const facts = {
  address: null,
  createdAt: '2026-11-02T09:30:00.000Z',
  deactivatedAt: '2026-11-20T10:00:00.000Z',
  entryUserCount: 1234,
};

const termsOf = () =>
  screen
    .getAllByRole('term')
    .map((term) => `${term.textContent}: ${term.nextSibling?.textContent}`);

describe('SiteFacts', () => {
  it('should list the address, the dates and the number of users', async () => {
    renderPart(<SiteFacts site={{ ...facts, active: false }} />);
    await screen.findByText('Address');
    expect(termsOf()).toEqual([
      'Address: No address',
      'Added on: November 2, 2026',
      'Deactivated on: November 20, 2026',
      'Entry app users: 1,234',
    ]);
  });

  it('should leave the deactivation date out for an active site', async () => {
    renderPart(<SiteFacts site={{ ...facts, address: 'Kungsgatan 12', active: true }} />);
    await screen.findByText('Kungsgatan 12');
    expect(screen.queryByText('Deactivated on')).toBeNull();
  });
});

describe('SiteActions', () => {
  it('should offer reactivation of a deactivated site to an all-sites level', async () => {
    const onChangeStatus = vi.fn();
    const { user } = renderPart(
      <SiteActions
        active={false}
        canChangeStatus
        onEdit={() => {}}
        onChangeStatus={onChangeStatus}
        onTransfer={() => {}}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Reactivate' }));
    expect(onChangeStatus).toHaveBeenCalledTimes(1);
  });

  it('should offer an all-sites level the transfer to another company', async () => {
    const onTransfer = vi.fn();
    const { user } = renderPart(
      <SiteActions
        active
        canChangeStatus
        onEdit={() => {}}
        onChangeStatus={() => {}}
        onTransfer={onTransfer}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Transfer to another company' }));
    expect(onTransfer).toHaveBeenCalledTimes(1);
  });

  it('should offer only editing to a site admin', async () => {
    const onEdit = vi.fn();
    const { user } = renderPart(
      <SiteActions
        active
        canChangeStatus={false}
        onEdit={onEdit}
        onChangeStatus={() => {}}
        onTransfer={() => {}}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Transfer to another company' })).toBeNull();
  });
});

describe('InactiveSiteNotice', () => {
  it('should tell a site admin who can reactivate the site', async () => {
    renderPart(<InactiveSiteNotice allSites={false} />);
    expect(
      await screen.findByText(/A Payment admin or System admin can reactivate it\./),
    ).toBeVisible();
  });

  it('should tell an all-sites level to reactivate it to add users', async () => {
    renderPart(<InactiveSiteNotice allSites />);
    expect(await screen.findByText(/Reactivate it to add users\./)).toBeVisible();
  });
});

describe('SiteExport', () => {
  it('should download the users of this site as CSV', async () => {
    renderPart(<SiteExport siteId="site/1" />);
    const link = await screen.findByRole('link', { name: 'Download the Entry app users (CSV)' });
    expect(link).toHaveAttribute('href', '/api/sites/site%2F1/entry-users.csv');
    expect(link).toHaveAttribute('download');
    expect(screen.getByRole('region', { name: 'Export' })).toContainElement(link);
  });
});

describe('SiteNotFound', () => {
  it('should say so, name the page for it and lead back to the list', async () => {
    renderPart(<SiteNotFound />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Site not found' })).toBeVisible();
    expect(document.title).toMatch(/^Site not found/);
    expect(screen.getByRole('link', { name: 'All sites' })).toHaveAttribute('href', '/sites');
  });
});
