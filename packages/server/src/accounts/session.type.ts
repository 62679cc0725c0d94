import { Field, ID, ObjectType } from 'type-graphql';

/** One of the signed-in account's own sessions, as mySessions lists it: never its token. */
@ObjectType('Session')
export class SessionObject {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'within a minute: the last request with this session' })
  lastSeenAt: Date;

  @Field(() => String, { nullable: true, description: 'as the browser or app sent it' })
  userAgent: string | null;

  @Field(() => String, { nullable: true })
  ip: string | null;

  @Field({ description: 'the session of this request' })
  current: boolean;
}
