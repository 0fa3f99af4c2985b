// A masto.js 8 session against vmst, as a browser client (Phanpy, Elk) would run it: app registration, a password
// token, REST calls with Link pagination, and a WebSocket stream. Exits non-zero on the first failed check.
//
// Environment: VMST_URL, VMST_EMAIL, VMST_PASSWORD (alice), VMST_BOB_TOKEN (a second user who mentions alice),
// VMST_PNG (a path to a small PNG). Node 20 needs --experimental-websocket for the streaming client.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from "masto";

const url = process.env.VMST_URL;
const log = (step, detail = "") => console.log(JSON.stringify({ step, detail }));

const app = await createRestAPIClient({ url }).v1.apps.create({
  clientName: "masto acceptance",
  redirectUris: "urn:ietf:wg:oauth:2.0:oob",
  scopes: "read write follow push",
});
assert.ok(app.clientId && app.clientSecret);
log("apps.create");

const oauth = createOAuthAPIClient({ url });
const token = await oauth.token.create({
  grantType: "password",
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  username: process.env.VMST_EMAIL,
  password: process.env.VMST_PASSWORD,
  scope: "read write follow push",
  redirectUri: "urn:ietf:wg:oauth:2.0:oob",
});
assert.equal(token.tokenType, "Bearer");
log("token.create");

const rest = createRestAPIClient({ url, accessToken: token.accessToken });
const me = await rest.v1.accounts.verifyCredentials();
assert.equal(me.acct, "alice");
log("verifyCredentials");

const instance = await rest.v2.instance.fetch();
assert.ok(instance.configuration.urls.streaming, "v2 instance advertises a streaming URL");
log("v2.instance", instance.configuration.urls.streaming);

const streaming = createStreamingAPIClient({
  streamingApiUrl: instance.configuration.urls.streaming,
  accessToken: token.accessToken,
});
const subscription = streaming.user.subscribe();

const png = readFileSync(process.env.VMST_PNG);
const media = await rest.v2.media.create({ file: new Blob([png], { type: "image/png" }), description: "alt" });
assert.ok(media.url, "the upload is ready");
log("v2.media.create");

const status = await rest.v1.statuses.create({ status: "hello from masto #js", mediaIds: [media.id] });
assert.equal(status.mediaAttachments.length, 1);
const home = await rest.v1.timelines.home.list({ limit: 5 });
assert.deepEqual(home[0], status, "the home timeline serialises the status exactly as create did");
log("statuses.create + timelines.home");

await rest.v1.statuses.create({ status: "second post" });
let pages = 0;
const seen = new Set();
for await (const page of rest.v1.timelines.home.list({ limit: 1 })) {
  assert.equal(page.length, 1);
  assert.ok(!seen.has(page[0].id), "pagination never repeats a status");
  seen.add(page[0].id);
  if (++pages === 2) break;
}
assert.equal(pages, 2, "the Link header's next page was followed");
log("home pagination");

const relationships = await rest.v1.accounts.relationships.fetch({ id: [me.id] });
assert.equal(relationships.length, 1);
const favourited = await rest.v1.statuses.$select(status.id).favourite();
assert.equal(favourited.favourited, true);
const markers = await rest.v1.markers.fetch({ timeline: ["home", "notifications"] });
assert.ok(markers.notifications, "markers always carry the requested notifications key");
await rest.v1.notifications.list({ limit: 20 });
log("relationships + favourite + markers + notifications");

// Bob mentions alice, then alice posts; the stream must deliver both within 5 s.
const bob = createRestAPIClient({ url, accessToken: process.env.VMST_BOB_TOKEN });
const timer = setTimeout(() => {
  console.error("the mention and the update did not both arrive within 5 s");
  process.exit(3);
}, 5000);
const posted = bob.v1.statuses.create({ status: "@alice hi from bob" });
// Events published before the WebSocket subscribed are not replayed (as on Mastodon), so alice's own update is
// checked with a post made once the mention has shown the stream is live.
const seenEvents = [];
let ownPost = null;
for await (const event of subscription) {
  assert.ok(event.stream.includes("user"));
  seenEvents.push(event.event);
  if (event.event === "notification" && event.payload.type === "mention") {
    assert.equal(event.payload.account.acct, "bob");
    assert.match(event.payload.status.content, /hi from bob/);
    ownPost = rest.v1.statuses.create({ status: "posted while streaming" });
  }
  if (event.event === "update" && ownPost && event.payload.content.includes("posted while streaming")) {
    assert.equal(event.payload.id, (await ownPost).id);
    log("stream events", seenEvents.join(","));
    break;
  }
}
clearTimeout(timer);
await posted;
subscription.unsubscribe();
streaming.close();

await oauth.revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token: token.accessToken });
await assert.rejects(rest.v1.accounts.verifyCredentials(), (error) => error.statusCode === 401);
log("revoke");
console.log(JSON.stringify({ step: "done" }));
