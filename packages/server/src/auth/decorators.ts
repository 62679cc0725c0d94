import { createParameterDecorator } from 'type-graphql';
import type { AuditActor } from '../audit/audit.service';
import { forbidden } from '../graphql/errors';
import type { Context } from '../graphql/context';
import { clientIp } from '../http/client-ip';
import type { AccessRequest } from './authorization';
import type { CompanyViewer, OperatorViewer, PersonViewer } from './viewer';

/**
 * The signed-in person, or the usual FORBIDDEN refusal for any other caller (an operator, later
 * an API key). The field's @auth has usually turned them away already; this also narrows the type.
 */
export function personOf({ viewer }: AccessRequest): PersonViewer {
  if (viewer?.kind !== 'person') throw forbidden();
  return viewer;
}

/**
 * The caller acting for a company (a person, or an API key), or FORBIDDEN for anyone else: for
 * fields a key may reach too, which need the company and nothing of a person.
 */
export function companyViewerOf({ viewer }: AccessRequest): CompanyViewer {
  if (viewer?.kind !== 'person' && viewer?.kind !== 'apiKey') throw forbidden();
  return viewer;
}

/**
 * The signed-in account, a person or an operator (their own sign-in: two-factor, sessions), or
 * FORBIDDEN for anyone else (an API key is nobody's account).
 */
export function accountOf({ viewer }: AccessRequest): PersonViewer | OperatorViewer {
  if (viewer?.kind !== 'person' && viewer?.kind !== 'operator') throw forbidden();
  return viewer;
}

/** Who did it, from where: what every audit event records of the request. */
export function actorOf(context: Pick<Context, 'viewer' | 'req'>): AuditActor {
  return { viewer: context.viewer, ip: clientIp(context.req) };
}

/** A resolver parameter: the signed-in person viewer (see personOf). */
export function CurrentPerson(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<Context>(({ context }) => personOf(context));
}

/** A resolver parameter: the person or API key acting for a company (see companyViewerOf). */
export function CurrentCompanyViewer(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<Context>(({ context }) => companyViewerOf(context));
}

/** A resolver parameter: the AuditActor for the audit events the operation records. */
export function Actor(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<Context>(({ context }) => actorOf(context));
}

/**
 * What a signed-in person's change needs from the request, in one resolver parameter: the
 * database and settings, the language of the answer, the person (see personOf) and the audit
 * actor. Mutations that take only an id would otherwise repeat the same four parameters.
 */
export interface PersonChange extends Pick<Context, 'dataSource' | 'config' | 'locale'> {
  readonly viewer: PersonViewer;
  readonly actor: AuditActor;
}

/** A resolver parameter: the PersonChange of the request. */
export function PersonChange(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<Context>(({ context }): PersonChange => ({
    dataSource: context.dataSource,
    config: context.config,
    locale: context.locale,
    viewer: personOf(context),
    actor: actorOf(context),
  }));
}

/**
 * What a change to the signed-in account's own sign-in needs (two-factor, sessions), person or
 * operator alike: PersonChange's, with the secrets key and the request's session.
 */
export interface AccountChange extends Pick<
  Context,
  'dataSource' | 'config' | 'locale' | 'secrets' | 'sessionId'
> {
  readonly viewer: PersonViewer | OperatorViewer;
  readonly actor: AuditActor;
}

/** A resolver parameter: the AccountChange of the request (see accountOf). */
export function AccountChange(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<Context>(({ context }): AccountChange => ({
    dataSource: context.dataSource,
    config: context.config,
    locale: context.locale,
    secrets: context.secrets,
    sessionId: context.sessionId,
    viewer: accountOf(context),
    actor: actorOf(context),
  }));
}
