import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anonymous, renderApp } from '../../../test/renderApp';
import { RequestPasswordResetMutation } from '../operations';

// In a file of its own: the forgot-password page's chunk must not have been loaded by an
// earlier test, so that the page is still on its way when the link is followed.
describe('Typing right after following a link', () => {
  it('should send what was typed when the next page was still loading at the click', async () => {
    const requested = vi.fn(() => ({ data: { requestPasswordReset: true } }));
    const { user } = renderApp({
      locale: 'en',
      path: '/sign-in',
      mocks: [
        anonymous(),
        {
          request: {
            query: RequestPasswordResetMutation,
            variables: { email: 'karin.lund@example.se' },
          },
          result: requested,
        },
      ],
    });
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    // As a person (or a browser test) does: type into the email field on screen. The sign-in
    // page has one with the same label; it must not stay on screen once the address is
    // /forgot-password, or the text goes into a form that is about to disappear.
    const email = await screen.findByRole('textbox', { name: /Email address/ });
    await user.type(email, 'karin.lund@example.se');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check your email' }),
    ).toBeVisible();
    expect(requested).toHaveBeenCalledTimes(1);
  });
});
