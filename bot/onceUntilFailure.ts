/**
 * Runs `make` the first time it is asked for and hands every later caller the same promise; a failure is forgotten, so
 * the next call tries again. Used for what the service loads or builds only when first needed (exceljs, nodemailer,
 * the tab's script).
 */
export function onceUntilFailure<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= make().catch((err: unknown) => {
      kept = undefined;
      throw err;
    });
    return kept;
  };
}
