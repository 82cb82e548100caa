/** Whether an input names an http(s) URL (fetched) rather than a path (read). */
export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
