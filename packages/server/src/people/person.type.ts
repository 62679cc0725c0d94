import { Field, ID, ObjectType } from 'type-graphql';
import { LIST_ROW_TYPE } from '../common/common.types';
import { PersonStatus } from './person.entity';

/** What the API shows of a person: never the password hash or token state. */
@ObjectType('Person', LIST_ROW_TYPE)
export class PersonObject {
  @Field(() => ID)
  id: string;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field({ description: 'en, nl, sv or fr (more may be added)' })
  locale: string;

  @Field(() => PersonStatus)
  status: PersonStatus;

  @Field()
  mustChangePassword: boolean;

  @Field({ description: 'when they registered or were invited' })
  createdAt: Date;
}
