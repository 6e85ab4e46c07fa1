import { describe, expect, it } from '@jest/globals';
import { declaredUnzippedSize } from '../../../bot/spreadsheet/zipSize.js';
import { buildUsersTemplate } from '../../../bot/spreadsheet/usersTemplate.js';

describe('the declared unpacked size of a zip', () => {
  it("adds up the sizes in a real workbook's directory", async () => {
    const size = declaredUnzippedSize(await buildUsersTemplate());
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(5_000_000);
  });

  it('is undefined for something that is not a zip, or a zip cut short', async () => {
    expect(declaredUnzippedSize(Buffer.from('just text'))).toBeUndefined();
    const template = await buildUsersTemplate();
    expect(declaredUnzippedSize(template.subarray(0, template.length - 30))).toBeUndefined();
  });
});
