import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { ViewerQuery } from '../../../app/operations';
import { personData, renderApp, signedIn, type TestPerson } from '../../../test/renderApp';
import {
  ProfileSecurityQuery,
  RevokeSessionMutation,
  SignOutOtherSessionsMutation,
} from '../operations';
import {
  ConfirmTotpEnrollmentMutation,
  StartTotpEnrollmentMutation,
} from '../two-factor-operations';

const karin: TestPerson = { firstName: 'Karin', lastName: 'Lund' };
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

function session(id: string, current: boolean, userAgent: string | null) {
  return {
    __typename: 'Session' as const,
    id,
    createdAt: '2026-12-01T09:30:00.000Z',
    lastSeenAt: '2026-12-06T14:05:00.000Z',
    userAgent,
    ip: current ? '203.0.113.7' : null,
    current,
  };
}

function security(
  { mfaEnabled = false, requireMfa = false } = {},
  sessions = [session('s-here', true, CHROME), session('s-phone', false, IPHONE)],
): MockLink.MockedResponse {
  return {
    request: { query: ProfileSecurityQuery },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id: 'person-1',
          mfaEnabled,
          company: { __typename: 'Company', id: 'company-1', requireMfa },
        },
        currentOperator: null,
        mySessions: sessions,
      },
    },
  };
}

const started: MockLink.MockedResponse = {
  request: { query: StartTotpEnrollmentMutation },
  result: {
    data: {
      startTotpEnrollment: {
        __typename: 'TotpEnrollmentPayload',
        enrollment: {
          __typename: 'TotpEnrollment',
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          uri: 'otpauth://totp/Entry%20Portal:karin?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        },
        userErrors: [],
      },
    },
  },
};

const CODES = Array.from(
  { length: 10 },
  (_, index) => `ABCD-EFGH-${String(index).padStart(4, '0')}`,
);

const confirmed: MockLink.MockedResponse = {
  request: { query: ConfirmTotpEnrollmentMutation, variables: { code: '654321' } },
  result: {
    data: {
      confirmTotpEnrollment: {
        __typename: 'RecoveryCodesPayload',
        recoveryCodes: CODES,
        userErrors: [],
      },
    },
  },
};

describe("the profile's Security section", () => {
  it('should list the sessions by device and sign out another one', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/profile',
      mocks: [
        signedIn(karin),
        security(),
        {
          request: { query: RevokeSessionMutation, variables: { id: 's-phone' } },
          result: { data: { revokeSession: true } },
        },
        security({}, [session('s-here', true, CHROME)]),
      ],
    });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Chrome 126 on Windows This device',
      'Safari 17 on iPhone',
    ]);
    expect(rows[0]).toHaveTextContent('203.0.113.7');
    expect(rows[1]).toHaveTextContent('unknown');
    // Only the other session can be ended from here; the current one signs out below.
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    await user.click(
      within(rows[1]!).getByRole('button', { name: /^Sign out of Safari 17 on iPhone/ }),
    );
    expect(await screen.findByText('That session is signed out.')).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByText('You are not signed in anywhere else.')).toBeInTheDocument();
  });

  it('should sign out everywhere else and say how many sessions ended, in Swedish', async () => {
    const { user } = renderApp({
      locale: 'sv',
      path: '/profile',
      mocks: [
        signedIn(karin),
        security(),
        {
          request: { query: SignOutOtherSessionsMutation },
          result: { data: { signOutOtherSessions: 1 } },
        },
        security({}, [session('s-here', true, CHROME)]),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Logga ut överallt annars' }));
    expect(await screen.findByText('1 annan session är utloggad.')).toBeInTheDocument();
  });

  it('should turn two-factor sign-in on with a code and show the recovery codes once', async () => {
    const { user } = renderApp({
      locale: 'en',
      path: '/profile',
      mocks: [signedIn(karin), security(), started, confirmed, security({ mfaEnabled: true })],
    });
    expect(await screen.findByText('Two-factor sign-in is off.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'QR code to scan with your authenticator app' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Code from your authenticator app/), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const heading = await screen.findByRole('heading', { name: 'Your recovery codes' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      expect.arrayContaining(CODES),
    );
    expect(screen.getByRole('link', { name: 'Download (.txt)' })).toHaveAttribute(
      'download',
      'entry-portal-recovery-codes.txt',
    );
    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByRole('button', { name: 'New recovery codes…' })).toBeInTheDocument();
    expect(screen.queryByText(CODES[0]!)).toBeNull();
  });

  it('should explain that it cannot be turned off while the company requires it', async () => {
    renderApp({
      locale: 'en',
      path: '/profile',
      mocks: [signedIn(karin), security({ mfaEnabled: true, requireMfa: true })],
    });
    expect(
      await screen.findByText(
        'Your company requires two-factor sign-in, so it cannot be turned off.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Turn off…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'New recovery codes…' })).toBeInTheDocument();
  });
});

describe('the two-factor set-up the company requires', () => {
  const holdOut = { ...karin, mustEnrollMfa: true };

  it('should hold the person to the set-up page, with signing out the only way elsewhere', async () => {
    const { user, router } = renderApp({
      locale: 'nl',
      path: '/sites',
      mocks: [
        signedIn(holdOut, 1),
        started,
        confirmed,
        {
          request: { query: ViewerQuery },
          result: { data: { me: personData(karin), currentOperator: null } },
          maxUsageCount: Number.POSITIVE_INFINITY,
        },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/set-up-two-factor'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tweestapsaanmelding instellen' }),
    ).toBeVisible();
    const nav = within(screen.getByRole('navigation', { name: 'Hoofdmenu' }));
    expect(nav.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Uitloggen']);
    expect(screen.queryByRole('link', { name: 'Uw profiel' })).toBeNull();

    await user.type(await screen.findByLabelText(/^Code uit uw authenticator-app/), '654321');
    await user.click(screen.getByRole('button', { name: 'Aanzetten' }));
    await user.click(await screen.findByRole('button', { name: 'Ik heb ze bewaard' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('should go to the set-up when a request answers MFA_ENROLLMENT_REQUIRED (required meanwhile)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { router } = renderApp({
      locale: 'en',
      path: '/profile',
      mocks: [
        // `me` from before the company turned the requirement on; the page's request is refused
        signedIn(karin, 1),
        {
          request: { query: ProfileSecurityQuery },
          result: {
            errors: [
              new GraphQLError('Set up two-factor sign-in first.', {
                extensions: { code: 'MFA_ENROLLMENT_REQUIRED' },
              }),
            ],
          },
        },
        signedIn(holdOut),
        started,
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/set-up-two-factor'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }),
    ).toBeVisible();
  });
});
