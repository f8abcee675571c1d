/**
 * The image store of VM roles: base VHDs uploaded before a deployment (the 2011 VM Role
 * uploaded them with `csupload Add-VMImage`) and named from the .cscfg by
 * `<OsImage href="NAME.vhd"/>` inside the role's `<Role>`. The fabric copies the base
 * VHD to a host and boots each instance from it plus a differencing disk.
 */

import type { DiagnosticList } from './diagnostics';
import { at } from './model';
import type { ServiceModel } from './model';

export interface VhdImage {
  /** The name the .cscfg uses in `OsImage@href`, e.g. `legacy-base-2008r2.vhd`. */
  readonly name: string;
  readonly version: string;
  readonly sizeGiB: number;
  readonly description?: string;
}

/** The largest VHD accepted: the VHD format's limit of 2040 GiB (a simulator parameter). */
export const MAX_VHD_GIB = 2040;

export class ImageStoreError extends Error {
  override name = 'ImageStoreError';
}

export class ImageStore {
  private readonly images = new Map<string, VhdImage>();

  constructor(images: readonly VhdImage[] = []) {
    for (const i of images) this.upload(i);
  }

  /** Adds an image, or replaces the one of the same name (a new version). Throws ImageStoreError on a bad image. */
  upload(image: VhdImage): VhdImage {
    const name = image.name.trim();
    const plain = [...name].every((c) => c >= ' ' && !'"<>\\'.includes(c));
    if (!/\.vhd$/i.test(name) || name.length > 255 || !plain) {
      throw new ImageStoreError(`image name "${image.name}" must end in .vhd and be at most 255 plain characters`);
    }
    if (image.version.trim() === '') throw new ImageStoreError(`image ${name} needs a version`);
    if (!Number.isFinite(image.sizeGiB) || image.sizeGiB <= 0 || image.sizeGiB > MAX_VHD_GIB) {
      throw new ImageStoreError(`image ${name} has size ${image.sizeGiB} GiB; a VHD is more than 0 and at most ${MAX_VHD_GIB} GiB`);
    }
    const stored: VhdImage = { ...image, name };
    this.images.set(name, stored);
    return stored;
  }

  /** Every image, sorted by name. */
  list(): VhdImage[] {
    return [...this.images.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  lookup(name: string): VhdImage | undefined {
    return this.images.get(name);
  }
}

/** The images every new data center starts with. */
export const DEFAULT_IMAGES: readonly VhdImage[] = [
  {
    name: 'legacy-base-2008r2.vhd',
    version: '1.0',
    sizeGiB: 30,
    description: 'Windows Server 2008 R2 base image, sysprepped, with the VM Role integration components',
  },
];

export function defaultImageStore(): ImageStore {
  return new ImageStore(DEFAULT_IMAGES);
}

/** Every VirtualMachineRole names a base image that is in the store. */
export function checkImages(model: ServiceModel, store: ImageStore, diags: DiagnosticList): void {
  for (const role of model.roles) {
    if (role.type !== 'VirtualMachineRole' || !role.configSrc) continue;
    if (!role.osImage) {
      diags.error(
        at(role.configSrc),
        'os-image-missing',
        `VirtualMachineRole '${role.name}' names no base image: add <OsImage href="NAME.vhd" /> to its <Role> in the service configuration file.`,
      );
      continue;
    }
    if (store.lookup(role.osImage.href)) continue;
    const names = store.list().map((i) => i.name);
    const near = names.find((n) => n.toLowerCase() === role.osImage!.href.toLowerCase());
    diags.error(
      at(role.osImage.src, 'href'),
      'os-image-unknown',
      `VirtualMachineRole '${role.name}' uses image '${role.osImage.href}', which is not in the image store ` +
        (near ? `(did you mean '${near}'? image names are case-sensitive).` : names.length ? `(uploaded: ${names.join(', ')}).` : '(the store is empty: upload the VHD first).'),
    );
  }
}
