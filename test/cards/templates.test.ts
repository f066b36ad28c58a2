import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeActionUrl } from '../../src/cards/safe-url.js';
import { expandCardTemplate, type CardTemplateName } from '../../src/cards/templates.js';
import { projectPath } from '../../src/paths.js';
import { cardProblems, walk } from './validate-card.js';

const NAMES: CardTemplateName[] = ['diagnosis', 'help', 'need-more'];
/** What Webex renders (its Buttons and Cards guide); anything else must not appear in a template. */
const WEBEX_TYPES = new Set([
  'AdaptiveCard', 'TextBlock', 'FactSet', 'ColumnSet', 'Column', 'Container', 'Image', 'RichTextBlock', 'TextRun', 'ActionSet',
  'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet',
  'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility',
]);

const template = (name: CardTemplateName): Record<string, unknown> =>
  JSON.parse(readFileSync(projectPath('cards', `${name}.json`), 'utf8')) as Record<string, unknown>;

describe('card templates (cards/*.json)', () => {
  for (const name of NAMES) {
    it(`${name}: schema 1.3, Webex elements only, no Universal Actions, static links allow-listed`, () => {
      const card = template(name);
      expect(card.type).toBe('AdaptiveCard');
      expect(card.version).toBe('1.3');
      walk(card, (node) => {
        if (typeof node.type === 'string') expect(WEBEX_TYPES.has(node.type), `${name}: ${node.type}`).toBe(true);
        expect(node).not.toHaveProperty('refresh');
        expect(node).not.toHaveProperty('authentication');
        if (node.type === 'Action.OpenUrl' && typeof node.url === 'string' && !node.url.startsWith('${')) {
          expect(safeActionUrl(node.url), node.url).toBe(node.url);
        }
      });
    });
  }

  for (const name of NAMES) {
    it(`${name}: the designer sample data (cards/samples/) still fits the template`, () => {
      const data = JSON.parse(readFileSync(projectPath('cards', 'samples', `${name}.data.json`), 'utf8')) as object;
      expect(cardProblems(expandCardTemplate(name, data))).toEqual([]);
    });
  }

  it('refuses to expand with data missing, naming the unbound paths, instead of showing "${…}"', () => {
    expect(() => expandCardTemplate('help', { lang: 'en', commands: [], example: [] })).toThrow(/labels\.title/);
  });
});

describe('the card validators', () => {
  const valid = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'ok', wrap: true }] };

  it('accept a plain valid card', () => {
    expect(cardProblems(valid)).toEqual([]);
  });

  it.each([
    ['Action.Execute (1.4, Universal Actions)', { ...valid, actions: [{ type: 'Action.Execute', title: 'x' }] }],
    ['refresh (1.4)', { ...valid, refresh: { action: { type: 'Action.Execute' } } }],
    ['an unknown property', { ...valid, body: [{ type: 'TextBlock', text: 'x', colour: 'good' }] }],
    ['a bad enum value', { ...valid, body: [{ type: 'TextBlock', text: 'x', color: 'purple' }] }],
    ['an unknown element', { ...valid, body: [{ type: 'Carousel', pages: [] }] }],
    ['an input without id', { ...valid, body: [{ type: 'Input.Text' }] }],
    ['a FactSet without facts', { ...valid, body: [{ type: 'FactSet' }] }],
  ])('report %s', (_what, card) => {
    expect(cardProblems(card).length).toBeGreaterThan(0);
  });
});
