import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RotateApiKeyDialog } from '../components/RotateApiKeyDialog';
import { RotateApiKeyMutation } from '../dialog-operations';
import { apiKeyNode, recorded, renderIntegrationsPart, userError } from './integrations-mocks';

function rotateAnswer(userErrors: object[] = []) {
  return recorded(RotateApiKeyMutation, () => ({
    rotateApiKey: {
      __typename: 'ApiKeyPayload',
      apiKey: userErrors.length ? null : apiKeyNode({ prefix: 'epk_NewPrefix' }),
      secret: userErrors.length ? null : 'epk_rotated',
      userErrors,
    },
  }));
}

function renderRotate(
  rotate: ReturnType<typeof rotateAnswer>,
  {
    locale = 'en' as const,
    onRotated = vi.fn(),
  }: { locale?: 'en' | 'fr'; onRotated?: () => void } = {},
) {
  return renderIntegrationsPart(
    <RotateApiKeyDialog
      apiKey={{ id: 'key-1', name: 'ERP' }}
      onClose={() => {}}
      onRotated={onRotated}
    />,
    { locale, mocks: [rotate.mock] },
  );
}

describe('RotateApiKeyDialog', () => {
  it('should rotate with the 24-hour overlap the field starts with', async () => {
    const rotate = rotateAnswer();
    const onRotated = vi.fn();
    const { user } = renderRotate(rotate, { onRotated });
    const dialog = await screen.findByRole('dialog', { name: 'Rotate ERP' });
    const overlap = within(dialog).getByRole('spinbutton', { name: /^Overlap in hours/ });
    expect(overlap).toHaveValue(24);
    expect(overlap).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    await vi.waitFor(() => expect(onRotated).toHaveBeenCalledWith('epk_rotated', 24));
    expect(rotate.seen).toEqual([{ id: 'key-1', overlapHours: 24 }]);
  });

  it.each(['', '169', '1.5', '-1'])(
    'should refuse the overlap "%s" with the shared words and send nothing',
    async (typed) => {
      const rotate = rotateAnswer();
      const { user } = renderRotate(rotate, { locale: 'fr' });
      const overlap = await screen.findByRole('spinbutton', { name: /^Chevauchement en heures/ });
      await user.clear(overlap);
      if (typed) await user.type(overlap, typed);
      await user.click(screen.getByRole('button', { name: 'Renouveler la clé' }));
      expect(overlap).toHaveAccessibleDescription(
        /Saisissez un nombre entier d’heures de 0 à 168\./,
      );
      expect(overlap).toHaveFocus();
      expect(rotate.seen).toEqual([]);
    },
  );

  it('should say so in the dialog when the key can no longer be rotated', async () => {
    const rotate = rotateAnswer([userError(['id'], 'INVALID_STATE')]);
    const onRotated = vi.fn();
    const { user } = renderRotate(rotate, { onRotated });
    await user.click(await screen.findByRole('button', { name: 'Rotate key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is not possible in its current state.',
    );
    expect(onRotated).not.toHaveBeenCalled();
  });
});
