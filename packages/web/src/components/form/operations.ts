import { graphql } from '../../gql';

/**
 * What a mutation's payload says about each refused field: spread `...UserErrorFields` in every
 * `userErrors` selection (form-errors.ts maps them onto the form's fields and words them).
 */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
    params {
      name
      value
    }
  }
`);
