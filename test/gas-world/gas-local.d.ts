/** gas-local 1.3 ships no types: `require(folder, globals, options)` runs every file of the folder in a vm context. */
declare module 'gas-local' {
  import { type Context } from 'node:vm';
  interface GasLocal {
    require(
      folderPath: string,
      globalObject: object,
      options?: { filter?: (path: string) => boolean },
    ): Context;
  }
  const gasLocal: GasLocal;
  export default gasLocal;
}
