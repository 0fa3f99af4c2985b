// One WebSocket to the streaming listener (its URL comes from the instance: it is often another port or host),
// multiplexing the streams the open views need. Reconnects with a growing delay and subscribes again.
import { session } from './api.js';
import { state } from './state.js';

const listeners = new Map();  // stream key ("user", "public:local", "hashtag:tag") -> Set of handlers
let socket = null;
let retryDelay = 1000;
let retryTimer = null;
let closedOnPurpose = false;

function key(stream, tag) { return tag ? `${stream}:${tag}` : stream; }

function subscribeMessage(type, streamKey) {
  const [stream, ...rest] = streamKey.startsWith('hashtag:') ? ['hashtag', streamKey.slice(8)] : [streamKey];
  const message = { type, stream };
  if (rest.length) message.tag = rest[0];
  return JSON.stringify(message);
}

function streamingUrl() {
  const base = state.instance?.configuration?.urls?.streaming;
  if (!base) return null;
  return new URL('/api/v1/streaming', base);
}

function connect() {
  const url = streamingUrl();
  if (!url || !session()?.token) return;
  closedOnPurpose = false;
  // The token goes in Sec-WebSocket-Protocol, not the URL, so it stays out of access logs.
  socket = new WebSocket(url, session().token);
  socket.addEventListener('open', () => {
    retryDelay = 1000;
    for (const streamKey of listeners.keys()) socket.send(subscribeMessage('subscribe', streamKey));
  });
  socket.addEventListener('message', (message) => {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (!Array.isArray(event.stream)) return;
    const streamKey = event.stream[0] === 'hashtag' ? `hashtag:${event.stream[1]}` : event.stream[0];
    let payload = event.payload;
    if (typeof payload === 'string' && (payload.startsWith('{') || payload.startsWith('['))) {
      try { payload = JSON.parse(payload); } catch { return; }
    }
    for (const handler of listeners.get(streamKey) || []) handler(event.event, payload);
  });
  socket.addEventListener('close', () => {
    socket = null;
    if (closedOnPurpose) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  });
}

// Returns the function that ends this subscription.
export function subscribe(stream, handler, tag) {
  const streamKey = key(stream, tag);
  if (!listeners.has(streamKey)) {
    listeners.set(streamKey, new Set());
    if (socket?.readyState === WebSocket.OPEN) socket.send(subscribeMessage('subscribe', streamKey));
  }
  listeners.get(streamKey).add(handler);
  if (!socket) connect();
  return () => {
    const set = listeners.get(streamKey);
    if (!set) return;
    set.delete(handler);
    if (set.size === 0) {
      listeners.delete(streamKey);
      if (socket?.readyState === WebSocket.OPEN) socket.send(subscribeMessage('unsubscribe', streamKey));
    }
  };
}

export function disconnect() {
  closedOnPurpose = true;
  clearTimeout(retryTimer);
  listeners.clear();
  if (socket) socket.close();
  socket = null;
}
