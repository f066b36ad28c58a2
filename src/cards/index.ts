/** The renderer's public surface: everything the conversation needs to turn results into Webex messages. */
export { renderDiagnosis } from './render-diagnosis.js';
export { renderHelp } from './render-help.js';
export { renderNeedMore } from './render-need-more.js';
export { renderChecking, renderError, renderLanguageChanged, renderRefusal } from './render-plain.js';
export { CARD_CONTENT_TYPE } from './types.js';
export type { Refusal, RenderDiagnosisOptions, RenderedMessage, ReverifyAction } from './types.js';
export { readReverifyAction } from './card-actions.js';
export { ALLOWED_URL_HOSTS, safeActionUrl } from './safe-url.js';
export { WEBEX_MARKDOWN_MAX_BYTES } from './markdown-budget.js';
export { WEBEX_CARD_MAX_BYTES } from './card-size.js';
