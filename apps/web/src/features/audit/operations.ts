import { graphql } from "../../app/graphql.ts";

export const AuditLogQuery = graphql(`
  query AuditLog($entityType: String!, $entityId: String!) {
    auditLog(entityType: $entityType, entityId: $entityId) {
      id
      occurredAt
      action
      actor {
        id
        name
      }
      before
      after
    }
  }
`);
