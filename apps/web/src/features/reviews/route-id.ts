const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The global ID for a route parameter. Pages link with global IDs, but notification links carry the
 * raw database id (`/reviews/<uuid>`), so both open the same page.
 */
export function globalIdFromParam(type: "PeerReview" | "Pilot", param: string): string {
  return UUID.test(param) ? btoa(`${type}:${param}`) : param;
}

// Global IDs of these types are base64 of ASCII "Type:uuid": letters, digits and "=" only, safe in a path as they are.
export const reviewPath = (id: string) => `/reviews/${id}`;
export const pilotPath = (id: string) => `/pilots/${id}`;
