import { Field, ObjectType } from 'type-graphql';

/**
 * Options of the object types a list answers with, row after row (sites, people, connections):
 * their plain fields read the property straight from the row (graphql-js's default resolver)
 * instead of type-graphql's wrapper around each one, which allocated per field per row. Safe
 * because the portal uses no type-graphql middlewares or authChecker (authorization is the
 * @auth directive, enforced in graphql/auth.directive.ts) and no field renames its property;
 * fields with a @FieldResolver keep theirs.
 */
export const LIST_ROW_TYPE = { simpleResolvers: true } as const;

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

@ObjectType(LIST_ROW_TYPE)
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
