/**
 * What the panel understood from the files, read-only: the service, its upgrade
 * domains, each role with its type, size, instances and endpoints, and what is kept
 * but not simulated. Everything comes from the user's files and is rendered as text.
 */

import type { ServiceModel } from '../../sim/servicemodel';
import { endpointText, plural, roleTypeText, sizeText } from './format';

interface KeptItem {
  readonly key: string;
  readonly text: string;
}

/** Parts of the files that are read and shown but play no part in the simulation. */
function keptItems(model: ServiceModel): KeptItem[] {
  const items: KeptItem[] = [];
  const add = (what: string, file: string, line: number) => items.push({ key: `${file}:${line}:${what}`, text: `${what} (${file}, line ${line})` });
  for (const r of model.roles) {
    if (r.sites) add(`Sites of ${r.name}`, model.files.definition, r.sites.line);
    if (r.contents) add(`Contents of ${r.name}`, model.files.definition, r.contents.line);
    if (r.runtime?.entryPoint) add(`EntryPoint of ${r.name}`, model.files.definition, r.runtime.entryPoint.line);
  }
  if (model.networkTrafficRules) add('NetworkTrafficRules', model.files.definition, model.networkTrafficRules.line);
  if (model.networkConfiguration) add('NetworkConfiguration', model.files.configuration, model.networkConfiguration.line);
  for (const u of model.unmodelled) {
    const what = u.kind === 'attribute' ? `Attribute ${u.name}="${u.value ?? ''}" in ${u.parent}` : `${u.name} in ${u.parent}`;
    add(what, u.file, u.line);
  }
  return items;
}

export function ModelSummary({ model }: { model: ServiceModel | undefined }) {
  if (!model) {
    return (
      <div className="sm-summary">
        <h3>What the files say</h3>
        <p>Nothing yet: both files must be readable XML.</p>
      </div>
    );
  }
  const kept = keptItems(model);
  const instances = model.roles.reduce((n, r) => n + r.instances, 0);
  return (
    <div className="sm-summary">
      <h3>What the files say</h3>
      <dl className="sm-facts">
        <div>
          <dt>Service</dt>
          <dd>{model.name}</dd>
        </div>
        <div>
          <dt>Upgrade domains</dt>
          <dd>{model.upgradeDomainCount}</dd>
        </div>
        <div>
          <dt>Instances</dt>
          <dd>
            {plural(instances, 'instance')} in {plural(model.roles.length, 'role')}
          </dd>
        </div>
      </dl>
      <ul className="sm-roles" aria-label="Roles">
        {model.roles.map((r, i) => (
          <li key={`${i}:${r.name}`}>
            <strong>{r.name}</strong>: {roleTypeText(r.type)}, {sizeText(r)}, {plural(r.instances, 'instance')}
            {r.endpoints.length > 0 ? (
              <ul aria-label={`Endpoints of ${r.name}`}>
                {r.endpoints.map((e, j) => (
                  <li key={`${j}:${e.name}`}>{endpointText(e)}</li>
                ))}
              </ul>
            ) : (
              <span className="sm-muted"> (no endpoints)</span>
            )}
          </li>
        ))}
      </ul>
      {kept.length > 0 ? (
        <>
          <h4>Kept, not simulated</h4>
          <ul className="sm-kept" aria-label="Kept, not simulated">
            {kept.map((k, i) => (
              <li key={`${i}:${k.key}`}>{k.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
