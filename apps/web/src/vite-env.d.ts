/** Built by the possible-types plugin in vite.config.ts from apps/api/schema.graphql. */
declare module "virtual:possible-types" {
  const possibleTypes: Record<string, string[]>;
  export default possibleTypes;
}
