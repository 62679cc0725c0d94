import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SecretDialog } from '../components/SecretDialog';
import { renderIntegrationsPart } from './integrations-mocks';

const shown = {
  heading: 'API key ERP created',
  label: 'API key',
  secret: 'epk_AbCdEfGh_0123456789abcdefghijklmnopqrstuv',
  notes: ['Send it as Authorization: Bearer followed by the key.'],
};

describe('SecretDialog', () => {
  it('should show the secret once, read-only, with the warning, and copy it to the clipboard', async () => {
    const { user } = renderIntegrationsPart(<SecretDialog shown={shown} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'API key ERP created' });
    expect(dialog).toHaveAccessibleDescription(/you will not see it again/);
    const field = screen.getByRole('textbox', { name: 'API key' });
    expect(field).toHaveValue(shown.secret);
    expect(field).toHaveAttribute('readonly');
    // the copy button has the focus: one key press copies it
    const copy = screen.getByRole('button', { name: 'Copy' });
    expect(copy).toHaveFocus();
    await user.click(copy);
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(shown.secret);
    expect(screen.getByText(shown.notes[0]!)).toBeInTheDocument();
  });

  it('should select the secret and say how to copy it when the browser refuses the clipboard', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { user } = renderIntegrationsPart(<SecretDialog shown={shown} onClose={() => {}} />, {
      locale: 'nl',
    });
    const copy = await screen.findByRole('button', { name: 'Kopiëren' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    await user.click(copy);
    expect(
      await screen.findByText(/Deze browser laat de pagina niet kopiëren/),
    ).toBeInTheDocument();
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: shown.label });
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, shown.secret.length]);
  });

  it('should forget the secret when it is closed', async () => {
    const onClose = vi.fn();
    const { user } = renderIntegrationsPart(<SecretDialog shown={shown} onClose={onClose} />);
    await user.click(await screen.findByRole('button', { name: 'I have copied it' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
