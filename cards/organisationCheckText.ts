/**
 * How the helpdesk card shows what is known about an organisation's type and, for staff added to an onboarded organisation,
 * what the re-check against the imported lists found: the helpdesk sees what was checked and when,
 * not only that a ticket exists.
 */
import type { TicketOrganisation } from '../data/model.js';
import { formatCardTime } from './cardTime.js';
import { icsName } from './cardText.js';
import { longDate } from '../data/rules/longDate.js';

/** "NHS trust (said by the requester; not confirmed by the ODS directory)": only a type the directory's roles gave is shown as confirmed. */
export function organisationTypeText(org: TicketOrganisation): string {
  const type = org.organisationType?.trim();
  if (!type) return 'Not given';
  return org.typeConfirmedByDirectory === true
    ? `${type} (confirmed by the ODS directory)`
    : `${type} (said by the requester; not confirmed by the ODS directory)`;
}

/** The re-check rows for an add-staff ticket; none for a ticket without one. */
export function recheckFacts(org: TicketOrganisation, now: Date): { label: string; value: string }[] {
  const recheck = org.recheck;
  if (!recheck) return [];
  return [
    { label: 'Re-checked', value: `${formatCardTime(recheck.checkedAt, now)}, against the imported DPIA register and DSPT list` },
    {
      label: 'DPIA (re-checked)',
      value: recheck.dpiaIcbCode
        ? `Named in the ${icsName(recheck.dpiaIcbCode)} onboarding DPIA`
        : "Not named in its ICS's onboarding DPIA",
    },
    { label: 'DSPT (re-checked)', value: dsptText(recheck) },
  ];
}

function dsptText(recheck: NonNullable<TicketOrganisation['recheck']>): string {
  if (!recheck.dsptRequired) return 'Not asked: an NHS organisation confirmed by the ODS directory';
  if (!recheck.dsptStatus?.trim()) return 'No published status found';
  if (!recheck.dsptCurrent) return `${recheck.dsptStatus} (as published), not current`;
  const until = recheck.dsptRenewalDue ? `, current until ${longDate(recheck.dsptRenewalDue)}` : ', current';
  return `${recheck.dsptStatus} (as published)${until}`;
}
