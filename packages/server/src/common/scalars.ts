import { DateTimeResolver } from 'graphql-scalars';

/** `DateTime` as the contract names it (ISO 8601 in UTC), for every `Date` property. */
export const SCALARS_MAP = [{ type: Date, scalar: DateTimeResolver }];
