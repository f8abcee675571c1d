/**
 * The guided lessons shipped in public/scenarios/lessons/, in teaching order. Each is an
 * ordinary scenario file (../shared/scenarios.md) with chapters, questions and prompts
 * for the learner; `title` is the scenario's `name`, `file` its path under public/
 * (fetch it as `/${file}`), and `id` the file's stem.
 */

export interface LessonEntry {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly summary: string;
}

export const LESSONS: readonly LessonEntry[] = [
  {
    id: '01-host-fails',
    file: 'scenarios/lessons/01-host-fails.json',
    title: 'A host fails and its instances are re-created elsewhere',
    summary:
      'Crash a host under a running service: the FC notices the missed heartbeats, tries a reboot, then re-creates the instance from the base VHD on another host of the same fault domain, with a new computer name and the same DNS name.',
  },
  {
    id: '02-tor-switch',
    file: 'scenarios/lessons/02-tor-switch.json',
    title: 'A top-of-rack switch fails and one fault domain is lost',
    summary:
      'Cut a whole rack off the network: the service stays available on its other two fault domains while the FC rebuilds the lost third in a spare rack and fences the stale copies when the switch returns.',
  },
  {
    id: '03-vm-role-disks',
    file: 'scenarios/lessons/03-vm-role-disks.json',
    title: "A VM role's disks through a reboot, a reimage and a host loss",
    summary:
      'Reboot, reimage and lose the host of a VM role instance and see which disk survives each; startup scripts and durable storage restore the rest.',
  },
  {
    id: '04-rolling-upgrade',
    file: 'scenarios/lessons/04-rolling-upgrade.json',
    title: 'A rolling upgrade, one update domain at a time',
    summary:
      'Walk a manual upgrade through the update domains yourself, and see what a host failure in the middle of it costs when update and fault domains cross.',
  },
  {
    id: '05-vip-swap',
    file: 'scenarios/lessons/05-vip-swap.json',
    title: 'A VIP swap from staging to production',
    summary:
      'Deploy a version that cannot be applied in place to the staging slot, swap the VIPs to put it in production, swap back, and clean up.',
  },
  {
    id: '06-fc-primary-fails',
    file: 'scenarios/lessons/06-fc-primary-fails.json',
    title: 'The FC primary fails and a new one is elected',
    summary:
      'Fail the primary FC replica during a deployment: the others elect a new primary that finishes the deployment and goes on healing, and nothing committed is lost.',
  },
  {
    id: '07-containers',
    file: 'scenarios/lessons/07-containers.json',
    title: 'A new container is burned in; a failing one is serviced as a whole',
    summary:
      'Add a container and watch its hosts pass burn-in; then let failures in another container pass its threshold, so that it is emptied, serviced, burned in again and returned.',
  },
  {
    id: '08-one-fault-domain',
    file: 'scenarios/lessons/08-one-fault-domain.json',
    title: 'Why one fault domain is not enough',
    summary:
      'The same roles deployed with one instance each and with three: the same switch failure takes the first down for minutes and leaves the second available.',
  },
];
