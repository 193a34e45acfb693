import { graphql } from "../../app/graphql.ts";

export const CommunitiesQuery = graphql(`
  query Communities {
    communities {
      id
      name
      theme
      description
      leadCity {
        id
        name
        cityName
      }
      memberCities {
        id
        name
        cityName
      }
    }
  }
`);

const CommunityIssues = graphql(`
  fragment CommunityIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

export const SessionFields = graphql(`
  fragment SessionFields on CommunitySession {
    id
    kind
    topic
    isCrossCutting
    title
    description
    startsAt
    endsAt
    location
    onlineUrl
    icsUrl
    viewerAttendance
    attendanceCounts {
      registered
      attended
      excused
    }
  }
`);

export const CommunityPageQuery = graphql(
  `
    query CommunityPage($id: ID!) {
      community(id: $id) {
        id
        slug
        name
        theme
        description
        icsUrl
        viewerCanManage
        viewerCityIsMember
        viewerCityMembership
        leadCity {
          id
          name
          cityName
        }
        memberCities {
          id
          name
          cityName
          country
          contacts {
            id
            name
            email
          }
        }
        coordinators {
          id
          name
          email
          organization {
            id
            name
          }
        }
        upcomingSessions {
          ...SessionFields
        }
        pastSessions {
          ...SessionFields
        }
        resources {
          id
          title
          type
          language
          url
          createdAt
          attachment {
            id
            fileName
            sizeBytes
            downloadUrl
          }
        }
        membershipRequests {
          status
          requestedAt
          city {
            id
            name
            cityName
          }
        }
      }
    }
  `,
  [SessionFields],
);

export const RequestMembershipMutation = graphql(
  `
    mutation RequestCommunityMembership($input: RequestCommunityMembershipInput!) {
      requestCommunityMembership(input: $input) {
        __typename
        ... on MutationRequestCommunityMembershipSuccess {
          data {
            id
            viewerCityMembership
          }
        }
        ... on ConflictError {
          code
          message
        }
        ...CommunityIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [CommunityIssues],
);

export const DecideMembershipMutation = graphql(
  `
    mutation DecideMembershipRequest($input: DecideMembershipRequestInput!) {
      decideMembershipRequest(input: $input) {
        __typename
        ... on MutationDecideMembershipRequestSuccess {
          data {
            id
          }
        }
        ... on ConflictError {
          code
          message
        }
        ...CommunityIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [CommunityIssues],
);

export const RecordAttendanceMutation = graphql(
  `
    mutation RecordMyAttendance($input: RecordMyAttendanceInput!) {
      recordMyAttendance(input: $input) {
        __typename
        ... on MutationRecordMyAttendanceSuccess {
          data {
            ...SessionFields
          }
        }
        ...CommunityIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [SessionFields, CommunityIssues],
);

export const CreateSessionMutation = graphql(
  `
    mutation CreateCommunitySession($input: CreateCommunitySessionInput!) {
      createCommunitySession(input: $input) {
        __typename
        ... on MutationCreateCommunitySessionSuccess {
          data {
            ...SessionFields
          }
        }
        ...CommunityIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [SessionFields, CommunityIssues],
);

export const AddResourceMutation = graphql(
  `
    mutation AddCommunityResource($input: AddCommunityResourceInput!) {
      addCommunityResource(input: $input) {
        __typename
        ... on MutationAddCommunityResourceSuccess {
          data {
            id
          }
        }
        ...CommunityIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [CommunityIssues],
);

export const RemoveResourceMutation = graphql(`
  mutation RemoveCommunityResource($input: RemoveCommunityResourceInput!) {
    removeCommunityResource(input: $input) {
      __typename
      ... on MutationRemoveCommunityResourceSuccess {
        data {
          id
        }
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);
