/**
 * The Adaptive Cards object model, loaded from its UMD bundle. The package's main entry is untranspiled ESM with
 * extensionless imports that Node cannot load (it can pass under jest and crash under plain Node), so the bundle is
 * required directly and typed from the package's own declarations. Parsing and validating need no DOM.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

const require = createRequire(import.meta.url);

/** The adaptivecards library (parser, validator); used to check the cards we build. */
export const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;
