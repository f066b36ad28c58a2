// The card gallery: each sample drawn twice, in Webex's light and dark looks, by the same renderer as the space.
import { api } from './api.js';
import { renderCard } from './card-host.js';
import { renderMarkdown } from './markdown.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(sample, theme) {
  const box = el('div', `frame ${theme}`);
  box.append(el('h3', '', theme === 'dark' ? 'Dark' : 'Light'));
  const log = el('p', 'small muted');
  log.setAttribute('role', 'status');
  if (sample.card) {
    box.append(
      renderCard(sample.card, {
        theme,
        onSubmit: (data) => (log.textContent = `Action.Submit would send: ${JSON.stringify(data).slice(0, 300)}`),
        onOpenUrl: (url) => (log.textContent = `Action.OpenUrl would open: ${url}`),
      }),
    );
  } else {
    const text = el('div', 'text');
    text.innerHTML = renderMarkdown(sample.markdown);
    box.append(text);
  }
  box.append(log);
  return box;
}

function section(sample) {
  const node = el('section');
  node.id = sample.id;
  node.append(el('h2', '', `${sample.title} (${sample.language})`));
  const pair = el('div', 'pair');
  pair.append(frame(sample, 'light'), frame(sample, 'dark'));
  const fallback = el('details');
  fallback.append(el('summary', 'small', 'Markdown fallback (what clients without cards show)'));
  const text = el('div', 'text');
  text.innerHTML = renderMarkdown(sample.markdown);
  fallback.append(text);
  node.append(pair, fallback);
  return node;
}

async function start() {
  const { items, notes } = await api.cards();
  document.getElementById('notes').replaceChildren(...notes.map((note) => el('li', '', note)));
  document.getElementById('samples').replaceChildren(...items.map(section));
  document.getElementById('loading').textContent = `${items.length} cards.`;
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  document.getElementById('loading').textContent = `The samples could not be produced: ${error.message}`;
  document.body.dataset.ready = 'error';
});
