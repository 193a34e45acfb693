import { graphql } from "../../app/graphql.ts";

const Issues = graphql(`
  fragment BenchmarkIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

/** A framework as the pages show it: dimensions, indicators, the five level descriptors and weights. */
export const FrameworkFields = graphql(`
  fragment FrameworkFields on BenchmarkFramework {
    id
    version
    title
    createdAt
    isUsedByRound
    dimensions {
      id
      code
      title
      description
      indicators {
        id
        code
        title
        guidance
        weight
        levels {
          level
          descriptor
        }
      }
    }
  }
`);

export const FrameworkPageQuery = graphql(
  `
    query FrameworkPage($communityId: ID!, $version: Int) {
      community(id: $communityId) {
        id
        name
        viewerCanManage
      }
      benchmarkFramework(communityId: $communityId, version: $version) {
        ...FrameworkFields
      }
      benchmarkFrameworkVersions(communityId: $communityId) {
        id
        version
        title
        createdAt
      }
    }
  `,
  [FrameworkFields],
);

export const FrameworkExportQuery = graphql(`
  query FrameworkExport($frameworkId: ID!, $format: FrameworkFormat!) {
    benchmarkFrameworkExport(frameworkId: $frameworkId, format: $format)
  }
`);

export const ImportFrameworkMutation = graphql(
  `
    mutation ImportFramework($input: ImportBenchmarkFrameworkInput!) {
      importBenchmarkFramework(input: $input) {
        __typename
        ... on MutationImportBenchmarkFrameworkSuccess {
          data {
            id
            version
            title
          }
        }
        ... on ImportError {
          message
          issues {
            row
            column
            code
            message
          }
        }
        ...BenchmarkIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [Issues],
);

/** One city's self-assessment, everything the form and the read-only view show. */
export const SubmissionFields = graphql(`
  fragment SubmissionFields on BenchmarkSubmission {
    id
    status
    revision
    contentLanguage
    comment
    scoredCount
    updatedAt
    submittedAt
    validatedAt
    organization {
      id
      name
      cityName
    }
    scores {
      id
      indicatorId
      level
      evidenceText
      evidenceLinks
      attachments {
        id
        fileName
        mimeType
        sizeBytes
        downloadUrl
      }
    }
    history {
      id
      fromStatus
      toStatus
      comment
      createdAt
      actor {
        id
        name
      }
    }
  }
`);

export const RoundSummaryFields = graphql(`
  fragment RoundSummary on BenchmarkRound {
    id
    name
    kind
    opensAt
    closesAt
    isOpen
    myDeadline
  }
`);

export const SubmissionRoundQuery = graphql(
  `
    query SubmissionRound($roundId: ID!) {
      benchmarkRound(id: $roundId) {
        ...RoundSummary
        community {
          id
          name
          viewerCityIsMember
        }
        framework {
          ...FrameworkFields
        }
        mySubmission {
          ...SubmissionFields
        }
      }
    }
  `,
  [RoundSummaryFields, FrameworkFields, SubmissionFields],
);

export const SaveSubmissionDraftMutation = graphql(
  `
    mutation SaveSubmissionDraft($input: SaveSubmissionDraftInput!) {
      saveSubmissionDraft(input: $input) {
        __typename
        ... on MutationSaveSubmissionDraftSuccess {
          data {
            ...SubmissionFields
          }
        }
        ...BenchmarkIssues
        ... on ConflictError {
          code
          message
        }
      }
    }
  `,
  [SubmissionFields, Issues],
);

export const SubmitSubmissionMutation = graphql(
  `
    mutation SubmitSubmission($input: SubmissionIdInput!) {
      submitSubmission(input: $input) {
        __typename
        ... on MutationSubmitSubmissionSuccess {
          data {
            ...SubmissionFields
          }
        }
        ...BenchmarkIssues
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
  [SubmissionFields, Issues],
);

export const RoundsQuery = graphql(
  `
    query BenchmarkRounds($communityId: ID!) {
      community(id: $communityId) {
        id
        name
        viewerCanManage
        viewerCityIsMember
      }
      benchmarkFramework(communityId: $communityId) {
        id
        version
        title
      }
      benchmarkRounds(communityId: $communityId) {
        ...RoundSummary
        framework {
          id
          version
        }
        mySubmission {
          id
          status
          scoredCount
        }
      }
    }
  `,
  [RoundSummaryFields],
);

export const CreateRoundMutation = graphql(
  `
    mutation CreateBenchmarkRound($input: CreateBenchmarkRoundInput!) {
      createBenchmarkRound(input: $input) {
        __typename
        ... on MutationCreateBenchmarkRoundSuccess {
          data {
            ...RoundSummary
          }
        }
        ...BenchmarkIssues
      }
    }
  `,
  [RoundSummaryFields, Issues],
);

export const UpdateRoundMutation = graphql(
  `
    mutation UpdateBenchmarkRound($input: UpdateBenchmarkRoundInput!) {
      updateBenchmarkRound(input: $input) {
        __typename
        ... on MutationUpdateBenchmarkRoundSuccess {
          data {
            ...RoundSummary
          }
        }
        ...BenchmarkIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [RoundSummaryFields, Issues],
);

export const ExtendDeadlineMutation = graphql(
  `
    mutation ExtendSubmissionDeadline($input: ExtendSubmissionDeadlineInput!) {
      extendSubmissionDeadline(input: $input) {
        __typename
        ... on MutationExtendSubmissionDeadlineSuccess {
          data {
            id
          }
        }
        ...BenchmarkIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [Issues],
);

/** The validation queue: every member city of the round's community and where its submission stands. */
export const ValidationQueueQuery = graphql(
  `
    query ValidationQueue($roundId: ID!) {
      benchmarkRound(id: $roundId) {
        ...RoundSummary
        framework {
          id
          dimensions {
            id
            indicators {
              id
            }
          }
        }
        community {
          id
          name
          memberCities {
            id
            name
            cityName
          }
        }
        submissions {
          id
          status
          scoredCount
          submittedAt
          validatedAt
          updatedAt
          organization {
            id
            name
            cityName
          }
        }
      }
    }
  `,
  [RoundSummaryFields],
);

export const ReviewSubmissionQuery = graphql(
  `
    query ReviewSubmission($submissionId: ID!) {
      benchmarkSubmission(id: $submissionId) {
        ...SubmissionFields
        framework {
          ...FrameworkFields
        }
        round {
          ...RoundSummary
          community {
            id
            name
          }
        }
      }
    }
  `,
  [SubmissionFields, FrameworkFields, RoundSummaryFields],
);

export const ValidateSubmissionMutation = graphql(
  `
    mutation ValidateSubmission($input: SubmissionIdInput!) {
      validateSubmission(input: $input) {
        __typename
        ... on MutationValidateSubmissionSuccess {
          data {
            ...SubmissionFields
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
  [SubmissionFields],
);

export const ReturnSubmissionMutation = graphql(
  `
    mutation ReturnSubmission($input: ReturnSubmissionInput!) {
      returnSubmission(input: $input) {
        __typename
        ... on MutationReturnSubmissionSuccess {
          data {
            ...SubmissionFields
          }
        }
        ...BenchmarkIssues
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
  [SubmissionFields, Issues],
);

const ResultCityFields = graphql(`
  fragment ResultCityFields on ResultCity {
    id
    name
    cityName
    country
  }
`);

const SpreadFields = graphql(`
  fragment SpreadFields on Spread {
    n
    min
    q1
    median
    q3
    max
  }
`);

const CityResultFields = graphql(
  `
    fragment CityResultFields on CityResult {
      organization {
        ...ResultCityFields
      }
      status
      overall
      dimensions {
        dimensionId
        score
      }
      indicators {
        indicatorId
        level
      }
    }
  `,
  [ResultCityFields],
);

export const ResultsQuery = graphql(
  `
    query BenchmarkResults($roundId: ID!) {
      benchmarkRound(id: $roundId) {
        id
        name
        kind
        community {
          id
          name
          memberCities {
            id
            contacts {
              id
              name
              email
            }
          }
        }
      }
      benchmarkResults(roundId: $roundId) {
        roundId
        roundName
        canSeeCities
        overall {
          ...SpreadFields
        }
        dimensions {
          id
          code
          title
          stats {
            ...SpreadFields
          }
        }
        indicators {
          id
          code
          title
          weight
          dimensionId
          stats {
            ...SpreadFields
          }
        }
        cities {
          ...CityResultFields
        }
        myCity {
          ...CityResultFields
        }
        learnFrom {
          indicatorId
          indicatorCode
          indicatorTitle
          myLevel
          priority
          peers {
            organization {
              ...ResultCityFields
            }
            level
            gap
            evidenceText
            evidenceLinks
            contentLanguage
          }
        }
        progress {
          organization {
            ...ResultCityFields
          }
          points {
            roundId
            roundName
            opensAt
            overall
          }
        }
      }
    }
  `,
  [SpreadFields, CityResultFields, ResultCityFields],
);

/** For the benchmarks start page: the communities, and whether the viewer's city takes part. */
export const BenchmarkCommunitiesQuery = graphql(`
  query BenchmarkCommunities {
    communities {
      id
      name
      theme
      viewerCityIsMember
      viewerCanManage
    }
  }
`);
