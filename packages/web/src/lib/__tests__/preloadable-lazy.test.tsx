import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadableLazy } from '../preloadable-lazy';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('preloadableLazy', () => {
  it('should render at once, without the fallback, when its code was fetched ahead', async () => {
    const Lazy = preloadableLazy(() => Promise.resolve({ default: Greeting }));
    await Lazy.preload();
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Lazy name="Karin" />
      </Suspense>,
    );
    // Synchronously after the first render: nothing was waited for.
    expect(screen.getByText('Hello Karin')).toBeVisible();
    expect(screen.queryByText('Loading')).toBeNull();
  });

  it('should show the fallback and then the component when its code was not fetched ahead', async () => {
    const Lazy = preloadableLazy(() => Promise.resolve({ default: Greeting }));
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Lazy name="Olle" />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeVisible();
    expect(await screen.findByText('Hello Olle')).toBeVisible();
  });
});
