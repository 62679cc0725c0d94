import { Permission, PersonAction } from '@entry/shared';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { accessHarness, VIEWERS } from '../../test/access-harness';
import { accessAnswer, accessData } from '../../test/viewer-mocks';
import { AccessQuery } from '../operations';
import { useAccess } from '../useAccess';

const colleague = { id: 'person-2', accessLevel: 'SITE_ADMIN', status: 'ACTIVE' } as const;

describe('useAccess', () => {
  it('should know nothing while ViewerProvider does not know who is signed in', () => {
    const { wrapper } = accessHarness({ viewer: VIEWERS.unknown });
    const { result } = renderHook(() => useAccess(), { wrapper });
    expect(result.current).toMatchObject({ known: false, signedIn: false, level: null });
    expect(result.current.can(Permission.AUTHENTICATED)).toBe(false);
  });

  it('should answer a visitor without asking the API when nobody is signed in', () => {
    const { wrapper } = accessHarness({ viewer: VIEWERS.visitor, mocks: [] });
    const { result } = renderHook(() => useAccess(), { wrapper });
    expect(result.current).toMatchObject({
      known: true,
      signedIn: false,
      person: null,
      rights: null,
      billingSetupComplete: false,
    });
  });

  it("should give a person their level's rights and the shared policy when the answer comes", async () => {
    const { wrapper } = accessHarness({
      viewer: VIEWERS.person,
      mocks: [accessAnswer('SYSTEM_ADMIN', { billingSetupComplete: false })],
    });
    const { result } = renderHook(() => useAccess(), { wrapper });
    expect(result.current.known).toBe(false);
    await waitFor(() => expect(result.current.known).toBe(true));
    expect(result.current).toMatchObject({
      signedIn: true,
      level: 'SYSTEM_ADMIN',
      rights: { allSites: true, payments: false, managePeople: true },
      billingSetupComplete: false,
      error: undefined,
    });
    expect(result.current.person?.firstName).toBe('Karin');
    expect(result.current.can(Permission.MANAGE_PEOPLE)).toBe(true);
    expect(result.current.can(Permission.PAYMENTS)).toBe(false);
    expect(result.current.can(PersonAction.DISABLE, colleague)).toBe(true);
    expect(result.current.can(PersonAction.DISABLE, { ...colleague, id: 'person-1' })).toBe(false);
  });

  it('should read the answer from the cache when it is there and not refreshed', () => {
    const { client, wrapper } = accessHarness({ viewer: VIEWERS.person, mocks: [] });
    client.writeQuery({ query: AccessQuery, data: accessData('PAYMENT_ADMIN') });
    const { result } = renderHook(() => useAccess(), { wrapper });
    expect(result.current).toMatchObject({ known: true, level: 'PAYMENT_ADMIN' });
    expect(result.current.billingSetupComplete).toBe(true);
  });

  it('should ask again when refreshed, where billing setup may have been finished since', async () => {
    const { client, wrapper } = accessHarness({
      viewer: VIEWERS.person,
      mocks: [accessAnswer('PAYMENT_ADMIN', { billingSetupComplete: true })],
    });
    client.writeQuery({
      query: AccessQuery,
      data: accessData('PAYMENT_ADMIN', { billingSetupComplete: false }),
    });
    const { result } = renderHook(() => useAccess({ refresh: true }), { wrapper });
    expect(result.current.billingSetupComplete).toBe(false);
    await waitFor(() => expect(result.current.billingSetupComplete).toBe(true));
  });

  it('should let an operator do only what operators do', () => {
    const { wrapper } = accessHarness({ viewer: VIEWERS.operator });
    const { result } = renderHook(() => useAccess(), { wrapper });
    expect(result.current).toMatchObject({ known: true, signedIn: true, rights: null });
    expect(result.current.can(Permission.OPERATOR)).toBe(true);
    expect(result.current.can(Permission.MANAGE_PEOPLE)).toBe(false);
  });

  it('should report the error and ask again on refetch when the access cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { wrapper } = accessHarness({
      viewer: VIEWERS.person,
      mocks: [
        { request: { query: AccessQuery }, error: new Error('offline') },
        accessAnswer('SITE_ADMIN'),
      ],
    });
    const { result } = renderHook(() => useAccess(), { wrapper });
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current).toMatchObject({ known: true, level: null });
    result.current.refetch();
    await waitFor(() => expect(result.current.level).toBe('SITE_ADMIN'));
    expect(result.current.error).toBeUndefined();
  });
});
