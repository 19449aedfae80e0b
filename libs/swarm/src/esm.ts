/**
 * Loads an ES module from this CommonJS build. The specifier goes through a variable so TypeScript
 * keeps a real `import()` and does not look for type declarations (the wrapped packages ship none);
 * each wrapper declares the small part of the API it uses.
 */
export async function importEsm<T>(specifier: string): Promise<T> {
  return (await import(specifier)) as T;
}
