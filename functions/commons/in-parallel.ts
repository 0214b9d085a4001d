/** Run `fn` over `items`, at most `width` at a time (a small worker pool over a shared queue). */
export async function inParallel<T>(items: readonly T[], width: number, fn: (x: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(width, queue.length) }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await fn(x);
    }),
  );
}
