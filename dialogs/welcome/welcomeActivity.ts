/** The welcome message: a line of text and the welcome card (cards/welcomeCard.ts). */
import type { Activity } from 'botbuilder';
import { welcomeCardAttachment } from '../../cards/welcomeCard.js';
import { plainMessage } from '../input/plainText.js';

/** The first line of the welcome when the app is installed or a manager first writes. */
export const WELCOME_INTRO = "Hello! I'm the Universal Care Plan (UCP) onboarding assistant for London care homes.";

/** The welcome as one message: `intro` in plain text and the card; used on install, on a first message and from the menu. */
export function welcomeActivity(intro: string = WELCOME_INTRO): Partial<Activity> {
  return { ...plainMessage(intro), attachments: [welcomeCardAttachment()] };
}
