/**
 * A "system" is the set of assessments sharing a system name, compared without case, surrounding
 * spaces or repeated inner spaces. Targets and plan actions are stored under this key and carry
 * across the system's assessments, so changing it needs a storage migration.
 */
export function systemKey(systemName: string): string {
  return systemName.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}
