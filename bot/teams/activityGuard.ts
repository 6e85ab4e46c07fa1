/** The least an incoming body must have to be a Bot Framework activity we can answer. */
export interface InboundActivity {
  type: string;
  channelId: string;
  serviceUrl: string;
  conversation: { id: string };
  from: { id: string };
  [field: string]: unknown;
}

const MAX_ID = 1024;
// An Entra object id is a 36-character GUID; anything much longer is not one, and it would be copied into tickets and audit events.
const MAX_AAD_OBJECT_ID = 128;

/** Checks shape only (no trust decisions: authentication is the adapter's job). Used before the adapter sees a body. */
export function isInboundActivity(body: unknown): body is InboundActivity {
  if (!isRecord(body)) return false;
  return (
    shortText(body.type) &&
    shortText(body.channelId) &&
    typeof body.serviceUrl === 'string' &&
    /^https?:\/\/\S+$/i.test(body.serviceUrl) &&
    isRecord(body.conversation) &&
    shortText(body.conversation.id) &&
    isRecord(body.from) &&
    shortText(body.from.id) &&
    (body.from.aadObjectId === undefined ||
      (typeof body.from.aadObjectId === 'string' && body.from.aadObjectId.length <= MAX_AAD_OBJECT_ID))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_ID;
}
