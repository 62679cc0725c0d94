import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AccessLevelCode } from '@entry/shared';
import { UserError } from '../common/common.types';
import { connectionTypes } from '../common/connection';
import { PersonObject } from './person.type';

export const { EdgeType: PersonEdge, ConnectionType: PersonConnection } = connectionTypes(
  'Person',
  PersonObject,
);

@InputType()
export class InvitePersonInput {
  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field(() => AccessLevelCode)
  accessLevel: AccessLevelCode;

  @Field(() => [ID], {
    nullable: true,
    description: 'required and non-empty for SITE_ADMIN, ignored otherwise',
  })
  siteIds?: string[] | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;
}

@InputType()
export class UpdatePersonInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => AccessLevelCode, { nullable: true })
  accessLevel?: AccessLevelCode | null;

  @Field(() => [ID], { nullable: true, description: "replaces the site admin's sites" })
  siteIds?: string[] | null;
}

@ObjectType()
export class DeletePayload {
  @Field(() => ID, { nullable: true })
  deletedId: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
