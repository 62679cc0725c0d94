import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { OutcomeBanner } from '../components/OutcomeBanner';
import { usePeopleNotice } from '../components/usePeopleNotice';

function Harness() {
  const { notice, noticeRef, show } = usePeopleNotice();
  return (
    <>
      <OutcomeBanner notice={notice} ref={noticeRef} />
      <button type="button" onClick={() => show({ kind: 'enabled', name: 'Sven Site' })}>
        Enable
      </button>
    </>
  );
}

describe('usePeopleNotice', () => {
  it('should show, and focus, what the page that sent the person back said', async () => {
    renderPart(<Harness />, {
      at: { pathname: '/administrator', state: { notice: { kind: 'updated', name: 'Pia Payer' } } },
    });
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('The changes to Pia Payer are saved.');
    await waitFor(() => expect(status).toHaveFocus());
  });

  it('should ignore router state that is not a notice', async () => {
    renderPart(<Harness />, { at: { pathname: '/administrator', state: { notice: 'hello' } } });
    await screen.findByRole('button', { name: 'Enable' });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('should replace it with the outcome of a command, focused', async () => {
    const { user } = renderPart(<Harness />, {
      at: { pathname: '/administrator', state: { notice: { kind: 'updated', name: 'Pia Payer' } } },
    });
    await user.click(await screen.findByRole('button', { name: 'Enable' }));
    expect(screen.getByRole('status')).toHaveTextContent('Sven Site can sign in again.');
    expect(screen.getByRole('status')).toHaveFocus();
  });
});
