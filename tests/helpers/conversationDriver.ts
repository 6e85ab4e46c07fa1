/** A care home manager talking to the running bot over real HTTP, one activity at a time, reading the replies (deliveryMode expectReplies). */

export interface Reply {
  text: string;
  /** Every string in the reply's attachments (cards, hero-card buttons), for asserting on what the person sees. */
  cardText: string;
  /** Button titles and values offered (hero card buttons and Action.Submit titles). */
  buttons: string[];
  raw: Record<string, unknown>;
}

export interface Manager {
  /** Sends what the manager types; resolves with the bot's replies. */
  say(text: string): Promise<Reply[]>;
  /** Sends a card submit (an Action.Submit press) with this value. */
  submit(value: Record<string, unknown>): Promise<Reply[]>;
  /** Presses the Action.Submit button titled `title` in the bot's last replies, sending its data as Teams does; fails when there is none. */
  press(title: string): Promise<Reply[]>;
  /** Sends a file the manager attached in Teams: its download URL and name. */
  attach(downloadUrl: string, name: string): Promise<Reply[]>;
  /** Everything the bot has said so far, in order (for failure messages). */
  transcript(): string;
  /** The bot's replies to the last thing sent. */
  lastReplies(): Reply[];
}

export function manager(botUrl: () => string, person: { aadObjectId: string; name: string }, serviceUrl: string): Manager {
  const log: string[] = [];
  let last: Reply[] = [];
  const send = async (activity: Record<string, unknown>): Promise<Reply[]> => {
    const response = await fetch(`${botUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `m-${Math.random().toString(36).slice(2)}`,
        channelId: 'msteams',
        serviceUrl,
        deliveryMode: 'expectReplies',
        from: { id: `29:${person.aadObjectId}`, aadObjectId: person.aadObjectId, name: person.name },
        recipient: { id: '28:bot' },
        conversation: { id: `a:1on1-${person.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
        timestamp: new Date().toISOString(),
        ...activity,
      }),
    });
    if (response.status !== 200) throw new Error(`bot answered ${response.status}\n${log.join('\n')}`);
    const body = (await response.json()) as { activities?: Record<string, unknown>[] };
    const replies = (body.activities ?? []).map(toReply);
    log.push(
      `> ${JSON.stringify(activity.text ?? activity.value ?? '(file)')}`,
      ...replies.map((r) => `< ${r.text} ${r.buttons.length ? `[${r.buttons.join(' | ')}]` : ''}`),
    );
    last = replies;
    return replies;
  };
  return {
    say: (text) => send({ text }),
    submit: (value) => send({ value }),
    press: (title) => {
      const data = submitData(last, title);
      if (!data) throw new Error(`no button "${title}" in the last replies\n${log.join('\n')}`);
      return send({ value: data });
    },
    attach: (downloadUrl, name) =>
      send({
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name,
            content: { downloadUrl, uniqueId: 'f1', fileType: 'xlsx' },
          },
        ],
      }),
    transcript: () => log.join('\n'),
    lastReplies: () => last,
  };
}

function toReply(activity: Record<string, unknown>): Reply {
  const attachments = (activity.attachments as Array<{ content?: unknown }> | undefined) ?? [];
  const strings: string[] = [];
  const buttons: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.title === 'string' && (key === 'buttons' || key === 'actions')) buttons.push(record.title);
      for (const [k, v] of Object.entries(record)) walk(v, k);
    }
  };
  attachments.forEach((a) => walk(a.content));
  return { text: String(activity.text ?? ''), cardText: strings.join('\n'), buttons, raw: activity };
}

/** The data of the Action.Submit titled `title` in some replies' cards. */
function submitData(replies: Reply[], title: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (!found && record.type === 'Action.Submit' && record.title === title) found = record.data as Record<string, unknown>;
      Object.values(record).forEach(walk);
    }
  };
  replies.forEach((reply) => walk(reply.raw.attachments));
  return found;
}

/** All the text of some replies, for `toMatch`. */
export function said(replies: Reply[]): string {
  return replies.map((r) => `${r.text}\n${r.cardText}`).join('\n');
}
