import { NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Refuses `__schema` and `__type` during validation (graphql-js's own rule); `__typename` stays,
 * the web app's cache needs it. Used in production: the schema is not a map for strangers.
 */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
