// A small, safe Markdown subset for the local page: what Webex messages and Adaptive Card TextBlocks use
// (bold, italic, code, links, lists, quotes, mentions). Everything is HTML-escaped FIRST; the only tags in the
// output are the ones built here, and links are only http(s). Never feed raw HTML from a message to the DOM.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The URL when it is an absolute http(s) URL, else null. */
export function safeHttpUrl(candidate) {
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// Placeholders for pieces already turned into HTML, so later passes cannot touch them. The private-use
// characters used as brackets are stripped from the input first, so text can never forge one.
const OPEN = '\uE000';
const CLOSE = '\uE001';

function link(href, labelHtml) {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
}

/** One line (or a paragraph's joined lines) of inline Markdown to HTML. */
export function renderInline(source) {
  const pieces = [];
  const keep = (html) => `${OPEN}${pieces.push(html) - 1}${CLOSE}`;
  let text = String(source).replace(/[\uE000\uE001]/g, '');
  // CommonMark backslash escapes: the character is literal text.
  text = text.replace(/\\([!-/:-@[-`{-~])/g, (_m, c) => keep(escapeHtml(c)));
  text = text.replace(/`([^`\n]+)`/g, (_m, code) => keep(`<code>${escapeHtml(code)}</code>`));
  // Webex mentions: <@personId:ID|Label>, <@personEmail:a@b|Label>, <@all>.
  text = text.replace(/<@(?:person(?:Id|Email):[^|>\n]+\|([^>\n]*)|(all))>/g, (_m, label, all) =>
    keep(`<span class="mention">${escapeHtml(all ? 'All' : label)}</span>`),
  );
  text = text.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_m, label, target) => {
    const href = safeHttpUrl(target);
    const labelHtml = renderEmphasis(escapeHtml(label));
    return keep(href ? link(href, labelHtml) : labelHtml);
  });
  text = text.replace(/\bhttps?:\/\/[^\s<>"'`\uE000\uE001]+/g, (raw) => {
    const trimmed = raw.replace(/[.,;:!?)\]]+$/, '');
    const href = safeHttpUrl(trimmed);
    const tail = raw.slice(trimmed.length);
    return href ? keep(link(href, escapeHtml(trimmed))) + tail : raw;
  });
  let html = renderEmphasis(escapeHtml(text));
  // Pieces may nest (a link label holding an escape), so restore until none is left.
  const placeholder = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
  for (let i = 0; i < 4 && html.includes(OPEN); i++) {
    html = html.replace(placeholder, (_m, n) => pieces[Number(n)] ?? '');
  }
  return html;
}

function renderEmphasis(html) {
  return html
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([^_]*?\S)__(?![\p{L}\p{N}_])/gu, '$1<strong>$2</strong>')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '<em>$1</em>')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1<em>$2</em>');
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const HEADING = /^\s*(#{1,3})\s+(.*)$/;

/** A whole message: paragraphs, line breaks, lists, quotes and small headings around inline Markdown. */
export function renderMarkdown(source) {
  const lines = String(source).replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  let i = 0;
  const collect = (pattern) => {
    const items = [];
    while (i < lines.length && pattern.test(lines[i])) items.push(pattern.exec(lines[i++])[1]);
    return items;
  };
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (BULLET.test(line)) {
      out.push(`<ul>${collect(BULLET).map((item) => `<li>${renderInline(item)}</li>`).join('')}</ul>`);
    } else if (NUMBERED.test(line)) {
      out.push(`<ol>${collect(NUMBERED).map((item) => `<li>${renderInline(item)}</li>`).join('')}</ol>`);
    } else if (QUOTE.test(line)) {
      out.push(`<blockquote>${collect(QUOTE).map(renderInline).join('<br>')}</blockquote>`);
    } else if (HEADING.test(line)) {
      const [, hashes, title] = HEADING.exec(line);
      out.push(`<p class="heading h${hashes.length}"><strong>${renderInline(title)}</strong></p>`);
      i++;
    } else {
      const paragraph = [];
      while (i < lines.length && lines[i].trim() !== '' && ![BULLET, NUMBERED, QUOTE, HEADING].some((p) => p.test(lines[i]))) {
        paragraph.push(lines[i++]);
      }
      out.push(`<p>${paragraph.map(renderInline).join('<br>')}</p>`);
    }
  }
  return out.join('');
}
