import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A thenable that calls back at once: React.lazy then renders without suspending. */
function resolvedThenable<T>(value: T): PromiseLike<T> {
  return {
    then: <Result1 = T, Result2 = never>(
      onFulfilled?: ((value: T) => Result1 | PromiseLike<Result1>) | null,
    ) =>
      resolvedThenable(onFulfilled ? onFulfilled(value) : value) as PromiseLike<Result1 | Result2>,
  };
}

// The constraint React.lazy itself has: any component, whatever its props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export type PreloadableLazy<Component extends AnyComponent> = LazyExoticComponent<Component> & {
  /** fetches the code now; the component renders without "Loading" once this resolved */
  preload: () => Promise<unknown>;
};

/**
 * React.lazy whose code can be fetched ahead (the first page's, while its words load). Once
 * fetched, it renders at once: plain React.lazy suspends on its first render even then, and the
 * fallback would show for a moment.
 */
export function preloadableLazy<Component extends AnyComponent>(
  load: () => Promise<{ default: Component }>,
): PreloadableLazy<Component> {
  let loaded: { default: Component } | null = null;
  const preload = () =>
    load().then((module) => {
      loaded ??= module;
      return loaded;
    });
  const Component = lazy(() =>
    loaded ? (resolvedThenable(loaded) as Promise<typeof loaded>) : preload(),
  );
  return Object.assign(Component, { preload });
}

/**
 * preloadableLazy for a named export: `lazyNamed(() => import('./Dialogs'), 'EditDialog')`.
 * Several components of one module share its one fetch.
 */
export function lazyNamed<Name extends string, Module extends Record<Name, AnyComponent>>(
  load: () => Promise<Module>,
  name: Name,
): PreloadableLazy<Module[Name]> {
  return preloadableLazy(() => load().then((module) => ({ default: module[name] })));
}
