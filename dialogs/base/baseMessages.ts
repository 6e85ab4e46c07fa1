/** What the base dialog says when someone asks for help, cancels or starts again. Plain, kind English. */
import { contactSentence, type HelpdeskFacts } from '../../data/rules/helpdesk.js';

/** The general help: what the assistant does; any dialog without help of its own says this. */
export const GENERAL_HELP =
  'I can check whether your care home is ready for the Universal Care Plan (UCP), ask for access for your home and ' +
  'your staff, tell the helpdesk when someone leaves, and show you where your requests have got to.';

/** The words that work anywhere and how to reach the helpdesk (its configured contact, else source 000's page); said after every help text. */
export function keywordsReminder(helpdesk: HelpdeskFacts): string {
  return (
    'At any time you can type: help (this message), cancel (stop: nothing is sent), start again (back to the menu) or ' +
    `status (see your requests). ${contactSentence(helpdesk)}`
  );
}

/** Said when the person cancels. */
export const CANCELLED = "All right, I've stopped. Nothing has been sent to the helpdesk. Type start whenever you'd like to begin again.";

/** Said when the person starts again, before the welcome card. */
export const STARTING_AGAIN = "All right, let's start again. Nothing from before has been sent.";

/** Said when nothing was in progress and the person cancels. */
export const NOTHING_TO_CANCEL = "There's nothing in progress, so there's nothing to cancel. Type start to see what I can do.";

/** Said when a dialog running on its own (no main dialog above it) is asked to open another conversation. */
export function stoppedForAnother(command: string): string {
  return `I've stopped here and nothing was sent. Type ${command} again to start that.`;
}
