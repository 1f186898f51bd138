/**
 * A graph's identity (graph/identity.ts) as every layer above `build/` should take it: importing it from here
 * guarantees that the canonical encoding whose hash is the id (the snapshot body encoder) is registered, so a
 * module that never builds or writes a graph (a store given a graph made by hand) still gets an id instead of
 * the invariant error graph/identity.ts raises without an encoder.
 */
import './snapshotEncode.js';

export { graphIdentity, type GraphIdentity } from '../graph/identity.js';
