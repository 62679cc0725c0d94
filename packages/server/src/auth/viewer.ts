import type { OperatorEntity } from '../accounts/operator.entity';
import type { CompanyEntity } from '../companies/company.entity';
import type { PersonEntity } from '../people/person.entity';

/**
 * Who is asking: a person of a company, or one of the vendor's operators (null: nobody signed
 * in). The domain's own type, so services and rules never depend on the GraphQL transport.
 */
export type Viewer =
  | { readonly kind: 'person'; readonly person: PersonEntity; readonly company: CompanyEntity }
  | { readonly kind: 'operator'; readonly operator: OperatorEntity };
