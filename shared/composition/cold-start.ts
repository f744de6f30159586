/**
 * What a function builds once per container, when building it waits on the network (a secret, say): built on
 * the first request, kept for the rest; a build that failed is forgotten, so the next request tries again
 * instead of the container failing every request until it is recycled.
 */
export function coldStart<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () =>
    (built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    }));
}
