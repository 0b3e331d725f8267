import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSite, copyOfProject } from './project-copy';

// Site budgets: what an errno page ships (JS + CSS, gzipped) and how long builds take,
// for the real content and for 5,000 generated entries next to a bare Astro + MDX build
// of the same files. `--json` prints one object; `--skip-large` leaves out the 5,000 runs.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Build a project copy and return the seconds it took; throws with the output on failure. */
function build(dir: string): number {
  const t = performance.now();
  const run = buildSite(dir);
  if (run.status !== 0) throw new Error(`build failed in ${dir}:\n${(run.stdout + run.stderr).slice(-2000)}`);
  return (performance.now() - t) / 1000;
}

/** Bytes (gzipped) of the JS and CSS a page loads when it opens: linked, preloaded and inline. */
function pageAssets(dist: string, page: string): { js: number; css: number } {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  let js = 0;
  let css = 0;
  const local = (href: string) => path.join(dist, href.replace(/^\//, ''));
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) if (src) js += gz(readFileSync(local(src)));
  for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (href) js += gz(readFileSync(local(href)));
  for (const [, href] of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
    if (href) css += gz(readFileSync(local(href)));
  for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) if (body) js += gz(body);
  for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) if (body) css += gz(body);
  return { js, css };
}

/** One generated errno entry, valid under the real schema, with a short body. */
function entry(i: number): string {
  const name = `EGEN${i}`;
  return `---
name: ${name}
kind: reference
messages: { glibc: "Generated error number ${i}", freebsd: null, macos: null, winsock: null }
numbers: { linux: ${1000 + i}, alpha: null, mips: null, sparc: null, parisc: null, freebsd: null, macos: null, winsock: null }
summary: "A generated entry for the build benchmark, number ${i}."
category: general-io
handling: [{ action: fix-code, why: "It is generated." }]
zh: { glibc: null, terms: [] }
sources: [{ kind: header, ref: "generated" }]
---
Entry ${i} exists to measure builds. It links to [the list](/errno/) and has \`code\` and a list:

- one
- two
`;
}

function writeCorpus(dir: string, n: number) {
  for (const sub of ['errno', 'scenarios', 'glossary'])
    rmSync(path.join(dir, 'src/content', sub), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/content/errno'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `src/content/errno/egen${i}.mdx`), entry(i));
  // Labs describe the real scenarios; they do not belong to a generated corpus.
  rmSync(path.join(dir, 'src/data/labs'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/data/labs'), { recursive: true });
}

/** A bare Astro + MDX project rendering the same MDX files, one page each. */
function bareProject(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sockerr-bare-'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [mdx()] });\n",
  );
  mkdirSync(path.join(dir, 'src/content/errno'), { recursive: true });
  mkdirSync(path.join(dir, 'src/pages/errno'), { recursive: true });
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    "import { glob } from 'astro/loaders';\nimport { defineCollection } from 'astro:content';\nexport const collections = { errno: defineCollection({ loader: glob({ pattern: '*.mdx', base: './src/content/errno' }) }) };\n",
  );
  writeFileSync(
    path.join(dir, 'src/pages/errno/[id].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('errno')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\nconst { Content } = await render(Astro.props.entry);\n---\n<html><body><h1>{Astro.props.entry.id}</h1><Content /></body></html>\n",
  );
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `src/content/errno/egen${i}.mdx`), entry(i));
  return dir;
}

async function main(argv: string[]) {
  const json = argv.includes('--json');
  const dirs: string[] = [];
  try {
    const real = copyOfProject();
    dirs.push(real);
    const realSeconds = build(real);
    const assets = pageAssets(path.join(real, 'dist'), 'errno/econnreset/index.html');
    const result: Record<string, number | null> = {
      errno_page_js_gzip_bytes: assets.js,
      errno_page_css_gzip_bytes: assets.css,
      real_content_build_s: Math.round(realSeconds * 10) / 10,
      generated_entries: null,
      generated_build_s: null,
      bare_build_s: null,
      ratio: null,
    };
    if (!argv.includes('--skip-large')) {
      const n = 5000;
      const gen = copyOfProject();
      dirs.push(gen);
      writeCorpus(gen, n);
      const genSeconds = build(gen);
      const bare = bareProject(n);
      dirs.push(bare);
      const bareSeconds = build(bare);
      Object.assign(result, {
        generated_entries: n,
        generated_build_s: Math.round(genSeconds * 10) / 10,
        bare_build_s: Math.round(bareSeconds * 10) / 10,
        ratio: Math.round((genSeconds / bareSeconds) * 100) / 100,
      });
    }
    if (json) {
      console.log(JSON.stringify(result));
      return 0;
    }
    console.log(`site benchmark, Node ${process.version}\n`);
    console.log(`errno page JS  (gzip): ${(assets.js / 1024).toFixed(1)} KB`);
    console.log(
      `errno page CSS (gzip): ${(assets.css / 1024).toFixed(1)} KB   (target: JS + CSS ≤ 30 KB, none needed to read)`,
    );
    console.log(`real content build:    ${result.real_content_build_s} s`);
    if (result.generated_entries) {
      console.log(
        `5,000 generated entries: ${result.generated_build_s} s vs bare Astro + MDX ${result.bare_build_s} s`,
      );
      console.log(`ratio: ${result.ratio}×   (target ≤ 1.3×)`);
    }
    return 0;
  } finally {
    for (const dir of dirs) if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
