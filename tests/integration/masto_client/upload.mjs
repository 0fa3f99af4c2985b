// Uploads each file of VMST_FILES (a JSON list of [path, mime type]) with masto.js as VMST_TOKEN and prints one JSON
// line per upload: the type and meta the server answered. Run by tests/integration/test_media_processing.py.
import { readFileSync } from "node:fs";
import { createRestAPIClient } from "masto";

const rest = createRestAPIClient({ url: process.env.VMST_URL, accessToken: process.env.VMST_TOKEN });
for (const [path, mime] of JSON.parse(process.env.VMST_FILES)) {
  const media = await rest.v2.media.create({ file: new Blob([readFileSync(path)], { type: mime }), description: path });
  console.log(JSON.stringify({ path, type: media.type, url: media.url, blurhash: media.blurhash, meta: media.meta }));
}
