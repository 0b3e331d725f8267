import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRandom } from '../src/lib/random';
import { type SearchDoc, searchDocuments } from '../src/lib/search/documents';
import { buildSearchIndex, Searcher } from '../src/lib/search/search';
import { formatProblem, validateCorpus } from '../src/lib/validate';
import { readContentFiles } from './content-files';

// Search latency and index size: the real content, then generated corpora of 1,000 and
// 5,000 entries shaped like real ones. `--json` prints one object for machines.

/** Queries every corpus is timed on: pasted log lines, names, numbers, prose, Chinese. */
export const BENCH_QUERIES = [
  'read ECONNRESET',
  '[Errno 104] Connection reset by peer',
  'ConnectionRefusedError: [Errno 111] Connection refused',
  'recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.0.1',
  'Error: connect ECONNREFUSED 127.0.0.1:5432 at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16)',
  'java.net.SocketException: Connection reset',
  'WSAECONNRESET 10054',
  'System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it.',
  'dial tcp 10.1.2.3:443: connect: connection timed out',
  'thread \'main\' panicked at Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }',
  'curl: (56) Recv failure: Connection reset by peer',
  'errno: -32',
  '[Errno 54] Connection reset by peer',
  'Broken pipe',
  'socket hang up',
  'too many open files',
  'why does TIME_WAIT last 2MSL',
  'too many CLOSE_WAIT connections',
  'what happens when the server process is killed',
  'address already in use',
  '对方复位连接',
  '连接超时',
  'econnrefused',
  'conection refused',
  '104',
];

const WORDS = (
  'connection reset refused timed out network host unreachable down broken pipe address use ' +
  'available protocol option socket operation progress already buffer space file descriptor ' +
  'resource temporarily interrupted call permission denied invalid argument message long ' +
  'family supported type endpoint shutdown transport peer software abort route device'
).split(' ');
const ZH = '连接 重设 拒绝 超时 网络 主机 不可达 管道 断开 地址 使用 协议 选项 缓冲 资源 中断 权限'.split(' ');

/** Generate n search documents that look like errno entries. */
export function syntheticDocs(n: number, seed = 'bench'): SearchDoc[] {
  const rng = createRandom(seed);
  const words = (k: number) => Array.from({ length: k }, () => WORDS[rng.int(0, WORDS.length - 1)]).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const name = `E${words(1).toUpperCase().replace(/\W/g, '').slice(0, 8)}${i}`;
    const message = words(rng.int(2, 5));
    return {
      id: name,
      type: 'errno',
      title: name,
      path: `errno/${name.toLowerCase()}/`,
      summary: `${words(12)}.`,
      names: [name, `WSA${name}`],
      numbers: {
        linux: i + 1,
        macos: i + 3,
        freebsd: i + 3,
        alpha: i + 2,
        mips: i + 5,
        sparc: i + 2,
        parisc: i + 7,
        winsock: 10000 + i,
      },
      messages: [message[0]?.toUpperCase() + message.slice(1)],
      phrases: [`Error: read ${name}`, `${words(3)} ${name.toLowerCase()}`, words(4)],
      zh: [`${ZH[rng.int(0, ZH.length - 1)]}${ZH[rng.int(0, ZH.length - 1)]}`],
      full: i % 3 === 0,
    } satisfies SearchDoc;
  });
}

/** Timing and size figures for one corpus. */
export interface CorpusFigures {
  label: string;
  entries: number;
  p50_ms: number;
  p95_ms: number;
  index_bytes: number;
  index_gzip_bytes: number;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/** Build, load and time one corpus. */
export function benchCorpus(label: string, docs: SearchDoc[], rounds = 5): CorpusFigures {
  const json = JSON.stringify(buildSearchIndex(docs));
  const searcher = new Searcher(JSON.parse(json));
  for (const q of BENCH_QUERIES) searcher.search(q); // warm-up: JIT and lazy structures
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      searcher.search(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    label,
    entries: docs.length,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    index_bytes: Buffer.byteLength(json),
    index_gzip_bytes: gzipSync(json, { level: 9 }).length,
  };
}

async function main(argv: string[]) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = await readContentFiles(root);
  const result = validateCorpus(files.docs);
  const problems = [...files.problems, ...result.problems];
  if (problems.length > 0) {
    console.error(problems.map(formatProblem).join('\n'));
    return 1;
  }
  const corpora = [
    benchCorpus('real content', searchDocuments(result.errnos, result.scenarios)),
    benchCorpus('generated', syntheticDocs(1000)),
    benchCorpus('generated', syntheticDocs(5000)),
  ];
  if (argv.includes('--json')) {
    const out = corpora.map(({ label: _label, ...figures }) => figures);
    console.log(JSON.stringify({ corpora: out }));
    return 0;
  }
  console.log(`search benchmark: ${BENCH_QUERIES.length} queries × 5 rounds per corpus, Node ${process.version}\n`);
  console.log('corpus        entries   p50 ms   p95 ms   index KB   gzip KB');
  for (const c of corpora) {
    console.log(
      `${c.label.padEnd(13)} ${String(c.entries).padStart(7)} ${c.p50_ms.toFixed(2).padStart(8)} ${c.p95_ms
        .toFixed(2)
        .padStart(
          8,
        )} ${(c.index_bytes / 1024).toFixed(1).padStart(10)} ${(c.index_gzip_bytes / 1024).toFixed(1).padStart(9)}`,
    );
  }
  console.log('\ntargets: p95 ≤ 16 ms at 5,000 entries; real index ≤ 60 KB gzipped');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
