import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ApiScope, AccessLevelCode, Permission } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { Actor, CurrentCompanyViewer, CurrentPerson, PersonChange } from '../auth/decorators';
import type { CompanyViewer, PersonViewer } from '../auth/viewer';
import { payload } from '../common/user-errors';
import type { Connection } from '../common/connection';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { PersonPayload } from '../accounts/accounts.types';
import { listPeople } from './people-list';
import {
  invitePerson,
  removePerson,
  resendInvitation,
  setPersonDisabled,
  updatePerson,
} from './people.service';
import {
  DeletePayload,
  InvitePersonInput,
  PersonConnection,
  UpdatePersonInput,
} from './people.types';
import { PersonEntity, PersonStatus } from './person.entity';
import { PersonObject } from './person.type';

@Resolver()
export class PeopleResolver {
  @Auth(Permission.MANAGE_PEOPLE, { scopes: [ApiScope.PEOPLE_READ] })
  @Query(() => PersonConnection)
  people(
    @Ctx() ctx: Context,
    @CurrentCompanyViewer() viewer: CompanyViewer,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('accessLevel', () => AccessLevelCode, { nullable: true })
    accessLevel?: AccessLevelCode | null,
    @Arg('status', () => PersonStatus, { nullable: true }) status?: PersonStatus | null,
  ): Promise<Connection<PersonEntity>> {
    return listPeople(
      ctx.dataSource,
      viewer.company.id,
      { first, after, search, accessLevel, status },
      ctx.locale,
    );
  }

  @Auth(Permission.MANAGE_PEOPLE, { scopes: [ApiScope.PEOPLE_READ] })
  @Query(() => PersonObject, { nullable: true })
  person(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @CurrentCompanyViewer() viewer: CompanyViewer,
  ): Promise<PersonEntity | null> {
    return ctx.dataSource
      .getRepository(PersonEntity)
      .findOneBy({ id, companyId: viewer.company.id });
  }

  @Auth(Permission.MANAGE_PEOPLE)
  @Mutation(() => PersonPayload, {
    description: 'emails an invitation link (72 hours, single use)',
  })
  async invitePerson(
    @Arg('input', () => InvitePersonInput) input: InvitePersonInput,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<PersonPayload> {
    return payload(ctx.locale, 'person', () =>
      invitePerson(ctx.dataSource, ctx.config, viewer, input, actor, ctx.locale),
    );
  }

  @Auth(Permission.MANAGE_PEOPLE)
  @Mutation(() => PersonPayload)
  async updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: Context,
    @CurrentPerson() viewer: PersonViewer,
    @Actor() actor: AuditActor,
  ): Promise<PersonPayload> {
    return payload(ctx.locale, 'person', () =>
      updatePerson(ctx.dataSource, viewer, id, input, actor, ctx.locale),
    );
  }

  @Auth(Permission.MANAGE_PEOPLE)
  @Mutation(() => DeletePayload, {
    description: 'their sessions end at once; the email address can be invited again',
  })
  async removePerson(
    @Arg('id', () => ID) id: string,
    @PersonChange() { dataSource, viewer, actor, locale }: PersonChange,
  ): Promise<DeletePayload> {
    return payload(locale, 'deletedId', () => removePerson(dataSource, viewer, id, actor, locale));
  }

  @Auth(Permission.MANAGE_PEOPLE)
  @Mutation(() => PersonPayload, {
    description: 'a new invitation link; the previous one stops working',
  })
  async resendInvitation(
    @Arg('id', () => ID) id: string,
    @PersonChange() { dataSource, config, viewer, actor, locale }: PersonChange,
  ): Promise<PersonPayload> {
    return payload(locale, 'person', () =>
      resendInvitation(dataSource, config, viewer, id, actor, locale),
    );
  }

  @Auth(Permission.MANAGE_PEOPLE)
  @Mutation(() => PersonPayload, {
    description: 'ends their sessions and signing in, keeps the person and their history',
  })
  async disablePerson(
    @Arg('id', () => ID) id: string,
    @PersonChange() { dataSource, viewer, actor, locale }: PersonChange,
  ): Promise<PersonPayload> {
    return payload(locale, 'person', () =>
      setPersonDisabled(dataSource, viewer, id, true, actor, locale),
    );
  }

  @Auth(Permission.MANAGE_PEOPLE)
  @Mutation(() => PersonPayload)
  async enablePerson(
    @Arg('id', () => ID) id: string,
    @PersonChange() { dataSource, viewer, actor, locale }: PersonChange,
  ): Promise<PersonPayload> {
    return payload(locale, 'person', () =>
      setPersonDisabled(dataSource, viewer, id, false, actor, locale),
    );
  }
}
