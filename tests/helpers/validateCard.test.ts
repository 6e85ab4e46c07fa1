import { describe, it, expect } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { validateCard } from './validateCard.js';

const run = promisify(execFile);

describe('validateCard', () => {
  it('reports unknown elements, duplicate input ids and empty choice sets', () => {
    const check = validateCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Nonsense' },
        { type: 'Input.Text', id: 'reason' },
        { type: 'Input.Text', id: 'reason' },
        { type: 'Input.ChoiceSet', id: 'who', choices: [] },
      ],
    });
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Unknown element type "Nonsense"'),
        expect.stringContaining('Duplicate Id "reason"'),
        expect.stringContaining('at least one choice'),
      ]),
    );
  });

  it('reads the card version, so a test can insist on 1.5', () => {
    expect(validateCard({ type: 'AdaptiveCard', version: '1.3', body: [] }).version).toBe('1.3');
  });

  it('loads in plain Node, not only under jest', async () => {
    const script =
      "import { validateCard } from './tests/helpers/validateCard.ts'; console.log(JSON.stringify(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [] })));";
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() });
    expect(JSON.parse(stdout)).toEqual({ version: '1.5', problems: [] });
  });
});
