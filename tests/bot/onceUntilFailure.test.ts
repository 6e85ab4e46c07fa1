import { describe, expect, it } from '@jest/globals';
import { onceUntilFailure } from '../../bot/onceUntilFailure.js';

describe('something loaded when first needed', () => {
  it('is loaded once, however many callers ask, at once or later', async () => {
    let loads = 0;
    const load = onceUntilFailure(async () => {
      loads += 1;
      return `module ${loads}`;
    });
    const results = await Promise.all([load(), load(), load()]);
    expect(await load()).toBe('module 1');
    expect(results).toEqual(['module 1', 'module 1', 'module 1']);
    expect(loads).toBe(1);
  });

  it('is tried again by the next caller after a load that failed, and then kept', async () => {
    let loads = 0;
    const load = onceUntilFailure(async () => {
      loads += 1;
      if (loads === 1) throw new Error('disk busy');
      return 'module';
    });
    await expect(load()).rejects.toThrow('disk busy');
    await expect(load()).resolves.toBe('module');
    await expect(load()).resolves.toBe('module');
    expect(loads).toBe(2);
  });
});
