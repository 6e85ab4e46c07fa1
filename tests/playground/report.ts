/**
 * The walkthrough's steps and what became of each: passed, or failed with what was missing. Parts of the walkthrough
 * ("journeys") run in order; a journey whose predecessor failed cannot be done (the ticket it works on was never made),
 * so it counts as one failed step that says so rather than failing confusingly later.
 * Every step ends with a screenshot under tests/artifacts/playground/.
 */
import path from 'node:path';
import { StepFailure, type PlaygroundPage } from './playgroundPage.js';

export interface StepResult {
  journey: string;
  step: string;
  passed: boolean;
  detail?: string;
  screenshot: string;
}

export type Step = (name: string, body: () => Promise<void>) => Promise<void>;

export class Report {
  readonly results: StepResult[] = [];
  private readonly failed = new Set<string>();

  constructor(
    private readonly page: PlaygroundPage,
    private readonly artifacts: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Runs one journey's steps; stops it at its first failure. Returns whether it passed. */
  async journey(name: string, needs: readonly string[], body: (step: Step) => Promise<void>): Promise<boolean> {
    this.log(`\n${name}`);
    const missing = needs.filter((need) => this.failed.has(need));
    if (missing.length) {
      this.record(name, 'not run', false, `it needs "${missing.join('", "')}", which failed`, '');
      this.failed.add(name);
      return false;
    }
    const step: Step = async (stepName, stepBody) => {
      const shot = path.join(this.artifacts, `${String(this.results.length + 1).padStart(2, '0')}-${slug(stepName)}.png`);
      try {
        await stepBody();
      } catch (err) {
        await this.page.screenshot(shot);
        await this.page.savePage(shot.replace(/\.png$/, '.html'));
        this.record(name, stepName, false, err instanceof StepFailure ? err.message : `unexpected error: ${errorText(err)}`, shot);
        throw new JourneyStopped();
      }
      await this.page.screenshot(shot);
      this.record(name, stepName, true, undefined, shot);
    };
    try {
      await body(step);
      return true;
    } catch (err) {
      if (!(err instanceof JourneyStopped)) this.record(name, 'journey', false, `unexpected error: ${errorText(err)}`, '');
      this.failed.add(name);
      return false;
    }
  }

  get passedCount(): number {
    return this.results.filter((result) => result.passed).length;
  }

  get failedCount(): number {
    return this.results.length - this.passedCount;
  }

  private record(journey: string, step: string, passed: boolean, detail: string | undefined, screenshot: string): void {
    this.results.push({ journey, step, passed, detail, screenshot });
    this.log(
      `  ${passed ? 'pass' : 'FAIL'}  ${step}${detail ? `\n        ${detail}` : ''}${!passed && screenshot ? `\n        screenshot: ${screenshot}` : ''}`,
    );
  }
}

class JourneyStopped extends Error {}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
