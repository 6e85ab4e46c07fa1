/** Checks a card the way a client would read it: the adaptivecards parser and its property validation. */
import { AdaptiveCards } from './adaptiveCards.js';

/** What the parser made of a card. */
export interface CardCheck {
  /** The card version the parser read, e.g. "1.5". */
  version: string;
  /** Parse warnings (unknown element types, bad values) and validation failures (duplicate ids, empty choice sets …). */
  problems: string[];
}

/** Parses and validates one template or built card. */
export function validateCard(json: object): CardCheck {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return { version: card.version?.toString() ?? 'none', problems };
}
