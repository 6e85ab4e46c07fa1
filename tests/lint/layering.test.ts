import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

const eslint = new ESLint();
const importBotbuilder = "import { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n";

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the layering lint rule', () => {
  it.each(['data/rules/anything.ts', 'data/store/anything.ts', 'bot/workflow/anything.ts'])(
    'refuses a botbuilder import in %s', async (file) => {
      expect(await ruleIds(file, importBotbuilder)).toContain('no-restricted-imports');
      expect(await ruleIds(file, "import { x } from 'botframework-connector';\nexport const y = x;\n")).toContain('no-restricted-imports');
    });

  it('allows botbuilder in the host layer', async () => {
    expect(await ruleIds('bot/anything.ts', importBotbuilder)).not.toContain('no-restricted-imports');
  });
});
