const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Relay global ID the API expects for a raw database id (`base64("<Type>:<uuid>")`). Addresses carry
 * raw ids (short, no `/` or `=` from base64, and the same links the API puts into notifications); a value
 * that is not a uuid is passed through, so an address with a global ID still works.
 */
export function globalId(type: "Community" | "BenchmarkRound" | "BenchmarkSubmission" | "BenchmarkFramework" | "Organization", id: string): string {
  return UUID.test(id) ? btoa(`${type}:${id}`) : id;
}
