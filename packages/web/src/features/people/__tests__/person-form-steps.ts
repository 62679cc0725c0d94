import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import type { TestRouter } from '../../../test/renderApp';

/** Presses Save and waits until a saved person form has gone back to the people list. */
export async function saveAndExpectList(user: UserEvent, router: TestRouter): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(router.state.location.pathname).toBe('/administrator'), {
    timeout: 5000,
  });
}
