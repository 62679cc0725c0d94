import type { AccessLevelCode, Principal } from '@entry/shared';
import type { Viewer } from './viewer';

/**
 * The plain shape the shared policy (`can`) reads, from the server's richer viewer: the same
 * rules decide on both sides.
 */
export function principalOf(viewer: Viewer | null): Principal | null {
  if (!viewer) return null;
  if (viewer.kind === 'operator') return { kind: 'operator' };
  if (viewer.kind === 'apiKey')
    return { kind: 'apiKey', scopes: viewer.key.scopes, limitedToSites: viewer.key.limitedToSites };
  const accessLevel: AccessLevelCode = viewer.person.accessLevel;
  return { kind: 'person', id: viewer.person.id, accessLevel };
}
