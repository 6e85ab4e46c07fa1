/** "Add staff" for an organisation that already has access: the access request conversation, its organisation checked again. */
import type { DialogServices } from '../dialogServices.js';
import { AccessRequestDialog } from './accessRequestDialog.js';

/** The id the main dialog begins for "Add staff"; dialog state is stored under it, so never rename it lightly. */
export const ADD_USERS_DIALOG_ID = 'addUsersDialog';

/**
 * Started by the main dialog for "Add staff": which organisation (offering the manager's earlier one), its checks again, the staff,
 * the summary; submits an 'addUsers' ticket while the organisation still passes its checks on the imported lists.
 */
export class AddUsersDialog extends AccessRequestDialog {
  constructor(services: DialogServices) {
    super(services, ADD_USERS_DIALOG_ID, 'addUsers');
  }
}
