/** What an operating-system product name such as 'CentOS 7.2 (64-bit)' or 'Windows 7' says. */
export interface OsName {
  /** The name without the word-size suffix: 'CentOS 7.2'. */
  readonly name: string;
  /** Whether the name says more than the family, e.g. 'Windows 7' but not 'Linux'. */
  readonly specific: boolean;
  /** A local name of the os: vocabulary (linux, windows, macos, bsd, solaris). */
  readonly family: string | undefined;
  /** Glance's os_distro token: centos, ubuntu, windows, … */
  readonly distribution: string | undefined;
  readonly version: string | undefined;
  readonly bits: number | undefined;
}

interface Product {
  readonly prefix: string;
  readonly family: string;
  readonly distribution?: string;
}

/** Product names (lowercase) → family and Glance os_distro; the longest matching prefix wins. */
const products: readonly Product[] = [
  { prefix: 'red hat enterprise linux', family: 'linux', distribution: 'rhel' },
  { prefix: 'rhel', family: 'linux', distribution: 'rhel' },
  { prefix: 'centos', family: 'linux', distribution: 'centos' },
  { prefix: 'rocky linux', family: 'linux', distribution: 'rocky' },
  { prefix: 'ubuntu', family: 'linux', distribution: 'ubuntu' },
  { prefix: 'debian', family: 'linux', distribution: 'debian' },
  { prefix: 'fedora', family: 'linux', distribution: 'fedora' },
  { prefix: 'opensuse', family: 'linux', distribution: 'opensuse' },
  { prefix: 'suse linux enterprise desktop', family: 'linux', distribution: 'sled' },
  { prefix: 'arch linux', family: 'linux', distribution: 'arch' },
  { prefix: 'gentoo', family: 'linux', distribution: 'gentoo' },
  { prefix: 'alpine', family: 'linux', distribution: 'alpine' },
  { prefix: 'other linux', family: 'linux' },
  { prefix: 'linux', family: 'linux' },
  { prefix: 'windows', family: 'windows', distribution: 'windows' },
  { prefix: 'macos', family: 'macos' },
  { prefix: 'mac os x', family: 'macos' },
  { prefix: 'mac os', family: 'macos' },
  { prefix: 'freebsd', family: 'bsd', distribution: 'freebsd' },
  { prefix: 'openbsd', family: 'bsd', distribution: 'openbsd' },
  { prefix: 'netbsd', family: 'bsd', distribution: 'netbsd' },
  { prefix: 'opensolaris', family: 'solaris', distribution: 'opensolaris' },
  { prefix: 'solaris', family: 'solaris' },
].sort((a, b) => b.prefix.length - a.prefix.length);

const wordSize = /^(.*?)\s*\((\d+)-bit\)\s*$/i;
const dottedNumber = /\d+(?:\.\d+)*/;

/** Splits an OS product name into family, distribution, version and word size, as far as it tells them. */
export function parseOsName(text: string): OsName {
  const sized = wordSize.exec(text.trim());
  const name = (sized?.[1] ?? text).trim();
  const lower = name.toLowerCase();
  const product = products.find((p) => lower === p.prefix || lower.startsWith(`${p.prefix} `));
  const rest = product ? name.slice(product.prefix.length).trim() : name;
  return {
    name,
    specific: rest !== '',
    family: product?.family,
    distribution: product?.distribution,
    version: dottedNumber.exec(rest)?.[0],
    bits: sized?.[2] === undefined ? undefined : Number(sized[2]),
  };
}
