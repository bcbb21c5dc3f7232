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

type Shape = Omit<OsProfile, 'container'>;
const vm = (p: Shape): OsProfile => ({ ...p, container: false });
const ctr = (p: Shape): OsProfile => ({ ...p, container: true });

const linuxDisks = ['qcow2', 'raw', 'vmdk', 'vhd'];
const windowsDisks = ['vhd', 'vhdx', 'vmdk', 'qcow2'];
const l = { family: 'linux', minDiskGB: 10, minRamMB: 1024 } as const;
const w = { family: 'windows', formats: windowsDisks, sizeGiB: [12, 40] as const, minDiskGB: 40 } as const;

export const osProfiles: readonly OsProfile[] = [
  vm({ ...l, distribution: 'ubuntu', name: 'Ubuntu', versions: ['16.04', '18.04', '20.04', '22.04', '24.04'],
    archs: ['x86_64', 'aarch64'], formats: linuxDisks, sizeGiB: [2, 12], weight: 24 }),
  vm({ ...l, distribution: 'centos', name: 'CentOS', versions: ['6.8', '7.2', '7.9', '8.5'],
    archs: ['x86_64'], formats: linuxDisks, sizeGiB: [2, 10], weight: 14 }),
  vm({ ...l, distribution: 'debian', name: 'Debian', versions: ['9.13', '10.13', '11.9', '12.5'],
    archs: ['x86_64', 'i686', 'aarch64'], formats: linuxDisks, sizeGiB: [1, 8], weight: 14 }),
  vm({ ...l, distribution: 'rocky', name: 'Rocky Linux', versions: ['8.9', '9.3'],
    archs: ['x86_64', 'aarch64'], formats: ['qcow2', 'raw', 'vmdk'], sizeGiB: [2, 10], weight: 6 }),
  vm({ ...w, distribution: 'windows', name: 'Windows Server 2016', versions: ['10.0.14393'],
    archs: ['x86_64'], minRamMB: 4096, weight: 4 }),
  vm({ ...w, distribution: 'windows', name: 'Windows Server 2019', versions: ['10.0.17763'],
    archs: ['x86_64'], minRamMB: 4096, weight: 5 }),
  vm({ ...w, distribution: 'windows', name: 'Windows Server 2022', versions: ['10.0.20348'],
    archs: ['x86_64'], minRamMB: 4096, weight: 5 }),
  vm({ ...w, distribution: 'windows', name: 'Windows 7', versions: ['6.1.7601'],
    archs: ['x86_64', 'i686'], minRamMB: 2048, weight: 2 }),
  vm({ ...w, distribution: 'windows', name: 'Windows 10', versions: ['10.0.19045'],
    archs: ['x86_64'], minRamMB: 4096, weight: 3 }),
  vm({ family: 'bsd', distribution: 'freebsd', name: 'FreeBSD', versions: ['13.2', '14.0'],
    archs: ['x86_64', 'aarch64'], formats: ['qcow2', 'raw', 'vmdk', 'vhd'], sizeGiB: [1, 5],
    minDiskGB: 8, minRamMB: 512, weight: 3 }),
  vm({ family: 'solaris', distribution: 'solaris', name: 'Oracle Solaris', versions: ['11.4'],
    archs: ['x86_64'], formats: ['vmdk', 'raw'], sizeGiB: [3, 8], minDiskGB: 16, minRamMB: 2048, weight: 1 }),
  ctr({ ...l, distribution: 'alpine', name: 'Alpine Linux', versions: ['3.18.6', '3.19.1'],
    archs: ['x86_64', 'aarch64'], formats: ['raw'], sizeGiB: [0.01, 0.3], minDiskGB: 1, minRamMB: 128, weight: 6 }),
  ctr({ ...l, distribution: 'ubuntu', name: 'Ubuntu', versions: ['20.04', '22.04'],
    archs: ['x86_64', 'aarch64'], formats: ['raw'], sizeGiB: [0.05, 0.9], minDiskGB: 1, minRamMB: 256, weight: 5 }),
  ctr({ ...l, distribution: 'debian', name: 'Debian', versions: ['11.9', '12.5'],
    archs: ['x86_64', 'aarch64'], formats: ['raw'], sizeGiB: [0.05, 0.8], minDiskGB: 1, minRamMB: 256, weight: 4 }),
];

/** What images provide (ENTICE functional properties); ENTICE's own use cases come first. */
export const functionalities: readonly string[] = [
  'wordpress', 'redmine', 'mysql', 'postgresql', 'nginx', 'apache-httpd', 'tomcat', 'nodejs', 'redis',
  'mongodb', 'hadoop', 'spark', 'tensorflow', 'jupyter', 'gitlab', 'jenkins', 'elasticsearch', 'kafka',
];

/** File extension of an image of each disk format, for source URLs. */
export const extensions: Record<string, string> = {
  qcow2: 'qcow2', raw: 'img', vmdk: 'vmdk', vhd: 'vhd', vhdx: 'vhdx', iso: 'iso',
};
