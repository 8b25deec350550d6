/**
 * Removes the indentation common to all non-blank lines, keeping every line
 * (also leading blank ones) so traceback line numbers match the source as
 * written in the page.
 */
export function dedent(code: string): string {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  let common = Infinity;
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    if (indent < common) common = indent;
  }
  if (!Number.isFinite(common) || common === 0) return lines.map(trimBlank).join('\n');
  return lines.map((line) => (line.trim() ? line.slice(common) : '')).join('\n');
}

const trimBlank = (line: string) => (line.trim() ? line : '');
