// Part of the Trunk post_build hook (called by sw-manifest.mjs before it lists the files):
// Trunk writes its module loader as an inline <script type="module"> in index.html, which a
// strict Content-Security-Policy (script-src 'self', no 'unsafe-inline') refuses. The
// loader moves, unchanged, to a file named by its hash beside the other hashed files.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function externaliseInlineScripts(dir, page = "index.html") {
  const path = join(dir, page);
  const html = readFileSync(path, "utf8");
  let moved = 0;
  const out = html.replace(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g, (tag, attrs = "", body) => {
    if (/\bsrc\s*=/.test(attrs) || body.trim() === "") return tag;
    if (!/type\s*=\s*["']?module/.test(attrs)) {
      throw new Error(`csp-loader: an inline classic <script> in ${page}; move it to a file in web/`);
    }
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
    const file = `loader-${hash}.js`;
    writeFileSync(join(dir, file), body.trim() + "\n");
    moved += 1;
    return `<script type="module" src="./${file}"></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(out)) {
    throw new Error(`csp-loader: inline script left in ${page}`);
  }
  if (/\son[a-z]+\s*=/i.test(out.replace(/<!--[\s\S]*?-->/g, ""))) {
    throw new Error(`csp-loader: an inline event handler attribute in ${page}`);
  }
  writeFileSync(path, out);
  return moved;
}
