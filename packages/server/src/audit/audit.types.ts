import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/connection';

@ObjectType({ description: 'one field that changed: its value before and after, as text' })
export class AuditChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType({
  description:
    'who did it: a colleague, a vendor operator, or the person acting on an emailed link',
})
export class AuditActorObject {
  @Field({ description: 'PERSON, OPERATOR, API_KEY or ANONYMOUS' })
  kind: string;

  @Field(() => ID, { nullable: true })
  id: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'null when the person has been removed since',
  })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType('AuditEvent', {
  description: 'a change to people, levels, sites, Entry app users or billing settings',
})
export class AuditEventObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'e.g. person.invited, site.deactivated, entry_user.added' })
  kind: string;

  @Field()
  createdAt: Date;

  @Field()
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  @Field(() => ID, { nullable: true })
  siteId: string | null;
}

export const { EdgeType: AuditEventEdge, ConnectionType: AuditEventConnection } = connectionTypes(
  'AuditEvent',
  AuditEventObject,
);
