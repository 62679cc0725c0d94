import { Permission } from '@entry/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccessQuery } from '../operations';
import type { Viewer } from '../../app/useViewer';
import { accessHarness, VIEWERS } from '../../test/access-harness';
import { accessAnswer } from '../../test/viewer-mocks';
import { RequireAccess } from '../RequireAccess';

function guard(viewer: Viewer, mocks = [accessAnswer('PAYMENT_ADMIN')]) {
  const { wrapper } = accessHarness({ viewer, mocks });
  return render(
    <RequireAccess
      permission={Permission.MANAGE_PEOPLE}
      notAllowed={({ level }) => <p>Not for {level ?? 'operators'}</p>}
      billingSetup={<p>Finish billing setup first</p>}
    >
      {({ level }) => <p>The page for {level}</p>}
    </RequireAccess>,
    { wrapper },
  );
}

describe('RequireAccess', () => {
  it('should say it is loading while the access is not known', () => {
    guard(VIEWERS.unknown);
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(screen.queryByText(/The page/)).toBeNull();
  });

  it('should send a visitor to sign in when nobody is signed in', async () => {
    guard(VIEWERS.visitor);
    expect(await screen.findByText('Sign-in page')).toBeVisible();
  });

  it('should show what the page gives for visitors when it says what that is', () => {
    const { wrapper } = accessHarness({ viewer: VIEWERS.visitor });
    render(
      <RequireAccess signedOut={<p>Please sign in</p>}>
        <p>The page</p>
      </RequireAccess>,
      { wrapper },
    );
    expect(screen.getByText('Please sign in')).toBeVisible();
  });

  it('should show the error with a retry that asks again when the access cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    guard(VIEWERS.person, [
      { request: { query: AccessQuery }, error: new Error('offline') },
      accessAnswer('SYSTEM_ADMIN'),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong while loading this page.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The page for SYSTEM_ADMIN')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should refuse a person whose level lacks the permission', async () => {
    guard(VIEWERS.person, [accessAnswer('SITE_ADMIN')]);
    expect(await screen.findByText('Not for SITE_ADMIN')).toBeVisible();
  });

  it('should refuse an operator, who holds no company rights', () => {
    guard(VIEWERS.operator);
    expect(screen.getByText('Not for operators')).toBeVisible();
  });

  it("should show the billing-setup notice while the person's company has not finished it", async () => {
    guard(VIEWERS.person, [accessAnswer('PAYMENT_ADMIN', { billingSetupComplete: false })]);
    expect(await screen.findByText('Finish billing setup first')).toBeVisible();
    expect(screen.queryByText(/The page/)).toBeNull();
  });

  it('should show the page when the person may and billing setup is complete', async () => {
    guard(VIEWERS.person, [accessAnswer('PAYMENT_ADMIN')]);
    expect(await screen.findByText('The page for PAYMENT_ADMIN')).toBeVisible();
  });
});
