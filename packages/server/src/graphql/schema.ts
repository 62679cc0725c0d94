import 'reflect-metadata';
import '../common/enums';
import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountsResolver, CompanyRegistrationResolver } from '../accounts/accounts.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import {
  CompanyBillingResolver,
  InvoiceLineResolver,
  InvoiceResolver,
} from '../billing/billing.resolver';
import { PaymentDiscrepancyResolver } from '../billing/payment-discrepancies.resolver';
import { TermsOfServiceResolver } from '../billing/terms-of-service.resolver';
import { SCALARS_MAP } from '../common/scalars';
import { CompanyResolver } from '../companies/company.resolver';
import { AccessLevelResolver } from '../people/access-level.resolver';
import { PeopleResolver } from '../people/people.resolver';
import { PersonResolver } from '../people/person.resolver';
import { DashboardResolver } from '../home/dashboard.resolver';
import { EntryUserResolver } from '../sites/entry-users.resolver';
import { PersonSitesResolver, SiteResolver } from '../sites/sites.resolver';
import { authDirective, enforceAuthDirectives, publicDirective } from './auth.directive';

export const RESOLVERS = [
  AccessLevelResolver,
  AccountsResolver,
  AuditResolver,
  CompanyBillingResolver,
  InvoiceLineResolver,
  InvoiceResolver,
  CompanyRegistrationResolver,
  CompanyResolver,
  PeopleResolver,
  PersonResolver,
  TermsOfServiceResolver,
  PaymentDiscrepancyResolver,
  SiteResolver,
  PersonSitesResolver,
  EntryUserResolver,
  DashboardResolver,
] as const;

/** The schema as declared by the resolvers, directives included but not yet enforced. */
export async function buildDeclaredSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: SCALARS_MAP,
    // the built-in @include/@skip/@deprecated/@specifiedBy stay: listing ours replaces the defaults
    directives: [...specifiedDirectives, authDirective, publicDirective],
    // Input rules live in packages/shared and are checked by the domain services, the same way
    // the web forms check them. class-validator (type-graphql's optional peer) is not installed:
    // with `validate: false` type-graphql never loads it.
    validate: false,
  });
}

/** The schema the server runs: the declared one with its @auth/@public directives enforced. */
export async function buildPortalSchema(): Promise<GraphQLSchema> {
  return enforceAuthDirectives(await buildDeclaredSchema());
}
