// masto.js 8 reads grouped notifications (Mastodon 4.3) as Phanpy does once api_versions.mastodon >= 2.
// Environment: VMST_URL, VMST_TOKEN (a user with favourites and mentions waiting). Exits non-zero on a failed check.
import assert from "node:assert/strict";
import { createRestAPIClient } from "masto";

const rest = createRestAPIClient({ url: process.env.VMST_URL, accessToken: process.env.VMST_TOKEN });
const instance = await rest.v2.instance.fetch();
assert.equal(instance.apiVersions.mastodon, 2);

const page = await rest.v2.notifications.list({ limit: 10, groupedTypes: ["favourite", "reblog", "follow"] });
const favourites = page.notificationGroups.find((g) => g.type === "favourite");
assert.ok(favourites, "a favourite group");
assert.equal(favourites.notificationsCount, 3);
assert.equal(favourites.sampleAccountIds.length, 3);
for (const id of favourites.sampleAccountIds) assert.ok(page.accounts.some((a) => a.id === id));
assert.ok(page.statuses.some((s) => s.id === favourites.statusId));

const one = await rest.v2.notifications.$select(favourites.groupKey).fetch();
assert.equal(one.notificationGroups[0].groupKey, favourites.groupKey);
const accounts = await rest.v2.notifications.$select(favourites.groupKey).accounts.fetch();
assert.equal(accounts.length, 3);
const unread = await rest.v2.notifications.unreadCount.fetch();
assert.equal(typeof unread.count, "number");
console.log(JSON.stringify({ step: "done" }));
