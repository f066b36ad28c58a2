import type { Diagnosis, FixAction, Verdict } from '../../diagnosis/types.js';
import { markdownLinkTarget, safeActionUrl, type UrlPolicy } from '../safe-url.js';
import type { CardText } from '../text.js';
import { limit, numbered, type FactView, type LineView } from '../view-parts.js';

/**
 * Webex shows at most five buttons on a card; the card's own three (Re-verify, Technical details, TAC summary)
 * leave two for the fix. Further fix links become Markdown links under the buttons.
 */
export const MAX_FIX_BUTTONS = 2;
const MAX_STEPS = 10;

export interface FixButtonView {
  title: string;
  url: string;
  style: 'positive' | 'default';
}

export interface FixView {
  heading: string;
  hasContent: boolean;
  steps: LineView[];
  hasFacts: boolean;
  facts: FactView[];
  hasActions: boolean;
  actions: FixButtonView[];
  hasMoreLinks: boolean;
  moreLinks: string;
}

/** A fix action that can be offered as a link: its title and the URL that passed the allow-list. */
export interface FixLink {
  title: string;
  url: string;
}

const HEADING_KEY: Record<Verdict, string> = {
  broken: 'ui.diagnosis.fixBroken',
  inconclusive: 'ui.diagnosis.fixInconclusive',
  healthy: 'ui.diagnosis.fixHealthy',
};

function actionUrl(action: FixAction): string | undefined {
  switch (action.kind) {
    case 'admin-consent':
    case 'rerun-wizard':
    case 'docs':
      return action.url;
    case 'restore-deleted':
    case 'enable-app':
    case 'restart-provisioning':
      return action.portalUrl;
    case 'grant-bot-permission':
      return undefined; // nothing to open: the operator grants it in the bot's own app registration
  }
}

/**
 * The fix's links, in the diagnosis's order (the first is the primary action), each URL checked against the
 * allow-list and de-duplicated. `dropped` names the kinds whose URL was refused, for the operator's log.
 */
export function fixLinks(diagnosis: Diagnosis, text: CardText, policy: UrlPolicy): { links: FixLink[]; dropped: string[] } {
  const links: FixLink[] = [];
  const dropped: string[] = [];
  for (const action of diagnosis.fix.actions) {
    const raw = actionUrl(action);
    if (raw === undefined) continue;
    const url = safeActionUrl(raw, policy);
    if (url === undefined) {
      dropped.push(action.kind);
      continue;
    }
    if (!links.some((link) => link.url === url)) links.push({ title: text.plain(`ui.action.${action.kind}`), url });
  }
  return { links, dropped };
}

/** Facts a fix action carries that the admin needs while fixing: how long a restore is possible, what to grant. */
function fixFacts(diagnosis: Diagnosis, text: CardText): FactView[] {
  const facts: FactView[] = [];
  const permissions: string[] = [];
  for (const action of diagnosis.fix.actions) {
    if (action.kind === 'restore-deleted') {
      facts.push({ title: text.md('ui.fact.restorableUntil'), value: text.date(action.restorableUntil) });
    } else if (action.kind === 'grant-bot-permission' && !permissions.includes(action.permission)) {
      permissions.push(action.permission);
    }
  }
  if (permissions.length > 0) {
    facts.push({ title: text.md('ui.fact.botPermission'), value: permissions.map((p) => text.esc(p)).join(', ') });
  }
  return facts;
}

export function fixView(diagnosis: Diagnosis, links: readonly FixLink[], text: CardText): FixView {
  const steps = numbered(limit(diagnosis.fix.steps, MAX_STEPS).shown.map((step) => text.mdRef(step)));
  const facts = fixFacts(diagnosis, text);
  const buttons = links.slice(0, MAX_FIX_BUTTONS).map((link, index): FixButtonView => ({
    ...link,
    style: index === 0 ? 'positive' : 'default',
  }));
  const extra = links.slice(MAX_FIX_BUTTONS);
  const moreLinks =
    extra.length === 0
      ? ''
      : `${text.md('ui.diagnosis.moreLinks')} ${extra.map((l) => `[${text.esc(l.title)}](${markdownLinkTarget(l.url)})`).join(' · ')}`;
  return {
    heading: text.md(HEADING_KEY[diagnosis.verdict]),
    hasContent: steps.length > 0 || facts.length > 0 || buttons.length > 0,
    steps,
    hasFacts: facts.length > 0,
    facts,
    hasActions: buttons.length > 0,
    actions: buttons,
    hasMoreLinks: extra.length > 0,
    moreLinks,
  };
}
