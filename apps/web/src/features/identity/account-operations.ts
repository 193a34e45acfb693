import { graphql } from "../../app/graphql.ts";

// Documents of the password and account pages. Kept apart from ./operations.ts, which the app shell
// imports, so they load with those pages only.

const Issues = graphql(`
  fragment Issues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

export const AcceptInvitationMutation = graphql(
  `
    mutation AcceptInvitation($input: TokenPasswordInput!) {
      acceptInvitation(input: $input) {
        __typename
        ...Issues
      }
    }
  `,
  [Issues],
);

export const RequestPasswordResetMutation = graphql(
  `
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
      requestPasswordReset(input: $input) {
        __typename
        ...Issues
      }
    }
  `,
  [Issues],
);

export const ResetPasswordMutation = graphql(
  `
    mutation ResetPassword($input: TokenPasswordInput!) {
      resetPassword(input: $input) {
        __typename
        ...Issues
      }
    }
  `,
  [Issues],
);

export const ChangePasswordMutation = graphql(
  `
    mutation ChangePassword($input: ChangePasswordInput!) {
      changePassword(input: $input) {
        __typename
        ... on MutationChangePasswordSuccess {
          data {
            id
          }
        }
        ...Issues
      }
    }
  `,
  [Issues],
);

/** What the account page shows about the signed-in person. */
export const AccountQuery = graphql(`
  query Account {
    me {
      id
      name
      email
      roles
      locale
      organization {
        id
        name
      }
    }
  }
`);
