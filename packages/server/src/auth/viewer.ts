import type { OperatorEntity } from '../accounts/operator.entity';
import type { ApiKeyEntity } from '../api-keys/api-key.entity';
import type { CompanyEntity } from '../companies/company.entity';
import type { PersonEntity } from '../people/person.entity';

/**
 * Two-factor sign-in is required of this account (by its company, or OPERATOR_REQUIRE_MFA) and
 * not set up yet: the account may only set it up (auth/authorization.ts). Decided once per
 * request, by mustEnrollMfa (two-factor/mfa-requirement.ts).
 */
interface MfaEnrollmentState {
  readonly mustEnrollMfa: boolean;
}

/** A signed-in person of a company: what people, sites and billing services act for. */
export type PersonViewer = MfaEnrollmentState & {
  readonly kind: 'person';
  readonly person: PersonEntity;
  readonly company: CompanyEntity;
};

/** One of the vendor's operators, who run the portal. */
export type OperatorViewer = MfaEnrollmentState & {
  readonly kind: 'operator';
  readonly operator: OperatorEntity;
};

/**
 * A company's API key (partner API): it acts for the company, within its scopes and, when it is
 * limited to sites, only on those. It is nobody: `me` is null for it, and the audit log names
 * the key as the actor.
 */
export type ApiKeyViewer = {
  readonly kind: 'apiKey';
  readonly key: ApiKeyEntity;
  readonly company: CompanyEntity;
};

/** Callers that act for a company: its people and its API keys. */
export type CompanyViewer = PersonViewer | ApiKeyViewer;

/**
 * Who is asking: a person of a company, one of the vendor's operators, or a company's API key
 * (null: nobody signed in), resolved once per request by `resolveViewer` (session-viewer.ts).
 * The domain's own type, so services and rules never depend on the GraphQL transport.
 * `principalOf` (principal.ts) maps it to the shared policy's plain Principal.
 */
export type Viewer = PersonViewer | OperatorViewer | ApiKeyViewer;
