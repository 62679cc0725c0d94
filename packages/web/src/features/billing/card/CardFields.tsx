import { lazy, Suspense, type Ref } from 'react';
import { Loading } from '../../../components/QueryStatus';
import type { CardFieldsHandle, PaymentProviderInfo } from './card-fields';
import { SandboxCardFields } from './SandboxCardFields';

// Stripe Elements only when the server uses Stripe: the sandbox never loads it.
const StripeCardFields = lazy(() =>
  import('./StripeCardFields').then((module) => ({ default: module.StripeCardFields })),
);

interface CardFieldsProps {
  provider: PaymentProviderInfo;
  /** unique on the page: the fields' ids start with it */
  idPrefix: string;
  /** the server's word on the last card sent (refused, …) */
  serverError?: string | null;
  onEdit?: () => void;
  ref?: Ref<CardFieldsHandle>;
}

/** The card form of the provider the server uses: Stripe Elements, or the sandbox's own. */
export function CardFields({ provider, idPrefix, serverError, onEdit, ref }: CardFieldsProps) {
  if (provider.kind === 'stripe' && provider.publishableKey) {
    return (
      <Suspense fallback={<Loading />}>
        <StripeCardFields
          ref={ref}
          idPrefix={idPrefix}
          publishableKey={provider.publishableKey}
          serverError={serverError}
          onEdit={onEdit}
        />
      </Suspense>
    );
  }
  return (
    <SandboxCardFields ref={ref} idPrefix={idPrefix} serverError={serverError} onEdit={onEdit} />
  );
}
