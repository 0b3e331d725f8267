import { existsSync, readFileSync } from 'node:fs';

/** Where this machine keeps each Linux port's errno headers (Debian's linux-libc-dev and *-cross packages). */
export const LINUX_HEADERS = {
  linux: ['/usr/include/asm-generic/errno-base.h', '/usr/include/asm-generic/errno.h'],
  alpha: ['/usr/alpha-linux-gnu/include/asm-generic/errno-base.h', '/usr/alpha-linux-gnu/include/asm/errno.h'],
  mips: ['/usr/mips-linux-gnu/include/asm-generic/errno-base.h', '/usr/mips-linux-gnu/include/asm/errno.h'],
  sparc: ['/usr/sparc64-linux-gnu/include/asm-generic/errno-base.h', '/usr/sparc64-linux-gnu/include/asm/errno.h'],
  parisc: ['/usr/hppa-linux-gnu/include/asm-generic/errno-base.h', '/usr/hppa-linux-gnu/include/asm/errno.h'],
} as const;

/**
 * glibc's Linux errno additions (sysdeps/unix/sysv/linux/bits/errno.h, the same file on
 * every Linux port): ENOTSUP and a few names old kernels lacked, each under #ifndef, so
 * they only fill names the kernel headers leave undefined.
 */
export const GLIBC_BITS_ERRNO = '/usr/include/x86_64-linux-gnu/bits/errno.h';

/** mingw-w64's copy of the Windows error header (Debian's mingw-w64-common). */
export const WINERROR_H = '/usr/share/mingw-w64/include/winerror.h';

/** True when every file exists. */
export function present(files: readonly string[]): boolean {
  return files.every((f) => existsSync(f));
}

const DEFINE = /^#\s*define\s+([A-Z][A-Z0-9_]*)\s+(.+?)\s*(?:\/\*.*)?$/;

/**
 * Read `#define NAME value` lines from C headers, following the files in order and
 * resolving values that name another constant (EWOULDBLOCK EAGAIN) or add to a base
 * ((WSABASEERR + 54)). Later files win, as they would after #include.
 */
export function readDefines(files: readonly string[], fallbacks: readonly string[] = []): Map<string, number> {
  const raw = new Map<string, string>();
  const read = (file: string, fillOnly: boolean) => {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = DEFINE.exec(line.trim());
      if (m?.[1] && m[2] && !(fillOnly && raw.has(m[1]))) raw.set(m[1], m[2].trim());
    }
  };
  for (const file of files) read(file, false);
  // Fallback headers guard their definitions with #ifndef: they never override.
  for (const file of fallbacks) if (existsSync(file)) read(file, true);
  const resolved = new Map<string, number>();
  const resolve = (name: string, depth = 0): number | undefined => {
    if (resolved.has(name)) return resolved.get(name);
    const value = raw.get(name);
    if (value === undefined || depth > 8) return undefined;
    let out: number | undefined;
    const literal = /^\(?(\d+)L?\)?$/.exec(value);
    const sum = /^\(\s*([A-Z][A-Z0-9_]*)\s*\+\s*(\d+)\s*\)$/.exec(value);
    if (literal?.[1]) out = Number(literal[1]);
    else if (sum?.[1] && sum[2]) {
      const base = resolve(sum[1], depth + 1);
      out = base === undefined ? undefined : base + Number(sum[2]);
    } else if (/^[A-Z][A-Z0-9_]*$/.test(value)) out = resolve(value, depth + 1);
    if (out !== undefined) resolved.set(name, out);
    return out;
  };
  for (const name of raw.keys()) resolve(name);
  return resolved;
}
