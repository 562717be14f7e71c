export { browserStore, memoryStore, agentKey, type KeyValueStore } from './key-value-store.ts';
export { DraftStore } from './draft-store.ts';
export { SendJournal, type SendSummary } from './send-journal.ts';
export { browserSendLock, memorySendLock, type SendLock } from './send-lock.ts';
