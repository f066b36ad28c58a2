// The page's calls to local mode's JSON API. Every error comes back as { message }, shown as it is.

async function call(method, path, body) {
  const init = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const payload = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(payload.message || `HTTP ${res.status}`);
  return payload;
}

export const api = {
  info: () => call('GET', '/local/api/info'),
  examples: () => call('GET', '/local/api/examples').then((r) => r.items),
  messages: (roomId) => call('GET', `/local/api/messages?roomId=${encodeURIComponent(roomId)}`).then((r) => r.items),
  post: (roomId, text, parentId) => call('POST', '/local/api/messages', parentId ? { roomId, text, parentId } : { roomId, text }),
  press: (messageId, inputs) => call('POST', '/local/api/actions', { messageId, inputs }),
  demoFix: () => call('POST', '/local/api/demo/fix', {}),
  demoReset: () => call('POST', '/local/api/demo/reset', {}),
  demoConsent: (url) => call('POST', '/local/api/demo/consent', { url }),
  cards: () => call('GET', '/local/api/cards'),
};
