declare module 'fresh' {
  /** `fresh` 2.x (a dependency of send/express): true when the client's cached copy is still good. */
  function fresh(reqHeaders: Record<string, string | string[] | undefined>, resHeaders: Record<string, string | undefined>): boolean;
  export = fresh;
}
