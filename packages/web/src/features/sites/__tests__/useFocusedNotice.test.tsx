import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { SuccessNotice } from '../components/ListParts';
import { useFocusedNotice } from '../useFocusedNotice';

function Harness({ initial }: { initial?: string }) {
  const { notice, noticeRef, tell } = useFocusedNotice(initial);
  return (
    <>
      <SuccessNotice notice={notice} ref={noticeRef} />
      <button type="button" onClick={() => tell('Saved.')}>
        Save
      </button>
    </>
  );
}

describe('useFocusedNotice', () => {
  it('should show nothing until told, then the message with the focus on it', async () => {
    const { user } = renderPart(<Harness />);
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(screen.queryByRole('status')).toBeNull();
    await user.click(save);
    expect(screen.getByRole('status')).toHaveTextContent('Saved.');
    expect(screen.getByRole('status')).toHaveFocus();
  });

  it('should start with the message it was given', async () => {
    renderPart(<Harness initial="Site added." />);
    expect(await screen.findByRole('status')).toHaveTextContent('Site added.');
  });
});
