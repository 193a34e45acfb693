import { graphql } from "../../app/graphql.ts";

/** One row of the user table; mutations return it too, so the row updates in place. */
export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    name
    email
    roles
    isActive
    deactivatedAt
    lastSignInAt
    hasPassword
    organization {
      id
      name
    }
  }
`);

const Issues = graphql(`
  fragment UserIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

export const UsersQuery = graphql(
  `
    query Users($role: Role, $organizationId: ID, $search: String, $first: Int, $after: String, $last: Int, $before: String) {
      users(role: $role, organizationId: $organizationId, search: $search, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          cursor
          node {
            ...UserRow
          }
        }
      }
    }
  `,
  [UserRowFragment],
);

/** Organisations for the filter and the invite / edit forms. */
export const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions {
    organizations {
      id
      name
    }
  }
`);

export const InviteUserMutation = graphql(
  `
    mutation InviteUser($input: InviteUserInput!) {
      inviteUser(input: $input) {
        __typename
        ... on MutationInviteUserSuccess {
          data {
            ...UserRow
          }
        }
        ...UserIssues
      }
    }
  `,
  [UserRowFragment, Issues],
);

export const UpdateUserRolesMutation = graphql(
  `
    mutation UpdateUserRoles($input: UpdateUserRolesInput!) {
      updateUserRoles(input: $input) {
        __typename
        ... on MutationUpdateUserRolesSuccess {
          data {
            ...UserRow
          }
        }
        ...UserIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [UserRowFragment, Issues],
);

export const DeactivateUserMutation = graphql(
  `
    mutation DeactivateUser($input: UserIdInput!) {
      deactivateUser(input: $input) {
        __typename
        ... on MutationDeactivateUserSuccess {
          data {
            ...UserRow
          }
        }
        ... on ConflictError {
          code
          message
        }
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [UserRowFragment],
);

export const ReactivateUserMutation = graphql(
  `
    mutation ReactivateUser($input: UserIdInput!) {
      reactivateUser(input: $input) {
        __typename
        ... on MutationReactivateUserSuccess {
          data {
            ...UserRow
          }
        }
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [UserRowFragment],
);
