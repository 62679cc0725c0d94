import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPart } from '../../../test/renderPart';
import { OutcomeBanner } from '../components/OutcomeBanner';

describe('OutcomeBanner', () => {
  it('should word each outcome as a status', async () => {
    const { rerender } = renderPart(
      <OutcomeBanner notice={{ kind: 'invited', email: 'daisy@example.com' }} ref={null} />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Invitation sent to daisy@example.com.',
    );
    rerender(<OutcomeBanner notice={{ kind: 'revoked', name: 'Daisy Burton' }} ref={null} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'The invitation of Daisy Burton has been revoked.',
    );
    rerender(<OutcomeBanner notice={{ kind: 'disabled', name: 'Sven Site' }} ref={null} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Sven Site is disabled and can no longer sign in.',
    );
  });

  it('should show a failure as an alert with its own words', async () => {
    renderPart(<OutcomeBanner notice={{ kind: 'failed', message: 'Sven Site: no.' }} ref={null} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sven Site: no.');
    expect(alert).toHaveClass('banner-error');
  });

  it('should show nothing without a notice', () => {
    const { container } = renderPart(<OutcomeBanner notice={null} ref={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
