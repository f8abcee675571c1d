/**
 * The FC ring: the replicated Fabric Controller's five replicas, its quorum and its
 * elections, with a menu per replica to fail or restart it.
 */

export { FcRing } from './FcRing';
