import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// No Azure CLI here, so a template cannot be compiled: the deployment tests read it as text, and these helpers find
// its parts (resources, parameters, app settings) well enough to check what the deployment depends on.

/** A Bicep file under deploy/azure/: its full text, and its code with comments removed. */
export interface BicepFile {
  text: string;
  code: string;
}

/** Reads deploy/azure/<name>. */
export function readBicep(name: string): BicepFile {
  const text = readFileSync(fileURLToPath(new URL(`../../deploy/azure/${name}`, import.meta.url)), 'utf8');
  const code = text
    .split('\n')
    .map((line) => line.replace(/\s\/\/.*$|^\s*\/\/.*$/, ''))
    .join('\n');
  return { text, code };
}

/** The text from `start` to its matching closing brace. */
function braceBlock(code: string, start: number, what: string): string {
  let depth = 0;
  for (let i = code.indexOf('{', start); i < code.length; i += 1) {
    if (code[i] === '{') depth += 1;
    if (code[i] === '}') depth -= 1;
    if (depth === 0) return code.slice(start, i + 1);
  }
  throw new Error(`unbalanced braces in ${what}`);
}

/** The body of `resource <name> '<type>@<version>' = … { … }`, by brace matching. */
export function resourceBlock(code: string, type: string): string {
  const start = code.search(new RegExp(`resource \\w+ '${type.replace(/[/.]/g, '\\$&')}@\\d{4}-\\d{2}-\\d{2}(-preview)?'`));
  if (start < 0) throw new Error(`no ${type} resource`);
  return braceBlock(code, start, type);
}

/** The body of `module <name> '<file>' = … { … }`. */
export function moduleBlock(code: string, file: string): string {
  const start = code.indexOf(`'${file}'`);
  if (start < 0) throw new Error(`no module ${file}`);
  return braceBlock(code, code.lastIndexOf('module ', start), file);
}

/** `type@version` of every resource declared at the top level. */
export function resourceTypes(code: string): string[] {
  return [...code.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1]);
}

/** Every `{ name: 'X', value: … }` app setting in `code`, in order (a name may appear once per branch of a choice). */
export function appSettings(code: string): { name: string; value: string }[] {
  return [...code.matchAll(/\{ name: '([^']+)', value: (.+) \}/g)].map((m) => ({ name: m[1], value: m[2] }));
}

/** Each `param` with its declaration line and whether @secure() decorates it. */
export function params(code: string): Map<string, { secure: boolean; line: string }> {
  const found = new Map<string, { secure: boolean; line: string }>();
  const lines = code.split('\n');
  lines.forEach((line, i) => {
    const m = /^param (\w+) /.exec(line);
    if (!m) return;
    let secure = false;
    for (let j = i - 1; j >= 0 && /^\s*(@|\s*'|\]|\d|$)/.test(lines[j]) && !lines[j].startsWith('param '); j -= 1)
      if (lines[j].startsWith('@secure()')) secure = true;
    found.set(m[1], { secure, line });
  });
  return found;
}
