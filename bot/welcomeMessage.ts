/** What the bot says until the conversations arrive: who it is for and what it will help with. Plain English, no jargon. */
export const WELCOME_MESSAGE = [
  "Hello! I'm the Urgent Care Plan onboarding assistant for London care homes.",
  'I can help you:',
  "- check whether your care home is ready for the Urgent Care Plan (your Data Security and Protection Toolkit status),",
  '- ask for access for your home and your staff,',
  '- tell us when someone leaves so their account is switched off,',
  '- see where your request has got to.',
  "These conversations are being set up now. In the meantime the UCP helpdesk can help, Monday to Friday, 9am to 5pm.",
].join('\n');
