/**
 * In a group space the message text starts with whatever label the sender's client put on the bot's
 * mention ("Doctor", "AAD Doctor", a nickname the user edited…). The html carries the exact label inside
 * `<spark-mention data-object-id="{botId}">label</spark-mention>`; the display name is the fallback.
 */
export function stripBotMention(input: { text: string; html?: string; botId: string; botDisplayName: string }): string {
  const candidates = [...mentionLabels(input.html, input.botId), input.botDisplayName, firstWord(input.botDisplayName)];
  const text = input.text.replace(/^\s+/, '');
  for (const label of candidates) {
    if (label === '' || !text.toLowerCase().startsWith(label.toLowerCase())) continue;
    const rest = text.slice(label.length);
    // Only a whole label counts: "Doctor" must not eat the start of "Doctorate".
    if (rest === '' || /^[\s,:;.!?-]/u.test(rest)) return rest.replace(/^[\s,:;-]+/u, '');
  }
  return input.text.trim();
}

function mentionLabels(html: string | undefined, botId: string): string[] {
  if (!html) return [];
  const labels: string[] = [];
  const pattern = /<spark-mention\b([^>]*)>([\s\S]*?)<\/spark-mention>/g;
  for (const match of html.matchAll(pattern)) {
    const attributes = match[1] ?? '';
    if (!attributes.includes(`data-object-id="${botId}"`)) continue;
    labels.push(decodeEntities((match[2] ?? '').replace(/<[^>]*>/g, '')));
  }
  // Longest first, so "AAD Doctor" wins over "AAD".
  return labels.sort((a, b) => b.length - a.length);
}

function firstWord(name: string): string {
  return name.split(/\s+/)[0] ?? '';
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
