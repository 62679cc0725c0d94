import { preloadableLazy } from '../../../lib/preloadable-lazy';

/**
 * The sign-in's second step (SecondStep.tsx), fetched when the password step is sent (preload,
 * with the `mfa` words): most people sign in without it, and the sign-in page is many people's
 * first page.
 */
export const LazySecondStep = preloadableLazy(() =>
  import('./SecondStep').then((module) => ({ default: module.SecondStep })),
);
