// Trunk post_build hook: fills the service worker's precache list and version from the
// files actually built (after wasm-opt), so a rebuild that changes any byte is a new
// version and an identical rebuild is not.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { externaliseInlineScripts } from "./csp-loader.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("sw-manifest: TRUNK_STAGING_DIR is not set (run as a Trunk hook)");
  process.exit(1);
}
// First, so the loader file is listed and hashed like every other file.
console.log(`sw-manifest: ${externaliseInlineScripts(dir)} inline loader(s) moved to files (strict CSP)`);
// The council's page (scripts/post-build.sh builds it into the same folder).
if (existsSync(join(dir, "hoi-dong.html"))) {
  console.log(`sw-manifest: ${externaliseInlineScripts(dir, "hoi-dong.html")} inline loader(s) of hoi-dong.html moved to files`);
}
const walk = (d) =>
  readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
// sets/ is left out: the worker caches what sets/index.json lists, so a set published
// later (`dti sets index`) reaches visitors without a new version of the app.
const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join("/"))
  .filter((f) => f !== "sw.js" && !f.startsWith(".") && !f.startsWith("sets/") && !/\.(gz|br)$/.test(f))
  .sort();
const hash = createHash("sha256");
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(dir, f)));
}
const version = hash.digest("hex").slice(0, 16);
// The council's page, the loader it references and its own bundle and stylesheet are cached
// only when that page is opened (sw.js, "cache-council"): agencies never download them.
const councilLoader = existsSync(join(dir, "hoi-dong.html"))
  ? [...readFileSync(join(dir, "hoi-dong.html"), "utf8").matchAll(/src="\.\/(loader-[0-9a-f]+\.js)"/g)].map((m) => m[1])
  : [];
const isCouncil = (f) => f === "hoi-dong.html" || councilLoader.includes(f) || /^(dti-council-|council-)/.test(f);
const council = files.filter(isCouncil);
// annex/ (the CSV and year-comparison modules, loaded on demand) counts for the version but is not precached
// either: ~170 kB on a weak link right after the first load would compete with the set the
// page is still fetching. The worker keeps it once it has been used (sw.js).
const precache = files.filter((f) => !isCouncil(f) && !f.startsWith("annex/"));
const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("__VERSION__", version)
  .replace("__PRECACHE__", JSON.stringify(precache))
  .replace("__COUNCIL__", JSON.stringify(council));
if (sw.includes("__PRECACHE__") || sw.includes("__VERSION__") || sw.includes("__COUNCIL__")) {
  console.error("sw-manifest: placeholders not replaced");
  process.exit(1);
}
writeFileSync(swPath, sw);
console.log(`sw-manifest: version ${version}, ${precache.length} files precached, ${council.length} cached when the council page opens`);

// Pre-compressed copies for the web server (nginx gzip_static / brotli_static): gzip at
// level 9 and brotli at quality 11 once here, instead of a fast, weak level per request.
let saved = 0;
for (const f of [...files, "sw.js"].filter((f) => /\.(wasm|js|css|html|webmanifest)$/.test(f))) {
  const path = join(dir, f);
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(path + ".gz", gz);
  writeFileSync(path + ".br", br);
  saved += gz.length - br.length;
}
console.log(`sw-manifest: .gz and .br written (brotli saves ${saved} bytes over gzip -9)`);
