/**
 * Operating systems generated images boot: family, distribution, product name, released versions
 * (dotted numbers), architectures, the disk formats their images are published in, and sizes.
 * Tokens are the local names of values.ttl's individuals.
 */
export interface OsProfile {
  readonly family: string;
  readonly distribution: string;
  readonly name: string;
  readonly versions: readonly string[];
  readonly archs: readonly string[];
  readonly formats: readonly string[];
  /** Whether images of this profile are container images (run by a container runtime). */
  readonly container: boolean;
  readonly sizeGiB: readonly [number, number];
  readonly minDiskGB: number;
  readonly minRamMB: number;
  readonly weight: number;
}

/**
 * The table: kind | family | distribution | name | versions | architectures | formats |
 * size GiB (low-high) | min disk GB | min RAM MB | weight. Lists are space-separated.
 */
const table = `
vm | linux | ubuntu | Ubuntu | 16.04 18.04 20.04 22.04 24.04 | x86_64 aarch64 | qcow2 raw vmdk vhd | 2-12 | 10 | 1024 | 24
vm | linux | centos | CentOS | 6.8 7.2 7.9 8.5 | x86_64 | qcow2 raw vmdk vhd | 2-10 | 10 | 1024 | 14
vm | linux | debian | Debian | 9.13 10.13 11.9 12.5 | x86_64 i686 aarch64 | qcow2 raw vmdk vhd | 1-8 | 10 | 1024 | 14
vm | linux | rocky | Rocky Linux | 8.9 9.3 | x86_64 aarch64 | qcow2 raw vmdk | 2-10 | 10 | 1024 | 6
vm | windows | windows | Windows Server 2016 | 10.0.14393 | x86_64 | vhd vhdx vmdk qcow2 | 12-40 | 40 | 4096 | 4
vm | windows | windows | Windows Server 2019 | 10.0.17763 | x86_64 | vhd vhdx vmdk qcow2 | 12-40 | 40 | 4096 | 5
vm | windows | windows | Windows Server 2022 | 10.0.20348 | x86_64 | vhd vhdx vmdk qcow2 | 12-40 | 40 | 4096 | 5
vm | windows | windows | Windows 7 | 6.1.7601 | x86_64 i686 | vhd vhdx vmdk qcow2 | 10-25 | 32 | 2048 | 2
vm | windows | windows | Windows 10 | 10.0.19045 | x86_64 | vhd vhdx vmdk qcow2 | 12-32 | 40 | 4096 | 3
vm | bsd | freebsd | FreeBSD | 13.2 14.0 | x86_64 aarch64 | qcow2 raw vmdk vhd | 1-5 | 8 | 512 | 3
vm | solaris | solaris | Oracle Solaris | 11.4 | x86_64 | vmdk raw | 3-8 | 16 | 2048 | 1
container | linux | alpine | Alpine Linux | 3.18.6 3.19.1 | x86_64 aarch64 | raw | 0.01-0.3 | 1 | 128 | 6
container | linux | ubuntu | Ubuntu | 20.04 22.04 | x86_64 aarch64 | raw | 0.05-0.9 | 1 | 256 | 5
container | linux | debian | Debian | 11.9 12.5 | x86_64 aarch64 | raw | 0.05-0.8 | 1 | 256 | 4
`;

function parseRow(line: string): OsProfile {
  const cells = line.split('|').map((cell) => cell.trim());
  const [kind, family, distribution, name, versions, archs, formats, size, disk, ram, weight] = cells;
  const [low, high] = (size ?? '').split('-').map(Number);
  return {
    family: family ?? '',
    distribution: distribution ?? '',
    name: name ?? '',
    versions: (versions ?? '').split(' '),
    archs: (archs ?? '').split(' '),
    formats: (formats ?? '').split(' '),
    container: kind === 'container',
    sizeGiB: [low ?? 1, high ?? 1],
    minDiskGB: Number(disk),
    minRamMB: Number(ram),
    weight: Number(weight),
  };
}

export const osProfiles: readonly OsProfile[] = table.trim().split('\n').map(parseRow);

/** What images provide (ENTICE functional properties); ENTICE's own use cases come first. */
export const functionalities: readonly string[] = (
  'wordpress redmine mysql postgresql nginx apache-httpd tomcat nodejs redis mongodb hadoop spark ' +
  'tensorflow jupyter gitlab jenkins elasticsearch kafka'
).split(' ');

/** File extension of an image of each disk format, for source URLs. */
export const extensions: Record<string, string> = {
  qcow2: 'qcow2',
  raw: 'img',
  vmdk: 'vmdk',
  vhd: 'vhd',
  vhdx: 'vhdx',
  iso: 'iso',
};
