/**
 * Two independent judges for every card the renderer produces:
 * 1. the `adaptivecards` SDK itself, parsing in a 1.3 serialization context (it reports unknown elements,
 *    actions and properties newer than 1.3, bad enum values) and validating (ids, required values);
 * 2. the official Adaptive Cards 1.3 JSON schema (it reports unknown properties and wrong types, which the
 *    SDK silently ignores).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import type AddFormats from 'ajv-formats';
import { Ajv } from 'ajv';
import { projectPath } from '../../src/paths.js';

const require = createRequire(import.meta.url);
// The package's ESM build has extensionless imports Node cannot load; its UMD bundle runs as is.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;
// CommonJS whose module.exports is the plugin itself; its types only describe the ESM default.
const addFormats = require('ajv-formats') as (typeof AddFormats)['default'];

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
const published = JSON.parse(readFileSync(projectPath('test', 'fixtures', 'adaptive-card-1.3.schema.json'), 'utf8')) as Record<string, unknown>;
// Draft-06 names the schema's own URI `$id`; the published file still says `id`, which Ajv 8 refuses.
const { id: schemaUri, ...rest } = published;
const validateSchema = ajv.compile({ $id: String(schemaUri), ...rest });

export function sdkProblems(card: object): string[] {
  // The SDK checks `lang` with a /g regular expression and RegExp.exec, which remembers where it stopped: every
  // second card would fail on a valid "en". Rewinding it keeps the check itself.
  const langPattern = AC.CardElement.langProperty.regEx;
  if (langPattern !== undefined) langPattern.lastIndex = 0;
  const context = new AC.SerializationContext(new AC.Version(1, 3));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

export function schemaProblems(card: object): string[] {
  if (validateSchema(card)) return [];
  return (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export function cardProblems(card: object): string[] {
  return [...sdkProblems(card), ...schemaProblems(card)];
}

/** Every object in the card tree, for structural assertions (actions, elements, texts). */
export function walk(node: unknown, visit: (value: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

export function actionsOf(card: object): Record<string, unknown>[] {
  const actions: Record<string, unknown>[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) actions.push(node);
  });
  return actions;
}

/** Every string shown as Markdown: TextBlock texts and FactSet titles/values. */
export function markdownTexts(card: object): string[] {
  const texts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts as { title: string; value: string }[]) texts.push(fact.title, fact.value);
    }
  });
  return texts;
}
