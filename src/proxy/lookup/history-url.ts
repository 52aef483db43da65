export function historyUrl(template: string, uniqueId: string): string {
  return template.replaceAll('{uniqueId}', encodeURIComponent(uniqueId));
}
