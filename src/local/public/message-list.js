// Draws one space's messages like a Webex client: threads (replies indented under their parent), the sender and
// time, then the card (Webex shows a card instead of its fallback text), Markdown, or plain text.
/* global CSS */
import { renderCard } from './card-host.js';
import { renderMarkdown } from './markdown.js';

function initials(name) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

function time(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function body(message, handlers) {
  if (message.card) {
    try {
      return renderCard(message.card, {
        theme: handlers.theme,
        onSubmit: (data) => handlers.onSubmit(message, data),
        onOpenUrl: (url) => handlers.onOpenUrl(url),
      });
    } catch (error) {
      const fallback = el('div', 'card-error', `This card could not be drawn (${error.message}).`);
      if (message.markdown) fallback.insertAdjacentHTML('beforeend', renderMarkdown(message.markdown));
      return fallback;
    }
  }
  const node = el('div', 'text');
  // Markdown from the bot or with a mention goes through the escaping renderer; typed text stays plain text.
  if (message.markdown !== undefined) node.innerHTML = renderMarkdown(message.markdown);
  else node.append(el('div', 'plain', message.text ?? ''));
  return node;
}

function item(message, handlers, isReply) {
  const li = el('li', `message${isReply ? ' reply' : ''}${message.fromBot ? ' from-bot' : ''}${message.mine ? ' mine' : ''}`);
  li.dataset.messageId = message.id;
  const avatar = el('div', 'avatar', initials(message.personName));
  avatar.setAttribute('aria-hidden', 'true');
  const main = el('div', 'message-main');
  const meta = el('div', 'meta');
  meta.append(el('span', 'sender', message.personName), el('time', 'time', time(message.created)));
  if (message.fromBot) meta.append(el('span', 'badge', 'Bot'));
  main.append(meta, body(message, handlers));
  if (!isReply) {
    const reply = el('button', 'ghost small reply-button', 'Reply in thread');
    reply.type = 'button';
    reply.addEventListener('click', () => handlers.onReply(message));
    main.append(reply);
  }
  li.append(avatar, main);
  return li;
}

/** Roots in order, each followed by its replies in order. A reply whose parent is unknown is shown as a root. */
export function threadOrder(messages) {
  const ids = new Set(messages.map((m) => m.id));
  const replies = new Map();
  const roots = [];
  for (const m of messages) {
    if (m.parentId && ids.has(m.parentId)) replies.set(m.parentId, [...(replies.get(m.parentId) ?? []), m]);
    else roots.push(m);
  }
  return roots.flatMap((root) => [{ message: root, isReply: false }, ...(replies.get(root.id) ?? []).map((m) => ({ message: m, isReply: true }))]);
}

function isNearBottom(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 120;
}

/** The whole space, e.g. when it is opened. */
export function drawMessages(list, messages, handlers) {
  list.replaceChildren(...threadOrder(messages).map(({ message, isReply }) => item(message, handlers, isReply)));
  if (messages.length === 0) list.append(el('li', 'empty muted', 'No messages yet. Paste an error below, or insert an example.'));
  list.scrollTop = list.scrollHeight;
}

/**
 * One new message, without redrawing the others (an expanded "Technical details" or a half-typed input in an
 * earlier card stays as it is). A reply goes after the last reply of its thread.
 */
export function addMessage(list, message, handlers) {
  const follow = isNearBottom(list) || message.mine;
  list.querySelector('.empty')?.remove();
  const parent = message.parentId ? list.querySelector(`[data-message-id="${CSS.escape(message.parentId)}"]`) : null;
  const node = item(message, handlers, Boolean(parent));
  if (parent) {
    let last = parent;
    while (last.nextElementSibling?.classList.contains('reply')) last = last.nextElementSibling;
    last.after(node);
  } else {
    list.append(node);
  }
  // A tall card is read from its verdict down, so it is scrolled to its top.
  if (follow) node.scrollIntoView({ block: message.card ? 'start' : 'end' });
}
