// The local Webex space: a space list, the selected space's messages (threads, cards), a composer and the demo
// tenant's controls. It acts as the local admin through local mode's API; the bot's replies arrive as
// Server-Sent Events.
/* global localStorage, EventSource, Option */
import { api } from './api.js';
import { addMessage, drawMessages } from './message-list.js';

const $ = (id) => document.getElementById(id);

const state = {
  info: null,
  roomId: null,
  messages: new Map(), // roomId -> messages, oldest first
  unread: new Map(),
  replyTo: null,
  theme: localStorage.getItem('doctor-theme') === 'dark' ? 'dark' : 'light',
};

function space(roomId) {
  return state.info.spaces.find((s) => s.id === roomId);
}

function handlers() {
  return { theme: state.theme, onReply: startReply, onSubmit: submitCard, onOpenUrl: openUrl };
}

/** The demo tenant's consent link opens local mode's consent page, which calls the stand-in's own endpoint. */
function openUrl(url) {
  let target;
  try {
    target = new URL(url);
  } catch {
    return;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return;
  const tenant = state.info.tenant;
  const viaDemo = tenant?.kind === 'demo' && target.origin === tenant.authorityOrigin;
  const href = viaDemo ? `/local/demo/consent?url=${encodeURIComponent(target.href)}` : target.href;
  window.open(href, '_blank', 'noopener');
}

async function submitCard(message, data) {
  setStatus('');
  try {
    await api.press(message.id, data);
  } catch (error) {
    setComposerError(`The button press was refused: ${error.message}`);
  }
}

function startReply(message) {
  state.replyTo = message;
  $('reply-text').textContent = `Replying to ${message.personName}`;
  $('reply-chip').hidden = false;
  $('composer-text').focus();
}

function stopReply() {
  state.replyTo = null;
  $('reply-chip').hidden = true;
}

function setComposerError(text) {
  $('composer-error').textContent = text;
}

function setStatus(text) {
  $('tenant-status').textContent = text;
}

function drawSpaces() {
  const items = state.info.spaces.map((s) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `space-item${s.id === state.roomId ? ' active' : ''}`;
    button.dataset.roomId = s.id;
    button.setAttribute('aria-current', s.id === state.roomId ? 'true' : 'false');
    const title = document.createElement('span');
    title.textContent = s.title;
    const kind = document.createElement('span');
    kind.className = 'muted small';
    kind.textContent = s.type === 'direct' ? '1:1' : 'Group';
    button.append(title, kind);
    const unread = state.unread.get(s.id) ?? 0;
    if (unread > 0) {
      const badge = document.createElement('span');
      badge.className = 'unread';
      badge.textContent = String(unread);
      button.append(badge);
    }
    button.addEventListener('click', () => openSpace(s.id));
    li.append(button);
    return li;
  });
  $('space-list').replaceChildren(...items);
}

async function openSpace(roomId) {
  state.roomId = roomId;
  state.unread.delete(roomId);
  stopReply();
  const s = space(roomId);
  $('space-title').textContent = s.title;
  $('space-hint').textContent =
    s.type === 'group'
      ? `A group space: the bot only hears messages that @mention it (type @${state.info.bot.displayName} or use the button).`
      : 'Your 1:1 space with the bot: it reads everything you send here.';
  $('mention-bot').hidden = s.type !== 'group';
  drawSpaces();
  // Messages streamed in while the space loads are kept: the list read may predate them.
  const streamed = state.messages.get(roomId) ?? [];
  state.messages.set(roomId, streamed);
  const read = await api.messages(roomId);
  const messages = [...read, ...streamed.filter((m) => !read.some((r) => r.id === m.id))];
  state.messages.set(roomId, messages);
  if (state.roomId === roomId) drawMessages($('message-list'), messages, handlers());
}

function receive(message) {
  const list = state.messages.get(message.roomId);
  if (list?.some((m) => m.id === message.id)) return;
  if (list) list.push(message);
  if (message.roomId === state.roomId) addMessage($('message-list'), message, handlers());
  else if (!message.mine) {
    state.unread.set(message.roomId, (state.unread.get(message.roomId) ?? 0) + 1);
    drawSpaces();
  }
}

async function send() {
  const textarea = $('composer-text');
  const text = textarea.value;
  if (text.trim() === '' || !state.roomId) return;
  setComposerError('');
  $('send').disabled = true;
  try {
    const message = await api.post(state.roomId, text, state.replyTo?.id);
    textarea.value = '';
    stopReply();
    receive(message);
  } catch (error) {
    setComposerError(error.message);
  } finally {
    $('send').disabled = false;
  }
}

function insertAtCursor(text) {
  const textarea = $('composer-text');
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  textarea.value = value.slice(0, start) + text + value.slice(end);
  textarea.selectionStart = textarea.selectionEnd = start + text.length;
  textarea.focus();
}

function drawTenant(tenant) {
  state.info.tenant = tenant;
  const banner = $('tenant-banner');
  if (!tenant) {
    banner.hidden = true;
    return;
  }
  banner.hidden = false;
  const demo = tenant.kind === 'demo';
  banner.classList.toggle('fixed', demo && tenant.fixed);
  $('tenant-title').textContent = demo ? `Demo tenant: ${tenant.displayName}` : `Connected tenant: ${tenant.tenantId} (${tenant.cloud})`;
  $('tenant-summary').textContent = demo ? (tenant.fixed ? 'Cisco Webex Identity Integration is present again.' : tenant.summary) : 'Local mode checks your real tenant and never changes it.';
  $('demo-fix').hidden = !demo;
  $('demo-reset').hidden = !demo;
  $('demo-fix').disabled = demo && tenant.fixed;
}

async function demoAction(run) {
  try {
    const result = await run();
    drawTenant(result.tenant);
    setStatus(result.message);
  } catch (error) {
    setStatus(error.message);
  }
}

function applyTheme(theme) {
  state.theme = theme;
  localStorage.setItem('doctor-theme', theme);
  document.documentElement.dataset.theme = theme;
  $('theme-toggle').setAttribute('aria-pressed', String(theme === 'dark'));
  $('theme-toggle').textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}

function listen() {
  const stream = new EventSource('/local/api/stream');
  let dropped = false;
  stream.addEventListener('message', (event) => receive(JSON.parse(event.data)));
  stream.addEventListener('tenant', (event) => drawTenant(JSON.parse(event.data)));
  stream.addEventListener('error', () => {
    dropped = true;
    $('connection').hidden = false;
  });
  stream.addEventListener('open', () => {
    $('connection').hidden = true;
    // Events sent while the stream was down are lost: read the open space again.
    if (dropped && state.roomId) openSpace(state.roomId);
    dropped = false;
  });
}

function wire(examples) {
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  $('composer-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  });
  const menu = $('example-menu');
  for (const example of examples) menu.append(new Option(example.label, example.id));
  menu.addEventListener('change', () => {
    const example = examples.find((e) => e.id === menu.value);
    if (example) insertAtCursor(example.text);
    menu.value = '';
  });
  $('mention-bot').addEventListener('click', () => insertAtCursor(`@${state.info.bot.displayName} `));
  $('reply-cancel').addEventListener('click', stopReply);
  $('demo-fix').addEventListener('click', () => demoAction(api.demoFix));
  $('demo-reset').addEventListener('click', () => demoAction(api.demoReset));
  $('theme-toggle').addEventListener('click', () => {
    applyTheme(state.theme === 'dark' ? 'light' : 'dark');
    if (state.roomId) drawMessages($('message-list'), state.messages.get(state.roomId) ?? [], handlers());
  });
}

async function start() {
  applyTheme(state.theme);
  const [info, examples] = await Promise.all([api.info(), api.examples()]);
  state.info = info;
  $('me-name').textContent = info.me.displayName;
  drawTenant(info.tenant);
  wire(examples);
  listen();
  await openSpace(info.spaces[0].id);
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  document.body.dataset.ready = 'error';
  setComposerError(`Local mode could not start the page: ${error.message}`);
});
