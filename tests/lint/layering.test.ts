import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

const eslint = new ESLint();
const importBotbuilder = "import { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n";

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the layering lint rules (docs/architecture.md)', () => {
  it.each(['data/rules/anything.ts', 'data/store/anything.ts', 'data/workflow/anything.ts'])(
    'refuses a botbuilder import in %s',
    async (file) => {
      expect(await ruleIds(file, importBotbuilder)).toContain('no-restricted-imports');
      expect(await ruleIds(file, "import { x } from 'botframework-connector';\nexport const y = x;\n")).toContain('no-restricted-imports');
    },
  );

  it.each([
    ['data/workflow/anything.ts', '../../bot/log.js'],
    ['data/rules/anything.ts', '../../cards/cardText.js'],
    ['data/store/anything.ts', '../../dialogs/dialogServices.js'],
    ['cards/anything.ts', '../bot/log.js'],
    ['cards/handlers/anything.ts', '../../bot/teams/cardInvoke.js'],
    ['dialogs/users/anything.ts', '../../bot/spreadsheet/readUsersWorkbook.js'],
  ])('refuses an import that points up the layers: %s importing %s', async (file, target) => {
    expect(await ruleIds(file, `import { x } from '${target}';\nexport const y = x;\n`)).toContain('no-restricted-imports');
  });

  it.each([
    ['bot/anything.ts', '../cards/cardText.js'],
    ['cards/anything.ts', '../data/model.js'],
    ['dialogs/anything.ts', '../cards/welcomeCard.js'],
    ['data/workflow/anything.ts', '../rules/dspt.js'],
  ])('allows an import down the layers: %s importing %s', async (file, target) => {
    expect(await ruleIds(file, `import { x } from '${target}';\nexport const y = x;\n`)).not.toContain('no-restricted-imports');
  });

  it('allows botbuilder in the host layer', async () => {
    expect(await ruleIds('bot/anything.ts', importBotbuilder)).not.toContain('no-restricted-imports');
  });
});
