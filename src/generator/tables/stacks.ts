/**
 * Cloud stacks a generated node can run: a provider with its one hypervisor, the disk formats the
 * pair can register, the VM modes and guest architectures it offers, and realistic hypervisor
 * versions. Tokens are the local names of values.ttl's individuals.
 */
export interface Stack {
  readonly provider: string;
  readonly hypervisor: string;
  readonly formats: readonly string[];
  readonly vmModes: readonly string[];
  /** Guest architectures: an x86_64 host also runs i686 guests (libvirt's supported instances). */
  readonly archs: readonly string[];
  readonly versions: readonly string[];
  /** Whether the stack runs container images rather than virtual machines. */
  readonly containers: boolean;
  readonly weight: number;
}

const x86 = ['x86_64', 'i686'];
const kvmVersions = ['2.5.0', '4.2.1', '6.2.0', '8.2.2'];
const xenVersions = ['4.6.5', '4.11.4', '4.14.6', '4.17.2'];
const esxiVersions = ['6.5.0', '6.7.0', '7.0.3', '8.0.1'];

const stack = (
  provider: string,
  hypervisor: string,
  formats: readonly string[],
  vmModes: readonly string[],
  archs: readonly string[],
  versions: readonly string[],
  weight: number,
): Stack => ({
  provider,
  hypervisor,
  formats,
  vmModes,
  archs,
  versions,
  containers: hypervisor === 'docker',
  weight,
});

export const stacks: readonly Stack[] = [
  stack('openstack', 'kvm', ['qcow2', 'raw', 'iso'], ['hvm'], x86, kvmVersions, 30),
  stack('openstack', 'kvm', ['qcow2', 'raw', 'iso'], ['hvm'], ['aarch64'], kvmVersions, 4),
  stack('openstack', 'xen', ['vhd', 'raw', 'iso'], ['xen', 'hvm'], x86, xenVersions, 6),
  stack('openstack', 'vmware', ['vmdk', 'iso'], ['hvm'], x86, esxiVersions, 6),
  stack('openstack', 'hyperv', ['vhdx', 'vhd', 'iso'], ['hvm'], x86, ['10.0.17763', '10.0.20348'], 3),
  stack('cloudstack', 'kvm', ['qcow2', 'iso'], ['hvm'], x86, kvmVersions, 12),
  stack('cloudstack', 'xen', ['vhd', 'iso'], ['xen', 'hvm'], x86, xenVersions, 10),
  stack('cloudstack', 'vmware', ['vmdk', 'iso'], ['hvm'], x86, esxiVersions, 8),
  stack('opennebula', 'kvm', ['qcow2', 'raw', 'iso'], ['hvm'], x86, kvmVersions, 6),
  stack('vsphere', 'vmware', ['vmdk', 'iso'], ['hvm'], x86, esxiVersions, 5),
  stack(
    'kubernetes',
    'docker',
    ['raw'],
    ['exe'],
    ['x86_64', 'aarch64'],
    ['20.10.24', '24.0.7', '25.0.3'],
    10,
  ),
];

/** The stacks of the ENTICE benchmark: virtual-machine clouds only. */
export const vmStacks: readonly Stack[] = stacks.filter((s) => !s.containers);
