#!/usr/bin/env node
// A real ActivityPub peer built on Fedify, driven over a JSON control API by vmst's integration tests.
// Usage: node server.mjs --host 127.0.0.1 --port 8080 [--name peer] [--log-level info]
// See README.md beside this file for the control API and the Fedify settings that make loopback http work.
import http from "node:http";
import { AsyncLocalStorage } from "node:async_hooks";
import { parseArgs } from "node:util";
import { webcrypto } from "node:crypto";
import { configure, getConsoleSink } from "@logtape/logtape";
import { Temporal } from "@js-temporal/polyfill";
import {
  Accept,
  Activity,
  Announce,
  Block,
  Create,
  Delete,
  Endpoints,
  Flag,
  Follow,
  Hashtag,
  Image,
  Like,
  Mention,
  MemoryKvStore,
  Move,
  Note,
  Person,
  PUBLIC_COLLECTION,
  Reject,
  Tombstone,
  Undo,
  Update,
  createFederation,
  generateCryptoKeyPair,
  getDocumentLoader,
  isActor,
  parseSemVer,
  signRequest,
  verifyJsonLd,
  verifyRequest,
} from "@fedify/fedify";

const { values: args } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8080" },
    name: { type: "string", default: "peer" },
    "log-level": { type: "string", default: process.env.FEDIFY_PEER_LOG_LEVEL ?? "info" },
  },
});
const HOST = args.host;
const PORT = Number(args.port);
const NAME = args.name;
const ORIGIN = `http://${HOST}:${PORT}`;
const HANDLE_HOST = `${HOST}:${PORT}`;
const FEDIFY_VERSION = "1.5.9";

await configure({
  // Without it LogTape warns on every request that Fedify's implicit log context is unavailable.
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: { console: getConsoleSink() },
  loggers: [
    { category: "fedify", lowestLevel: args["log-level"], sinks: ["console"] },
    { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
  ],
});

function log(message) {
  console.log(`[${new Date().toISOString()}] ${NAME}: ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Outbound traffic. Fedify calls the global fetch for every document fetch and delivery, so wrapping it here is
// the one place to (a) keep every request on loopback whatever a remote document points at, and (b) see the
// status each inbox answered, which Fedify's sendActivity only reports as a thrown error.

function isLoopbackHostname(hostname) {
  const h = hostname.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const realFetch = globalThis.fetch;
const outboundContext = new AsyncLocalStorage();
const outboundLog = [];
let outboundSeq = 0;
const LOG_LIMIT = 5000;

function pushLimited(list, item) {
  list.push(item);
  if (list.length > LOG_LIMIT) list.splice(0, list.length - LOG_LIMIT);
}

globalThis.fetch = async function loopbackOnlyFetch(input, init) {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const entry = {
    seq: ++outboundSeq,
    time: new Date().toISOString(),
    method: request.method,
    url: request.url,
    signature: request.headers.get("signature"),
    status: null,
    error: null,
  };
  if (request.method === "POST") {
    try {
      const json = JSON.parse(await request.clone().text());
      entry.activity_id = json?.id ?? null;
      entry.activity_type = json?.type ?? null;
    } catch {
      // Not JSON: logged without an activity id.
    }
  }
  pushLimited(outboundLog, entry);
  outboundContext.getStore()?.push(entry);
  if (url.protocol !== "http:" && url.protocol !== "https:" || !isLoopbackHostname(url.hostname)) {
    entry.error = "refused: not a loopback URL";
    throw new TypeError(`fedify-peer refuses to fetch ${request.url}: only 127.0.0.0/8, ::1 and localhost are allowed`);
  }
  try {
    const response = await realFetch(request, init?.redirect ? { redirect: init.redirect } : undefined);
    entry.status = response.status;
    return response;
  } catch (error) {
    entry.error = String(error?.cause ?? error);
    throw error;
  }
};

// ---------------------------------------------------------------------------------------------------------------
// State. Everything lives in memory: a peer is started fresh for each test module.

/** username -> local actor state */
const actors = new Map();
/** activity or note id -> JSON-LD served at that id (activities are dereferenceable, as on Mastodon) */
const servedDocuments = new Map();
/** note id -> { username, uuid, fields, recipients, deleted } */
const notes = new Map();
const received = [];
let receivedSeq = 0;
/** path -> { type, bytes }: media files the peer serves (a picture its notes attach), put by POST /_control/files */
const staticFiles = new Map();
/** every GET or HEAD of a static file, so tests can tell whether a server fetched it */
const fileRequests = [];
const inboxLog = [];
let inboxSeq = 0;
/** Background work (Accept replies, Move handling): tracked so tests can wait for it with /_control/settle. */
const pending = new Set();
const backgroundLog = [];

function background(label, task) {
  const promise = (async () => {
    try {
      const result = await task();
      pushLimited(backgroundLog, { time: new Date().toISOString(), label, ok: true, result: result ?? null });
    } catch (error) {
      log(`background task ${label} failed: ${error?.stack ?? error}`);
      pushLimited(backgroundLog, { time: new Date().toISOString(), label, ok: false, error: String(error) });
    }
  })();
  pending.add(promise);
  promise.finally(() => pending.delete(promise));
}

function newId(username, kind) {
  return new URL(`/users/${username}/${kind}/${crypto.randomUUID()}`, ORIGIN);
}

// Fedify's generateCryptoKeyPair makes 4096-bit RSA keys; Mastodon and most servers use 2048.
async function generateRsaKeyPair() {
  return await webcrypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  );
}

// An RSA-2048 key takes 0.1-0.3 s to generate and tests create many actors, so a few are made ahead while the
// peer is idle.
const RSA_POOL_SIZE = 3;
const rsaPool = [];
let rsaPoolFilling = false;

async function fillRsaPool() {
  if (rsaPoolFilling) return;
  rsaPoolFilling = true;
  try {
    while (rsaPool.length < RSA_POOL_SIZE) rsaPool.push(await generateRsaKeyPair());
  } finally {
    rsaPoolFilling = false;
  }
}

async function takeRsaKeyPair() {
  const pair = rsaPool.shift() ?? await generateRsaKeyPair();
  setImmediate(() => fillRsaPool().catch((error) => log(`RSA key pool: ${error}`)));
  return pair;
}

function now() {
  return Temporal.Now.instant();
}

// ---------------------------------------------------------------------------------------------------------------
// Federation.

const kv = new MemoryKvStore();
const federation = createFederation({
  kv,
  // No message queue: Fedify delivers inside sendActivity and runs inbox listeners before it answers the POST, so
  // a control call returns after its deliveries finished and an activity is recorded before its sender gets 202.
  queue: undefined,
  origin: ORIGIN,
  // Loopback addresses are "private": without this Fedify refuses to fetch actors and keys from the other peer.
  allowPrivateAddress: true,
  // Fedify's default loader caches remote documents for 5 minutes; tests change actors (keys, names) and must see
  // the new document at once.
  documentLoaderFactory: () => getDocumentLoader({ allowPrivateAddress: true }),
});

function actorState(identifier) {
  return actors.get(identifier) ?? null;
}

function recipientOf(actor) {
  return {
    id: actor.id,
    inboxId: actor.inboxId,
    endpoints: actor.endpoints?.sharedInbox ? { sharedInbox: actor.endpoints.sharedInbox } : null,
  };
}

async function buildPerson(ctx, state) {
  const keys = await ctx.getActorKeyPairs(state.username);
  return new Person({
    id: ctx.getActorUri(state.username),
    preferredUsername: state.username,
    name: state.name,
    summary: state.summary,
    url: new URL(`/@${state.username}`, ORIGIN),
    inbox: ctx.getInboxUri(state.username),
    outbox: ctx.getOutboxUri(state.username),
    followers: ctx.getFollowersUri(state.username),
    following: ctx.getFollowingUri(state.username),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    publicKey: keys[0].cryptographicKey,
    assertionMethods: keys.map((pair) => pair.multikey),
    manuallyApprovesFollowers: state.locked,
    discoverable: true,
    indexable: true,
    published: state.published,
    aliases: state.aliases.map((alias) => new URL(alias)),
    icon: profileImage(state.icon),
    image: profileImage(state.image),
  });
}

// An avatar (icon) or header (image) given as {url, media_type?}: usually a file served under /files/.
function profileImage(picture) {
  if (picture == null) return null;
  return new Image({ url: new URL(picture.url), mediaType: picture.media_type ?? "image/png" });
}

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    const state = actorState(identifier);
    return state == null ? null : await buildPerson(ctx, state);
  })
  .setKeyPairsDispatcher((ctx, identifier) => {
    const state = actorState(identifier);
    // RSA first: Fedify signs HTTP requests and Linked Data signatures with the first RSA key (#main-key, as on
    // Mastodon); the Ed25519 key adds Object Integrity Proofs.
    return state == null ? [] : [state.rsaKeys, state.ed25519Keys];
  });

federation
  .setFollowersDispatcher("/users/{identifier}/followers", (ctx, identifier) => {
    const state = actorState(identifier);
    if (state == null) return null;
    return { items: [...state.followers.values()].map((f) => f.recipient) };
  })
  .setCounter((ctx, identifier) => actorState(identifier)?.followers.size ?? null);

federation
  .setFollowingDispatcher("/users/{identifier}/following", (ctx, identifier) => {
    const state = actorState(identifier);
    if (state == null) return null;
    return {
      items: [...state.following.entries()].filter(([, f]) => f.state === "accepted").map(([id]) => new URL(id)),
    };
  })
  .setCounter((ctx, identifier) => {
    const state = actorState(identifier);
    return state == null ? null : [...state.following.values()].filter((f) => f.state === "accepted").length;
  });

federation
  .setOutboxDispatcher("/users/{identifier}/outbox", (ctx, identifier) => {
    const state = actorState(identifier);
    if (state == null) return null;
    return { items: [...state.outbox].reverse() };
  })
  .setCounter((ctx, identifier) => actorState(identifier)?.outbox.length ?? null);

federation.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (ctx, values) => {
  const record = notes.get(ctx.getObjectUri(Note, values).href);
  if (record == null || record.deleted || record.username !== values.identifier) return null;
  return buildNote(ctx, record);
});

federation.setNodeInfoDispatcher("/nodeinfo/2.1", () => ({
  software: { name: "vmst-fedify-peer", version: parseSemVer(FEDIFY_VERSION) },
  protocols: ["activitypub"],
  usage: {
    users: { total: actors.size, activeHalfyear: actors.size, activeMonth: actors.size },
    localPosts: notes.size,
    localComments: 0,
  },
}));

// ---------------------------------------------------------------------------------------------------------------
// Inbox.

function typeName(activity) {
  return activity.constructor?.name ?? "Activity";
}

function record(ctx, activity, extra = {}) {
  const inbound = ctx.data?.inbound ?? null;
  const json = inbound?.json ?? null;
  const entry = {
    seq: ++receivedSeq,
    received_at: new Date().toISOString(),
    type: json?.type ?? typeName(activity),
    id: activity.id?.href ?? null,
    actor: activity.actorId?.href ?? null,
    object: activity.objectId?.href ?? null,
    object_type: typeof json?.object === "object" && json.object != null ? json.object.type ?? null : null,
    // null when the activity came through the shared inbox.
    recipient: ctx.recipient ?? null,
    shared_inbox: ctx.recipient == null,
    inbox_path: inbound?.path ?? null,
    inbox_log_seq: inbound?.seq ?? null,
    // Fedify only calls a listener after verifying the activity: by its Linked Data signature, its Object
    // Integrity Proof, or else the request's HTTP signature (which it then also checks belongs to the actor).
    verified: true,
    http_signature: inbound?.httpSignature ?? null,
    ld_signature: inbound?.ldSignature ?? null,
    proof: inbound?.proof ?? null,
    json,
    ...extra,
  };
  pushLimited(received, entry);
  if (inbound != null) inbound.recorded.push(entry.seq);
  log(`received ${entry.type} ${entry.id} from ${entry.actor} (${entry.recipient ?? "shared inbox"})`);
  return entry;
}

function findFollowing(followId, remoteActorId, preferred) {
  const candidates = preferred != null && actors.has(preferred)
    ? [actors.get(preferred), ...actors.values()]
    : [...actors.values()];
  if (followId != null) {
    for (const state of candidates) {
      for (const [target, f] of state.following) {
        if (f.followId === followId) return { state, target, follow: f };
      }
    }
  }
  if (remoteActorId != null) {
    for (const state of candidates) {
      const f = state.following.get(remoteActorId);
      if (f != null) return { state, target: remoteActorId, follow: f };
    }
  }
  return null;
}

async function tryGetObject(ctx, activity) {
  try {
    return await activity.getObject(ctx);
  } catch (error) {
    log(`could not get the object of ${activity.id?.href}: ${error}`);
    return null;
  }
}

function dropRelationships(state, remoteActorId) {
  state.followers.delete(remoteActorId);
  state.followRequests.delete(remoteActorId);
  state.following.delete(remoteActorId);
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    const entry = record(ctx, follow);
    const target = follow.objectId == null ? null : ctx.parseUri(follow.objectId);
    if (target?.type !== "actor" || !actors.has(target.identifier) || follow.actorId == null) return;
    const state = actors.get(target.identifier);
    const follower = await follow.getActor(ctx);
    if (follower == null) throw new Error(`cannot fetch the follower ${follow.actorId.href}`);
    const followerId = follower.id.href;
    if (state.blocks.has(followerId)) {
      entry.outcome = "rejected: blocked";
      background(`Reject ${follow.id?.href}`, () => reply(state.username, follower, Reject, bareFollow(follow)));
      return;
    }
    if (state.locked) {
      state.followRequests.set(followerId, { recipient: recipientOf(follower), follow: bareFollow(follow), followId: follow.id?.href });
      entry.outcome = "pending: actor is locked";
      return;
    }
    state.followers.set(followerId, { recipient: recipientOf(follower), followId: follow.id?.href });
    entry.outcome = "accepted";
    // Sent after this POST has been answered, as real servers do: a sender that holds a lock while delivering
    // must not wait on its own inbox.
    background(`Accept ${follow.id?.href}`, () => reply(state.username, follower, Accept, bareFollow(follow)));
  })
  .on(Accept, (ctx, accept) => onFollowAnswer(ctx, accept, "accepted"))
  .on(Reject, (ctx, reject) => onFollowAnswer(ctx, reject, "rejected"))
  .on(Undo, async (ctx, undo) => {
    const entry = record(ctx, undo);
    const object = await tryGetObject(ctx, undo);
    if (object instanceof Follow && undo.actorId != null) {
      const target = object.objectId == null ? null : ctx.parseUri(object.objectId);
      if (target?.type === "actor" && actors.has(target.identifier)) {
        const state = actors.get(target.identifier);
        state.followers.delete(undo.actorId.href);
        state.followRequests.delete(undo.actorId.href);
        entry.outcome = `unfollowed ${target.identifier}`;
      }
    }
  })
  .on(Create, (ctx, activity) => { record(ctx, activity); })
  .on(Update, (ctx, activity) => { record(ctx, activity); })
  .on(Delete, (ctx, activity) => {
    const entry = record(ctx, activity);
    // An actor deleting itself: forget every relationship with it, as Mastodon does.
    if (activity.actorId != null && activity.objectId?.href === activity.actorId.href) {
      for (const state of actors.values()) dropRelationships(state, activity.actorId.href);
      entry.outcome = "actor deleted";
    }
  })
  .on(Announce, (ctx, activity) => { record(ctx, activity); })
  .on(Like, (ctx, activity) => { record(ctx, activity); })
  .on(Block, (ctx, block) => {
    const entry = record(ctx, block);
    const target = block.objectId == null ? null : ctx.parseUri(block.objectId);
    if (target?.type === "actor" && actors.has(target.identifier) && block.actorId != null) {
      const state = actors.get(target.identifier);
      state.blockedBy.add(block.actorId.href);
      dropRelationships(state, block.actorId.href);
      entry.outcome = `${target.identifier} blocked`;
    }
  })
  .on(Move, async (ctx, move) => {
    const entry = record(ctx, move);
    const oldId = move.actorId?.href;
    const newId = move.targetId?.href;
    if (oldId == null || newId == null) return;
    const movers = [...actors.values()].filter((s) => s.following.get(oldId)?.state === "accepted");
    if (movers.length === 0) return;
    entry.outcome = `moving ${movers.map((s) => s.username).join(", ")} to ${newId}`;
    background(`Move ${oldId} -> ${newId}`, async () => {
      const context = federation.createContext(new URL(ORIGIN), {});
      const target = await context.lookupObject(newId);
      // Mastodon follows the new account only if it names the old one in alsoKnownAs.
      if (!isActor(target) || !target.aliasIds.some((a) => a.href === oldId)) {
        return `not moved: ${newId} does not list ${oldId} in alsoKnownAs`;
      }
      const results = [];
      for (const state of movers) {
        results.push(await sendUndoFollow(context, state, oldId));
        results.push(await sendFollow(context, state, target));
      }
      return results;
    });
  })
  .on(Flag, (ctx, activity) => { record(ctx, activity); })
  .on(Activity, (ctx, activity) => { record(ctx, activity); })
  .onError((ctx, error) => {
    log(`inbox listener error: ${error?.stack ?? error}`);
  });

/**
 * The Follow as Mastodon embeds it in Accept and Reject: id, actor and object as URLs. The received object would
 * also carry its proof and the follower's whole actor document, which Fedify fetched while handling it.
 */
function bareFollow(follow) {
  return new Follow({ id: follow.id, actor: follow.actorId, object: follow.objectId });
}

function onFollowAnswer(ctx, answer, outcome) {
  const entry = record(ctx, answer);
  const match = findFollowing(answer.objectId?.href, answer.actorId?.href, ctx.recipient);
  if (match == null) {
    entry.outcome = "no matching follow";
    return;
  }
  if (outcome === "rejected") {
    match.state.following.delete(match.target);
    match.state.rejectedFollows.set(match.target, { followId: match.follow.followId, at: new Date().toISOString() });
  } else {
    match.follow.state = "accepted";
    match.follow.answeredAt = new Date().toISOString();
  }
  entry.outcome = `follow ${outcome}`;
  match.follow.waiters?.forEach((resolve) => resolve());
}

async function reply(username, recipient, Kind, object) {
  const context = federation.createContext(new URL(ORIGIN), {});
  const activity = new Kind({
    id: newId(username, "activities"),
    actor: context.getActorUri(username),
    object,
  });
  return await deliver(context, username, [recipient], activity);
}

// ---------------------------------------------------------------------------------------------------------------
// Sending through Fedify. Each inbox gets its own sendActivity call so that one failing inbox doesn't hide the
// status of the others; Fedify still signs each request (HTTP signature + LD signature + Object Integrity Proof).

async function deliver(ctx, username, recipients, activity, { preferSharedInbox = true, serve = true } = {}) {
  const jsonLd = await activity.toJsonLd({ contextLoader: ctx.contextLoader, format: "compact" });
  if (serve) servedDocuments.set(activity.id.href, jsonLd);
  const groups = new Map();
  const unreachable = [];
  for (const r of recipients) {
    if (r?.id == null || r.inboxId == null) {
      unreachable.push({ inbox: null, actors: [r?.id?.href ?? null], status: null, ok: false, error: "the actor has no inbox" });
      continue;
    }
    const inbox = preferSharedInbox && r.endpoints?.sharedInbox ? r.endpoints.sharedInbox : r.inboxId;
    if (!groups.has(inbox.href)) groups.set(inbox.href, new Map());
    groups.get(inbox.href).set(r.id.href, r);
  }
  const deliveries = await Promise.all([...groups].map(async ([inbox, group]) => {
    const requests = [];
    let error = null;
    try {
      await outboundContext.run(requests, () =>
        ctx.sendActivity({ identifier: username }, [...group.values()], activity, { preferSharedInbox }));
    } catch (e) {
      error = String(e?.message ?? e);
    }
    const post = requests.filter((r) => r.method === "POST").at(-1);
    return {
      inbox,
      actors: [...group.keys()],
      status: post?.status ?? null,
      ok: error == null,
      error,
    };
  }));
  deliveries.push(...unreachable);
  log(`sent ${typeName(activity)} ${activity.id.href} to ${deliveries.length} inbox(es): ` +
    deliveries.map((d) => `${d.inbox} ${d.status ?? d.error}`).join(", "));
  return { activity_id: activity.id.href, activity: jsonLd, deliveries };
}

async function resolveActor(ctx, username, url) {
  const documentLoader = username != null ? await ctx.getDocumentLoader({ identifier: username }) : ctx.documentLoader;
  const object = await ctx.lookupObject(url, { documentLoader });
  if (!isActor(object)) {
    throw new ControlError(400, `${url} is not an actor (got ${object == null ? "nothing" : typeName(object)})`);
  }
  return object;
}

async function resolveActors(ctx, username, urls) {
  return await Promise.all((urls ?? []).map((url) => resolveActor(ctx, username, url)));
}

function followerRecipients(state) {
  return [...state.followers.values()].map((f) => f.recipient);
}

async function sendFollow(ctx, state, target) {
  const follow = new Follow({ id: newId(state.username, "follows"), actor: ctx.getActorUri(state.username), object: target.id });
  state.following.set(target.id.href, {
    state: "pending",
    followId: follow.id.href,
    recipient: recipientOf(target),
    follow,
    waiters: [],
  });
  state.rejectedFollows.delete(target.id.href);
  return await deliver(ctx, state.username, [target], follow);
}

async function sendUndoFollow(ctx, state, targetId) {
  const f = state.following.get(targetId);
  if (f == null) throw new ControlError(404, `${state.username} does not follow ${targetId}`);
  state.following.delete(targetId);
  const undo = new Undo({ id: newId(state.username, "activities"), actor: ctx.getActorUri(state.username), object: f.follow });
  return await deliver(ctx, state.username, [f.recipient], undo);
}

// ---------------------------------------------------------------------------------------------------------------
// Notes.

function audience(ctx, state, visibility, mentionIds) {
  const followers = ctx.getFollowersUri(state.username);
  switch (visibility) {
    case "public": return { to: [PUBLIC_COLLECTION], cc: [followers, ...mentionIds] };
    case "unlisted": return { to: [followers], cc: [PUBLIC_COLLECTION, ...mentionIds] };
    case "followers": return { to: [followers], cc: mentionIds };
    case "direct": return { to: mentionIds, cc: [] };
    default: throw new ControlError(400, `visibility must be public, unlisted, followers or direct, not ${visibility}`);
  }
}

function addressUrl(ctx, state, value) {
  if (value === "public" || value === "as:Public" || value === PUBLIC_COLLECTION.href) return PUBLIC_COLLECTION;
  if (value === "followers") return ctx.getFollowersUri(state.username);
  return new URL(value);
}

function buildNote(ctx, record) {
  const f = record.fields;
  return new Note({
    id: new URL(record.id),
    attribution: ctx.getActorUri(record.username),
    content: f.content,
    summary: f.summary ?? null,
    sensitive: f.sensitive,
    replyTarget: f.inReplyTo == null ? null : new URL(f.inReplyTo),
    tos: f.to.map((u) => new URL(u)),
    ccs: f.cc.map((u) => new URL(u)),
    tags: [
      ...f.mentions.map((m) => new Mention({ href: new URL(m.id), name: m.name })),
      ...f.hashtags.map((tag) => new Hashtag({ href: new URL(`/tags/${encodeURIComponent(tag)}`, ORIGIN), name: `#${tag}` })),
    ],
    url: new URL(record.id),
    published: Temporal.Instant.from(f.published),
    updated: f.updated == null ? null : Temporal.Instant.from(f.updated),
  });
}

function mentionName(actor) {
  return `@${actor.preferredUsername ?? "unknown"}@${actor.id.host}`;
}

async function noteRecipients(ctx, state, record) {
  const list = [...record.mentionRecipients, ...record.extraRecipients];
  if (record.fields.visibility !== "direct") list.push(...followerRecipients(state));
  return list;
}

// ---------------------------------------------------------------------------------------------------------------
// Raw sends: the exact JSON the test gave, signed (or deliberately mis-signed) by hand. These bypass Fedify's
// sendActivity on purpose, because Fedify always signs correctly and re-serialises the activity.

function base64(bytes) {
  return Buffer.from(bytes).toString("base64");
}

async function sha256(text) {
  return base64(await webcrypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

async function cavageSign(privateKey, keyId, method, url, headers, signedNames) {
  const lines = signedNames.map((name) =>
    name === "(request-target)" ? `(request-target): ${method.toLowerCase()} ${url.pathname}${url.search}` : `${name}: ${headers.get(name)}`);
  const signature = await webcrypto.subtle.sign("RSASSA-PKCS1-v1_5", privateKey, new TextEncoder().encode(lines.join("\n")));
  return `keyId="${keyId}",algorithm="rsa-sha256",headers="${signedNames.join(" ")}",signature="${base64(signature)}"`;
}

const SIGNATURE_MODES = [
  "fedify", "cavage", "none", "bad_signature", "wrong_key", "old_date", "future_date", "digest_mismatch", "no_digest",
];

async function sendRaw({ actor, inbox, activity, signature = "cavage", date, key_id, headers: extraHeaders, date_offset_seconds }) {
  if (!SIGNATURE_MODES.includes(signature)) {
    throw new ControlError(400, `signature must be one of ${SIGNATURE_MODES.join(", ")}`);
  }
  if (inbox == null) throw new ControlError(400, "inbox is required");
  const url = new URL(inbox);
  const body = typeof activity === "string" ? activity : JSON.stringify(activity);
  const state = actor == null ? null : actors.get(actor);
  if (signature !== "none" && state == null) throw new ControlError(400, "a signed send needs an existing local actor");
  const keyId = key_id ?? (state == null ? null : `${ORIGIN}/users/${state.username}#main-key`);

  let dateValue = date ?? new Date().toUTCString();
  if (date == null && (signature === "old_date" || signature === "future_date" || date_offset_seconds != null)) {
    const offset = date_offset_seconds ?? (signature === "old_date" ? -24 * 3600 : 24 * 3600);
    dateValue = new Date(Date.now() + offset * 1000).toUTCString();
  }
  const headers = new Headers({
    "Content-Type": "application/activity+json",
    Accept: "application/activity+json",
    Host: url.host,
    Date: dateValue,
  });
  if (signature !== "no_digest") {
    headers.set("Digest", `SHA-256=${await sha256(signature === "digest_mismatch" ? `${body} ` : body)}`);
  }
  for (const [name, value] of Object.entries(extraHeaders ?? {})) headers.set(name, value);

  let request = new Request(url, { method: "POST", headers, body });
  if (signature === "fedify") {
    // Fedify's own signer, fed the exact body: signs (request-target) plus every header present.
    request = await signRequest(request, state.rsaKeys.privateKey, new URL(keyId));
  } else if (signature !== "none") {
    const names = signature === "no_digest" ? ["(request-target)", "host", "date"] : ["(request-target)", "host", "date", "digest"];
    let privateKey = state.rsaKeys.privateKey;
    if (signature === "wrong_key") {
      privateKey = (await generateRsaKeyPair()).privateKey;
    }
    let value = await cavageSign(privateKey, keyId, "POST", url, headers, names);
    if (signature === "bad_signature") {
      // A well-formed RSA signature, but over a different request path.
      const other = new URL(url);
      other.pathname = `${url.pathname}-not-this-one`;
      value = await cavageSign(privateKey, keyId, "POST", other, headers, names);
    }
    request.headers.set("Signature", value);
  }
  const sentHeaders = Object.fromEntries(request.headers.entries());
  const response = await fetch(request);
  const text = await response.text();
  log(`raw send (${signature}) to ${inbox}: ${response.status}`);
  return { status: response.status, ok: response.ok, body: text, request_headers: sentHeaders, request_body: body };
}

// ---------------------------------------------------------------------------------------------------------------
// Control API.

class ControlError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function requireActor(name) {
  if (name == null) throw new ControlError(400, "actor (a local username) is required");
  const state = actors.get(name);
  if (state == null) throw new ControlError(404, `no local actor ${name}`);
  return state;
}

function requireField(body, name) {
  if (body[name] == null || body[name] === "") throw new ControlError(400, `${name} is required`);
  return body[name];
}

async function actorInfo(ctx, state) {
  const keys = await ctx.getActorKeyPairs(state.username);
  const spki = await webcrypto.subtle.exportKey("spki", state.rsaKeys.publicKey);
  const pem = `-----BEGIN PUBLIC KEY-----\n${base64(spki).match(/.{1,64}/g).join("\n")}\n-----END PUBLIC KEY-----\n`;
  return {
    username: state.username,
    id: ctx.getActorUri(state.username).href,
    handle: `${state.username}@${HANDLE_HOST}`,
    url: new URL(`/@${state.username}`, ORIGIN).href,
    name: state.name,
    summary: state.summary,
    locked: state.locked,
    inbox: ctx.getInboxUri(state.username).href,
    shared_inbox: ctx.getInboxUri().href,
    outbox: ctx.getOutboxUri(state.username).href,
    followers_url: ctx.getFollowersUri(state.username).href,
    following_url: ctx.getFollowingUri(state.username).href,
    key_ids: {
      rsa: keys.find((k) => k.privateKey.algorithm.name === "RSASSA-PKCS1-v1_5")?.keyId.href ?? null,
      ed25519: keys.find((k) => k.privateKey.algorithm.name === "Ed25519")?.keyId.href ?? null,
    },
    public_key_pem: pem,
    followers: [...state.followers.keys()],
    follow_requests: [...state.followRequests.keys()],
    following: Object.fromEntries([...state.following].map(([id, f]) => [id, { state: f.state, follow_id: f.followId }])),
    rejected_follows: Object.fromEntries(state.rejectedFollows),
    blocks: [...state.blocks.keys()],
    blocked_by: [...state.blockedBy],
  };
}

async function waitForFollowAnswer(state, targetId, seconds) {
  const f = state.following.get(targetId);
  if (f == null || f.state !== "pending" || seconds <= 0) return;
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, seconds * 1000);
    f.waiters.push(() => { clearTimeout(timer); resolve(); });
  });
}

function followState(state, targetId) {
  if (state.following.has(targetId)) return state.following.get(targetId).state;
  if (state.rejectedFollows.has(targetId)) return "rejected";
  return "none";
}

function findNote(state, noteId) {
  const record = notes.get(noteId);
  if (record == null || record.username !== state.username) {
    throw new ControlError(404, `${noteId} is not a note of ${state.username}`);
  }
  if (record.deleted) throw new ControlError(410, `${noteId} was deleted`);
  return record;
}

async function objectAuthor(ctx, state, objectUrl) {
  const documentLoader = await ctx.getDocumentLoader({ identifier: state.username });
  const object = await ctx.lookupObject(objectUrl, { documentLoader });
  if (object == null) throw new ControlError(400, `cannot fetch ${objectUrl}`);
  const authorId = object.attributionId ?? (isActor(object) ? object.id : null);
  if (authorId == null) throw new ControlError(400, `${objectUrl} names no author (attributedTo)`);
  return await resolveActor(ctx, state.username, authorId);
}

const routes = {
  "GET /_control/health": () => ({ ok: true, name: NAME, origin: ORIGIN, fedify: FEDIFY_VERSION }),

  "POST /_control/actors": async (ctx, body) => {
    const username = requireField(body, "username");
    if (!/^[A-Za-z0-9_]+$/.test(username)) throw new ControlError(400, "username may hold only letters, digits and _");
    if (actors.has(username)) throw new ControlError(409, `actor ${username} exists`);
    const state = {
      username,
      name: body.name ?? username,
      summary: body.summary ?? null,
      locked: Boolean(body.locked),
      aliases: body.aliases ?? [],
      icon: body.icon ?? null,
      image: body.image ?? null,
      published: now(),
      rsaKeys: await takeRsaKeyPair(),
      ed25519Keys: await generateCryptoKeyPair("Ed25519"),
      followers: new Map(),
      followRequests: new Map(),
      following: new Map(),
      rejectedFollows: new Map(),
      blocks: new Map(),
      blockedBy: new Set(),
      outbox: [],
      likes: new Map(),
      announces: new Map(),
    };
    actors.set(username, state);
    log(`created actor ${username}`);
    return await actorInfo(ctx, state);
  },

  "GET /_control/actors/:username": async (ctx, body, params) => await actorInfo(ctx, requireActor(params.username)),

  "POST /_control/actors/update": async (ctx, body) => {
    const state = requireActor(body.actor);
    for (const field of ["name", "summary", "aliases", "icon", "image"]) if (field in body) state[field] = body[field];
    if ("locked" in body) state.locked = Boolean(body.locked);
    const person = await buildPerson(ctx, state);
    const update = new Update({
      id: newId(state.username, "activities"),
      actor: person.id,
      object: person,
      to: PUBLIC_COLLECTION,
      cc: ctx.getFollowersUri(state.username),
    });
    return await deliver(ctx, state.username, followerRecipients(state), update);
  },

  "POST /_control/follow": async (ctx, body) => {
    const state = requireActor(body.actor);
    const target = await resolveActor(ctx, state.username, requireField(body, "target"));
    const result = await sendFollow(ctx, state, target);
    await waitForFollowAnswer(state, target.id.href, body.wait ?? 5);
    return { ...result, target: target.id.href, follow_id: result.activity_id, state: followState(state, target.id.href) };
  },

  "POST /_control/unfollow": async (ctx, body) => {
    const state = requireActor(body.actor);
    return await sendUndoFollow(ctx, state, requireField(body, "target"));
  },

  "POST /_control/follow-requests/accept": async (ctx, body) => answerFollowRequest(ctx, body, Accept),
  "POST /_control/follow-requests/reject": async (ctx, body) => answerFollowRequest(ctx, body, Reject),

  "POST /_control/notes": async (ctx, body) => {
    const state = requireActor(body.actor);
    const visibility = body.visibility ?? "public";
    const mentioned = await resolveActors(ctx, state.username, body.mentions);
    const extra = await resolveActors(ctx, state.username, body.deliver_to);
    const mentionIds = mentioned.map((a) => a.id);
    const aud = audience(ctx, state, visibility, mentionIds);
    const to = (body.to ?? null) == null ? aud.to : body.to.map((v) => addressUrl(ctx, state, v));
    const cc = (body.cc ?? null) == null ? aud.cc : body.cc.map((v) => addressUrl(ctx, state, v));
    const uuid = crypto.randomUUID();
    const id = ctx.getObjectUri(Note, { identifier: state.username, id: uuid }).href;
    const record = {
      id,
      username: state.username,
      deleted: false,
      mentionRecipients: mentioned.map(recipientOf),
      extraRecipients: extra.map(recipientOf),
      fields: {
        visibility,
        content: body.content ?? "<p>Hello from Fedify</p>",
        summary: body.summary ?? null,
        sensitive: Boolean(body.sensitive),
        inReplyTo: body.in_reply_to ?? null,
        to: to.map((u) => u.href),
        cc: cc.map((u) => u.href),
        mentions: mentioned.map((a) => ({ id: a.id.href, name: mentionName(a) })),
        hashtags: body.hashtags ?? [],
        published: now().toString(),
        updated: null,
      },
    };
    notes.set(id, record);
    const note = buildNote(ctx, record);
    const create = new Create({
      id: newId(state.username, "activities"),
      actor: ctx.getActorUri(state.username),
      object: note,
      tos: note.toIds,
      ccs: note.ccIds,
      published: note.published,
    });
    if (visibility === "public" || visibility === "unlisted") state.outbox.push(create);
    const result = await deliver(ctx, state.username, await noteRecipients(ctx, state, record), create);
    return { ...result, id, note: await note.toJsonLd({ contextLoader: ctx.contextLoader, format: "compact" }) };
  },

  "POST /_control/notes/update": async (ctx, body) => {
    const state = requireActor(body.actor);
    const record = findNote(state, requireField(body, "note"));
    for (const [key, field] of [["content", "content"], ["summary", "summary"], ["sensitive", "sensitive"]]) {
      if (key in body) record.fields[field] = body[key];
    }
    record.fields.updated = now().toString();
    const note = buildNote(ctx, record);
    const update = new Update({
      id: newId(state.username, "activities"),
      actor: ctx.getActorUri(state.username),
      object: note,
      tos: note.toIds,
      ccs: note.ccIds,
    });
    const result = await deliver(ctx, state.username, await noteRecipients(ctx, state, record), update);
    return { ...result, id: record.id, note: await note.toJsonLd({ contextLoader: ctx.contextLoader, format: "compact" }) };
  },

  "POST /_control/notes/delete": async (ctx, body) => {
    const state = requireActor(body.actor);
    const record = findNote(state, requireField(body, "note"));
    const recipients = await noteRecipients(ctx, state, record);
    record.deleted = true;
    state.outbox = state.outbox.filter((a) => a.objectId?.href !== record.id);
    const del = new Delete({
      id: newId(state.username, "activities"),
      actor: ctx.getActorUri(state.username),
      object: new Tombstone({ id: new URL(record.id) }),
      tos: record.fields.to.map((u) => new URL(u)),
      ccs: record.fields.cc.map((u) => new URL(u)),
    });
    return { ...(await deliver(ctx, state.username, recipients, del)), id: record.id };
  },

  "POST /_control/like": async (ctx, body) => {
    const state = requireActor(body.actor);
    const object = requireField(body, "object");
    const recipients = body.deliver_to != null
      ? await resolveActors(ctx, state.username, body.deliver_to)
      : [await objectAuthor(ctx, state, object)];
    const like = new Like({ id: newId(state.username, "likes"), actor: ctx.getActorUri(state.username), object: new URL(object) });
    state.likes.set(object, { activity: like, recipients: recipients.map(recipientOf) });
    return await deliver(ctx, state.username, recipients, like);
  },

  "POST /_control/unlike": async (ctx, body) => undoInteraction(ctx, body, "likes"),

  "POST /_control/announce": async (ctx, body) => {
    const state = requireActor(body.actor);
    const object = requireField(body, "object");
    const author = await objectAuthor(ctx, state, object);
    const extra = await resolveActors(ctx, state.username, body.deliver_to);
    const announce = new Announce({
      id: newId(state.username, "activities"),
      actor: ctx.getActorUri(state.username),
      object: new URL(object),
      to: PUBLIC_COLLECTION,
      ccs: [author.id, ctx.getFollowersUri(state.username)],
      published: now(),
    });
    const recipients = [author, ...extra, ...followerRecipients(state)].map((r) => isActor(r) ? recipientOf(r) : r);
    state.announces.set(object, { activity: announce, recipients });
    state.outbox.push(announce);
    return await deliver(ctx, state.username, recipients, announce);
  },

  "POST /_control/unannounce": async (ctx, body) => undoInteraction(ctx, body, "announces"),

  "POST /_control/block": async (ctx, body) => {
    const state = requireActor(body.actor);
    const target = await resolveActor(ctx, state.username, requireField(body, "target"));
    const block = new Block({ id: newId(state.username, "blocks"), actor: ctx.getActorUri(state.username), object: target.id });
    state.blocks.set(target.id.href, { activity: block, recipient: recipientOf(target) });
    state.followers.delete(target.id.href);
    state.following.delete(target.id.href);
    return await deliver(ctx, state.username, [target], block);
  },

  "POST /_control/unblock": async (ctx, body) => {
    const state = requireActor(body.actor);
    const target = requireField(body, "target");
    const block = state.blocks.get(target);
    if (block == null) throw new ControlError(404, `${state.username} does not block ${target}`);
    state.blocks.delete(target);
    const undo = new Undo({ id: newId(state.username, "activities"), actor: ctx.getActorUri(state.username), object: block.activity });
    return await deliver(ctx, state.username, [block.recipient], undo);
  },

  // Move of this actor to `target` (another actor, usually on this peer, whose aliases name this one), sent to the
  // followers as Mastodon sends it: actor = object = the old account.
  "POST /_control/move": async (ctx, body) => {
    const state = requireActor(body.actor);
    const oldId = ctx.getActorUri(state.username);
    const move = new Move({
      id: newId(state.username, "activities"),
      actor: oldId,
      object: oldId,
      target: new URL(requireField(body, "target")),
      to: ctx.getFollowersUri(state.username),
    });
    return await deliver(ctx, state.username, followerRecipients(state), move);
  },

  // The actor deletes itself, as Mastodon does when an account goes: from now on its actor document (and everything
  // under it) answers 410 Gone, and Delete{object: the actor} is sent to its followers (and `deliver_to`), signed
  // with the key the recipients have cached. Its state stays, so tests can still sign raw requests with that key.
  "POST /_control/actors/delete": async (ctx, body) => {
    const state = requireActor(body.actor);
    if (state.deleted) throw new ControlError(410, `${state.username} was deleted already`);
    const recipients = [...followerRecipients(state), ...(await resolveActors(ctx, state.username, body.deliver_to)).map(recipientOf)];
    state.deleted = true;
    const actorId = ctx.getActorUri(state.username);
    const del = new Delete({
      id: new URL(`${actorId.href}#delete`),
      actor: actorId,
      object: actorId,
      to: PUBLIC_COLLECTION,
    });
    return await deliver(ctx, state.username, recipients, del, { serve: false });
  },

  "POST /_control/send": async (ctx, body) => await sendRaw(body),

  "GET /_control/received": (ctx, body, params, query) => {
    let list = received;
    if (query.get("type")) list = list.filter((e) => e.type === query.get("type"));
    if (query.get("actor")) list = list.filter((e) => e.actor === query.get("actor"));
    if (query.get("recipient")) list = list.filter((e) => e.recipient === query.get("recipient"));
    if (query.get("object_type")) list = list.filter((e) => e.object_type === query.get("object_type"));
    if (query.get("since")) list = list.filter((e) => e.seq > Number(query.get("since")));
    return { activities: list };
  },

  "POST /_control/received/clear": () => {
    received.length = 0;
    inboxLog.length = 0;
    outboundLog.length = 0;
    backgroundLog.length = 0;
    return { ok: true };
  },

  "POST /_control/files": (ctx, body) => {
    const path = requireField(body, "path");
    if (!path.startsWith("/files/")) throw new ControlError(400, "static files live under /files/");
    staticFiles.set(path, {
      type: body.content_type ?? "application/octet-stream",
      bytes: Buffer.from(requireField(body, "base64"), "base64"),
    });
    return { url: new URL(path, ORIGIN).href };
  },

  "GET /_control/file-requests": () => ({ requests: fileRequests }),

  "GET /_control/inbox-log": () => ({ requests: inboxLog }),
  "GET /_control/outbound-log": () => ({ requests: outboundLog, background: backgroundLog }),

  "POST /_control/settle": async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
    return { ok: true, background: backgroundLog };
  },

  "POST /_control/resolve": async (ctx, body) => {
    const url = requireField(body, "url");
    const documentLoader = body.as != null ? await ctx.getDocumentLoader({ identifier: requireActor(body.as).username }) : ctx.documentLoader;
    const { document } = await documentLoader(url);
    const object = await ctx.lookupObject(url, { documentLoader });
    if (object == null) throw new ControlError(422, `Fedify could not parse ${url} as an ActivityStreams object`);
    return { ...(await describe(ctx, object)), raw: document };
  },

  "POST /_control/webfinger": async (ctx, body) => await webfinger(requireField(body, "resource")),
};

async function answerFollowRequest(ctx, body, Kind) {
  const state = requireActor(body.actor);
  const followerId = requireField(body, "follower");
  const request = state.followRequests.get(followerId) ?? state.followers.get(followerId);
  if (request == null) throw new ControlError(404, `${followerId} has no follow request or follow for ${state.username}`);
  state.followRequests.delete(followerId);
  if (Kind === Accept) state.followers.set(followerId, { recipient: request.recipient, followId: request.followId });
  else state.followers.delete(followerId);
  const object = request.follow ?? new Follow({ id: request.followId == null ? null : new URL(request.followId), actor: new URL(followerId), object: ctx.getActorUri(state.username) });
  const answer = new Kind({ id: newId(state.username, "activities"), actor: ctx.getActorUri(state.username), object });
  return await deliver(ctx, state.username, [request.recipient], answer);
}

async function undoInteraction(ctx, body, kind) {
  const state = requireActor(body.actor);
  const object = requireField(body, "object");
  const done = state[kind].get(object);
  if (done == null) throw new ControlError(404, `${state.username} has no ${kind.slice(0, -1)} of ${object}`);
  state[kind].delete(object);
  state.outbox = state.outbox.filter((a) => a !== done.activity);
  const undo = new Undo({ id: newId(state.username, "activities"), actor: ctx.getActorUri(state.username), object: done.activity });
  return await deliver(ctx, state.username, done.recipients, undo);
}

const hrefs = (urls) => [...urls].map((u) => u.href);

/** What Fedify parsed out of a remote document, as plain JSON. */
async function describe(ctx, object) {
  const out = { type: typeName(object), id: object.id?.href ?? null };
  if (isActor(object)) {
    const keys = [];
    for await (const key of object.getPublicKeys({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader })) {
      keys.push({ id: key.id?.href ?? null, owner: key.ownerId?.href ?? null, algorithm: key.publicKey?.algorithm?.name ?? null });
    }
    const methods = [];
    for await (const m of object.getAssertionMethods({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader })) {
      methods.push({ id: m.id?.href ?? null, controller: m.controllerId?.href ?? null, algorithm: m.publicKey?.algorithm?.name ?? null });
    }
    Object.assign(out, {
      preferred_username: object.preferredUsername?.toString() ?? null,
      name: object.name?.toString() ?? null,
      summary: object.summary?.toString() ?? null,
      url: object.url?.href?.toString?.() ?? object.url?.toString() ?? null,
      inbox: object.inboxId?.href ?? null,
      outbox: object.outboxId?.href ?? null,
      followers: object.followersId?.href ?? null,
      following: object.followingId?.href ?? null,
      shared_inbox: object.endpoints?.sharedInbox?.href ?? null,
      manually_approves_followers: object.manuallyApprovesFollowers ?? null,
      discoverable: object.discoverable ?? null,
      published: object.published?.toString() ?? null,
      also_known_as: hrefs(object.aliasIds),
      moved_to: object.successorId?.href ?? null,
      public_keys: keys,
      assertion_methods: methods,
      icon: object.iconId?.href ?? null,
      handle: object.preferredUsername == null ? null : `${object.preferredUsername}@${object.id.host}`,
    });
  } else {
    Object.assign(out, {
      attributed_to: object.attributionId?.href ?? null,
      content: object.content?.toString() ?? null,
      summary: object.summary?.toString() ?? null,
      sensitive: object.sensitive ?? null,
      in_reply_to: object.replyTargetId?.href ?? null,
      to: hrefs(object.toIds ?? []),
      cc: hrefs(object.ccIds ?? []),
      published: object.published?.toString() ?? null,
      updated: object.updated?.toString() ?? null,
      url: object.url?.href?.toString?.() ?? object.url?.toString() ?? null,
    });
    if ("getTags" in object) {
      const tags = [];
      for await (const tag of object.getTags({ documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader })) {
        tags.push({ type: typeName(tag), href: tag.href?.href ?? null, name: tag.name?.toString() ?? null });
      }
      out.tags = tags;
    }
  }
  return out;
}

/** WebFinger over http: Fedify's lookupWebFinger always asks https for acct: resources. */
async function webfinger(resource) {
  let acct = resource.replace(/^acct:/, "").replace(/^@/, "");
  const at = acct.lastIndexOf("@");
  if (at <= 0) throw new ControlError(400, `${resource} is not user@host[:port]`);
  const host = acct.slice(at + 1);
  acct = `acct:${acct}`;
  const url = new URL(`http://${host}/.well-known/webfinger`);
  url.searchParams.set("resource", acct);
  const response = await fetch(url, { headers: { Accept: "application/jrd+json, application/json" } });
  const text = await response.text();
  if (!response.ok) throw new ControlError(502, `GET ${url} answered ${response.status}: ${text}`);
  let jrd;
  try {
    jrd = JSON.parse(text);
  } catch {
    throw new ControlError(502, `GET ${url} did not answer JSON: ${text.slice(0, 200)}`);
  }
  const self = (jrd.links ?? []).find((l) => l.rel === "self" &&
    (l.type === "application/activity+json" || l.type?.startsWith("application/ld+json")));
  return {
    url: url.href,
    status: response.status,
    content_type: response.headers.get("content-type"),
    jrd,
    self: self?.href ?? null,
  };
}

function matchRoute(method, pathname) {
  for (const [key, handler] of Object.entries(routes)) {
    const [m, pattern] = key.split(" ");
    if (m !== method) continue;
    const names = [];
    const re = new RegExp(`^${pattern.replace(/:([a-z_]+)/g, (_, n) => { names.push(n); return "([^/]+)"; })}$`);
    const match = re.exec(pathname);
    if (match) return { handler, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) };
  }
  return null;
}

async function handleControl(request, url, bodyText) {
  const route = matchRoute(request.method, url.pathname);
  if (route == null) return jsonResponse(404, { error: `no control route ${request.method} ${url.pathname}` });
  let body = {};
  if (bodyText.length > 0) {
    try {
      body = JSON.parse(bodyText);
    } catch {
      return jsonResponse(400, { error: "the body is not JSON" });
    }
  }
  try {
    const ctx = federation.createContext(new URL(ORIGIN), {});
    return jsonResponse(200, await route.handler(ctx, body, route.params, url.searchParams));
  } catch (error) {
    if (error instanceof ControlError) return jsonResponse(error.status, { error: error.message });
    log(`control ${request.method} ${url.pathname} failed: ${error?.stack ?? error}`);
    return jsonResponse(500, { error: String(error?.message ?? error) });
  }
}

function jsonResponse(status, value, contentType = "application/json") {
  return new Response(JSON.stringify(value, null, 1), { status, headers: { "Content-Type": contentType } });
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP.

const INBOX_PATH = /^\/(inbox|users\/[^/]+\/inbox)$/;

async function inspectInboxRequest(request, bodyText, path) {
  const ctx = federation.createContext(new URL(ORIGIN), {});
  const inbound = {
    seq: ++inboxSeq,
    path,
    recorded: [],
    json: null,
    httpSignature: null,
    ldSignature: null,
    proof: null,
  };
  try {
    inbound.json = JSON.parse(bodyText);
  } catch {
    // Fedify answers 400 for this; the inbox log keeps the text.
  }
  const sigHeader = request.headers.get("signature");
  const keyId = /keyId="([^"]*)"/.exec(sigHeader ?? "")?.[1] ?? null;
  let httpVerified = false;
  if (sigHeader != null) {
    try {
      // A second, independent check of the HTTP signature alone: Fedify skips it when a Linked Data signature
      // or Object Integrity Proof already verified the activity, and tests want to know about each.
      httpVerified = (await verifyRequest(request.clone(), {
        documentLoader: ctx.documentLoader,
        contextLoader: ctx.contextLoader,
      })) != null;
    } catch (error) {
      log(`HTTP signature check of ${path} threw: ${error}`);
    }
  }
  inbound.httpSignature = { present: sigHeader != null, key_id: keyId, verified: httpVerified, header: sigHeader };
  const ld = inbound.json?.signature;
  if (ld != null && typeof ld === "object") {
    let verified = false;
    try {
      verified = await verifyJsonLd(inbound.json, { documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader });
    } catch (error) {
      log(`LD signature check of ${path} threw: ${error}`);
    }
    inbound.ldSignature = { present: true, type: ld.type ?? null, creator: ld.creator ?? null, verified };
  } else {
    inbound.ldSignature = { present: false };
  }
  const proof = inbound.json?.proof;
  inbound.proof = proof == null ? { present: false } : { present: true, type: proof.type ?? null, cryptosuite: proof.cryptosuite ?? null, verification_method: proof.verificationMethod ?? null };
  return inbound;
}

async function route(request, url, bodyText) {
  if (url.pathname.startsWith("/_control/")) return await handleControl(request, url, bodyText);

  if ((request.method === "GET" || request.method === "HEAD") && url.pathname.startsWith("/files/")) {
    pushLimited(fileRequests, {
      time: new Date().toISOString(),
      method: request.method,
      path: url.pathname,
      user_agent: request.headers.get("user-agent"),
    });
    const file = staticFiles.get(url.pathname);
    if (file == null) return new Response("no such file", { status: 404, headers: { "Content-Type": "text/plain" } });
    return new Response(file.bytes, { status: 200, headers: { "Content-Type": file.type } });
  }

  if (request.method === "GET" || request.method === "HEAD") {
    const deletedActor = /^\/users\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (deletedActor != null && actors.get(deletedActor[1])?.deleted) {
      const id = new URL(`/users/${deletedActor[1]}`, ORIGIN);
      return jsonResponse(410, await new Tombstone({ id }).toJsonLd({ format: "compact" }), "application/activity+json");
    }
    const note = notes.get(url.href);
    if (note?.deleted) {
      return jsonResponse(410, await new Tombstone({ id: new URL(note.id) }).toJsonLd({ format: "compact" }), "application/activity+json");
    }
    const served = servedDocuments.get(url.href);
    if (served != null && !notes.has(url.href)) return jsonResponse(200, served, "application/activity+json");
  }

  if (request.method === "POST" && INBOX_PATH.test(url.pathname)) {
    const inbound = await inspectInboxRequest(request, bodyText, url.pathname);
    const response = await federation.fetch(request, { contextData: { inbound } });
    const responseText = await response.clone().text();
    pushLimited(inboxLog, {
      seq: inbound.seq,
      time: new Date().toISOString(),
      path: url.pathname,
      status: response.status,
      response_body: responseText,
      activity_id: inbound.json?.id ?? null,
      type: inbound.json?.type ?? null,
      actor: typeof inbound.json?.actor === "string" ? inbound.json.actor : inbound.json?.actor?.id ?? null,
      http_signature: inbound.httpSignature,
      ld_signature: inbound.ldSignature,
      proof: inbound.proof,
      recorded: inbound.recorded,
      request_headers: Object.fromEntries(request.headers.entries()),
      body: bodyText,
    });
    log(`inbox POST ${url.pathname} ${inbound.json?.type ?? "?"} ${inbound.json?.id ?? ""} -> ${response.status} ${responseText.slice(0, 120)}`);
    return response;
  }

  return await federation.fetch(request, { contextData: { inbound: null } });
}

const server = http.createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url, ORIGIN);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, { method: req.method, headers, body: hasBody ? body : undefined });
    const response = await route(request, url, body.toString("utf8"));
    const out = Buffer.from(await response.arrayBuffer());
    const outHeaders = {};
    response.headers.forEach((value, name) => { outHeaders[name] = value; });
    // The body is complete already; a Content-Length spares clients chunked decoding.
    outHeaders["content-length"] = String(out.length);
    res.writeHead(response.status, outHeaders);
    res.end(req.method === "HEAD" ? undefined : out);
  } catch (error) {
    log(`request ${req.method} ${req.url} failed: ${error?.stack ?? error}`);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
    res.end("internal error");
  }
});

server.listen(PORT, HOST, () => {
  log(`listening on ${ORIGIN} (Fedify ${FEDIFY_VERSION}, Node ${process.version})`);
  fillRsaPool().catch((error) => log(`RSA key pool: ${error}`));
});

function shutdown(signal) {
  log(`${signal}: shutting down`);
  server.close(() => process.exit(0));
  // Keep-alive connections from the other peer would hold close() open.
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
