/**
 * The database id inside a Relay global ID (base64 of "<Type>:<id>"), for APIs that take raw ids
 * such as `auditLog(entityType, entityId)`. Returns the input unchanged if it is not a global ID.
 */
export function rawId(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(":");
    return colon > 0 ? decoded.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}
