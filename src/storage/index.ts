export { browserStore, memoryStore, agentKey, type KeyValueStore } from './key-value-store.ts';
export { DraftStore } from './draft-store.ts';
