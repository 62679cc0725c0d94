import type { CompanyType, PaymentMethodType } from '../../../gql/graphql';
import type { PaymentProviderInfo } from '../../billing/card/card-fields';
import type { CardSummaryData } from '../../billing/card/CardSummary';

/** What the payment page's method section and its forms know of the company. */
export interface PaymentCompany {
  type: CompanyType;
  vatNumber?: string | null;
  paymentMethod?: PaymentMethodType | null;
  card?: CardSummaryData | null;
  paymentProvider: PaymentProviderInfo;
}
