import { getDirective } from '@graphql-tools/utils';
import { graphql, isObjectType, type GraphQLError, type GraphQLSchema } from 'graphql';
import { buildSchema, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '@entry/shared';
import type { OperatorEntity } from '../accounts/operator.entity';
import type { AuditActor } from '../audit/audit.service';
import { CompanyStatus, type CompanyEntity } from '../companies/company.entity';
import {
  authDirective,
  enforceAuthDirectives,
  Public,
  publicDirective,
} from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { buildDeclaredSchema } from '../graphql/schema';
import type { PersonEntity } from '../people/person.entity';
import { assertPermission } from './authorization';
import { Actor, CurrentPerson } from './decorators';
import { Exemption } from './exemptions';
import type { PersonViewer, Viewer } from './viewer';

function personViewer(
  options: { mustChangePassword?: boolean; status?: CompanyStatus; mustEnrollMfa?: boolean } = {},
): PersonViewer {
  return {
    kind: 'person',
    mustEnrollMfa: options.mustEnrollMfa ?? false,
    person: {
      id: 'p1',
      accessLevel: 'SYSTEM_ADMIN',
      mustChangePassword: options.mustChangePassword ?? false,
    } as PersonEntity,
    company: { id: 'c1', status: options.status ?? CompanyStatus.APPROVED } as CompanyEntity,
  };
}
const operatorViewer: Viewer = {
  kind: 'operator',
  operator: { id: 'o1' } as OperatorEntity,
  mustEnrollMfa: false,
};

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return String((error as GraphQLError).extensions['code']);
  }
}

/** Every `allow: [...]` the schema declares, as "Type.field" per exemption. */
function declaredExemptions(schema: GraphQLSchema): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const auth = getDirective(schema, field, 'auth')?.[0] as { allow?: string[] } | undefined;
      for (const exemption of auth?.allow ?? [])
        (found[exemption] ??= []).push(`${type.name}.${field.name}`);
    }
  }
  return found;
}

describe('exemptions', () => {
  it('should declare every exemption on the schema, on exactly the ways out it exists for', async () => {
    const declared = declaredExemptions(await buildDeclaredSchema());
    // Each is a hole in a refusal: a new entry here needs a reason next to its @Auth. The links
    // between scopes (NESTED_UNDER_GUARD) are no hole: their parents are guarded, and the @auth
    // there only adds the API key scopes that reach them.
    const nested = ['InvoiceLine.site', 'Site.entryUsers', 'Person.sites'];
    expect(declared).toEqual({
      [Exemption.DURING_PASSWORD_CHANGE]: [...nested, 'Mutation.changePassword'],
      [Exemption.DURING_MFA_ENROLLMENT]: [
        ...nested,
        'Mutation.startTotpEnrollment',
        'Mutation.confirmTotpEnrollment',
      ],
    });
    expect(Object.keys(declared).sort()).toEqual(Object.values(Exemption).sort());
  });

  it('should let a person with a temporary password through only where the exemption is declared', () => {
    const request = { viewer: personViewer({ mustChangePassword: true }), locale: 'en' as const };
    expect(
      refusal(() => assertPermission(request, { permission: Permission.AUTHENTICATED, allow: [] })),
    ).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      refusal(() =>
        assertPermission(request, {
          permission: Permission.AUTHENTICATED,
          allow: [Exemption.DURING_PASSWORD_CHANGE],
        }),
      ),
    ).toBeNull();
  });

  it('should let a person who must set up two-factor sign-in through only where the exemption is declared', () => {
    const check = (viewer: Viewer, permission: Permission, allow: Exemption[]) =>
      refusal(() => assertPermission({ viewer }, { permission, allow }));
    const enrolling = personViewer({ mustEnrollMfa: true });
    expect(check(enrolling, Permission.AUTHENTICATED, [])).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(
      check(enrolling, Permission.AUTHENTICATED, [Exemption.DURING_MFA_ENROLLMENT]),
    ).toBeNull();
    // an operator's operation is not theirs at all: no state to leave, simply not allowed
    expect(check(enrolling, Permission.OPERATOR, [])).toBe('FORBIDDEN');
    const operator = { ...operatorViewer, mustEnrollMfa: true } as Viewer;
    expect(check(operator, Permission.OPERATOR, [])).toBe('MFA_ENROLLMENT_REQUIRED');
    expect(check(operator, Permission.AUTHENTICATED, [Exemption.DURING_MFA_ENROLLMENT])).toBeNull();
  });

  it('should block one state at a time: a temporary password first, even where setting up two-factor sign-in is allowed', () => {
    const viewer = personViewer({ mustChangePassword: true, mustEnrollMfa: true });
    const check = (allow: Exemption[]) =>
      refusal(() => assertPermission({ viewer }, { permission: Permission.AUTHENTICATED, allow }));
    expect(check([Exemption.DURING_MFA_ENROLLMENT])).toBe('PASSWORD_CHANGE_REQUIRED');
    // changePassword stays the way out: the requirement does not close it
    expect(check([Exemption.DURING_PASSWORD_CHANGE])).toBeNull();
  });

  it('should let a suspended company keep every right (only the operations that grow refuse it), and a pending one none', () => {
    const check = (status: CompanyStatus, permission: Permission) =>
      refusal(() =>
        assertPermission({ viewer: personViewer({ status }) }, { permission, allow: [] }),
      );
    expect(check(CompanyStatus.SUSPENDED, Permission.AUTHENTICATED)).toBeNull();
    expect(check(CompanyStatus.SUSPENDED, Permission.ALL_SITES)).toBeNull();
    // a system admin holds no payment rights, suspended or not
    expect(check(CompanyStatus.SUSPENDED, Permission.PAYMENTS)).toBe('FORBIDDEN');
    expect(check(CompanyStatus.PENDING_APPROVAL, Permission.AUTHENTICATED)).toBe('FORBIDDEN');
    expect(check(CompanyStatus.REJECTED, Permission.AUTHENTICATED)).toBe('FORBIDDEN');
  });
});

describe('@CurrentPerson() and @Actor()', () => {
  @Resolver()
  class ProbeResolver {
    // @public: the decorator's own refusal is under test, not the directive's
    @Public()
    @Query(() => String)
    companyOfPerson(@CurrentPerson() viewer: PersonViewer): string {
      return viewer.company.id;
    }

    @Public()
    @Query(() => String)
    actor(@Actor() actor: AuditActor, @Ctx() ctx: Context): string {
      return `${actor.viewer === ctx.viewer ? 'same viewer' : 'other viewer'} from ${actor.ip}`;
    }
  }

  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = enforceAuthDirectives(
      await buildSchema({
        resolvers: [ProbeResolver],
        directives: [authDirective, publicDirective],
        validate: false,
      }),
    );
  });

  const ask = (source: string, viewer: Viewer | null) =>
    graphql({
      schema: schema,
      source,
      contextValue: { viewer, locale: 'en', req: { ip: '::ffff:203.0.113.9', socket: {} } },
    });

  it('should hand a resolver the signed-in person', async () => {
    const result = await ask('{ companyOfPerson }', personViewer());
    expect(result.errors).toBeUndefined();
    expect(result.data?.['companyOfPerson']).toBe('c1');
  });

  it.each([
    ['an operator', operatorViewer],
    ['nobody', null],
  ])('should refuse %s with the usual FORBIDDEN where a person is needed', async (_who, viewer) => {
    const result = await ask('{ companyOfPerson }', viewer);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('should hand a resolver the audit actor: the viewer, from the client address', async () => {
    const result = await ask('{ actor }', operatorViewer);
    expect(result.data?.['actor']).toBe('same viewer from 203.0.113.9');
  });
});
