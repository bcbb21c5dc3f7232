import type { Requirements } from './nodes.ts';
import type { Preset } from './presets.ts';
import type { Random } from './random.ts';
import { GiB } from './sites.ts';
import { functionalities, type OsProfile, osProfiles } from './tables/systems.ts';

/** What an image is, drawn before it is written: its OS, packaging, size and parent. */
export interface ImageTraits {
  readonly profile: OsProfile;
  readonly version: string;
  readonly type: 'template' | 'iso' | 'snapshot' | 'container';
  readonly needs: Requirements;
  readonly sizeBytes: number;
  readonly functionality: string;
  /** The image this one was derived from, by index; -1 for an original. */
  readonly parent: number;
}

const archs = ['x86_64', 'i686', 'aarch64', 'armv7l'];
const formats = ['qcow2', 'raw', 'vmdk', 'vhd', 'vhdx', 'iso'];
const types = ['template', 'iso', 'snapshot', 'container'] as const;
/** ARM clouds (OpenStack KVM, Kubernetes) register qcow2 and raw disks only. */
const arm = ['aarch64', 'armv7l'];
const armFormats = ['qcow2', 'raw'];
const MiB = 1024 ** 2;

/**
 * Every image's traits in typed arrays (a few bytes per image), so that a derived image can copy
 * its parent's without the generator keeping objects or strings per image.
 */
export class Lineage {
  private readonly profile: Uint8Array;
  private readonly version: Uint8Array;
  private readonly arch: Uint8Array;
  private readonly format: Uint8Array;
  private readonly type: Uint8Array;
  private readonly mode: Uint8Array;
  private readonly functionality: Uint8Array;
  private readonly sizeMiB: Uint32Array;

  constructor(count: number) {
    this.profile = new Uint8Array(count);
    this.version = new Uint8Array(count);
    this.arch = new Uint8Array(count);
    this.format = new Uint8Array(count);
    this.type = new Uint8Array(count);
    this.mode = new Uint8Array(count);
    this.functionality = new Uint8Array(count);
    this.sizeMiB = new Uint32Array(count);
  }

  /** Draws image I's traits: an original, or with the preset's share a derivative of an earlier image. */
  draw(i: number, preset: Preset, random: Random): ImageTraits {
    const drawn = i > 0 && random.chance(preset.derivedShare) ? random.int(0, i - 1) : -1;
    const parent = drawn >= 0 && this.type[drawn] !== types.indexOf('iso') ? drawn : -1;
    if (parent >= 0) this.derive(i, parent, random);
    else this.original(i, preset, random);
    return this.traits(i, parent);
  }

  private original(i: number, preset: Preset, random: Random): void {
    const container = !preset.vmOnly && random.chance(preset.containerShare);
    const choices = osProfiles.filter((p) => p.container === container);
    const profile = random.weighted(choices.map((p) => ({ weight: p.weight, value: p })));
    const arch = random.pick(profile.archs);
    const iso = !container && random.chance(preset.isoShare);
    const format = iso
      ? 'iso'
      : random.pick(profile.formats.filter((f) => !arm.includes(arch) || armFormats.includes(f)));
    const xen = profile.family === 'linux' && format === 'vhd' && random.chance(0.5);
    const [low, high] = iso ? [0.5, 6] : profile.sizeGiB;
    this.profile[i] = osProfiles.indexOf(profile);
    this.version[i] = random.int(0, profile.versions.length - 1);
    this.arch[i] = archs.indexOf(arch);
    this.format[i] = formats.indexOf(format);
    this.type[i] = types.indexOf(container ? 'container' : iso ? 'iso' : 'template');
    this.mode[i] = container ? 2 : xen ? 1 : 0;
    this.functionality[i] = random.int(0, functionalities.length - 1);
    this.sizeMiB[i] = Math.max(8, Math.round((random.between(low, high) * GiB) / MiB));
  }

  /** A size-optimized derivative (ENTICE: up to 55% smaller) or a snapshot (slightly larger). */
  private derive(i: number, parent: number, random: Random): void {
    const optimized = random.chance(0.6);
    for (const column of [
      this.profile,
      this.version,
      this.arch,
      this.format,
      this.mode,
      this.functionality,
    ]) {
      column[i] = column[parent]!;
    }
    this.type[i] = this.type[parent] === types.indexOf('container') || optimized ? this.type[parent]! : 2;
    const factor = optimized ? random.between(0.45, 0.85) : random.between(1, 1.25);
    this.sizeMiB[i] = Math.max(8, Math.round(this.sizeMiB[parent]! * factor));
  }

  private traits(i: number, parent: number): ImageTraits {
    const profile = osProfiles[this.profile[i]!]!;
    const type = types[this.type[i]!]!;
    return {
      profile,
      version: profile.versions[this.version[i]!]!,
      type,
      needs: {
        format: formats[this.format[i]!]!,
        arch: archs[this.arch[i]!]!,
        vmMode: ['hvm', 'xen', 'exe'][this.mode[i]!]!,
        container: type === 'container',
      },
      sizeBytes: this.sizeMiB[i]! * MiB,
      functionality: functionalities[this.functionality[i]!]!,
      parent,
    };
  }
}
