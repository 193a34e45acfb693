/** Where a round stands for the reader: not yet open, open (until their own deadline), or closed. */
export function roundState(round: { opensAt: string; myDeadline: string }, now = Date.now()): "UPCOMING" | "OPEN" | "CLOSED" {
  if (new Date(round.opensAt).getTime() > now) return "UPCOMING";
  return new Date(round.myDeadline).getTime() > now ? "OPEN" : "CLOSED";
}
