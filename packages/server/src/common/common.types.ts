import { Field, ObjectType } from 'type-graphql';

/** Something the person can fix, pointed at the input field it concerns. */
@ObjectType()
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'path to the input field, e.g. ["input", "email"]',
  })
  field: string[] | null;

  @Field({ description: "readable, in the viewer's language" })
  message: string;

  @Field({
    description: 'stable, e.g. INVALID, TAKEN, NOT_FOUND, WEAK_PASSWORD, LAST_PAYMENT_ADMIN',
  })
  code: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
