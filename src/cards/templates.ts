import { readFileSync } from 'node:fs';
// The engine module itself: the package index also re-exports a JSON-schema helper whose typings pull in
// adaptivecards' TypeScript sources, which do not compile under this project's settings.
import { GlobalSettings, Template } from 'adaptivecards-templating/lib/template-engine.js';
import { projectPath } from '../paths.js';

/**
 * The card layouts live in cards/*.json as Adaptive Card templates (`${…}` bindings, `$data`, `$when`) so they
 * can be opened and tuned in a card designer without touching code; this module fills them with view data.
 */
export type CardTemplateName = 'diagnosis' | 'help' | 'need-more';

const templates = new Map<CardTemplateName, unknown>();
/**
 * Prepared templates: `new Template()` parses every `${…}` with adaptive-expressions (antlr), ~10–20 ms a card.
 * The library's documented use is one instance bound to many data objects; expansion is synchronous, so one
 * instance per template is safe to share.
 */
const prepared = new Map<CardTemplateName, Template>();

export function cardTemplate(name: CardTemplateName): unknown {
  let template = templates.get(name);
  if (template === undefined) {
    template = JSON.parse(readFileSync(projectPath('cards', `${name}.json`), 'utf8')) as unknown;
    templates.set(name, template);
  }
  return template;
}

function preparedTemplate(name: CardTemplateName): Template {
  let template = prepared.get(name);
  if (template === undefined) {
    template = new Template(cardTemplate(name));
    prepared.set(name, template);
  }
  return template;
}

/**
 * Expands a template with `data` as `$root`. A binding with no value would reach the user as a literal
 * "${path}", so it is an error here (the caller falls back to Markdown) rather than a broken card.
 */
export function expandCardTemplate(name: CardTemplateName, data: object): object {
  const unbound: string[] = [];
  const previous = GlobalSettings.getUndefinedFieldValueSubstitutionString;
  // The templating library reports unbound paths only through this global hook; expansion is synchronous,
  // so swapping it for the duration of one call cannot leak into another.
  GlobalSettings.getUndefinedFieldValueSubstitutionString = (path: string) => {
    unbound.push(path);
    return undefined;
  };
  let card: unknown;
  try {
    card = preparedTemplate(name).expand({ $root: data });
  } finally {
    GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
  }
  if (unbound.length > 0) {
    throw new Error(`card template "${name}" has bindings without data: ${[...new Set(unbound)].join(', ')}`);
  }
  if (typeof card !== 'object' || card === null) throw new Error(`card template "${name}" did not expand to an object`);
  return card;
}
