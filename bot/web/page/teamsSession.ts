/** Inside Teams: who is signed in and their SSO token. Outside Teams: nothing, so the page works as a plain web page. */
import { app, authentication } from '@microsoft/teams-js';

/** What the page needs from Teams. */
export interface TeamsSession {
  userName: string;
  token(): Promise<string>;
}

/**
 * Used once when the page loads. Outside Teams, initialize() rejects in a top-level page but never settles inside
 * another site's frame, so it races a timeout.
 */
export async function teamsSession(timeoutMs = 1500): Promise<TeamsSession | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('not in Teams')), timeoutMs);
  });
  try {
    await Promise.race([app.initialize(), timeout]);
    const context = await Promise.race([app.getContext(), timeout]);
    app.notifySuccess();
    return {
      userName: context.user?.displayName || context.user?.userPrincipalName || 'you',
      token: () => authentication.getAuthToken(),
    };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
