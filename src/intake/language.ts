import type { Language } from '../i18n/message.js';

/**
 * The language of the admin's own words around the (always English) debug block, so the bot answers
 * in it. Japanese, Chinese and Korean are told apart by script (kana means Japanese; Hangul Korean;
 * Han without kana Chinese). Latin-script languages by counting short, frequent words that the others
 * rarely use. English is the default when the signal is weak.
 */

type LatinLanguage = 'en' | 'fr' | 'de' | 'es' | 'pt' | 'it';

const FREQUENT_WORDS: Record<LatinLanguage, string> = {
  en: 'the and was were this that with have has please from when what which but does our we you your there would will for are is it of to hi hello thanks get getting after can not',
  fr: "le les des du est et une un pour dans avec sur pas ce cette nous vous je bonjour merci erreur été être où mais très aussi sont par au aux voici j d l qu n c ai avons lors depuis quand la de que en",
  de: 'der die das und ist nicht ein eine mit auf für von zu den dem bitte fehler wir ich sie bei wurde werden auch oder hallo danke anfrage beim nach haben habe wenn dass kann sich es',
  es: 'el los las del es una por para con se hola gracias está tenemos al pero como solicitud cuando este esta muy también aparece tengo hay nuevo lo y la de que en',
  pt: 'os dos das não erro você são foi uma também isso está obrigado olá em ao pelo pela sessão integração solicitação tenho temos quando mas com para por na de que',
  it: "il lo gli della delle di che è una un per con non sono errore ciao grazie richiesta stata anche questo questa nel alla ho abbiamo quando ma del riprova la l",
};

/** Each word and the languages it votes for. */
const VOTES: ReadonlyMap<string, LatinLanguage[]> = (() => {
  const votes = new Map<string, LatinLanguage[]>();
  for (const [language, words] of Object.entries(FREQUENT_WORDS) as Array<[LatinLanguage, string]>) {
    for (const word of words.split(' ')) votes.set(word, [...(votes.get(word) ?? []), language]);
  }
  return votes;
})();

/** A non-English toast is strong evidence of the admin's UI language. */
const TOAST_WEIGHT = 3;
/** Below this many votes a Latin language is not trusted over the English default. */
const MIN_LATIN_VOTES = 2;
const MIN_CJK_CHARS = 4;

interface ScriptCounts {
  kana: number;
  hangul: number;
  han: number;
}

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { kana: 0, hangul: 0, han: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f)) counts.kana++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) counts.hangul++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) counts.han++;
  }
  return counts;
}

function countVotes(text: string): Record<LatinLanguage, number> {
  const votes: Record<LatinLanguage, number> = { en: 0, fr: 0, de: 0, es: 0, pt: 0, it: 0 };
  // Words are taken whole with their digits, so hex fragments of ids ("6c1e2f0a") never vote as "c" or "e".
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}_]+/gu)) {
    for (const language of VOTES.get(m[0]) ?? []) votes[language]++;
  }
  return votes;
}

export function detectLanguage(prose: string, toastLanguage?: Language): Language {
  const scripts = countScripts(prose);
  const votes = countVotes(prose);
  if (toastLanguage !== undefined && toastLanguage in votes && toastLanguage !== 'en') {
    votes[toastLanguage as LatinLanguage] += TOAST_WEIGHT;
  }
  const others = (['fr', 'de', 'es', 'pt', 'it'] as const).map((language) => ({ language, votes: votes[language] }));
  const bestLatin = others.reduce((a, b) => (b.votes > a.votes ? b : a));

  const cjk = scripts.kana + scripts.hangul + scripts.han;
  if (cjk >= MIN_CJK_CHARS && cjk >= Math.max(bestLatin.votes, votes.en)) {
    if (scripts.kana >= 2 && scripts.kana >= scripts.hangul) return 'ja';
    if (scripts.hangul >= 2) return 'ko';
    return 'zh';
  }
  if (bestLatin.votes >= MIN_LATIN_VOTES && bestLatin.votes > votes.en) return bestLatin.language;
  return 'en';
}

/** The text without the given ranges (the English debug block, the JSON body, an English toast). */
export function withoutRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let position = 0;
  for (const [start, end] of sorted) {
    if (start > position) parts.push(text.slice(position, start));
    position = Math.max(position, end);
  }
  parts.push(text.slice(position));
  return parts.join('\n');
}
