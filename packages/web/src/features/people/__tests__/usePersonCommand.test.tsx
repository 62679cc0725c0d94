import type { MockLink } from '@apollo/client/testing';
import { ErrorCode } from '@entry/shared';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderPartHook } from '../../../test/renderPart';
import {
  DisablePersonMutation,
  EnablePersonMutation,
  RemovePersonMutation,
  ResendInvitationMutation,
} from '../operations';
import { usePersonCommand } from '../components/usePersonCommand';

const daisy = { id: 'p-daisy', email: 'daisy@example.com', status: 'INVITED' };
const sven = { id: 'p-sven', email: 'sven@example.com', status: 'ACTIVE' };

function answer(
  query: MockLink.MockedResponse['request']['query'],
  field: string,
  id: string,
  userErrors: object[] = [],
): MockLink.MockedResponse {
  return {
    request: { query, variables: { id } },
    result: {
      data: {
        [field]:
          field === 'removePerson'
            ? { __typename: 'DeletePayload', deletedId: id, userErrors }
            : { __typename: 'PersonPayload', person: null, userErrors },
      },
    },
  };
}

/** The hook's command, once its words (the accounts namespace, loaded lazily) are there. */
async function run(mocks: MockLink.MockedResponse[]) {
  const { result } = renderPartHook(() => usePersonCommand(), { mocks });
  await waitFor(() => expect(result.current).toBeTypeOf('function'));
  return result.current;
}

describe('usePersonCommand', () => {
  it('should say what each command did', async () => {
    const command = await run([
      answer(ResendInvitationMutation, 'resendInvitation', daisy.id),
      answer(DisablePersonMutation, 'disablePerson', sven.id),
      answer(EnablePersonMutation, 'enablePerson', sven.id),
      answer(RemovePersonMutation, 'removePerson', daisy.id),
      answer(RemovePersonMutation, 'removePerson', sven.id),
    ]);
    expect(await command('resend', daisy, 'Daisy Burton')).toEqual({
      kind: 'resent',
      email: 'daisy@example.com',
    });
    expect(await command('disable', sven, 'Sven Site')).toEqual({
      kind: 'disabled',
      name: 'Sven Site',
    });
    expect(await command('enable', sven, 'Sven Site')).toEqual({
      kind: 'enabled',
      name: 'Sven Site',
    });
    expect(await command('remove', daisy, 'Daisy Burton')).toEqual({
      kind: 'revoked',
      name: 'Daisy Burton',
    });
    expect(await command('remove', sven, 'Sven Site')).toEqual({
      kind: 'removed',
      name: 'Sven Site',
    });
  });

  it("should name the person in a refusal, in the viewer's words", async () => {
    const command = await run([
      answer(DisablePersonMutation, 'disablePerson', sven.id, [
        {
          __typename: 'UserError',
          field: ['id'],
          code: 'INVALID_STATE',
          message: 'ignored: worded by the web app',
          params: [],
        },
      ]),
    ]);
    expect(await command('disable', sven, 'Sven Site')).toEqual({
      kind: 'failed',
      message: 'Sven Site: This is not possible in its current state.',
    });
  });

  it("should pass the server's words on as they are when billing setup is required", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const command = await run([
      {
        request: { query: EnablePersonMutation, variables: { id: sven.id } },
        result: {
          errors: [
            {
              message: 'Finish the billing setup first.',
              extensions: { code: ErrorCode.BILLING_SETUP_REQUIRED },
            },
          ],
        },
      },
    ]);
    expect(await command('enable', sven, 'Sven Site')).toEqual({
      kind: 'failed',
      message: 'Finish the billing setup first.',
    });
  });

  it('should name the person when the request fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const command = await run([
      {
        request: { query: EnablePersonMutation, variables: { id: sven.id } },
        error: new Error('offline'),
      },
    ]);
    const outcome = await command('enable', sven, 'Sven Site');
    expect(outcome.kind).toBe('failed');
    expect(outcome).toHaveProperty('message', expect.stringMatching(/^Sven Site: /));
  });
});
