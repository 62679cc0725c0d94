/**
 * What the people list says after a page sent the person back to it (router state), e.g.
 * "Invitation sent to daisy@example.com."
 */
export type PeopleNotice = { kind: 'invited'; email: string } | { kind: 'updated'; name: string };

export function isPeopleNotice(value: unknown): value is PeopleNotice {
  if (typeof value !== 'object' || value === null) return false;
  const notice = value as Record<string, unknown>;
  return (
    (notice['kind'] === 'invited' && typeof notice['email'] === 'string') ||
    (notice['kind'] === 'updated' && typeof notice['name'] === 'string')
  );
}
