/**
 * Text from the search with its matches in <mark>. The API hands segments, never HTML, so a profile's text
 * cannot inject markup; <mark> is announced as "highlighted" by screen readers that support it.
 */
export function Highlighted({ segments }: { segments: readonly { text: string; isMatch: boolean }[] }) {
  return (
    <>
      {segments.map((s, i) => (s.isMatch ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
