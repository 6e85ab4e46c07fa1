/** The constant ids of the manager's conversations; dialog state is stored under these, so never rename one lightly. */

/** The router every manager turn goes through (dialogs/mainDialog.ts). */
export const MAIN_DIALOG_ID = 'mainDialog';
/** "Am I ready?": organisation type, ODS code, DSPT status, outcome (dialogs/readiness/). */
export const READINESS_DIALOG_ID = 'readinessDialog';
/** Access for the home and its staff (dialogs/accessRequest/). */
export const ACCESS_REQUEST_DIALOG_ID = 'accessRequestDialog';
/** Staff to switch off (dialogs/leavers/). */
export const LEAVERS_DIALOG_ID = 'leaversDialog';
/** "Where is my request?" (dialogs/status/). */
export const STATUS_DIALOG_ID = 'statusDialog';
