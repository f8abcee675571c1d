/**
 * src/sim/replicas: the replicated Fabric Controller's consensus core. Five replicas
 * (fc0..fc4, fidelity.md "The FC itself") keep a log of FC decisions in agreement with
 * Raft (Ongaro and Ousterhout 2014), standing in for the Paxos the real FC ran over its
 * replicated state library. The layer above proposes commands to the primary and acts on
 * them only when `onCommit` reports them committed.
 *
 * - types.ts: roles, log entries, a replica's plain state
 * - timing.ts: election, heartbeat and message timings (simulator parameters)
 * - log.ts: the log's rules (matching, up-to-date, AppendEntries on a log)
 * - messages.ts: RequestVote, AppendEntries and replies; the network between replicas
 * - replica.ts: one replica's Raft rules, as functions over plain state
 * - cluster.ts: ReplicatedFc, the public face: propose, onCommit, faults, checkpoints
 * - invariants.ts: RaftMonitor, a checker of Raft's safety properties for tests
 */
export { ReplicatedFc, COMMIT_EVENT, PRIMARY_EVENT, QUORUM_EVENT, MAX_REPLICAS } from './cluster';
export type { RaftObserver, ReplicaView, ReplicatedFcOptions, ReplicatedFcState } from './cluster';
export { RaftMonitor, runChecked } from './invariants';
export { SafetyError } from './log';
export { NOOP, isNoop } from './replica';
export { RAFT_TIMING } from './timing';
export type { RaftTiming } from './timing';
export type { LogEntry, ProposeResult, ReplicaStatus, Role } from './types';
