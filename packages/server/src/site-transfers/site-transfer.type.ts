import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../common/common.types';
import { connectionTypes } from '../common/connection';
import type { SiteTransferDirection as Direction } from './site-transfer-queries';

export const SiteTransferDirection: Readonly<Record<Direction, Direction>> = {
  INCOMING: 'INCOMING',
  OUTGOING: 'OUTGOING',
};
registerEnumType(SiteTransferDirection, {
  name: 'SiteTransferDirection',
  description:
    "INCOMING: addressed to the email of one of the company's people, or decided by the company; OUTGOING: asked by the company",
});

/** A transfer as either side (or an operator) sees it; the site only while the viewer holds it. */
@ObjectType('SiteTransfer', {
  description:
    'A site offered by one company to another, named by email, with its Entry app users, and what became of the offer.',
})
export class SiteTransferObject {
  @Field(() => ID)
  id: string;

  // site, fromCompanyName, toCompanyName, status, effectiveDate, entryUserCount: field resolvers

  @Field({ description: 'the name when asked for, then when accepted (the sender keeps it)' })
  siteName: string;

  @Field()
  recipientEmail: string;

  @Field(() => String, { nullable: true, description: "the sender's note, as written" })
  message: string | null;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'accepted, declined, cancelled or expired at',
  })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "the recipient's reason, when they declined with one",
  })
  declineReason: string | null;

  @Field({
    description:
      'accepted into a company that already had a site of this name: it kept its name; rename one of them to tell them apart',
  })
  nameAlreadyUsed: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'an operator gave the site back to its sender (support); billing splits again on that day',
  })
  undoneAt: Date | null;
}

export const { ConnectionType: SiteTransferConnection } = connectionTypes(
  'SiteTransfer',
  SiteTransferObject,
);

@ObjectType()
export class SiteTransferPayload {
  @Field(() => SiteTransferObject, { nullable: true })
  siteTransfer: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class RequestSiteTransferInput {
  @Field(() => ID)
  siteId: string;

  @Field({ description: 'whoever holds this address, now or once they register, may accept' })
  recipientEmail: string;

  @Field(() => String, {
    nullable: true,
    description: 'a note to the recipient, shown as written (at most 1000 characters)',
  })
  message?: string | null;
}
