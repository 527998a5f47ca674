export function frameworkKey(id: string, version: string): string {
  return `${id}@${version}`;
}
