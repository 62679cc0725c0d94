import type { OperatorEntity } from '../accounts/operator.entity';
import type { CompanyEntity } from '../companies/company.entity';
import type { PersonEntity } from '../people/person.entity';

/** A signed-in person of a company: what people, sites and billing services act for. */
export type PersonViewer = {
  readonly kind: 'person';
  readonly person: PersonEntity;
  readonly company: CompanyEntity;
};

/** One of the vendor's operators, who run the portal. */
export type OperatorViewer = { readonly kind: 'operator'; readonly operator: OperatorEntity };

/**
 * Who is asking: a person of a company, or one of the vendor's operators (null: nobody signed
 * in), resolved once per request by `resolveViewer` (session-viewer.ts). The domain's own type,
 * so services and rules never depend on the GraphQL transport.
 *
 * The slot for API keys: the partner API issue adds `{ kind: 'apiKey'; key; company }` here,
 * `principalOf` (principal.ts) maps it to the shared policy's apiKey principal (denied
 * everything until then), and `assertPermission` decides what its scopes reach.
 */
export type Viewer = PersonViewer | OperatorViewer;
