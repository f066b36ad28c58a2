import type { Language } from '../i18n/message.js';
import type { Evidence } from './evidence.js';

/**
 * Control Hub's error toast, e.g. "Azure AD integration error. The request was unauthorized. Please sign
 * out and try again. TrackingID: ATLAS_…", in each language Control Hub speaks.
 *
 * Sources: English is Cisco's own text (seeds/); the Japanese and French Cisco documents quote that English
 * toast. The other languages' phrases are faithful translations written for this project, so matching is
 * deliberately loose: an "Azure AD integration error" phrase, then an "unauthorized" word stem within the
 * next sentence or two. Text is compared "compacted" (lower case, no spaces or hyphens) so "Azure AD統合エラー",
 * "Azure AD 統合エラー" and "Azure-AD-Integrationsfehler" all match, and line wraps do not matter.
 */

type Toast = NonNullable<Evidence['toast']>;

interface ToastPhrases {
  language: Language;
  integrationError: string[];
  /** Word stems, so "autorisé" and "autorisée", "autorizado" and "autorizada" all match. */
  unauthorized: string[];
}

const PHRASES: ToastPhrases[] = [
  {
    language: 'en',
    integrationError: ['Azure AD integration error'],
    unauthorized: ['unauthorized', 'not authorized'],
  },
  {
    language: 'ja',
    integrationError: ['Azure AD 統合エラー', 'Azure AD の統合エラー', 'Azure AD 連携エラー'],
    unauthorized: ['承認されませんでした', '承認されていません', '許可されていません', '許可されませんでした', '認証されていません', '権限がありません'],
  },
  {
    language: 'fr',
    integrationError: ["Erreur d'intégration Azure AD", "Erreur d'intégration d'Azure AD", "Erreur d'intégration de Azure AD", "Erreur de l'intégration Azure AD"],
    unauthorized: ['non autoris', 'pas autoris', 'pas été autoris'],
  },
  {
    language: 'de',
    integrationError: ['Azure AD-Integrationsfehler', 'Fehler bei der Azure AD-Integration', 'Fehler bei der Integration von Azure AD'],
    unauthorized: ['nicht autorisiert', 'nicht berechtigt', 'nicht genehmigt', 'nicht zulässig'],
  },
  {
    language: 'es',
    integrationError: ['Error de integración de Azure AD', 'Error de integración con Azure AD', 'Error en la integración de Azure AD'],
    unauthorized: ['no autoriz', 'no estaba autoriz', 'no fue autoriz', 'no se autoriz', 'no se ha autoriz'],
  },
  {
    language: 'pt',
    integrationError: ['Erro de integração do Azure AD', 'Erro de integração com o Azure AD', 'Erro de integração com Azure AD', 'Erro na integração do Azure AD'],
    unauthorized: ['não autoriz', 'não foi autoriz', 'não estava autoriz'],
  },
  {
    language: 'it',
    integrationError: ['Errore di integrazione di Azure AD', 'Errore di integrazione con Azure AD', "Errore dell'integrazione di Azure AD", 'Errore di integrazione Azure AD'],
    unauthorized: ['non autorizzat', 'non è stata autorizzat', 'non era autorizzat'],
  },
  {
    language: 'zh',
    // Simplified first; Traditional variants map to zh too, the closest language the bot speaks.
    integrationError: ['Azure AD 集成错误', 'Azure AD 整合错误', 'Azure AD 整合錯誤', 'Azure AD 集成錯誤'],
    unauthorized: ['未经授权', '未授权', '未获授权', '未經授權', '未獲授權'],
  },
  {
    language: 'ko',
    integrationError: ['Azure AD 통합 오류', 'Azure AD 통합 에러'],
    unauthorized: ['승인되지 않', '권한이 없', '인증되지 않', '허가되지 않'],
  },
];

/** Other Azure AD wizard errors Control Hub shows (Cisco doc 223574, adding domains "with Azure AD"). */
const OTHER_AZURE_AD_TOASTS: ReadonlyArray<{ language: Language; phrase: string }> = [
  { language: 'en', phrase: 'Error getting verified domain' },
];

/** How far after "…integration error" the "unauthorized" sentence may start (compacted characters). */
const UNAUTHORIZED_WINDOW = 200;

/** Lower case without spaces, line breaks or hyphens. */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[ \n-]+/g, '');
}

const COMPACT_PHRASES = PHRASES.map((p) => ({
  language: p.language,
  integrationError: p.integrationError.map(compact),
  unauthorized: p.unauthorized.map(compact),
}));
const COMPACT_OTHERS = OTHER_AZURE_AD_TOASTS.map((o) => ({ language: o.language, phrase: compact(o.phrase) }));

interface Match {
  toast: Toast;
  index: number;
}

function earliest(a: Match | undefined, b: Match | undefined): Match | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.index < a.index ? b : a;
}

/**
 * The toast the paste quotes. An "unauthorized" toast wins over any other Azure AD one (a document may
 * carry a localized heading "Azure AD integration error" above the English toast); otherwise the earliest.
 * `compacted` is `compact(text)`, passed in so it is computed once.
 */
export function findToast(compacted: string): Toast | undefined {
  let unauthorized: Match | undefined;
  let other: Match | undefined;
  for (const phrases of COMPACT_PHRASES) {
    for (const phrase of phrases.integrationError) {
      for (let at = compacted.indexOf(phrase); at !== -1; at = compacted.indexOf(phrase, at + phrase.length)) {
        const end = at + phrase.length;
        const window = compacted.slice(end, end + UNAUTHORIZED_WINDOW);
        if (phrases.unauthorized.some((word) => window.includes(word))) {
          unauthorized = earliest(unauthorized, { toast: { kind: 'azure-ad-unauthorized', language: phrases.language }, index: at });
          break; // later occurrences of this phrase cannot be earlier
        }
        other = earliest(other, { toast: { kind: 'azure-ad-other', language: phrases.language }, index: at });
      }
    }
  }
  for (const { language, phrase } of COMPACT_OTHERS) {
    const at = compacted.indexOf(phrase);
    if (at !== -1) other = earliest(other, { toast: { kind: 'azure-ad-other', language }, index: at });
  }
  return (unauthorized ?? other)?.toast;
}
