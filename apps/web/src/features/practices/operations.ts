import { graphql } from "../../app/graphql.ts";

const Issues = graphql(`
  fragment PracticeIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

/** A whole profile in the ERASMI structure. */
export const PracticeFields = graphql(`
  fragment PracticeFields on PracticeProfile {
    id
    status
    language
    networkName
    yearFounded
    place
    country
    coordination
    cooperationAgreement
    members
    fieldsOfIntervention
    targetGroups
    networkType
    description
    resources
    internalFacilitation
    externalCommunication
    successFactors
    challenges
    evaluation
    sustainability
    impact
    innovation
    transferability
    website
    contact
    updatedAt
    viewerCanEdit
    city {
      id
      name
      cityName
    }
    community {
      id
      name
    }
    pilot {
      id
      title
    }
  }
`);

export const SearchPracticesQuery = graphql(
  `
    query SearchPractices($input: PracticeSearchInput) {
      searchPractices(input: $input) {
        __typename
        ... on QuerySearchPracticesSuccess {
          data {
            total
            hits {
              rank
              title {
                text
                isMatch
              }
              excerpt {
                text
                isMatch
              }
              practice {
                id
                language
                place
                country
                fieldsOfIntervention
                city {
                  id
                  cityName
                  name
                }
              }
            }
          }
        }
        ...PracticeIssues
      }
    }
  `,
  [Issues],
);

/** Options of the library's filters and the form's selects. */
export const PracticeOptionsQuery = graphql(`
  query PracticeOptions {
    communities {
      id
      name
    }
    organizations {
      id
      name
      cityName
      kind
      country
    }
  }
`);

/** The viewer's drafts (and everything the project team may edit) for the "Your drafts" list. */
export const PracticeDraftsQuery = graphql(`
  query PracticeDrafts {
    practiceProfiles(status: DRAFT) {
      id
      networkName
      place
      language
      updatedAt
    }
  }
`);

export const PracticeProfileQuery = graphql(
  `
    query PracticeProfile($id: ID!) {
      practiceProfile(id: $id) {
        ...PracticeFields
      }
    }
  `,
  [PracticeFields],
);

export const CreatePracticeProfileMutation = graphql(
  `
    mutation CreatePracticeProfile($input: PracticeProfileInput!) {
      createPracticeProfile(input: $input) {
        __typename
        ... on MutationCreatePracticeProfileSuccess {
          data {
            ...PracticeFields
          }
        }
        ...PracticeIssues
      }
    }
  `,
  [PracticeFields, Issues],
);

export const UpdatePracticeProfileMutation = graphql(
  `
    mutation UpdatePracticeProfile($input: UpdatePracticeProfileInput!) {
      updatePracticeProfile(input: $input) {
        __typename
        ... on MutationUpdatePracticeProfileSuccess {
          data {
            ...PracticeFields
          }
        }
        ...PracticeIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [PracticeFields, Issues],
);

export const PublishPracticeProfileMutation = graphql(
  `
    mutation PublishPracticeProfile($input: PracticeIdInput!) {
      publishPracticeProfile(input: $input) {
        __typename
        ... on MutationPublishPracticeProfileSuccess {
          data {
            ...PracticeFields
          }
        }
        ...PracticeIssues
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
  [PracticeFields, Issues],
);

export const UnpublishPracticeProfileMutation = graphql(
  `
    mutation UnpublishPracticeProfile($input: PracticeIdInput!) {
      unpublishPracticeProfile(input: $input) {
        __typename
        ... on MutationUnpublishPracticeProfileSuccess {
          data {
            ...PracticeFields
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
  [PracticeFields],
);

export const PracticeDraftFromPilotMutation = graphql(`
  mutation PracticeDraftFromPilot($input: PracticeDraftFromPilotInput!) {
    practiceDraftFromPilot(input: $input) {
      __typename
      ... on MutationPracticeDraftFromPilotSuccess {
        data {
          id
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
`);
