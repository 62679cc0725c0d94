import type { Permission } from '@entry/shared';
import type { ReactNode } from 'react';
import { useAccess } from './useAccess';

/**
 * Its children only for someone the shared policy allows `permission`, and nothing until that is
 * known: the layout's navigation items that not everyone may use. It reads the access level, so
 * it comes with Apollo Client (apollo-runtime.tsx) rather than in the layout's own chunk.
 */
export function IfAllowed({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const access = useAccess();
  return access.known && access.can(permission) ? children : null;
}
