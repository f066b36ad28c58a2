import type { Language } from '../i18n/message.js';
import { renderDiagnosis, renderHelp, renderNeedMore } from '../cards/index.js';
import type { RenderedMessage } from '../cards/index.js';
import { runChecks } from '../checks/index.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis } from '../diagnosis/types.js';
import { collectTenantSnapshot, createGraphConnection } from '../graph/index.js';
import type { Evidence } from '../intake/index.js';
import { readPaste } from '../intake/index.js';
import type { Logger } from '../log.js';
import { applyCardFix } from './demo-tenant.js';
import { loadPasteExamples } from './examples.js';
import { DEMO_BOT_CLIENT_ID, DEMO_BOT_SECRET, SCENARIOS, startEntraStandin } from './standins/entra/index.js';
import type { EntraStandin, ScenarioName } from './standins/entra/index.js';

/** One card of the gallery at /cards, produced by the real renderer from a real diagnosis. */
export interface CardSample {
  id: string;
  title: string;
  language: Language;
  card?: object;
  markdown: string;
}

export interface CardSamples {
  items: CardSample[];
  /** What could not be produced, and why (shown on the page: never a silent gap). */
  notes: string[];
}

const PUBLIC_LOGIN = 'https://login.microsoftonline.com';

/** Which pastes and tenant states the gallery shows. The seeds carry their own language. */
const TENANT_SAMPLES: readonly { scenario: ScenarioName; paste: string; language: Language }[] = [
  { scenario: 'integrationAppRemoved', paste: 'debug-en', language: 'en' },
  { scenario: 'integrationAppRemoved', paste: 'seed-ja', language: 'ja' },
  { scenario: 'integrationAppRemoved', paste: 'seed-fr', language: 'fr' },
  { scenario: 'consentPartlyMissing', paste: 'debug-en', language: 'en' },
  { scenario: 'disabled', paste: 'debug-en', language: 'en' },
  { scenario: 'quarantined', paste: 'debug-en', language: 'en' },
  { scenario: 'auditLogForbidden', paste: 'debug-en', language: 'en' },
  { scenario: 'badClientSecret', paste: 'debug-en', language: 'en' },
  { scenario: 'healthy', paste: 'toast-en', language: 'en' },
];

interface Producer {
  evidence(pasteId: string): Evidence;
  now: Date;
  logger: Logger;
}

function sample(id: string, title: string, language: Language, rendered: RenderedMessage): CardSample {
  return { id, title, language, markdown: rendered.markdown, ...(rendered.card === undefined ? {} : { card: rendered.card }) };
}

async function diagnoseScenario(standin: EntraStandin, name: ScenarioName, evidence: Evidence, now: Date): Promise<Diagnosis> {
  const tenantId = SCENARIOS[name].tenant(now).tenantId;
  const graph = createGraphConnection({
    tenantId,
    clientId: DEMO_BOT_CLIENT_ID,
    clientSecret: DEMO_BOT_SECRET,
    authorityHost: standin.authorityHost,
    graphBaseUrl: standin.graphBaseUrl,
    retry: { maxRetries: 1, maxTotalWaitMs: 2_000, attemptTimeoutMs: 5_000 },
  });
  const snapshot = await collectTenantSnapshot(graph, tenantId, { now });
  return diagnose({ evidence, findings: runChecks(snapshot), snapshot, tenantId, cloud: 'worldwide', loginHost: standin.authorityHost, now: now.toISOString() });
}

/** Every tenant state through the real Graph client, checks, diagnosis and renderer, against a private stand-in. */
async function tenantSamples(p: Producer, out: CardSamples): Promise<void> {
  const names = [...new Set(TENANT_SAMPLES.map((s) => s.scenario))];
  const standin = await startEntraStandin({ tenants: names.map((n) => SCENARIOS[n].tenant(p.now)) });
  const policy = { trustedOrigins: [standin.authorityHost] };
  try {
    for (const s of TENANT_SAMPLES) {
      const id = `${s.scenario}-${s.language}`;
      try {
        const diagnosis = await diagnoseScenario(standin, s.scenario, p.evidence(s.paste), p.now);
        out.items.push(sample(id, `Diagnosis: ${SCENARIOS[s.scenario].summary}`, s.language, renderDiagnosis(diagnosis, { language: s.language, diagnosisId: `sample-${id}`, ...policy })));
        if (s.scenario === 'integrationAppRemoved' && s.language === 'en') {
          // "What changed": the same tenant after the card's fix, re-verified against the first diagnosis.
          applyCardFix(standin, SCENARIOS.integrationAppRemoved.tenant(p.now).tenantId);
          const after = await diagnoseScenario(standin, s.scenario, p.evidence(s.paste), p.now);
          const rendered = renderDiagnosis(after, { language: 'en', diagnosisId: 'sample-reverified', previous: diagnosis, ...policy });
          out.items.push(sample('reverified-en', 'Re-verify after the fix (restore, then admin consent): what changed', 'en', rendered));
          standin.addTenant(SCENARIOS.integrationAppRemoved.tenant(p.now));
        }
      } catch (error) {
        p.logger.warn({ err: error, sample: id }, 'local mode: a card sample could not be produced');
        out.notes.push(`${id}: could not be produced (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
  } finally {
    await standin.stop();
  }
}

function pasteOnlySamples(p: Producer, out: CardSamples): void {
  for (const [pasteId, language] of [['seed-ja', 'ja'], ['toast-en', 'en']] as const) {
    const diagnosis = diagnose({ evidence: p.evidence(pasteId), loginHost: PUBLIC_LOGIN, now: p.now.toISOString() });
    out.items.push(sample(`paste-only-${language}`, 'Diagnosis from the paste only (no tenant connected)', language, renderDiagnosis(diagnosis, { language, diagnosisId: `sample-paste-${language}` })));
  }
  for (const language of ['en', 'ja', 'fr'] as const) out.items.push(sample(`help-${language}`, 'Help', language, renderHelp(language)));
  out.items.push(sample('need-more-en', 'Nothing to diagnose in the message', 'en', renderNeedMore(readPaste('Hi, Azure AD sync is broken, can you help?'), 'en')));
}

export interface CardSampleOptions {
  /** False when this process cannot reach the HTTPS stand-in (a real tenant is connected and its CA is not trusted). */
  canReachStandin: boolean;
  logger: Logger;
  now?: () => Date;
}

/** The gallery's cards, produced once on first use (the private stand-in lives only while they are produced). */
export function cardSamples(options: CardSampleOptions): () => Promise<CardSamples> {
  let pending: Promise<CardSamples> | undefined;
  const produce = async (): Promise<CardSamples> => {
    const examples = new Map(loadPasteExamples().map((e) => [e.id, e.text]));
    const producer: Producer = {
      now: (options.now ?? (() => new Date()))(),
      logger: options.logger,
      evidence: (id) => readPaste(examples.get(id) ?? ''),
    };
    const out: CardSamples = { items: [], notes: [] };
    if (options.canReachStandin) await tenantSamples(producer, out);
    else out.notes.push('Tenant diagnoses are shown with the demo tenant only: start local mode without AZURE_* settings to see them.');
    pasteOnlySamples(producer, out);
    return out;
  };
  return () => (pending ??= produce());
}
