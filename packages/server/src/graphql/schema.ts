import 'reflect-metadata';
import '../common/enums';
import { GraphQLEnumType, GraphQLSchema, isEnumType, specifiedDirectives } from 'graphql';
import { UserErrorCode } from '@entry/shared';
import { buildSchema } from 'type-graphql';
import { AccountsResolver, CompanyRegistrationResolver } from '../accounts/accounts.resolver';
import { ApiKeyResolver } from '../api-keys/api-keys.resolver';
import {
  WebhookDeliveryResolver,
  WebhookEndpointDeliveriesResolver,
} from '../webhooks/webhook-deliveries.resolver';
import { WebhookEndpointResolver } from '../webhooks/webhooks.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import {
  CompanyBillingResolver,
  InvoiceLineResolver,
  InvoiceResolver,
} from '../billing/billing.resolver';
import {
  CompanyBillingDetailsResolver,
  InvoiceReferencesResolver,
} from '../billing/billing-details.resolver';
import { CompanyOverdueResolver } from '../billing/overdue.resolver';
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
import { SessionsResolver } from '../accounts/sessions.resolver';
import { SiteTransferResolver } from '../site-transfers/site-transfers.resolver';
import {
  OperatorMfaResolver,
  PersonMfaResolver,
  TwoFactorResolver,
} from '../two-factor/two-factor.resolver';
import {
  authDirective,
  authDirectiveWithScopes,
  enforceAuthDirectives,
  publicDirective,
} from './auth.directive';

export const RESOLVERS = [
  AccessLevelResolver,
  AccountsResolver,
  ApiKeyResolver,
  WebhookEndpointResolver,
  WebhookEndpointDeliveriesResolver,
  WebhookDeliveryResolver,
  AuditResolver,
  CompanyBillingResolver,
  CompanyBillingDetailsResolver,
  CompanyOverdueResolver,
  InvoiceLineResolver,
  InvoiceResolver,
  InvoiceReferencesResolver,
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
  SessionsResolver,
  SiteTransferResolver,
  TwoFactorResolver,
  PersonMfaResolver,
  OperatorMfaResolver,
] as const;

/** The schema as declared by the resolvers, directives included but not yet enforced. */
export async function buildDeclaredSchema(): Promise<GraphQLSchema> {
  return withApiScopes(
    withUserErrorCodes(
      await buildSchema({
        resolvers: RESOLVERS,
        scalarsMap: SCALARS_MAP,
        // the built-in @include/@skip/@deprecated/@specifiedBy stay: listing ours replaces the defaults
        directives: [...specifiedDirectives, authDirective, publicDirective],
        // Input rules live in packages/shared and are checked by the domain services, the same way
        // the web forms check them. class-validator (type-graphql's optional peer) is not installed:
        // with `validate: false` type-graphql never loads it.
        validate: false,
      }),
    ),
  );
}

/** Gives `@auth` its `scopes` argument, typed by the schema's ApiScope enum (see authDirective). */
function withApiScopes(schema: GraphQLSchema): GraphQLSchema {
  const apiScope = schema.getType('ApiScope');
  if (!isEnumType(apiScope)) throw new Error('The schema has no ApiScope enum');
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    directives: config.directives.map((directive) =>
      directive.name === authDirective.name ? authDirectiveWithScopes(apiScope) : directive,
    ),
  });
}

/**
 * UserError.code stays a String (the contract's type), so no field refers to an enum of its
 * values and type-graphql would leave the enum out: it is added here, from the shared list the
 * server and the web app word their messages from, so the schema documents every value.
 */
function withUserErrorCodes(schema: GraphQLSchema): GraphQLSchema {
  const userErrorCodes = new GraphQLEnumType({
    name: 'UserErrorCode',
    description:
      'The values UserError.code takes (the field stays a String, so new values do not break older apps): what went wrong, for an app to word the message itself with UserError.params',
    values: Object.fromEntries(Object.values(UserErrorCode).map((code) => [code, { value: code }])),
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, userErrorCodes] });
}

/** The schema the server runs: the declared one with its @auth/@public directives enforced. */
export async function buildPortalSchema(): Promise<GraphQLSchema> {
  return enforceAuthDirectives(await buildDeclaredSchema());
}
