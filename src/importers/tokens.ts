import { InputError } from '../errors.ts';

/** A source format's spelling of a controlled value → the API token imagegraph's vocabularies use. */
export type TokenTable<T = string> = Readonly<Record<string, T>>;

/** Hypervisor names as the patent tables (XEN, KVM, VMWare) and CloudStack (XenServer, Hyperv…) write them. */
export const hypervisors: TokenTable = {
  kvm: 'kvm',
  qemu: 'qemu',
  xen: 'xen',
  xenserver: 'xen',
  vmware: 'vmware',
  hyperv: 'hyperv',
  'hyper-v': 'hyperv',
  virtualbox: 'virtualbox',
  lxc: 'lxc',
  docker: 'docker',
  ironic: 'ironic',
};

/**
 * The token TABLE gives for VALUE, looked up case-insensitively; an InputError naming WHAT and WHERE
 * when the table has none.
 */
export function lookupToken<T>(table: TokenTable<T>, value: string, what: string, where: string): T {
  const token = table[value.toLowerCase()];
  if (token === undefined) {
    throw new InputError(`unknown ${what} '${value}'`, {
      where,
      fix: `Use one of: ${Object.keys(table).join(', ')} (case does not matter).`,
    });
  }
  return token;
}
