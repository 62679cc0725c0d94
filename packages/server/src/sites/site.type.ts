import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LIST_ROW_TYPE, UserError } from '../common/common.types';
import { connectionTypes } from '../common/connection';

/** A building or installation the company looks after. */
@ObjectType('Site', LIST_ROW_TYPE)
export class SiteObject {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, {
    nullable: true,
    description: "the company's cost centre for the site, printed on its invoice line",
  })
  costCenter: string | null;

  @Field({ description: 'false once deactivated: billing stopped, history kept' })
  active: boolean;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'when the site was deactivated (billing stops from the next day on)',
  })
  deactivatedAt: Date | null;
}

/** A resident or tenant who uses the Entry app at a site. */
@ObjectType('EntryUser', {
  description: 'A resident or tenant who uses the Entry app at a site.',
})
export class EntryUserObject {
  @Field(() => ID)
  id: string;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  apartment: string | null;

  @Field({ description: 'when the user was added: billing counts from this day' })
  activeFrom: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'when the user was removed (billing counts this day, not after); null while active',
  })
  removedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD; null: from the day added. Billing counts from the later of the day added and this day',
  })
  moveInDate: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD; null: none planned. Billed up to this day included (UTC) and removed at its end, without anyone acting',
  })
  moveOutDate: string | null;

  // status: EntryUserResolver (derived from the dates and the removal)
}

export const { EdgeType: SiteEdge, ConnectionType: SiteConnection } = connectionTypes(
  'Site',
  SiteObject,
);
export const { EdgeType: EntryUserEdge, ConnectionType: EntryUserConnection } = connectionTypes(
  'EntryUser',
  EntryUserObject,
);

@InputType()
export class SiteInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'at most 64 characters, printed on the invoice line of the site; null or blank clears it, left out keeps it',
  })
  costCenter?: string | null;
}

@ObjectType()
export class SitePayload {
  @Field(() => SiteObject, { nullable: true })
  site: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType()
export class EntryUserInput {
  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  apartment?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD (UTC): the user is UPCOMING until then and not billed before it; may change until then. Left out keeps it, null clears it',
  })
  moveInDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD (UTC), today or later and not before moveInDate: billed up to that day included, then removed. Left out keeps it, null clears it',
  })
  moveOutDate?: string | null;
}

@ObjectType()
export class EntryUserPayload {
  @Field(() => EntryUserObject, { nullable: true })
  entryUser: unknown;

  @Field(() => [UserError])
  userErrors: UserError[];
}

/** One data row of an import file, as read and checked. */
@ObjectType()
export class EntryUserImportRow {
  @Field(() => Int, { description: 'line of the file the row starts on (the header is line 1)' })
  line: number;

  @Field()
  firstName: string;

  @Field()
  lastName: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  apartment: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD as read' })
  moveInDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD as read' })
  moveOutDate: string | null;

  @Field({ description: 'true when the row will be (or was) imported' })
  valid: boolean;

  @Field(() => [UserError], {
    description: 'what is wrong with the row; field is ["rows", "<line>", "<column>"]',
  })
  problems: UserError[];
}

@ObjectType({ description: 'What an import would do: nothing has been written.' })
export class EntryUserImportPreview {
  @Field(() => [String], { description: 'the columns recognised in the header row' })
  columns: string[];

  @Field(() => [EntryUserImportRow])
  rows: EntryUserImportRow[];

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  validCount: number;

  @Field(() => Int)
  invalidCount: number;

  @Field(() => [UserError], {
    description: 'problems of the file as a whole (missing columns, too many rows) or the site',
  })
  userErrors: UserError[];
}

@ObjectType()
export class EntryUserImportPayload {
  @Field(() => Int)
  importedCount: number;

  @Field(() => [EntryUserImportRow], { description: 'rows not imported, with their problems' })
  skipped: EntryUserImportRow[];

  @Field(() => [UserError])
  userErrors: UserError[];
}
