// Draws Adaptive Cards (schema 1.3) with Microsoft's renderer, styled close to Webex's light and dark looks,
// and hands the card's buttons to the page: Action.Submit and Action.OpenUrl go to callbacks;
// Action.ShowCard and Action.ToggleVisibility are the renderer's own.
/* global AdaptiveCards */
import { renderInline } from './markdown.js';

const FONT = '"Inter", "CiscoSansTT", "Helvetica Neue", "Segoe UI", system-ui, -apple-system, sans-serif';

function colors(c) {
  const pair = (value, subtle) => ({ default: value, subtle: subtle ?? value });
  return {
    default: pair(c.text, c.subtle),
    dark: pair(c.text, c.subtle),
    light: pair(c.subtle, c.subtle),
    accent: pair(c.accent),
    good: pair(c.good),
    warning: pair(c.warning),
    attention: pair(c.attention),
  };
}

function hostConfig(c) {
  const style = (backgroundColor) => ({ backgroundColor, foregroundColors: colors(c) });
  return {
    fontFamily: FONT,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 28, padding: 16 },
    separator: { lineThickness: 1, lineColor: c.separator },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 64, large: 128 },
    containerStyles: {
      default: style(c.card),
      emphasis: style(c.emphasis),
      accent: style(c.accentBackground),
      good: style(c.goodBackground),
      attention: style(c.attentionBackground),
      warning: style(c.warningBackground),
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 12, style: 'emphasis' },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      iconPlacement: 'leftOfTitle',
    },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: true, weight: 'bolder', wrap: true, maxWidth: 180 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8,
    },
    inputs: {
      label: { inputSpacing: 'small', requiredInputs: { weight: 'bolder', suffix: ' *' }, optionalInputs: { isSubtle: true } },
      errorMessage: { size: 'small', color: 'attention' },
    },
  };
}

/** Webex's palettes (momentum design tokens, approximately). */
const THEMES = {
  light: hostConfig({
    card: '#FFFFFF', emphasis: '#F7F7F7', text: '#1A1A1A', subtle: '#636363', separator: '#DEDEDE',
    accent: '#0A78CC', good: '#1D805F', warning: '#A65F00', attention: '#D4371C',
    accentBackground: '#EBF4FC', goodBackground: '#E7F5EF', warningBackground: '#FFF5E5', attentionBackground: '#FDEDEB',
  }),
  dark: hostConfig({
    card: '#1F1F1F', emphasis: '#292929', text: '#F7F7F7', subtle: '#B2B2B2', separator: '#3D3D3D',
    accent: '#64B4FA', good: '#3CC29A', warning: '#F2990A', attention: '#FC8B98',
    accentBackground: '#0D2A45', goodBackground: '#0F2E24', warningBackground: '#3A2906', attentionBackground: '#3D1418',
  }),
};

let markdownInstalled = false;

function installMarkdown() {
  if (markdownInstalled) return;
  // TextBlocks use the page's escaping Markdown subset: card text can never become raw HTML.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = renderInline(text);
    result.didProcess = true;
  };
  markdownInstalled = true;
}

/**
 * The rendered card element. `onSubmit(data)` gets the Action.Submit's data merged with the card's inputs (what
 * Webex sends as the attachment action's inputs); `onOpenUrl(url)` gets Action.OpenUrl's target.
 * Buttons carry data-ac-* attributes naming what they do, for tests and for assistive styling.
 */
export function renderCard(json, { theme = 'light', onSubmit, onOpenUrl }) {
  installMarkdown();
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(THEMES[theme] ?? THEMES.light);
  card.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.SubmitAction) onSubmit?.(action.data ?? {}, action);
    else if (action instanceof AdaptiveCards.OpenUrlAction && action.url) onOpenUrl?.(action.url, action);
  };
  card.parse(json);
  const element = card.render();
  if (!element) throw new Error('the card could not be rendered');
  for (const action of card.getAllActions()) {
    const button = action.renderedElement;
    if (!button) continue;
    button.dataset.acType = action.getJsonTypeName();
    if (action instanceof AdaptiveCards.OpenUrlAction && action.url) button.dataset.acUrl = action.url;
    const data = action instanceof AdaptiveCards.SubmitAction ? action.data : undefined;
    if (data && typeof data === 'object' && typeof data.action === 'string') button.dataset.acAction = data.action;
  }
  element.classList.add('adaptive-card', `theme-${theme}`);
  return element;
}
