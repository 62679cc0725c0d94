import { Field, ObjectType } from 'type-graphql';
import { LIST_ROW_TYPE } from '../common/common.types';
import { ACCESS_LEVEL_RIGHTS, AccessLevelCode } from '@entry/shared';

@ObjectType('AccessLevel', LIST_ROW_TYPE)
export class AccessLevelType {
  @Field(() => AccessLevelCode)
  code: AccessLevelCode;

  @Field({ description: 'may manage every site of the company (and the people)' })
  allSites: boolean;

  @Field({ description: 'may see and manage payments' })
  payments: boolean;
}

/** The API's view of a level: its code and rights, straight from the shared rights table. */
export function accessLevelOf(code: AccessLevelCode): AccessLevelType {
  const { allSites, payments } = ACCESS_LEVEL_RIGHTS[code];
  return Object.assign(new AccessLevelType(), { code, allSites, payments });
}
