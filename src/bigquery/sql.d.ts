/** The files of sql/views, bundled as their text by scripts/build.ts (esbuild's "text" loader). */
declare module '*.sql' {
  const text: string;
  export default text;
}
