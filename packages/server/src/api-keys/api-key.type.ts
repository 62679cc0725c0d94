import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiScope } from '@entry/shared';
import { LIST_ROW_TYPE, UserError } from '../common/common.types';
import { connectionTypes } from '../common/connection';

/** A company's API key, as its admins see it: never the secret. */
@ObjectType('ApiKey', {
  ...LIST_ROW_TYPE,
  description: 'A key partner and mobile apps use to call the API as the company.',
})
export class ApiKeyObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({
    description: "the key's first characters, enough to recognize it; never the whole secret",
  })
  prefix: string;

  @Field(() => [ApiScope])
  scopes: string[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

export const { ConnectionType: ApiKeyConnection } = connectionTypes('ApiKey', ApiKeyObject);

@InputType()
export class CreateApiKeyInput {
  @Field()
  name: string;

  @Field(() => [ApiScope])
  scopes: ApiScope[];

  @Field(() => [ID], {
    nullable: true,
    description: 'limit the key to these sites; omitted: every site',
  })
  siteIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'omitted: never expires' })
  expiresAt?: Date | null;
}

@ObjectType()
export class ApiKeyPayload {
  @Field(() => ApiKeyObject, { nullable: true })
  apiKey: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'the whole key: only in the answers of createApiKey and rotateApiKey',
  })
  secret: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
