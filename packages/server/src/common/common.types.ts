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

/** One value a userError's message is worded with, e.g. max = 100 or minutes = 15. */
@ObjectType({
  description:
    'A value the message is worded with (max, min, minutes, reason, line, column...), so an app can word the message itself in its own language',
})
export class UserErrorParam {
  @Field()
  name: string;

  @Field({ description: 'numbers as their decimal text' })
  value: string;
}

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
    description:
      'stable: one of the values of the UserErrorCode enum (a String for compatibility; the list may grow)',
  })
  code: string;

  @Field(() => [UserErrorParam], {
    description:
      'the values the message is worded with, e.g. max for TOO_LONG, minutes for THROTTLED, reason (and min or max) for WEAK_PASSWORD; empty when the message has none',
  })
  params: UserErrorParam[];
}

@ObjectType(LIST_ROW_TYPE)
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
