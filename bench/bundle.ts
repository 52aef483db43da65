// Initial bundle (what the embedded view loads before it can pop) vs a bare React 19 hello-world
// built by the same Vite with the same React plugin, in the same run.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export interface BundleSize {
  gzip: number;
  brotli: number;
  files: string[];
}

/** Sizes of the entry script, its static imports (modulepreload) and stylesheets named in index.html. */
export async function initialBundle(dist: string): Promise<BundleSize> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const content = await readFile(path.join(dist, file));
    gzip += gzipSync(content, { level: 9 }).length;
    brotli += brotliCompressSync(content).length;
  }
  return { gzip, brotli, files };
}

/**
 * Everything the agent's widget has loaded by the time it can pop: the initial load plus the chunks
 * it imports at start (the i18n runtime, the English catalog, the CometD client).
 */
export async function startupBundle(dist: string, initial: BundleSize): Promise<BundleSize> {
  const names = await readdir(path.join(dist, 'assets'));
  const files = names
    .filter((name) => /^(i18n|en|cometd)-[\w-]+\.js$/.test(name))
    .map((name) => `assets/${name}`)
    .filter((file) => !initial.files.includes(file));
  let { gzip, brotli } = initial;
  for (const file of files) {
    const content = await readFile(path.join(dist, file));
    gzip += gzipSync(content, { level: 9 }).length;
    brotli += brotliCompressSync(content).length;
  }
  return { gzip, brotli, files: [...initial.files, ...files] };
}

export async function helloWorldBundle(): Promise<BundleSize> {
  // Inside the project so that react resolves from its node_modules, as for the widget.
  const root = await mkdtemp(path.join(process.cwd(), 'node_modules', '.tmp-hello-react-'));
  try {
    await writeFile(
      path.join(root, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.tsx"></script></body></html>',
    );
    await writeFile(
      path.join(root, 'main.tsx'),
      "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<h1>Hello</h1>);\n",
    );
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [react()],
      resolve: { dedupe: ['react', 'react-dom'] },
      build: { outDir: path.join(root, 'dist') },
      cacheDir: path.join(root, '.vite'),
    });
    return await initialBundle(path.join(root, 'dist'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Whether any initial file carries supervisor-only code (it must be a lazy chunk). */
export async function supervisorInInitialLoad(dist: string, files: string[]): Promise<boolean> {
  for (const file of files) {
    const content = await readFile(path.join(dist, file), 'utf8');
    if (content.includes('feed__viewport') || content.includes('search-result')) return true;
  }
  return false;
}
