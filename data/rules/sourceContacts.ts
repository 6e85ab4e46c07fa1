/**
 * The only outside contacts the bot gives people, each as its source publishes it (source 004, "Digital Social Care").
 * The UCP helpdesk's own contact is configuration (data/rules/helpdesk.ts), never written here.
 */

/**
 * Source 004: "If you have questions on completing DSPT you can call the Digital Social Care helpline: 0208 133 3430 or
 * email help@digitalsocialcare.co.uk. 9am and 5pm Monday to Friday", and the same for questions on getting NHSmail.
 */
export const DIGITAL_SOCIAL_CARE_HELPLINE = 'call 0208 133 3430 or email help@digitalsocialcare.co.uk, 9am to 5pm, Monday to Friday';

/** Source 004, NAS portal route: "Dedicated admin support managed via Accenture helpdesk – careadmin@nhs.net". */
export const NAS_ADMIN_SUPPORT = 'careadmin@nhs.net';
