/** The imported ICS onboarding DPIA register, read by ODS code. Pure. */
import type { DpiaEntry } from '../model.js';
import { normaliseOdsCode } from './ods.js';

/** The DPIA register entries naming a code (an organisation may be in more than one ICS's DPIA). */
export function dpiaEntriesFor(register: readonly DpiaEntry[], odsCode: string): DpiaEntry[] {
  const code = normaliseOdsCode(odsCode);
  return register.filter((e) => normaliseOdsCode(e.odsCode) === code);
}
