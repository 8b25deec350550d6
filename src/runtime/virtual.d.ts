declare module 'virtual:python-files' {
  /** Paths relative to `src/python/` → file text. */
  const files: Record<string, string>;
  export default files;
}
