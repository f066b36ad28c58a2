import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../webex/types.js';
import type { WebexCardAttachment, WebexPerson } from '../../../webex/types.js';
import { badRequest } from './http-errors.js';

/** Webex refuses text or markdown above this many bytes (UTF-8) with a 400. */
export const MAX_MESSAGE_BYTES = 7439;

export interface MessageContentInput {
  text?: unknown;
  markdown?: unknown;
  attachments?: unknown;
}

export interface ComposedContent {
  text?: string;
  markdown?: string;
  html?: string;
  mentionedPeople?: string[];
  mentionedGroups?: string[];
  attachments?: WebexCardAttachment[];
}

export type PersonLookup = (key: { id?: string; email?: string }) => WebexPerson | undefined;

/**
 * What Webex stores for a posted message: validates sizes and the card, and resolves markdown mentions
 * (`<@personId:ID|Label>`, `<@personEmail:a@b|Label>`, `<@all>`) into `mentionedPeople`, a plain `text`
 * in which each mention became its label, and an `html` with `<spark-mention>` elements, as Webex clients see it.
 * Other markdown syntax is kept verbatim in `text` (Webex strips it; nothing here depends on that).
 */
export function composeContent(input: MessageContentInput, lookup: PersonLookup): ComposedContent {
  const text = optionalString(input.text, 'text');
  const markdown = optionalString(input.markdown, 'markdown');
  const attachments = validateAttachments(input.attachments);
  if (text === undefined && markdown === undefined && attachments === undefined) {
    throw badRequest('Message must contain text, markdown, files or attachments.');
  }
  for (const [field, value] of [['text', text], ['markdown', markdown]] as const) {
    if (value !== undefined && Buffer.byteLength(value, 'utf8') > MAX_MESSAGE_BYTES) {
      throw badRequest(`Message ${field} cannot be longer than ${MAX_MESSAGE_BYTES} bytes.`);
    }
  }
  const composed: ComposedContent = {};
  if (attachments) composed.attachments = attachments;
  if (markdown === undefined) {
    if (text !== undefined) composed.text = text;
    return composed;
  }
  const rendered = renderMarkdownMentions(markdown, lookup);
  composed.markdown = markdown;
  composed.text = text ?? rendered.text;
  composed.html = rendered.html;
  if (rendered.people.length > 0) composed.mentionedPeople = rendered.people;
  if (rendered.groups.length > 0) composed.mentionedGroups = rendered.groups;
  return composed;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${field} must be a string.`);
  return value;
}

function validateAttachments(value: unknown): WebexCardAttachment[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest('attachments must be an array.');
  if (value.length === 0) return undefined;
  if (value.length > 1) throw badRequest('Only one attachment per message is supported.');
  const [attachment] = value as unknown[];
  if (!isRecord(attachment) || attachment.contentType !== ADAPTIVE_CARD_CONTENT_TYPE) {
    throw badRequest(`Attachment contentType must be ${ADAPTIVE_CARD_CONTENT_TYPE}.`);
  }
  const content = attachment.content;
  const validCard =
    isRecord(content) &&
    content.type === 'AdaptiveCard' &&
    typeof content.version === 'string' &&
    (content.body === undefined || Array.isArray(content.body)) &&
    (content.actions === undefined || Array.isArray(content.actions));
  if (!validCard) throw badRequest('Unable to parse the attachment: content is not a valid Adaptive Card.');
  return [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MENTION = /<@(?:(personId|personEmail):([^|>]+)(?:\|([^>]*))?|(all))>/g;

function renderMarkdownMentions(markdown: string, lookup: PersonLookup): { text: string; html: string; people: string[]; groups: string[] } {
  const people: string[] = [];
  const groups: string[] = [];
  let text = '';
  let html = '';
  let last = 0;
  for (const match of markdown.matchAll(MENTION)) {
    const before = markdown.slice(last, match.index);
    text += before;
    html += escapeHtml(before);
    last = match.index + match[0].length;
    if (match[4] === 'all') {
      if (!groups.includes('all')) groups.push('all');
      text += 'All';
      html += '<spark-mention data-object-type="groupMention" data-group-type="all">All</spark-mention>';
      continue;
    }
    const key = match[1] === 'personId' ? { id: match[2] } : { email: match[2] };
    const person = lookup(key);
    const label = match[3] ?? person?.displayName ?? match[2] ?? '';
    text += label;
    if (!person) {
      html += escapeHtml(label);
      continue;
    }
    if (!people.includes(person.id)) people.push(person.id);
    html += `<spark-mention data-object-type="person" data-object-id="${person.id}">${escapeHtml(label)}</spark-mention>`;
  }
  const rest = markdown.slice(last);
  text += rest;
  html += escapeHtml(rest);
  return { text, html: `<p>${html.replace(/\r?\n/g, '<br />')}</p>`, people, groups };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
