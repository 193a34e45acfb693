import { graphql } from "../../app/graphql.ts";

/** What the app shell needs to know about the signed-in person. */
export const ViewerFragment = graphql(`
  fragment Viewer on User {
    id
    name
    roles
    locale
    organization {
      id
      name
    }
  }
`);

/** The signed-in person or null; read once at start-up to pick the locale and guard routes. */
export const MeQuery = graphql(
  `
    query Me {
      me {
        ...Viewer
      }
    }
  `,
  [ViewerFragment],
);

export const SignInMutation = graphql(
  `
    mutation SignIn($input: SignInInput!) {
      signIn(input: $input) {
        __typename
        ... on MutationSignInSuccess {
          data {
            ...Viewer
          }
        }
        ... on InputError {
          issues {
            path
            code
            message
          }
        }
        ... on TooManyAttemptsError {
          retryAfterSeconds
        }
      }
    }
  `,
  [ViewerFragment],
);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const UpdateMyLocaleMutation = graphql(`
  mutation UpdateMyLocale($input: UpdateMyLocaleInput!) {
    updateMyLocale(input: $input) {
      __typename
      ... on MutationUpdateMyLocaleSuccess {
        data {
          id
          locale
        }
      }
      ... on InputError {
        issues {
          path
          code
          message
        }
      }
    }
  }
`);
