import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGES, defaultImageStore, ImageStore, ImageStoreError } from './images';
import { csdef, cscfg, lineOf, load, roleCfg, withCode } from './testing';

const VM_DEF = csdef('  <VirtualMachineRole name="Erp" vmsize="Medium">\n    <Endpoints><InputEndpoint name="Rpc" protocol="tcp" port="8443" /></Endpoints>\n  </VirtualMachineRole>');
const vmCfg = (image?: string): string => cscfg(roleCfg('Erp', 2, image === undefined ? '' : `\n    <OsImage href="${image}" />`));

describe('the image store of VM roles', () => {
  it('starts with the Windows Server 2008 R2 base image', () => {
    const store = defaultImageStore();
    expect(store.lookup('legacy-base-2008r2.vhd')).toMatchObject({ version: '1.0', sizeGiB: 30 });
    expect(store.list()).toEqual(DEFAULT_IMAGES);
  });

  it('uploads, lists by name, looks up, and replaces an image by a new version', () => {
    const store = new ImageStore();
    store.upload({ name: 'zeta.vhd', version: '1', sizeGiB: 40 });
    store.upload({ name: 'alpha.vhd', version: '1', sizeGiB: 20 });
    store.upload({ name: 'zeta.vhd', version: '2', sizeGiB: 41 });
    expect(store.list().map((i) => `${i.name}@${i.version}`)).toEqual(['alpha.vhd@1', 'zeta.vhd@2']);
    expect(store.lookup('ZETA.vhd')).toBeUndefined();
  });

  it.each([
    [{ name: 'image.iso', version: '1', sizeGiB: 10 }, /must end in \.vhd/],
    [{ name: 'a.vhd', version: ' ', sizeGiB: 10 }, /needs a version/],
    [{ name: 'a.vhd', version: '1', sizeGiB: 0 }, /size 0 GiB/],
    [{ name: 'a.vhd', version: '1', sizeGiB: 4096 }, /at most 2040 GiB/],
  ])('refuses a bad upload %j', (image, message) => {
    expect(() => new ImageStore().upload(image)).toThrow(ImageStoreError);
    expect(() => new ImageStore().upload(image)).toThrow(message);
  });

  it('validates a VM role that names an uploaded image', () => {
    const r = load(VM_DEF, vmCfg('legacy-base-2008r2.vhd'));
    expect(r.diagnostics).toEqual([]);
    expect(r.model!.roles[0]).toMatchObject({ type: 'VirtualMachineRole', osImage: { href: 'legacy-base-2008r2.vhd' } });
  });

  it('refuses a VM role without an image', () => {
    const cfg = vmCfg();
    const [d, ...rest] = withCode(load(VM_DEF, cfg), 'os-image-missing');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: lineOf(cfg, '<Role name="Erp"'), element: 'Role' });
    expect(d!.message).toBe(`VirtualMachineRole 'Erp' names no base image: add <OsImage href="NAME.vhd" /> to its <Role> in the service configuration file.`);
  });

  it('refuses an image missing from the store passed to validation, listing what is there', () => {
    const cfg = vmCfg('legacy-base-2008r2.vhd');
    const store = new ImageStore([{ name: 'other.vhd', version: '3', sizeGiB: 12 }]);
    const [d] = withCode(load(VM_DEF, cfg, { images: store }), 'os-image-unknown');
    expect(d).toMatchObject({ severity: 'error', line: lineOf(cfg, '<OsImage'), element: 'OsImage' });
    expect(d!.message).toBe("VirtualMachineRole 'Erp' uses image 'legacy-base-2008r2.vhd', which is not in the image store (uploaded: other.vhd).");
    expect(withCode(load(VM_DEF, vmCfg('Legacy-Base-2008R2.vhd')), 'os-image-unknown')[0]!.message).toMatch(
      /did you mean 'legacy-base-2008r2\.vhd'\? image names are case-sensitive/,
    );
    expect(withCode(load(VM_DEF, cfg, { images: new ImageStore() }), 'os-image-unknown')[0]!.message).toMatch(/the store is empty/);
  });
});
