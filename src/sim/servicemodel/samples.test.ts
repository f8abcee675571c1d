/** The samples shipped in public/samples validate clean and have the shapes the docs promise. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceModel } from './load';
import type { ServiceModel } from './model';

const DIR = resolve(__dirname, '../../../public/samples');

interface SampleEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly csdef: string;
  readonly cscfg: string;
}

const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as SampleEntry[];

const loadSample = (name: string): ServiceModel => {
  const e = index.find((s) => s.name === name)!;
  const r = loadServiceModel({
    csdef: { name: e.csdef, bytes: readFileSync(join(DIR, e.csdef)) },
    cscfg: { name: e.cscfg, bytes: readFileSync(join(DIR, e.cscfg)) },
  });
  expect(r.diagnostics).toEqual([]);
  return r.model!;
};

describe('the samples in public/samples', () => {
  it('lists hello, shop and legacy-app with a title, a description and both files', () => {
    expect(index.map((s) => s.name)).toEqual(['hello', 'shop', 'legacy-app']);
    for (const s of index) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.csdef).toBe(`${s.name}/ServiceDefinition.csdef`);
      expect(s.cscfg).toBe(`${s.name}/ServiceConfiguration.cscfg`);
    }
  });

  it.each(['hello', 'shop', 'legacy-app'])('%s validates with no error and no warning', (name) => {
    expect(loadSample(name).name).toBe(name);
  });

  it('hello is one web role with two instances', () => {
    expect(loadSample('hello').roles.map((r) => [r.type, r.instances])).toEqual([['WebRole', 2]]);
  });

  it("shop is the book's 3 x 3 layout: a web role on port 80 and a worker role, 3 instances each, 3 upgrade domains", () => {
    const shop = loadSample('shop');
    expect(shop.upgradeDomainCount).toBe(3);
    expect(shop.roles.map((r) => [r.type, r.instances])).toEqual([
      ['WebRole', 3],
      ['WorkerRole', 3],
    ]);
    expect(shop.roles[0]!.endpoints[0]).toMatchObject({ kind: 'input', protocol: 'http', port: 80 });
  });

  it('legacy-app is a VM role from the base VHD and a web role with a startup task, two instances each', () => {
    const app = loadSample('legacy-app');
    const [vm, web] = app.roles;
    expect(vm).toMatchObject({ type: 'VirtualMachineRole', instances: 2, osImage: { href: 'legacy-base-2008r2.vhd' } });
    expect(web).toMatchObject({ type: 'WebRole', instances: 2 });
    expect(web!.startupTasks).toEqual([expect.objectContaining({ commandLine: 'startup\\install-erp-client.cmd', executionContext: 'elevated' })]);
  });
});
